import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { queryRows, type Db, type Executor, type Tx } from "../db/client";
import { dossiers, onestopLinks, onestopOutbox } from "../db/schema";
import { centreCommuneOf } from "../db/officer-queries";
import { getService } from "../services/catalogue";
import { backoffMs } from "../sms/dispatcher";
import { safeErrorText } from "../sms/redact";
import type { OneStopAdapter, OneStopSubmission, SubmitResult } from "./adapter";
import * as clock from "../clock";

/**
 * Queues a submission for the One-Stop system in the transaction that submits the dossier. Due now by
 * the app's clock, which the sync compares it with (a simulated day is never the database's).
 */
export async function queueOneStopSubmission(tx: Tx, dossierId: string, submissionEventId: number): Promise<void> {
  const now = clock.now();
  await tx.insert(onestopOutbox).values({ dossierId, idempotencyKey: `chudong-submission-${submissionEventId}`, createdAt: now, nextAttemptAt: now }).onConflictDoNothing();
}

interface SyncOptions {
  now?: Date;
  batchSize?: number;
  maxAttempts?: number;
  /** How long a claimed row stays ours: longer than a batch of calls at the adapter's timeout. */
  leaseMs?: number;
}

export interface SyncReport {
  sent: number;
  retried: number;
  failed: number;
}

const DEFAULTS = { batchSize: 10, maxAttempts: 8, leaseMs: 5 * 60_000 };

const claimed = z.object({
  id: z.coerce.number(),
  attempts: z.coerce.number(),
  idempotency_key: z.string(),
  dossier_id: z.string(),
  code: z.string(),
  service_code: z.string(),
  owner_id: z.string(),
  full_name: z.string(),
  commune: z.string(),
  submitted_at: z.coerce.date(),
  sla_due_date: z.string().nullable(),
  // The One-Stop record an earlier submission of this dossier opened: a resubmission updates it.
  linked_id: z.string().nullable(),
});
type Claimed = z.infer<typeof claimed>;

/**
 * Claims due rows like the SMS dispatcher: pending ones whose time has come and `sending` ones whose
 * lease ran out; SKIP LOCKED with the re-checked WHERE means two instances never claim the same row.
 * A dossier's submissions go in order: a resubmission waits while an earlier one is still unfiled, so
 * it finds the record to update rather than opening a second one.
 */
async function claimDue(db: Db, now: Date, o: Required<Omit<SyncOptions, "now">>): Promise<Claimed[]> {
  const rows = await queryRows<unknown>(db, sql`
    WITH c AS (
      UPDATE onestop_outbox
      SET status = 'sending', attempts = attempts + 1, next_attempt_at = ${new Date(now.getTime() + o.leaseMs).toISOString()}::timestamptz
      WHERE id IN (
        SELECT id FROM onestop_outbox
        WHERE (status = 'pending' OR (status = 'sending' AND attempts < ${o.maxAttempts}))
          AND next_attempt_at <= ${now.toISOString()}::timestamptz
          AND NOT EXISTS (
            SELECT 1 FROM onestop_outbox earlier
            WHERE earlier.dossier_id = onestop_outbox.dossier_id AND earlier.id < onestop_outbox.id AND earlier.status IN ('pending', 'sending')
          )
        ORDER BY next_attempt_at, id LIMIT ${o.batchSize}
        FOR UPDATE SKIP LOCKED
      )
      RETURNING id, attempts, idempotency_key, dossier_id
    )
    SELECT c.*, d.code, d.service_code, d.owner_id, ci.full_name, ${centreCommuneOf(sql.raw("d"))} AS commune,
      d.submitted_at, d.sla_due_date::text AS sla_due_date, l.onestop_id AS linked_id
    FROM c JOIN dossiers d ON d.id = c.dossier_id JOIN citizens ci ON ci.id = d.owner_id
      LEFT JOIN onestop_links l ON l.dossier_id = c.dossier_id`);
  return rows.map((r) => claimed.parse(r));
}

function submissionOf(row: Claimed): OneStopSubmission {
  return {
    idempotencyKey: row.idempotency_key,
    dossierCode: row.code,
    serviceCode: row.service_code,
    agency: getService(row.service_code).agency.code,
    commune: row.commune,
    applicantId: row.owner_id,
    applicantName: row.full_name,
    submittedAt: row.submitted_at.toISOString(),
    slaDueDate: row.sla_due_date,
  };
}

