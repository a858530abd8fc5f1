import { getTranslations } from "next-intl/server";
import type { CentreLoadSummary } from "@/lib/kpi/sla-risk";
import { centreName } from "@/lib/kpi/centres";
import { formatNumber } from "@/lib/kpi/format";

const num = "px-2 py-2 text-right tabular-nums";

/** Each centre's queue against its pace: the warning comes first, the table holds every figure. */
export async function SlaRiskSection({ centres, locale }: { centres: CentreLoadSummary[]; locale: string }) {
  const t = await getTranslations("ioc.slaRisk");
  const atRisk = centres.filter((c) => c.atRisk > 0);
  return (
    <section aria-labelledby="sla-risk-heading" className="mt-8 rounded-xl bg-white p-4 ring-1 ring-stone-200 sm:p-6">
      <h2 id="sla-risk-heading" className="text-xl font-bold">{t("heading")}</h2>
      <p className="mt-1 text-stone-700">{t("lead")}</p>
      {atRisk.length === 0 ? (
        <p className="mt-3 font-semibold text-emerald-800">✓ {t("none")}</p>
      ) : (
        <ul className="mt-3 space-y-2" data-testid="sla-warnings">
          {atRisk.map((c) => (
            <li key={`${c.agency}|${c.commune}`} className="rounded-lg border-l-4 border-red-700 bg-red-50 p-3">
              <span aria-hidden="true">⚠ </span>
              <span className="font-semibold">{centreName(c, locale)}</span>: {t("warning", { count: c.atRisk })}
            </li>
          ))}
        </ul>
      )}
      {centres.length === 0 ? (
        <p className="mt-3">{t("empty")}</p>
      ) : (
        <div className="relative mt-4 overflow-x-auto">
          <table className="w-full min-w-[36rem] text-sm">
            <thead>
              <tr className="border-b border-stone-300 text-left">
                <th scope="col" className="px-2 py-2">{t("centre")}</th>
                <th scope="col" className={num}>{t("queue")}</th>
                <th scope="col" className={num}>{t("throughput")}</th>
                <th scope="col" className={num}>{t("overdue")}</th>
                <th scope="col" className={num}>{t("atRisk")}</th>
              </tr>
            </thead>
            <tbody>
              {centres.map((c) => (
                <tr key={`${c.agency}|${c.commune}`} className="border-b border-stone-200">
                  <th scope="row" className="px-2 py-2 text-left font-semibold">{centreName(c, locale)}</th>
                  <td className={num}>{formatNumber(c.queue, locale)}</td>
                  <td className={num}>{formatNumber(c.throughputPerDay, locale, 2)}</td>
                  <td className={`${num} ${c.overdue > 0 ? "font-bold text-red-800" : ""}`}>{formatNumber(c.overdue, locale)}</td>
                  <td className={`${num} ${c.atRisk > 0 ? "font-bold text-red-800" : ""}`}>{formatNumber(c.atRisk, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
