import { sql } from "drizzle-orm";
import { z } from "zod";
import { queryRows, type Executor } from "../db/client";
import { TIME_ZONE } from "../dates";
import { centreCommuneSql, serviceAgencies, type Centre } from "./centres";

export const TREND_DAYS = 14;

export interface TrendDay {
  day: string;
  /** Dossiers first submitted that day. */
  received: number;
  /** Dossiers decided (approved or rejected) that day. */
  resolved: number;
  /** Of those, decided on or before their SLA due date. */
  onTime: number;
  /** Submitted and not yet decided at the end of the day. */
  backlog: number;
}

export interface CentreTrend extends Centre {
  days: TrendDay[];
}

const trendRow = z.object({
  agency: z.string(),
  commune: z.string(),
  day: z.string(),
  received: z.coerce.number().int(),
  resolved: z.coerce.number().int(),
  on_time: z.coerce.number().int(),
  backlog: z.coerce.number().int(),
});

/** Each centre's last 14 days (Vietnam dates, ending today): the seeds' "đông hay không, tỷ lệ tồn cao hay thấp". */
export async function centreTrends(db: Executor, opts: { today: string }): Promise<CentreTrend[]> {
  const first = sql`${opts.today}::date - ${TREND_DAYS - 1}::int`;
  const rows = await queryRows<unknown>(db, sql`
    WITH a AS (${serviceAgencies()}),
    ev AS (
      SELECT dossier_id,
        (min(at) FILTER (WHERE to_status = 'submitted') AT TIME ZONE ${TIME_ZONE})::date AS sub_day,
        (min(at) FILTER (WHERE to_status IN ('approved', 'rejected')) AT TIME ZONE ${TIME_ZONE})::date AS dec_day
      FROM dossier_events WHERE kind = 'status' GROUP BY dossier_id
    ),
    facts AS (
      SELECT a.agency, ${centreCommuneSql} AS commune, ev.sub_day, ev.dec_day, d.sla_due_date
      FROM dossiers d JOIN a ON a.code = d.service_code
      JOIN ev ON ev.dossier_id = d.id
      -- Only dossiers that touch the window: submitted by its end, not decided before its start.
      WHERE ev.sub_day <= ${opts.today}::date AND (ev.dec_day IS NULL OR ev.dec_day >= ${first})
    ),
    days AS (SELECT (${first} + i)::date AS day FROM generate_series(0, ${TREND_DAYS - 1}::int) AS i)
    SELECT f.agency, f.commune, days.day::text AS day,
      count(*) FILTER (WHERE f.sub_day = days.day) AS received,
      count(*) FILTER (WHERE f.dec_day = days.day) AS resolved,
      count(*) FILTER (WHERE f.dec_day = days.day AND f.dec_day <= f.sla_due_date) AS on_time,
      count(*) FILTER (WHERE f.sub_day <= days.day AND (f.dec_day IS NULL OR f.dec_day > days.day)) AS backlog
    FROM facts f CROSS JOIN days
    GROUP BY f.agency, f.commune, days.day
    ORDER BY f.agency, f.commune, days.day`);
  const trends = new Map<string, CentreTrend>();
  for (const raw of rows) {
    const { agency, commune, day, received, resolved, on_time, backlog } = trendRow.parse(raw);
    const key = `${agency}|${commune}`;
    if (!trends.has(key)) trends.set(key, { agency, commune, days: [] });
    trends.get(key)!.days.push({ day, received, resolved, onTime: on_time, backlog });
  }
  return [...trends.values()];
}
