import { getLocale, getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/staff-session";
import { getDb } from "@/lib/db/client";
import { liveCatalogue } from "@/lib/services/catalogue";
import { pick } from "@/lib/i18n/localized";
import { formatDate } from "@/lib/dates";
import { kpiFilters } from "@/lib/kpi/filters";
import { iocReport } from "@/lib/kpi/ioc-report";
import { communesWithDossiers } from "@/lib/kpi/communes";
import { FilterForm } from "./filter-form";
import { KpiTiles } from "./kpi-tiles";
import { FunnelChart } from "./funnel-chart";
import { BreakdownTable } from "./breakdown-table";
import { OutboxHealth } from "./outbox-health";
import { Definitions } from "./definitions";
import { SlaRiskSection } from "./sla-risk-section";
import { ForecastSection } from "./forecast-section";
import { TrendsSection } from "./trends-section";
import { RankingSection } from "./ranking-section";
import { DeclinesSection } from "./declines-section";
import { RolloutSection } from "./rollout-section";
import { rolloutComparison } from "@/lib/services/store";
import { compareRollout } from "@/lib/kpi/rollout";
import { ExportLinks } from "./export-links";
import { OneStopOutbox } from "./onestop-outbox";
import { oneStopOutboxHealth } from "@/lib/onestop/outbox";
import { oneStopConfig } from "@/lib/onestop/config";
import * as clock from "@/lib/clock";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("ioc");
  return { title: t("title") };
}

export default async function OperationsDashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireStaff("ioc", "/ioc");
  const filters = kpiFilters.parse(await searchParams);
  const today = clock.today();
  const db = await getDb();
  const [report, communes, rollout, onestop, t, locale] = await Promise.all([
    iocReport(db, { today, ...filters }),
    communesWithDossiers(db),
    rolloutComparison(db, { service: filters.service }),
    oneStopOutboxHealth(db),
    getTranslations("ioc"),
    getLocale(),
  ]);
  const serviceName = (code: string) => pick(liveCatalogue().find((s) => s.code === code)!.shortName, locale);
  return (
    <>
      <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
      <p className="mt-1 text-stone-700">{t("lead", { date: formatDate(report.today) })}</p>
      <FilterForm filters={filters} communes={communes} locale={locale} />
      <KpiTiles counts={report.totals} locale={locale} />
      <SlaRiskSection centres={report.centres} locale={locale} />
      <ForecastSection rows={report.forecast} serviceName={serviceName} locale={locale} />
      <FunnelChart counts={report.totals} locale={locale} />
      <section aria-labelledby="by-service-heading" className="mt-8">
        <h2 id="by-service-heading" className="text-xl font-bold">{t("byService.heading")}</h2>
        <BreakdownTable
          id="by-service"
          caption={t("byService.lead")}
          labelHeader={t("table.service")}
          rows={report.byService.map(({ service, ...counts }) => ({ key: service, label: serviceName(service), counts }))}
          total={report.totals}
          locale={locale}
        />
      </section>
      <section aria-labelledby="by-commune-heading" className="mt-8">
        <h2 id="by-commune-heading" className="text-xl font-bold">{t("byCommune.heading")}</h2>
        <BreakdownTable
          id="by-commune"
          caption={t("byCommune.lead")}
          labelHeader={t("table.commune")}
          rows={report.byCommune.map(({ commune, ...counts }) => ({ key: commune, label: commune, counts }))}
          total={report.totals}
          locale={locale}
        />
      </section>
      <TrendsSection trends={report.trends} locale={locale} />
      <RankingSection ranking={report.ranking} serviceName={serviceName} locale={locale} />
      <RolloutSection rows={compareRollout(rollout)} serviceName={serviceName} locale={locale} />
      <DeclinesSection declines={report.declines} serviceName={serviceName} locale={locale} />
      <OutboxHealth outbox={report.outbox} locale={locale} />
      <OneStopOutbox health={onestop} connected={oneStopConfig() !== undefined} locale={locale} />
      <ExportLinks filters={filters} />
      <Definitions />
    </>
  );
}
