import type { Executor } from "../db/client";
import type { KpiFilters } from "./filters";
import { operationsReport } from "./operations-report";
import { forecastDossiers, type ForecastRow } from "./forecast";
import { centreLoads, summarizeLoad, type CentreLoadSummary } from "./sla-risk";
import { centreTrends, type CentreTrend } from "./trends";
import { rankings, type RankedRow } from "./ranking";
import { declinesByService, type ServiceDeclines } from "./declines";

export interface IocReport extends Awaited<ReturnType<typeof operationsReport>> {
  forecast: ForecastRow[];
  centres: CentreLoadSummary[];
  trends: CentreTrend[];
  ranking: { communes: RankedRow[]; services: RankedRow[] };
  declines: ServiceDeclines[];
}

/**
 * Everything the IOC sees, as counts and rates only: no citizen's name or id, no dossier code (a test
 * holds every field of this against the registry's people).
 */
export async function iocReport(db: Executor, opts: { today: string } & KpiFilters): Promise<IocReport> {
  const report = await operationsReport(db, opts);
  const forecast = await forecastDossiers(db, opts);
  const centres = (await centreLoads(db, { today: opts.today })).map(summarizeLoad);
  const trends = await centreTrends(db, { today: opts.today });
  const declines = await declinesByService(db, report, opts);
  return { ...report, forecast, centres, trends, ranking: rankings(report), declines };
}
