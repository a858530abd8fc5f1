import { getTranslations } from "next-intl/server";
import type { KpiCounts } from "@/lib/kpi/dossier-kpis";
import { kpiRates } from "@/lib/kpi/rates";
import { formatNumber, formatPercent } from "@/lib/kpi/format";
import { Bar, NoData, Percent } from "./metric";

// Đà Nẵng's transport-badge figures from the 2025 pilot (840 SMS → 592 badges), the reference the city wants to beat.
const PILOT = { onTime: 1, fullyOnline: 0.995, smsSent: 840, renewed: 592 };

function Tile({ label, children, detail, extra }: { label: string; children: React.ReactNode; detail?: React.ReactNode; extra?: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-1 rounded-xl bg-white p-4 ring-1 ring-stone-200">
      <dt className="text-sm font-semibold text-stone-700">{label}</dt>
      <dd className="text-3xl font-bold tabular-nums">{children}</dd>
      {detail && <dd className="text-sm text-stone-700">{detail}</dd>}
      {extra && <dd className="mt-auto pt-1 text-sm">{extra}</dd>}
    </div>
  );
}

export async function KpiTiles({ counts, locale }: { counts: KpiCounts; locale: string }) {
  const [t, tc] = await Promise.all([getTranslations("ioc.tiles"), getTranslations("ioc")]);
  const rates = kpiRates(counts);
  const empty = tc("noData");
  const pilot = (value: string) => <span className="text-stone-600">{t("pilot", { value })}</span>;
  return (
    <section aria-labelledby="kpi-heading" className="mt-8">
      <h2 id="kpi-heading" className="text-xl font-bold">{t("heading")}</h2>
      <dl className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <Tile
          label={t("onTime")}
          detail={t("onTimeDetail", { count: counts.onTime, total: counts.results })}
          extra={
            <>
              <Bar fraction={rates.onTime} className="bg-emerald-700" />
              <span className="mt-2 block">{pilot(formatPercent(PILOT.onTime, locale))}</span>
            </>
          }
        >
          <Percent value={rates.onTime} locale={locale} empty={empty} />
        </Tile>
        <Tile
          label={t("fullyOnline")}
          detail={t("fullyOnlineDetail", { count: counts.fullyOnline, total: counts.results })}
          extra={
            <>
              <Bar fraction={rates.fullyOnline} className="bg-emerald-700" />
              <span className="mt-2 block">{pilot(formatPercent(PILOT.fullyOnline, locale))}</span>
            </>
          }
        >
          <Percent value={rates.fullyOnline} locale={locale} empty={empty} />
        </Tile>
        <Tile
          label={t("overdue")}
          detail={
            counts.overdue > 0 ? (
              <span className="font-bold text-red-800">
                <span aria-hidden="true">⚠ </span>
                {t("overdueSome")}
              </span>
            ) : (
              <span className="font-semibold text-emerald-800">
                <span aria-hidden="true">✓ </span>
                {t("overdueNone")}
              </span>
            )
          }
        >
          {formatNumber(counts.overdue, locale)}
        </Tile>
        <Tile label={t("median")} detail={t("medianDetail")}>
          {counts.medianDaysToResult === null ? <NoData label={empty} /> : t("medianValue", { days: counts.medianDaysToResult })}
        </Tile>
        <Tile
          label={t("conversion")}
          detail={t("conversionDetail", { sent: counts.renewalSmsSent, renewed: counts.renewed })}
          extra={
            <>
              <Bar fraction={rates.conversion} />
              <span className="mt-2 block">
                {pilot(`${formatNumber(PILOT.smsSent, locale)} → ${formatNumber(PILOT.renewed, locale)} (${formatPercent(PILOT.renewed / PILOT.smsSent, locale)})`)}
              </span>
            </>
          }
        >
          {formatNumber(counts.renewalSmsSent, locale)} → {formatNumber(counts.renewed, locale)}{" "}
          <span className="text-xl">
            (<Percent value={rates.conversion} locale={locale} empty={empty} />)
          </span>
        </Tile>
        <Tile label={t("satisfaction")} detail={t("satisfactionDetail", { count: counts.ratings })}>
          {counts.ratingAverage === null ? (
            <NoData label={empty} />
          ) : (
            t("satisfactionValue", { score: formatNumber(counts.ratingAverage, locale) })
          )}
        </Tile>
      </dl>
    </section>
  );
}
