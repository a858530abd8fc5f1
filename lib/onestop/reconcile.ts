import { sql } from "drizzle-orm";
import { z } from "zod";
import { queryRows, type Db } from "../db/client";
import { canTransition, statuses } from "../dossiers/status";
import { onestopStatuses, type OneStopAdapter, type StatusLookup } from "./adapter";
import { applyOneStopStatus } from "./inbound";
import * as clock from "../clock";

/** Our statuses from which a One-Stop status can still move a dossier: the ones worth asking about. */
export const awaitingOneStop = statuses.filter((ours) => onestopStatuses.some((theirs) => canTransition(ours, theirs, "officer")));

export interface ReconcileOptions {
  today: string;
  origin: string;
  now?: Date;
  batchSize?: number;
  /** Ask about a dossier once we have heard nothing about it for this long (and again each time after). */
  quietMs?: number;
}

export interface ReconcileReport {
  checked: number;
  applied: number;
  conflicts: number;
  /** The One-Stop system did not answer: these are asked again after the next quiet spell. */
  unreachable: number;
}

const DEFAULTS = { batchSize: 50, quietMs: 30 * 60_000 };

const claimed = z.object({ dossier_id: z.string(), onestop_id: z.string(), code: z.string() });

/**
 * Claims linked, undecided dossiers we have heard nothing about for a while by moving their checked_at
 * to now: SKIP LOCKED and the re-checked WHERE mean two instances never ask about the same one.
 */
async function claimQuiet(db: Db, now: Date, o: { batchSize: number; quietMs: number }) {
  const quietSince = new Date(now.getTime() - o.quietMs).toISOString();
  const open = sql.join(
    awaitingOneStop.map((s) => sql`${s}`),
    sql`, `,
  );
  const rows = await queryRows<unknown>(db, sql`
    WITH c AS (
      UPDATE onestop_links SET checked_at = ${now.toISOString()}::timestamptz
      WHERE dossier_id IN (
        SELECT l.dossier_id FROM onestop_links l JOIN dossiers d ON d.id = l.dossier_id
        WHERE l.checked_at <= ${quietSince}::timestamptz AND d.status IN (${open})
        ORDER BY l.checked_at LIMIT ${o.batchSize}
        FOR UPDATE OF l SKIP LOCKED
      ) AND checked_at <= ${quietSince}::timestamptz
      RETURNING dossier_id, onestop_id
    )
    SELECT c.dossier_id, c.onestop_id, d.code FROM c JOIN dossiers d ON d.id = c.dossier_id`);
  return rows.map((r) => claimed.parse(r));
}

async function lookUp(adapter: OneStopAdapter, onestopId: string): Promise<StatusLookup> {
  try {
    return await adapter.status(onestopId);
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * No lost status: asks the One-Stop system where quiet dossiers stand and takes each answer through
 * the callback's own path, so a status that also arrives by callback (before or after) counts once
 * and a conflicting one waits for an officer. Call it on a schedule.
 */
export async function reconcileWithOneStop(db: Db, adapter: OneStopAdapter, opts: ReconcileOptions): Promise<ReconcileReport> {
  const o = { batchSize: opts.batchSize ?? DEFAULTS.batchSize, quietMs: opts.quietMs ?? DEFAULTS.quietMs };
  const report: ReconcileReport = { checked: 0, applied: 0, conflicts: 0, unreachable: 0 };
  for (const row of await claimQuiet(db, opts.now ?? clock.now(), o)) {
    const answer = await lookUp(adapter, row.onestop_id);
    if (!answer.ok) {
      report.unreachable += 1;
      continue;
    }
    report.checked += 1;
    if (!answer.latest) continue;
    const { eventId, status, officer, note } = answer.latest;
    const outcome = await applyOneStopStatus(
      db,
      { eventId, onestopId: row.onestop_id, dossierCode: row.code, status, officer, note },
      { today: opts.today, origin: opts.origin, now: opts.now },
    );
    if (outcome.kind === "recorded" && !outcome.duplicate && outcome.outcome === "applied") report.applied += 1;
    if (outcome.kind === "recorded" && !outcome.duplicate && outcome.outcome === "conflict") report.conflicts += 1;
  }
  return report;
}
