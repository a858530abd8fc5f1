import { lt, sql } from "drizzle-orm";
import { queryRows, type Executor } from "../db/client";
import { rateLimitWindows } from "../db/schema";
import * as clock from "../clock";

export interface RateLimit {
  limit: number;
  windowSeconds: number;
}

type RateDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts one request against `bucket` in a fixed window, in the database so every app process shares
 * the count: a single upsert, atomic under concurrency. Old windows are swept now and then.
 */
export async function hitRateLimit(db: Executor, bucket: string, rule: RateLimit, now: Date = clock.now()): Promise<RateDecision> {
  const windowMs = rule.windowSeconds * 1000;
  const start = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const [row] = await queryRows<{ hits: number }>(
    db,
    sql`INSERT INTO rate_limit_windows (bucket, window_start, hits) VALUES (${bucket}, ${start.toISOString()}, 1)
        ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limit_windows.hits + 1
        RETURNING hits`,
  );
  if (Math.random() < 0.01) {
    await db.delete(rateLimitWindows).where(lt(rateLimitWindows.windowStart, new Date(now.getTime() - Math.max(windowMs, 3_600_000))));
  }
  const hits = Number(row?.hits ?? 1);
  if (hits <= rule.limit) return { allowed: true, remaining: rule.limit - hits };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((start.getTime() + windowMs - now.getTime()) / 1000)) };
}
