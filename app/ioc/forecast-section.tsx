import { getTranslations } from "next-intl/server";
import type { ForecastRow } from "@/lib/kpi/forecast";
import { formatNumber } from "@/lib/kpi/format";
import { GroupedBars } from "./charts/grouped-bars";

const num = "px-2 py-2 text-right tabular-nums";

/** The next 30 and 90 days per service (chart) and per service and commune (table). */
export async function ForecastSection({ rows, serviceName, locale }: { rows: ForecastRow[]; serviceName: (code: string) => string; locale: string }) {
  const t = await getTranslations("ioc.forecast");
  const perService = new Map<string, { next30: number; next90: number }>();
  for (const r of rows) {
    const total = perService.get(r.service) ?? { next30: 0, next90: 0 };
    perService.set(r.service, { next30: total.next30 + r.next30, next90: total.next90 + r.next90 });
  }
  return (
    <section aria-labelledby="forecast-heading" className="mt-8 rounded-xl bg-white p-4 ring-1 ring-stone-200 sm:p-6">
      <h2 id="forecast-heading" className="text-xl font-bold">{t("heading")}</h2>
      <p className="mt-1 text-stone-700">{t("lead")}</p>
      {rows.length === 0 ? (
        <p className="mt-3">{t("empty")}</p>
      ) : (
        <>
          <GroupedBars
            title={t("chart")}
            rows={[...perService].map(([code, v]) => ({ label: serviceName(code), values: v }))}
            series={[
              { key: "next30", label: t("next30"), fill: "fill-sky-700" },
              { key: "next90", label: t("next90"), fill: "fill-sky-300" },
            ]}
            format={(n) => formatNumber(n, locale)}
          />
          <div className="relative mt-4 overflow-x-auto">
            <table className="w-full min-w-[36rem] text-sm" id="forecast-table">
              <thead>
                <tr className="border-b border-stone-300 text-left">
                  <th scope="col" className="px-2 py-2">{t("service")}</th>
                  <th scope="col" className="px-2 py-2">{t("commune")}</th>
                  <th scope="col" className="px-2 py-2">{t("method")}</th>
                  <th scope="col" className={num}>{t("next30")}</th>
                  <th scope="col" className={num}>{t("next90")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={`${r.service}|${r.commune}`} className="border-b border-stone-200">
                    <th scope="row" className="px-2 py-2 text-left font-semibold">{serviceName(r.service)}</th>
                    <td className="px-2 py-2">{r.commune}</td>
                    <td className="px-2 py-2">{t(`methods.${r.method}`)}</td>
                    <td className={num}>{formatNumber(r.next30, locale)}</td>
                    <td className={num}>{formatNumber(r.next90, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
