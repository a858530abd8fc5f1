import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { queryRows, type Db, type Executor } from "../db/client";
import { smsOutbox } from "../db/schema";
import type { SendResult, SmsGateway } from "./gateway";
import { safeErrorText } from "./redact";
import * as clock from "../clock";

interface DispatchOptions {
  now?: Date;
  batchSize?: number;
  maxAttempts?: number;
  /** How long a claimed row stays ours; must outlast sending a whole batch (batchSize × gateway timeout). */
  leaseMs?: number;
}

export interface DispatchReport {
  sent: number;
  retried: number;
  failed: number;
}

export const OUTBOX_STATUSES = ["pending", "sending", "sent", "failed"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

const DEFAULTS = { batchSize: 25, maxAttempts: 5, leaseMs: 10 * 60_000 };
const BACKOFF_BASE_MS = 30_000;
const BACKOFF_CAP_MS = 60 * 60_000;

/** Wait before retry number `attempt` + 1: 30 s, 1 min, 2 min … capped at an hour. */
export function backoffMs(attempt: number): number {
  return Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1), BACKOFF_CAP_MS);
}

const claimedRow = z.object({
  id: z.coerce.number(),
  dedupe_key: z.string(),
  phone: z.string(),
  body: z.string(),
  attempts: z.coerce.number(),
});
type ClaimedRow = z.infer<typeof claimedRow>;

const statusCount = z.object({ status: z.enum(OUTBOX_STATUSES), n: z.coerce.number() });

/**
 * Claims due rows in one statement: pending ones whose time has come, and `sending` ones whose lease
 * ran out because their dispatcher died. SKIP LOCKED plus the re-checked WHERE on the new row version
 * means two dispatchers never claim the same row.
 */
async function claimDue(db: Db, now: Date, limit: number, leaseMs: number, maxAttempts: number): Promise<ClaimedRow[]> {
  const at = now.toISOString();
  const leaseEnds = new Date(now.getTime() + leaseMs).toISOString();
  const rows = await queryRows<unknown>(db, sql`
    UPDATE sms_outbox
    SET status = 'sending', attempts = attempts + 1, next_attempt_at = ${leaseEnds}::timestamptz
    WHERE id IN (
      SELECT id FROM sms_outbox
      WHERE (status = 'pending' OR (status = 'sending' AND attempts < ${maxAttempts}))
        AND next_attempt_at <= ${at}::timestamptz
      ORDER BY next_attempt_at, id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, dedupe_key, phone, body, attempts
  `);
  return rows.map((r) => claimedRow.parse(r));
}

/** A row whose dispatcher kept dying mid-send gives up instead of looping forever. */
async function failAbandoned(db: Db, now: Date, maxAttempts: number): Promise<number> {
  const rows = await db
    .update(smsOutbox)
    .set({ status: "failed", lastError: sql`concat_ws('; ', ${smsOutbox.lastError}, 'lease expired with no answer recorded')` })
    .where(and(eq(smsOutbox.status, "sending"), sql`${smsOutbox.attempts} >= ${maxAttempts}`, sql`${smsOutbox.nextAttemptAt} <= ${now.toISOString()}::timestamptz`))
    .returning({ id: smsOutbox.id });
  return rows.length;
}

async function sendSafely(gateway: SmsGateway, row: ClaimedRow): Promise<SendResult> {
  try {
    return await gateway.send({ to: row.phone, body: row.body, idempotencyKey: row.dedupe_key });
  } catch (error) {
    // A gateway that throws has not told us the message failed for good.
    return { ok: false, permanent: false, error: error instanceof Error ? error.message : String(error) };
  }
}

type Outcome = keyof DispatchReport;

/** Records one send; the attempts fence drops the answer if the lease ran out and another dispatcher took over. */
async function record(db: Db, row: ClaimedRow, result: SendResult, at: Date, maxAttempts: number): Promise<Outcome | undefined> {
  const fence = and(eq(smsOutbox.id, row.id), eq(smsOutbox.status, "sending"), eq(smsOutbox.attempts, row.attempts));
  let outcome: Outcome;
  let update: Partial<typeof smsOutbox.$inferInsert>;
  if (result.ok) {
    outcome = "sent";
    update = { status: "sent", sentAt: at, gatewayMessageId: result.messageId };
  } else if (result.permanent || row.attempts >= maxAttempts) {
    outcome = "failed";
    update = { status: "failed", lastError: safeErrorText(result.error) };
  } else {
    outcome = "retried";
    update = { status: "pending", lastError: safeErrorText(result.error), nextAttemptAt: new Date(at.getTime() + backoffMs(row.attempts)) };
  }
  const updated = await db.update(smsOutbox).set(update).where(fence).returning({ id: smsOutbox.id });
  return updated.length > 0 ? outcome : undefined;
}

/** Sends one batch of due messages through `gateway`; call it on a schedule (again at once if a full batch went out). */
export async function dispatchDue(db: Db, gateway: SmsGateway, opts: DispatchOptions = {}): Promise<DispatchReport> {
  const batchSize = opts.batchSize ?? DEFAULTS.batchSize;
  const maxAttempts = opts.maxAttempts ?? DEFAULTS.maxAttempts;
  const leaseMs = opts.leaseMs ?? DEFAULTS.leaseMs;
  const current = () => opts.now ?? clock.now();
  const report: DispatchReport = { sent: 0, retried: 0, failed: await failAbandoned(db, current(), maxAttempts) };
  const claimedAt = current().getTime();
  for (const row of await claimDue(db, new Date(claimedAt), batchSize, leaseMs, maxAttempts)) {
    // Past the lease another dispatcher may already own the rest of the batch.
    if (current().getTime() >= claimedAt + leaseMs) break;
    const outcome = await record(db, row, await sendSafely(gateway, row), current(), maxAttempts);
    if (outcome) report[outcome] += 1;
  }
  return report;
}

/** Rows per status, every status present, for an operations view. */
export async function outboxStatus(db: Executor): Promise<Record<OutboxStatus, number>> {
  const rows = await queryRows<unknown>(db, sql`SELECT status, count(*) AS n FROM sms_outbox GROUP BY status`);
  const counts = Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, 0])) as Record<OutboxStatus, number>;
  for (const row of rows) {
    const { status, n } = statusCount.parse(row);
    counts[status] = n;
  }
  return counts;
}
