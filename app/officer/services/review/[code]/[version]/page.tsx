import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireStaff } from "@/lib/auth/staff-session";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import * as clock from "@/lib/clock";
import { pick } from "@/lib/i18n/localized";
import { formatVnd } from "@/lib/money";
import { dryRun } from "@/lib/engine/dry-run";
import { serviceDefinition } from "@/lib/services/definition";
import { CENTRE_AGENCY, historyOf, proposal } from "@/lib/services/proposals";
import { reviewQuery } from "@/lib/services/review-query";
import { DryRunView } from "@/components/officer/service-draft-editor";
import { decide } from "../../../actions";

export const dynamic = "force-dynamic";

const params = z.object({ code: z.string().regex(/^[a-z]+(-[a-z]+)*$/), version: z.coerce.number().int().positive() });

export default async function ReviewPage(props: { params: Promise<{ code: string; version: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const parsed = params.safeParse(await props.params);
  if (!parsed.success) notFound();
  const { code, version } = parsed.data;
  const officer = await requireStaff("officer", `/officer/services/review/${code}/${version}`);
  if (officer.agency !== CENTRE_AGENCY) notFound();
  const db = await getDb();
  const row = await proposal(db, code, version);
  const definition = row && serviceDefinition.safeParse(row.definition);
  if (!row || !definition?.success) notFound();
  const service = definition.data;
  const [t, locale, history, run] = await Promise.all([
    getTranslations("officer.services"),
    getLocale(),
    historyOf(db, code),
    dryRun(db, service, { today: clock.today(), origin: env().APP_ORIGIN, communes: row.communes }),
  ]);
  const { done, error } = reviewQuery.parse(await props.searchParams);
  return (
    <>
      <h1 className="text-2xl font-bold">{pick(service.name, locale)}</h1>
      <p className="mb-4 mt-1 text-stone-700">
        {code} · {t("version", { version })} · {t(`status.${row.status}`)} · {t("proposedBy", { who: row.proposedBy })}
      </p>
      {done && <p role="status" className="mb-4 rounded-lg bg-green-50 p-3 font-semibold text-green-900 ring-1 ring-green-200">{t(done === "approve" ? "approved" : "returned")}</p>}
      {error && <p role="alert" className="mb-4 rounded-lg bg-red-50 p-3 font-semibold text-red-900 ring-1 ring-red-200">{t(`error.${error}`)}</p>}
      <dl className="mb-4 grid grid-cols-1 gap-2 rounded-lg bg-white p-4 ring-1 ring-stone-200 sm:grid-cols-2">
        <div><dt className="text-sm text-stone-600">{t("agency")}</dt><dd>{pick(service.agency.name, locale)}</dd></div>
        <div><dt className="text-sm text-stone-600">{t("legalBasis")}</dt><dd>{service.legalBasis}</dd></div>
        <div><dt className="text-sm text-stone-600">{t("sla")}</dt><dd>{t("slaDays", { days: service.slaWorkingDays })}</dd></div>
        <div><dt className="text-sm text-stone-600">{t("fee")}</dt><dd>{formatVnd(service.feeVnd, locale)}</dd></div>
        <div className="sm:col-span-2"><dt className="text-sm text-stone-600">{t("communes")}</dt><dd>{row.communes.join(", ")}</dd></div>
      </dl>
      <DryRunView run={run} text={t.raw("dry") as Record<string, string>} />
      {row.status === "submitted" && (
        <div className="mt-4 grid gap-4 sm:grid-cols-2">
          <form action={decide}>
            <input type="hidden" name="code" value={code} />
            <input type="hidden" name="version" value={version} />
            <input type="hidden" name="action" value="approve" />
            <button className="min-h-11 w-full rounded-lg bg-green-800 px-4 font-semibold text-white focus:outline-none focus-visible:ring-4 focus-visible:ring-green-300">{t("approve")}</button>
          </form>
          <form action={decide} className="space-y-2">
            <input type="hidden" name="code" value={code} />
            <input type="hidden" name="version" value={version} />
            <input type="hidden" name="action" value="return" />
            <label htmlFor="note" className="block font-semibold">{t("returnNote")}</label>
            <textarea id="note" name="note" maxLength={1000} rows={3} className="w-full rounded-lg border border-stone-400 p-2" />
            <button className="min-h-11 w-full rounded-lg border border-stone-500 bg-white px-4 font-semibold focus:outline-none focus-visible:ring-4 focus-visible:ring-red-300">{t("return")}</button>
          </form>
        </div>
      )}
      <section aria-labelledby="history" className="mt-6">
        <h2 id="history" className="mb-2 text-lg font-semibold">{t("history")}</h2>
        <ol className="list-decimal pl-5 text-sm">
          {history.map((h) => (
            <li key={h.id}>
              {t(`action.${h.action}`)} · {h.version ? t("version", { version: h.version }) : ""} · {h.actor}
              {h.note ? ` · ${h.note}` : ""}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
