import { sql } from "drizzle-orm";
import { z } from "zod";
import { queryRows, type Executor } from "../db/client";
import { queueStatuses, slaMark } from "../db/officer-queries";
import { addWorkingDays, isWorkingDay } from "../calendar/working-days";
import { addDays, TIME_ZONE } from "../dates";
import { centreCommuneSql, centreKey, serviceAgencies, type Centre } from "./centres";

/** Days of decisions the throughput is measured over. */
export const THROUGHPUT_DAYS = 7;

export interface CentreLoad extends Centre {
  /** Submitted dossiers waiting for a decision. */
  queue: number;
  /** Decisions (approved or rejected) per working day over the last 7 days. */
  throughputPerDay: number;
  /** Open dossiers already past their due date, by the officer queue's rule. */
  overdue: number;
  /** Open dossiers (overdue ones included) that will pass their due date at the current throughput. */
  atRisk: number;
  /** The at-risk dossiers' codes: for the centre's own lead, never for the IOC. */
  atRiskCodes: string[];
}

const openRow = z.object({
  agency: z.string(),
  commune: z.string(),
  code: z.string(),
  status: z.string(),
  sla_due_date: z.string().nullable(),
});
const resolvedRow = z.object({ agency: z.string(), commune: z.string(), n: z.coerce.number().int() });

/** Working days in the `days` days ending today (at least one, so a rate is always defined). */
function workingDaysEndingOn(today: string, days: number): number {
  let n = 0;
  for (let i = 0; i < days; i++) if (isWorkingDay(addDays(today, -i))) n += 1;
  return Math.max(1, n);
}

/**
 * The day the k-th dossier of a queue (1-based, in the queue's order) is decided when officers keep
 * deciding `perDay` a working day: the first `perDay` today, the next ones each following working day.
 * Undefined when nothing is being decided.
 */
export function projectedDecisionDay(k: number, perDay: number, today: string): string | undefined {
  if (perDay <= 0) return undefined;
  return addWorkingDays(today, Math.ceil(k / perDay) - 1);
}

/** Whether a dossier decided on `day` misses its SLA: the officer queue's overdue mark on that day. */
export function missesSla(row: { status: string; slaDueDate: string | null }, day: string | undefined): boolean {
  if (row.slaDueDate === null || row.status === "approved") return false;
  return day === undefined || slaMark(row, day) === "overdue";
}

/**
 * Every centre's queue, recent throughput and the dossiers that will miss their SLA at that pace. The
 * queue is the officer queue's (submitted dossiers in its statuses) in its order: due date first.
 */
export async function centreLoads(db: Executor, opts: { today: string; agency?: string }): Promise<CentreLoad[]> {
  const statuses = sql.join(
    queueStatuses.map((s) => sql`${s}`),
    sql`, `,
  );
  const agencyFilter = opts.agency === undefined ? sql`true` : sql`a.agency = ${opts.agency}`;
  const [open, resolved] = await Promise.all([
    queryRows<unknown>(db, sql`
      WITH a AS (${serviceAgencies()})
      SELECT a.agency, ${centreCommuneSql} AS commune, d.code, d.status, d.sla_due_date::text AS sla_due_date
      FROM dossiers d JOIN a ON a.code = d.service_code
      WHERE d.submitted_at IS NOT NULL AND d.status IN (${statuses}) AND ${agencyFilter}
      ORDER BY d.sla_due_date ASC NULLS LAST, d.submitted_at ASC`),
    queryRows<unknown>(db, sql`
      WITH a AS (${serviceAgencies()})
      SELECT a.agency, ${centreCommuneSql} AS commune, count(DISTINCT d.id) AS n
      FROM dossier_events e
      JOIN dossiers d ON d.id = e.dossier_id JOIN a ON a.code = d.service_code
      WHERE e.kind = 'status' AND e.to_status IN ('approved', 'rejected')
        AND (e.at AT TIME ZONE ${TIME_ZONE})::date > ${opts.today}::date - ${THROUGHPUT_DAYS}::int
        AND (e.at AT TIME ZONE ${TIME_ZONE})::date <= ${opts.today}::date
        AND ${agencyFilter}
      GROUP BY 1, 2`),
  ]);
  const workingDays = workingDaysEndingOn(opts.today, THROUGHPUT_DAYS);
  const loads = new Map<string, CentreLoad>();
  const loadOf = ({ agency, commune }: Centre) => {
    const key = centreKey({ agency, commune });
    let load = loads.get(key);
    if (!load) {
      // Only the centre's two fields: the row it came from carries a dossier code.
      load = { agency, commune, queue: 0, throughputPerDay: 0, overdue: 0, atRisk: 0, atRiskCodes: [] };
      loads.set(key, load);
    }
    return load;
  };
  for (const raw of resolved) {
    const r = resolvedRow.parse(raw);
    loadOf(r).throughputPerDay = r.n / workingDays;
  }
  for (const raw of open) {
    const r = openRow.parse(raw);
    const load = loadOf(r);
    // Approved dossiers wait for hand-over, not for a decision: in the officer queue, outside the SLA.
    if (r.status === "approved") continue;
    load.queue += 1;
    const row = { status: r.status, slaDueDate: r.sla_due_date };
    if (slaMark(row, opts.today) === "overdue") load.overdue += 1;
    if (missesSla(row, projectedDecisionDay(load.queue, load.throughputPerDay, opts.today))) {
      load.atRisk += 1;
      load.atRiskCodes.push(r.code);
    }
  }
  return [...loads.values()].filter((l) => l.queue > 0 || l.throughputPerDay > 0).sort((a, b) => b.atRisk - a.atRisk || b.queue - a.queue);
}

/** What the IOC may see of a centre's load: counts and rates, no dossier codes. */
export type CentreLoadSummary = Omit<CentreLoad, "atRiskCodes">;

export function summarizeLoad(load: CentreLoad): CentreLoadSummary {
  const { agency, commune, queue, throughputPerDay, overdue, atRisk } = load;
  return { agency, commune, queue, throughputPerDay, overdue, atRisk };
}