async function submitSafely(adapter: OneStopAdapter, row: Claimed): Promise<SubmitResult> {
  try {
    return await (row.linked_id ? adapter.supplement(row.linked_id, submissionOf(row)) : adapter.submit(submissionOf(row)));
  } catch (error) {
    return { ok: false, permanent: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Records one answer; the attempts fence drops it when the lease ran out and another instance took the row. */
async function record(db: Db, row: Claimed, result: SubmitResult, at: Date, maxAttempts: number): Promise<keyof SyncReport | undefined> {
  const fence = and(eq(onestopOutbox.id, row.id), eq(onestopOutbox.status, "sending"), eq(onestopOutbox.attempts, row.attempts));
  return db.transaction(async (tx) => {
    if (result.ok) {
      const updated = await tx.update(onestopOutbox).set({ status: "sent", sentAt: at, lastError: null }).where(fence).returning({ id: onestopOutbox.id });
      if (updated.length === 0) return undefined;
      // A resubmission updated the linked record, which keeps its id and receipt: nothing more to link.
      if (row.linked_id) return "sent";
      await tx
        .insert(onestopLinks)
        .values({ dossierId: row.dossier_id, onestopId: result.onestopId, receiptNo: result.receiptNo, linkedAt: at, checkedAt: at })
        .onConflictDoNothing({ target: onestopLinks.dossierId });
      // The receipt number is the One-Stop system's to give (docs/onestop.md): the dossier shows it from now on.
      await tx
        .update(dossiers)
        .set({ receiptNo: sql`(SELECT receipt_no FROM onestop_links WHERE dossier_id = ${row.dossier_id})` })
        .where(and(eq(dossiers.id, row.dossier_id), isNull(dossiers.receiptNo)));
      return "sent";
    }
    const giveUp = result.permanent || row.attempts >= maxAttempts;
    const updated = await tx
      .update(onestopOutbox)
      .set(
        giveUp
          ? { status: "failed", lastError: safeErrorText(result.error) }
          : { status: "pending", lastError: safeErrorText(result.error), nextAttemptAt: new Date(at.getTime() + backoffMs(row.attempts)) },
      )
      .where(fence)
      .returning({ id: onestopOutbox.id });
    return updated.length === 0 ? undefined : giveUp ? "failed" : "retried";
  });
}

/** Sends one batch of due submissions to the One-Stop system; call it on a schedule. */
export async function syncToOneStop(db: Db, adapter: OneStopAdapter, opts: SyncOptions = {}): Promise<SyncReport> {
  const o = { batchSize: opts.batchSize ?? DEFAULTS.batchSize, maxAttempts: opts.maxAttempts ?? DEFAULTS.maxAttempts, leaseMs: opts.leaseMs ?? DEFAULTS.leaseMs };
  const current = () => opts.now ?? clock.now();
  const abandoned = await db
    .update(onestopOutbox)
    .set({ status: "failed", lastError: "lease expired with no answer recorded" })
    .where(and(eq(onestopOutbox.status, "sending"), sql`${onestopOutbox.attempts} >= ${o.maxAttempts}`, sql`${onestopOutbox.nextAttemptAt} <= ${current().toISOString()}::timestamptz`))
    .returning({ id: onestopOutbox.id });
  const report: SyncReport = { sent: 0, retried: 0, failed: abandoned.length };
  const claimedAt = current().getTime();
  for (const row of await claimDue(db, new Date(claimedAt), o)) {
    if (current().getTime() >= claimedAt + o.leaseMs) break;
    const outcome = await record(db, row, await submitSafely(adapter, row), current(), o.maxAttempts);
    if (outcome) report[outcome] += 1;
  }
  return report;
}

/** The receipt number the One-Stop system gave a dossier, if it has answered yet. */
export async function oneStopReceiptNo(tx: Tx, dossierId: string): Promise<string | undefined> {
  const [link] = await tx.select({ receiptNo: onestopLinks.receiptNo }).from(onestopLinks).where(eq(onestopLinks.dossierId, dossierId));
  return link?.receiptNo;
}

export interface OneStopOutboxHealth {
  /** Submissions not yet filed with the One-Stop system (pending or being sent). */
  waiting: number;
  failed: number;
  /** When the oldest of those still waiting was queued. */
  waitingSince: Date | null;
}

const health = z.object({ waiting: z.coerce.number(), failed: z.coerce.number(), waiting_since: z.coerce.date().nullable() });

/** The outbox in counts, city-wide, for the IOC: nothing about whose dossiers they are. */
export async function oneStopOutboxHealth(db: Executor): Promise<OneStopOutboxHealth> {
  const [row] = await queryRows<unknown>(db, sql`
    SELECT count(*) FILTER (WHERE status IN ('pending', 'sending')) AS waiting,
      count(*) FILTER (WHERE status = 'failed') AS failed,
      min(created_at) FILTER (WHERE status IN ('pending', 'sending')) AS waiting_since
    FROM onestop_outbox`);
  const parsed = health.parse(row);
  return { waiting: parsed.waiting, failed: parsed.failed, waitingSince: parsed.waiting_since };
}
