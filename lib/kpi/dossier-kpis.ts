import { sql } from "drizzle-orm";
import { z } from "zod";
import { queryRows, type Executor } from "../db/client";
import { queueStatuses } from "../db/officer-queries";
import { liveCatalogue } from "../services/catalogue";
import { TIME_ZONE } from "../dates";
import type { KpiFilters } from "./filters";

export interface KpiCounts {
  /** Dossiers with a `prepared` event. */
  prepared: number;
  /** Dossiers whose `prepared:` SMS was sent. */
  notified: number;
  /** Dossiers with a `submitted` event. */
  confirmed: number;
  declined: number;
  expired: number;
  rejected: number;
  /** Dossiers with an `approved` event: a result was issued. */
  results: number;
  delivered: number;
  /** Results whose delivery choice is not pick-up at a centre. */
  fullyOnline: number;
  /** Results whose first approval (Vietnam date) fell on or before the SLA due date. */
  onTime: number;
  /** Open dossiers past their SLA due date, by the officer queue's rule. */
  overdue: number;
  /** Median calendar days from the `prepared` event to the first `approved` event. */
  medianDaysToResult: number | null;
  /** Renewal-service dossiers whose `prepared:` SMS was sent. */
  renewalSmsSent: number;
  /** Of those, the ones that reached a result. */
  renewed: number;
  ratings: number;
  ratingAverage: number | null;
}

export interface DossierKpis {
  totals: KpiCounts;
  byService: (KpiCounts & { service: string })[];
  byCommune: (KpiCounts & { commune: string })[];
}

const count = z.coerce.number().int();
const nullableNumber = z.coerce.number().nullable();

const kpiRow = z.object({
  by_service: z.boolean(),
  by_commune: z.boolean(),
  service_code: z.string().nullable(),
  commune: z.string().nullable(),
  prepared: count,
  notified: count,
  confirmed: count,
  declined: count,
  expired: count,
  rejected: count,
  results: count,
  delivered: count,
  fully_online: count,
  on_time: count,
  overdue: count,
  median_days: nullableNumber,
  renewal_sms_sent: count,
  renewed: count,
  ratings: count,
  rating_average: nullableNumber,
});
type KpiRow = z.infer<typeof kpiRow>;

export const emptyCounts: KpiCounts = {
  prepared: 0,
  notified: 0,
  confirmed: 0,
  declined: 0,
  expired: 0,
  rejected: 0,
  results: 0,
  delivered: 0,
  fullyOnline: 0,
  onTime: 0,
  overdue: 0,
  medianDaysToResult: null,
  renewalSmsSent: 0,
  renewed: 0,
  ratings: 0,
  ratingAverage: null,
};

function countsOf(r: KpiRow): KpiCounts {
  return {
    prepared: r.prepared,
    notified: r.notified,
    confirmed: r.confirmed,
    declined: r.declined,
    expired: r.expired,
    rejected: r.rejected,
    results: r.results,
    delivered: r.delivered,
    fullyOnline: r.fully_online,
    onTime: r.on_time,
    overdue: r.overdue,
    medianDaysToResult: r.median_days,
    renewalSmsSent: r.renewal_sms_sent,
    renewed: r.renewed,
    ratings: r.ratings,
    ratingAverage: r.rating_average,
  };
}

const collator = new Intl.Collator("vi");

/**
 * Every dossier KPI per service, per commune (the owner's) and city-wide in one statement: one fact row
 * per dossier from its events, outbox row and rating, then GROUPING SETS for the three breakdowns.
 */
