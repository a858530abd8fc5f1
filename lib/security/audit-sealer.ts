import type { Executor } from "../db/client";
import { log } from "../log";
import { appendCheckpoint, signCheckpoint, type SignedCheckpoint } from "./audit-checkpoint";
import { auditKeyEnv, signingKey, type AuditKeyEnv } from "./audit-keys";
import { chainHeads, sealAuditTrail } from "./audit-trail";

/**
 * Seals what is ready, then signs the sealed heads and appends the checkpoint to the log outside the
 * database (and posts it to AUDIT_CHECKPOINT_URL when set). Runs every few minutes and after each
 * engine run, in any instance.
 */
export async function sealAndCheckpoint(db: Executor, keys: AuditKeyEnv = auditKeyEnv()): Promise<SignedCheckpoint> {
  await sealAuditTrail(db);
  const checkpoint = signCheckpoint(await chainHeads(db), signingKey(keys));
  await appendCheckpoint(keys.AUDIT_CHECKPOINT_LOG, checkpoint);
  if (keys.AUDIT_CHECKPOINT_URL) {
    // The file is the record; a copy that fails to post is logged, not retried.
    await fetch(keys.AUDIT_CHECKPOINT_URL, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(checkpoint), signal: AbortSignal.timeout(5000) })
      .then((r) => {
        if (!r.ok) log.warn({ status: r.status }, "audit checkpoint endpoint refused the checkpoint");
      })
      .catch((err) => log.warn({ err }, "audit checkpoint endpoint did not answer"));
  }
  return checkpoint;
}
