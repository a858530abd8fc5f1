import { getTranslations } from "next-intl/server";
import type { KpiCounts } from "@/lib/kpi/dossier-kpis";
import { kpiRates } from "@/lib/kpi/rates";
import { formatNumber } from "@/lib/kpi/format";
import { Bar, Decimal, NoData, Percent } from "./metric";

export interface BreakdownRow {
  key: string;
  label: string;
  counts: KpiCounts;
}

const num = "px-2 py-2 text-right tabular-nums";

/** One row per service or commune; the bars only repeat the numbers in their cells. */
export async function BreakdownTable({ id, caption, labelHeader, rows, total, locale }: {
  id: string;
  caption: string;
  labelHeader: string;
  rows: BreakdownRow[];
  total: KpiCounts;
  locale: string;
}) {
  const [t, tc] = await Promise.all([getTranslations("ioc.table"), getTranslations("ioc")]);
  const empty = tc("noData");
  const maxPrepared = Math.max(1, ...rows.map((r) => r.counts.prepared));
  const cells = (counts: KpiCounts, bars: boolean) => {
    const rates = kpiRates(counts);
    return (
      <>
        <td className={`${num} min-w-28`}>
          {formatNumber(counts.prepared, locale)}
          {bars && <Bar fraction={counts.prepared / maxPrepared} />}
        </td>
        <td className={num}>{formatNumber(counts.confirmed, locale)}</td>
        <td className={num}>{formatNumber(counts.results, locale)}</td>
        <td className={`${num} min-w-24`}>
          <Percent value={rates.onTime} locale={locale} empty={empty} />
          {bars && rates.onTime !== null && <Bar fraction={rates.onTime} className="bg-emerald-700" />}
        </td>
        <td className={`${num} min-w-24`}>
          <Percent value={rates.fullyOnline} locale={locale} empty={empty} />
          {bars && rates.fullyOnline !== null && <Bar fraction={rates.fullyOnline} className="bg-emerald-700" />}
        </td>
        <td className={`${num} ${counts.overdue > 0 ? "font-bold text-red-800" : ""}`}>
          {counts.overdue > 0 && <span aria-hidden="true">⚠ </span>}
          {formatNumber(counts.overdue, locale)}
        </td>
        <td className={num}>
          <Decimal value={counts.medianDaysToResult} locale={locale} empty={empty} />
        </td>
        <td className={`${num} whitespace-nowrap`}>
          {counts.renewalSmsSent === 0 ? (
            <NoData label={empty} />
          ) : (
            <>
              {formatNumber(counts.renewalSmsSent, locale)} → {formatNumber(counts.renewed, locale)} (
              <Percent value={rates.conversion} locale={locale} empty={empty} />)
            </>
          )}
        </td>
        <td className={num}>
          <Decimal value={counts.ratingAverage} locale={locale} empty={empty} />
        </td>
      </>
    );
  };
  const rowHeader = "sticky left-0 bg-white px-2 py-2 text-left font-semibold";
  // `relative` keeps the screen-reader-only texts in the cells inside the scroll box, not widening the page.
  return (
    <>
      <p id={`${id}-caption`} className="mt-1 text-stone-700">
        {caption} <span className="text-sm sm:hidden">({t("scroll")})</span>
      </p>
      <div role="region" aria-labelledby={`${id}-caption`} tabIndex={0} className="relative mt-3 overflow-x-auto rounded-xl bg-white ring-1 ring-stone-200">
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr className="border-b-2 border-stone-300 align-bottom">
              <th scope="col" className="sticky left-0 bg-white px-2 py-2 text-left">{labelHeader}</th>
              <th scope="col" className={num}>{t("prepared")}</th>
              <th scope="col" className={num}>{t("confirmed")}</th>
              <th scope="col" className={num}>{t("results")}</th>
              <th scope="col" className={num}>{t("onTime")}</th>
              <th scope="col" className={num}>{t("fullyOnline")}</th>
              <th scope="col" className={num}>{t("overdue")}</th>
              <th scope="col" className={num}>{t("median")}</th>
              <th scope="col" className={num}>{t("conversion")}</th>
              <th scope="col" className={num}>{t("rating")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-200">
            {rows.length === 0 ? (
              <tr>
                <td colSpan={10} className="px-3 py-4">{t("empty")}</td>
              </tr>
            ) : (
              rows.map((row) => (
                <tr key={row.key} data-key={row.key}>
                  <th scope="row" className={`${rowHeader} min-w-36 font-normal`}>{row.label}</th>
                  {cells(row.counts, true)}
                </tr>
              ))
            )}
          </tbody>
          {rows.length > 1 && (
            <tfoot className="border-t-2 border-stone-300">
              <tr>
                <th scope="row" className={rowHeader}>{t("total")}</th>
                {cells(total, false)}
              </tr>
            </tfoot>
          )}
        </table>
      </div>
    </>
  );
}
