import { getTranslations } from "next-intl/server";
import type { RankedRow } from "@/lib/kpi/ranking";
import { formatNumber } from "@/lib/kpi/format";
import { Percent } from "./metric";
import { IocTable, cell, num, rowClass } from "./ioc-table";

async function RankTable({ id, caption, rows, label, locale }: { id: string; caption: string; rows: RankedRow[]; label: (key: string) => string; locale: string }) {
  const [t, tc] = await Promise.all([getTranslations("ioc.ranking"), getTranslations("ioc")]);
  return (
    <IocTable
      id={id}
      minWidth="min-w-[24rem]"
      caption={caption}
      columns={[
        { label: t("rank") },
        { label: t("name") },
        { label: t("results"), numeric: true },
        { label: t("onTime"), numeric: true },
        { label: t("fullyOnline"), numeric: true },
      ]}
    >
      {rows.map((r, i) => (
        <tr key={r.key} className={rowClass}>
          <td className={`${cell} tabular-nums`}>{i + 1}</td>
          <th scope="row" className={`${cell} text-left font-semibold`}>{label(r.key)}</th>
          <td className={num}>{formatNumber(r.results, locale)}</td>
          <td className={num}><Percent value={r.onTime} locale={locale} empty={tc("noData")} /></td>
          <td className={num}><Percent value={r.fullyOnline} locale={locale} empty={tc("noData")} /></td>
        </tr>
      ))}
    </IocTable>
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
