import type { KeyObject } from "node:crypto";
import type { Executor } from "../db/client";
import { openCheckpoint, type CheckpointPayload, type SignedCheckpoint } from "./audit-checkpoint";
import { checkAgainstCheckpoint, verifyAuditTrail, type ChainReport } from "./audit-trail";

export interface AuditVerdict {
  chains: ChainReport[];
  /** The latest signed checkpoint the chains were held against. */
  latest?: CheckpointPayload;
  checkpoints: number;
  /** Problems with the log itself: a bad signature, a foreign key, a line that is not a checkpoint. */
  logProblems: string[];
  ok: boolean;
}

/**
 * The chains recomputed, every checkpoint's signature checked, and the chains held against the latest
 * checkpoint (each seal hashes everything before it, so the latest covers the earlier ones).
 */
export async function verifyWithCheckpoints(db: Executor, log: (SignedCheckpoint | { malformed: number })[], publicKey: KeyObject): Promise<AuditVerdict> {
  const logProblems: string[] = [];
  let latest: CheckpointPayload | undefined;
  for (const [i, line] of log.entries()) {
    if ("malformed" in line) {
      logProblems.push(`checkpoint log line ${line.malformed} is not a checkpoint`);
      continue;
    }
    const opened = openCheckpoint(line, publicKey);
    if (opened.ok) latest = opened.payload;
    else logProblems.push(`checkpoint ${i + 1}: ${opened.reason}`);
  }
  let chains = await verifyAuditTrail(db);
  if (latest) {
    const against = latest;
    chains = await Promise.all(chains.map((c) => checkAgainstCheckpoint(db, c, against)));
  }
  return { chains, latest, checkpoints: log.length, logProblems, ok: logProblems.length === 0 && chains.every((c) => c.ok) };
}
