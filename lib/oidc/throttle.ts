import { createHmac } from "node:crypto";
import { and, asc, eq, gt, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { loginFailures } from "../db/schema";
import { env } from "../env";

const FAILURE_WINDOW_MINUTES = 5;
/** Failures tolerated in the window; the next attempt is refused. */
const ID_FAILURE_LIMIT = 5;
const IP_FAILURE_LIMIT = 20;
const MAX_DELAY_MS = 4000;

const windowStart = sql`now() - ${sql.raw(`interval '${FAILURE_WINDOW_MINUTES} minutes'`)}`;

interface ThrottleKeys {
  personalId: string;
  ip: string;
}

type Admission =
  | { admitted: true; delayMs: number; attempt: Attempt; triesLeftIfWrong: number }
  | { admitted: false; waitMinutes: number };

/** An admitted attempt: counted as a failure until it is reported a success. */
interface Attempt {
  idKey: string;
  rowIds: number[];
}

/**
 * Records the attempt as a failure before the passcode is checked, then counts: parallel attempts
 * therefore see each other, and no more than the limit get through.
 */
export async function admitAttempt(db: Db, keys: ThrottleKeys): Promise<Admission> {
  const idKey = accountKey(keys.personalId);
  const ipKey = `ip:${keys.ip}`;
  const rows = await db.insert(loginFailures).values([{ throttleKey: idKey }, { throttleKey: ipKey }]).returning({ id: loginFailures.id });
  const rowIds = rows.map((r) => r.id);
  const counts = await db
    .select({ key: loginFailures.throttleKey, n: sql<number>`count(*)::int` })
    .from(loginFailures)
    .where(and(inArray(loginFailures.throttleKey, [idKey, ipKey]), gt(loginFailures.at, windowStart)))
    .groupBy(loginFailures.throttleKey);
  const idFailures = (counts.find((c) => c.key === idKey)?.n ?? 1) - 1;
  const ipFailures = (counts.find((c) => c.key === ipKey)?.n ?? 1) - 1;

  if (idFailures >= ID_FAILURE_LIMIT || ipFailures >= IP_FAILURE_LIMIT) {
    // A refused attempt checks no passcode, so it is not a failure and does not extend the lockout.
    await db.delete(loginFailures).where(inArray(loginFailures.id, rowIds));
    const waits = await Promise.all([
      idFailures >= ID_FAILURE_LIMIT ? secondsUntilBelowLimit(db, idKey, ID_FAILURE_LIMIT) : 0,
      ipFailures >= IP_FAILURE_LIMIT ? secondsUntilBelowLimit(db, ipKey, IP_FAILURE_LIMIT) : 0,
    ]);
    return { admitted: false, waitMinutes: Math.max(1, Math.ceil(Math.max(...waits) / 60)) };
  }
  // Said after a wrong passcode ("Còn 2 lần thử"): the same count for unknown ids, so it reveals no one.
  const triesLeftIfWrong = Math.max(0, Math.min(ID_FAILURE_LIMIT - idFailures - 1, IP_FAILURE_LIMIT - ipFailures - 1));
  return { admitted: true, delayMs: delayAfter(Math.max(idFailures, ipFailures)), attempt: { idKey, rowIds }, triesLeftIfWrong };
}

/**
 * Closes an admitted attempt. A failure keeps its rows; a success forgives the person's failures
 * but not the address's, so one correct passcode cannot reset a guessing run from that address.
 */
export async function settleAttempt(db: Db, attempt: Attempt, outcome: "success" | "failure"): Promise<void> {
  if (outcome === "success") {
    await db.delete(loginFailures).where(inArray(loginFailures.id, attempt.rowIds));
    await db.delete(loginFailures).where(eq(loginFailures.throttleKey, attempt.idKey));
  }
  await db.delete(loginFailures).where(lt(loginFailures.at, windowStart));
}

/**
 * The account's throttle key: a keyed hash (HMAC-SHA-256 under AUTH_SECRET), so the table holds no
 * personal id, and its rows cannot be matched to one without the server's secret.
 */
export function accountKey(account: string): string {
  return `id:${createHmac("sha256", env().AUTH_SECRET).update(`login-failures\0${account}`).digest("base64url")}`;
}

/** 0, 0.5, 1, 2, then 4 seconds for 0, 1, 2, 3, 4+ recent failures. */
export function delayAfter(failures: number): number {
  return failures === 0 ? 0 : Math.min(250 * 2 ** failures, MAX_DELAY_MS);
}

async function secondsUntilBelowLimit(db: Db, key: string, limit: number): Promise<number> {
  const rows = await db
    .select({ seconds: sql<number>`ceil(extract(epoch from (${loginFailures.at} + ${sql.raw(`interval '${FAILURE_WINDOW_MINUTES} minutes'`)} - now())))::int` })
    .from(loginFailures)
    .where(and(eq(loginFailures.throttleKey, key), gt(loginFailures.at, windowStart)))
    .orderBy(asc(loginFailures.at));
  // Once this failure ages out, fewer than `limit` remain and the next attempt is admitted.
  return rows[rows.length - limit]?.seconds ?? 0;
}
