import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireWardOfficer } from "@/lib/auth/ward-officer";
import { getDb } from "@/lib/db/client";
import { waitingDossiersOf } from "@/lib/db/assist-queries";
import { assistSession } from "@/lib/dossiers/assist";
import { statusSchema } from "@/lib/dossiers/status";
import { findService } from "@/lib/services/catalogue";
import { pick } from "@/lib/i18n/localized";
import { formatDate } from "@/lib/dates";
import { StatusBadge } from "@/components/ui/status-badge";
import { checkAssistCode } from "../actions";

export const dynamic = "force-dynamic";

const query = z.object({
  n: z.coerce.number().int().min(0).max(1000).optional().catch(undefined),
  code: z.enum(["invalid", "wrong", "expired"]).optional().catch(undefined),
  tries: z.coerce.number().int().min(0).max(3).optional().catch(undefined),
});

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * Before the code: how many dossiers wait, and the code field. After it: the citizen's waiting
 * dossiers, for 30 minutes, to this officer only.
 */
export default async function AssistSessionPage(props: Props) {
  const { id } = await props.params;
  const officer = await requireWardOfficer(`/officer/assist/${encodeURIComponent(id)}`);
  const db = await getDb();
  const [session, t, locale, search] = await Promise.all([assistSession(db, officer, id), getTranslations("help.assist"), getLocale(), props.searchParams]);
  const q = query.parse(search);

  if (!session) {
    const expired = q.code === "expired";
    return (
      <>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        {expired ? (
          <p role="alert" className="mt-4 font-semibold text-red-700">{t("expired")}</p>
        ) : (
          <form action={checkAssistCode} className="mt-4 max-w-md space-y-3 rounded-xl bg-white p-4 ring-1 ring-stone-200">
            {q.n !== undefined && <p className="text-lg font-bold" data-prepared>{t("prepared", { count: q.n })}</p>}
            <p role="status">{t("codeSent")}</p>
            {q.code === "wrong" && <p role="alert" className="font-semibold text-red-700">{t("wrong", { tries: q.tries ?? 0 })}</p>}
            {q.code === "invalid" && <p role="alert" className="font-semibold text-red-700">{t("invalidCode")}</p>}
            <input type="hidden" name="assistId" value={id} />
            <input type="hidden" name="n" value={q.n ?? ""} />
            <label htmlFor="code" className="block font-semibold">{t("code")}</label>
            <input id="code" name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} required className="block min-h-11 w-full rounded-lg border-2 border-stone-400 px-3 font-mono text-lg tracking-widest" />
            <button type="submit" className="min-h-11 w-full rounded-lg bg-slate-800 px-4 font-semibold text-white">{t("verify")}</button>
          </form>
        )}
        <p className="mt-4">
          <Link href="/officer/assist" className="inline-flex min-h-11 items-center font-semibold text-blue-800 underline">{t("again")}</Link>
        </p>
      </>
    );
  }

  const waiting = await waitingDossiersOf(db, session.citizenId);
  return (
    <>
      <h1 className="text-2xl font-bold">{t("sessionTitle", { name: session.fullName })}</h1>
      <p className="mt-2 max-w-prose text-stone-700">{t("sessionLead")}</p>
      {waiting.length === 0 ? (
        <p className="mt-4 rounded-lg bg-white p-4 ring-1 ring-stone-200">{t("noneLeft")}</p>
      ) : (
        <ul className="mt-4 divide-y divide-stone-200 rounded-xl bg-white ring-1 ring-stone-200">
          {waiting.map((d) => {
            const service = findService(d.serviceCode);
            return (
              <li key={d.code} className="grid gap-1 p-4 sm:grid-cols-[1fr_auto] sm:items-center">
                <span>
                  <span className="block font-semibold">{service ? pick(service.shortName, locale) : d.serviceCode}</span>
                  <span className="block text-sm text-stone-600">{t("deadline", { date: formatDate(d.confirmDeadline) })}</span>
                </span>
                <span className="flex flex-wrap items-center gap-3">
                  <StatusBadge status={statusSchema.parse(d.status)} />
                  <Link href={`/officer/assist/${id}/${d.code}`} className="inline-flex min-h-11 items-center font-semibold text-blue-800 underline">
                    {t("open", { code: d.code })}
                  </Link>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
