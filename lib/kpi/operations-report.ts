import type { Executor } from "../db/client";
import { outboxStatus, type OutboxStatus } from "../sms/dispatcher";
import { dossierKpis, type DossierKpis } from "./dossier-kpis";
import type { KpiFilters } from "./filters";

interface OperationsReport extends DossierKpis {
  today: string;
  /** The SMS outbox by status, city-wide: the outbox is one queue whatever the filter. */
  outbox: Record<OutboxStatus, number>;
}

/** Everything the operations dashboard shows, for `today` (yyyy-MM-dd, Vietnam). */
export async function operationsReport(db: Executor, opts: { today: string } & KpiFilters): Promise<OperationsReport> {
  const [kpis, outbox] = await Promise.all([dossierKpis(db, opts), outboxStatus(db)]);
  return { today: opts.today, ...kpis, outbox };
}
