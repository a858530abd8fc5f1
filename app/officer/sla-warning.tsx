import { getTranslations } from "next-intl/server";
import type { CentreLoad } from "@/lib/kpi/sla-risk";
import { centreName } from "@/lib/kpi/centres";
import { formatNumber } from "@/lib/kpi/format";
import { reassign } from "./actions";

/**
 * The lead's warning: each of their centres whose queue will miss the SLA at the last week's pace, the
 * dossiers concerned, and one form per dossier to move it to another centre.
 */
export async function SlaWarning({ loads, communes, locale, outcome }: {
  loads: CentreLoad[];
  communes: string[];
  locale: string;
  outcome?: { ok: true } | { ok: false; error: string };
}) {
  const t = await getTranslations("officer.slaRisk");
  const atRisk = loads.filter((l) => l.atRisk > 0);
  if (atRisk.length === 0 && !outcome) return null;
  return (
    <section id="sla-risk" aria-labelledby="sla-risk-heading" className="mt-4 rounded-xl border-l-4 border-red-700 bg-red-50 p-4">
      <h2 id="sla-risk-heading" className="text-lg font-bold text-red-900"><span aria-hidden="true">⚠ </span>{t("heading")}</h2>
      {outcome && (
        <p role="status" className={`mt-2 font-semibold ${outcome.ok ? "text-emerald-800" : "text-red-800"}`}>
          {outcome.ok ? t("moved") : t(`errors.${outcome.error}` as "errors.conflict")}
        </p>
      )}
      {atRisk.map((load) => (
        <div key={load.commune} className="mt-3">
          <p>
            <span className="font-semibold">{centreName(load, locale)}</span>:{" "}
            {t("summary", { queue: load.queue, pace: formatNumber(load.throughputPerDay, locale, 2), atRisk: load.atRisk, overdue: load.overdue })}
          </p>
          <ul className="mt-2 space-y-2">
            {load.atRiskCodes.map((code) => (
              <li key={code}>
                <form action={reassign} className="flex flex-wrap items-end gap-2 rounded-lg bg-white p-2 ring-1 ring-red-200">
                  <a href={`/officer/dossiers/${code}`} className="inline-flex min-h-11 items-center font-mono font-semibold text-blue-800 underline">{code}</a>
                  <input type="hidden" name="dossierCode" value={code} />
                  <input type="hidden" name="from" value={load.commune} />
                  <label className="flex flex-col text-sm">
                    {t("moveTo")}
                    <select name="to" required className="min-h-11 rounded-lg border border-stone-400 bg-white px-2" defaultValue="">
                      <option value="" disabled>{t("choose")}</option>
                      {communes.filter((c) => c !== load.commune).map((c) => (
                        <option key={c} value={c}>{c}</option>
                      ))}
                    </select>
                  </label>
                  <button type="submit" className="min-h-11 rounded-lg bg-slate-800 px-4 font-semibold text-white">{t("move")}</button>
                </form>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
