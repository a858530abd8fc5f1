import { sql } from "drizzle-orm";
import { queryRows, type Executor } from "./client";

/**
 * Claims this period's run of a job shared by every app instance: the first caller whose time has
 * come moves next_run_at one period on and gets true; everyone else gets false until then. One upsert,
 * so two instances asking at the same moment cannot both win.
 */
export async function claimRun(db: Executor, job: { name: string; periodMs: number; holder: string }, now: Date): Promise<boolean> {
  const next = new Date(now.getTime() + job.periodMs).toISOString();
  const rows = await queryRows<{ name: string }>(
    db,
    sql`INSERT INTO job_schedule (name, next_run_at, last_run_by) VALUES (${job.name}, ${next}::timestamptz, ${job.holder})
        ON CONFLICT (name) DO UPDATE SET next_run_at = EXCLUDED.next_run_at, last_run_by = EXCLUDED.last_run_by
        WHERE job_schedule.next_run_at <= ${now.toISOString()}::timestamptz
        RETURNING name`,
  );
  return rows.length > 0;
}
