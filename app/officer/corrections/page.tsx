import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireStaff } from "@/lib/auth/staff-session";
import { getDb } from "@/lib/db/client";
import { correctionQueue } from "@/lib/corrections/requests";
import { correctionRoute, ownerAgencyName } from "@/lib/corrections/route";
import { findService } from "@/lib/services/catalogue";
import { pick } from "@/lib/i18n/localized";
import { formatDate, formatDateTime } from "@/lib/dates";
import { answerReport } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("corrections.officer");
  return { title: t("title") };
}

const feedback = z.object({
  done: z.literal("1").optional().catch(undefined),
  error: z.enum(["not_found", "already_answered", "invalid_value", "reason_required"]).optional().catch(undefined),
  id: z.coerce.number().int().positive().optional().catch(undefined),
});

/** The owning agency's "Báo sai" queue: open requests first, each answered in place (works without JavaScript). */
export default async function CorrectionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const officer = await requireStaff("officer", "/officer/corrections");
  const [rows, t, locale, query] = await Promise.all([correctionQueue(await getDb(), officer.agency), getTranslations("corrections.officer"), getLocale(), searchParams]);
  const { done, error, id } = feedback.parse(query);
  const open = rows.filter((r) => r.request.status === "open").length;
  return (
    <>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-1 text-stone-700">{t("lead")}</p>
      <p className="mt-3 text-sm text-stone-700" role="status">{t("count", { count: open })}</p>
      {rows.length === 0 && <p className="mt-2 rounded-lg bg-white p-4 ring-1 ring-stone-200">{t("empty")}</p>}
      <ul className="mt-2 space-y-4">
        {rows.map(({ request, dossierCode, serviceCode, citizenName }) => {
          const service = findService(serviceCode);
          const route = service && correctionRoute(service, request.fieldKey);
          if (!service || !route) return null;
          const shown = (v: string | null) => (v === null ? "—" : route.format === "date" ? formatDate(v) : v);
          const mine = id === request.id;
          const answeredBy = pick(ownerAgencyName(request.agency) ?? { vi: request.agency, en: request.agency }, locale);
          return (
            <li key={request.id} id={`yc-${request.id}`} data-field={request.fieldKey} data-dossier={dossierCode} className="scroll-mt-4 rounded-xl bg-white p-4 ring-1 ring-stone-200">
              {mine && done && <p role="status" className="mb-2 rounded-lg border-2 border-emerald-600 bg-emerald-50 p-2 font-medium">{t("done")}</p>}
              {mine && error && <p role="alert" className="mb-2 rounded-lg border-2 border-red-700 bg-red-50 p-2 font-medium text-red-800">{t(`errors.${error}`)}</p>}
              <dl className="grid gap-2 sm:grid-cols-2">
                <div><dt className="text-sm text-stone-600">{t("dossier")}</dt><dd className="font-mono font-semibold">{dossierCode} · {pick(service.shortName, locale)}</dd></div>
                <div><dt className="text-sm text-stone-600">{t("citizen")}</dt><dd className="font-semibold">{citizenName} · {formatDateTime(request.createdAt)}</dd></div>
                <div><dt className="text-sm text-stone-600">{t("line")}</dt><dd className="font-semibold">{pick(route.label, locale)}</dd></div>
                <div><dt className="text-sm text-stone-600">{t("current")}</dt><dd className="font-semibold">{shown(request.reportedValue)}</dd></div>
                <div className="sm:col-span-2"><dt className="text-sm text-stone-600">{t("reason")}</dt><dd className="font-semibold">“{request.reason}”</dd></div>
              </dl>
              {request.status === "open" ? (
                <div className="mt-3 grid gap-3 sm:grid-cols-2">
                  <form action={answerReport} className="space-y-2">
                    <input type="hidden" name="id" value={request.id} />
                    <input type="hidden" name="decision" value="accept" />
                    <label htmlFor={`value-${request.id}`} className="block text-sm font-semibold">{t("valueLabel")}</label>
                    {route.format === "date" && <p className="text-sm text-stone-600">{t("dateHint")}</p>}
                    <input id={`value-${request.id}`} name="value" required maxLength={200} defaultValue={shown(request.reportedValue) === "—" ? "" : shown(request.reportedValue)} className="block min-h-11 w-full rounded-lg border-2 border-stone-400 px-2" />
                    <label htmlFor={`answer-${request.id}`} className="block text-sm font-semibold">{t("answerLabel")}</label>
                    <input id={`answer-${request.id}`} name="answer" maxLength={300} className="block min-h-11 w-full rounded-lg border-2 border-stone-400 px-2" />
                    <button type="submit" className="min-h-11 w-full rounded-lg bg-emerald-800 px-4 font-semibold text-white">{t("accept")}</button>
                  </form>
                  <details className="rounded-lg p-2 ring-1 ring-stone-300">
                    <summary className="flex min-h-11 cursor-pointer items-center font-semibold">{t("rejectSummary")}</summary>
                    <form action={answerReport} className="mt-2 space-y-2">
                      <input type="hidden" name="id" value={request.id} />
                      <input type="hidden" name="decision" value="reject" />
                      <label htmlFor={`reject-${request.id}`} className="block text-sm font-semibold">{t("rejectLabel")}</label>
                      <textarea id={`reject-${request.id}`} name="answer" required minLength={3} maxLength={300} rows={2} className="block w-full rounded-lg border-2 border-stone-400 p-2" />
                      <button type="submit" className="min-h-11 w-full rounded-lg bg-white px-4 font-semibold text-red-800 ring-2 ring-red-700">{t("reject")}</button>
                    </form>
                  </details>
                </div>
              ) : (
                <p className="mt-3 text-sm font-semibold" data-answer={request.status}>
                  {request.status === "accepted"
                    ? t("reviewAccepted", { label: pick(route.label, locale), agency: answeredBy, value: shown(request.correctedValue) })
                    : t("reviewRejected", { label: pick(route.label, locale), agency: answeredBy, answer: request.answer ?? "" })}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
