import { getTranslations } from "next-intl/server";
import type { RankedRow } from "@/lib/kpi/ranking";
import { formatNumber } from "@/lib/kpi/format";
import { Percent } from "./metric";

const num = "px-2 py-2 text-right tabular-nums";

async function RankTable({ id, caption, rows, label, locale }: { id: string; caption: string; rows: RankedRow[]; label: (key: string) => string; locale: string }) {
  const [t, tc] = await Promise.all([getTranslations("ioc.ranking"), getTranslations("ioc")]);
  return (
    <div className="relative overflow-x-auto">
      <table id={id} className="w-full min-w-[24rem] text-sm">
        <caption className="py-2 text-left font-semibold">{caption}</caption>
        <thead>
          <tr className="border-b border-stone-300 text-left">
            <th scope="col" className="px-2 py-2">{t("rank")}</th>
            <th scope="col" className="px-2 py-2">{t("name")}</th>
            <th scope="col" className={num}>{t("results")}</th>
            <th scope="col" className={num}>{t("onTime")}</th>
            <th scope="col" className={num}>{t("fullyOnline")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.key} className="border-b border-stone-200">
              <td className="px-2 py-2 tabular-nums">{i + 1}</td>
              <th scope="row" className="px-2 py-2 text-left font-semibold">{label(r.key)}</th>
              <td className={num}>{formatNumber(r.results, locale)}</td>
              <td className={num}><Percent value={r.onTime} locale={locale} empty={tc("noData")} /></td>
              <td className={num}><Percent value={r.fullyOnline} locale={locale} empty={tc("noData")} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The seeds' thi đua: communes and services side by side. */
export async function RankingSection({ ranking, serviceName, locale }: { ranking: { communes: RankedRow[]; services: RankedRow[] }; serviceName: (code: string) => string; locale: string }) {
  const t = await getTranslations("ioc.ranking");
  return (
    <section aria-labelledby="ranking-heading" className="mt-8 rounded-xl bg-white p-4 ring-1 ring-stone-200 sm:p-6">
      <h2 id="ranking-heading" className="text-xl font-bold">{t("heading")}</h2>
      <p className="mt-1 text-stone-700">{t("lead")}</p>
      <div className="mt-3 grid gap-6 lg:grid-cols-2">
        <RankTable id="ranking-communes" caption={t("communes")} rows={ranking.communes} label={(k) => k} locale={locale} />
        <RankTable id="ranking-services" caption={t("services")} rows={ranking.services} label={serviceName} locale={locale} />
      </div>
    </section>
  );
}