export async function dossierKpis(db: Executor, opts: { today: string } & KpiFilters): Promise<DossierKpis> {
  const services = liveCatalogue().filter((s) => !opts.service || s.code === opts.service);
  const serviceRows = sql.join(
    services.map((s) => sql`(${s.code}::text, ${s.issues === "licence-renewal"}::boolean)`),
    sql`, `,
  );
  const openStatuses = sql.join(
    queueStatuses.map((s) => sql`${s}`),
    sql`, `,
  );
  const rows = await queryRows<unknown>(db, sql`
    WITH svc(code, renewal) AS (VALUES ${serviceRows}),
    ev AS (
      SELECT dossier_id,
        min(at) FILTER (WHERE to_status = 'prepared') AS prepared_at,
        min(at) FILTER (WHERE to_status = 'approved') AS result_at,
        bool_or(to_status = 'submitted') AS confirmed,
        bool_or(to_status = 'declined') AS declined,
        bool_or(to_status = 'expired') AS expired,
        bool_or(to_status = 'rejected') AS rejected,
        bool_or(to_status = 'delivered') AS delivered
      FROM dossier_events
      WHERE kind = 'status'
      GROUP BY dossier_id
    ),
    facts AS (
      SELECT d.service_code, c.commune, svc.renewal,
        ev.prepared_at IS NOT NULL AS prepared,
        s.id IS NOT NULL AS notified,
        coalesce(ev.confirmed, false) AS confirmed,
        coalesce(ev.declined, false) AS declined,
        coalesce(ev.expired, false) AS expired,
        coalesce(ev.rejected, false) AS rejected,
        coalesce(ev.delivered, false) AS delivered,
        ev.result_at IS NOT NULL AS has_result,
        d.citizen_data ->> 'delivery' IS DISTINCT FROM 'centre' AS no_counter_visit,
        (ev.result_at AT TIME ZONE ${TIME_ZONE})::date <= d.sla_due_date AS on_time,
        (ev.result_at AT TIME ZONE ${TIME_ZONE})::date - (ev.prepared_at AT TIME ZONE ${TIME_ZONE})::date AS days_to_result,
        -- The officer queue's statuses and its overdue rule, word for word, so both screens agree.
        (d.status IN (${openStatuses}) AND d.status <> 'approved' AND d.sla_due_date < ${opts.today}::date) AS overdue,
        r.score
      FROM dossiers d
      JOIN svc ON svc.code = d.service_code
      JOIN citizens c ON c.id = d.owner_id
      LEFT JOIN ev ON ev.dossier_id = d.id
      LEFT JOIN sms_outbox s ON s.dedupe_key = 'prepared:' || d.id AND s.status = 'sent'
      LEFT JOIN ratings r ON r.dossier_id = d.id
      WHERE ${opts.commune === undefined ? sql`true` : sql`c.commune = ${opts.commune}`}
    )
    SELECT
      GROUPING(service_code) = 0 AS by_service,
      GROUPING(commune) = 0 AS by_commune,
      service_code,
      commune,
      count(*) FILTER (WHERE prepared) AS prepared,
      count(*) FILTER (WHERE notified) AS notified,
      count(*) FILTER (WHERE confirmed) AS confirmed,
      count(*) FILTER (WHERE declined) AS declined,
      count(*) FILTER (WHERE expired) AS expired,
      count(*) FILTER (WHERE rejected) AS rejected,
      count(*) FILTER (WHERE has_result) AS results,
      count(*) FILTER (WHERE delivered) AS delivered,
      count(*) FILTER (WHERE has_result AND no_counter_visit) AS fully_online,
      count(*) FILTER (WHERE has_result AND on_time) AS on_time,
      count(*) FILTER (WHERE overdue) AS overdue,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY days_to_result) AS median_days,
      count(*) FILTER (WHERE renewal AND notified) AS renewal_sms_sent,
      count(*) FILTER (WHERE renewal AND notified AND has_result) AS renewed,
      count(score) AS ratings,
      avg(score)::float8 AS rating_average
    FROM facts
    GROUP BY GROUPING SETS ((service_code), (commune), ())`);

  const parsed = rows.map((r) => kpiRow.parse(r));
  const total = parsed.find((r) => !r.by_service && !r.by_commune);
  const perService = new Map(parsed.filter((r) => r.by_service).map((r) => [r.service_code, countsOf(r)]));
  return {
    totals: total ? countsOf(total) : emptyCounts,
    // Every service of the catalogue gets a row, so a service nobody used yet shows as zero, not missing.
    byService: services.map((s) => ({ service: s.code, ...(perService.get(s.code) ?? emptyCounts) })),
    byCommune: parsed
      .filter((r): r is KpiRow & { commune: string } => r.by_commune && r.commune !== null)
      .map((r) => ({ commune: r.commune, ...countsOf(r) }))
      .sort((a, b) => b.prepared - a.prepared || collator.compare(a.commune, b.commune)),
  };
}
