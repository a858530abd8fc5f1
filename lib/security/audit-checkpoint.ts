import { sign, verify, type KeyObject, createPublicKey } from "node:crypto";
import { appendFile, mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { keyId } from "./audit-keys";
import type { ChainHead } from "./audit-trail";
import * as clock from "../clock";

/**
 * Signed checkpoints of the sealed audit chains, kept outside the database: whoever rewrites the
 * tables, seals included, cannot make an earlier checkpoint match, for want of the private key.
 */
const checkpointPayload = z.object({
  v: z.literal(1),
  at: z.string(),
  chains: z.array(z.object({ table: z.string(), seq: z.number().int().min(0), hash: z.string().regex(/^[0-9a-f]{64}$/), rows: z.number().int().min(0) })),
});
export type CheckpointPayload = z.infer<typeof checkpointPayload>;

const checkpointLine = z.object({ payload: z.string(), keyId: z.string(), signature: z.string() });
export type SignedCheckpoint = z.infer<typeof checkpointLine>;

export function signCheckpoint(heads: ChainHead[], privateKey: KeyObject, at: Date = clock.now()): SignedCheckpoint {
  const payload = JSON.stringify({ v: 1, at: at.toISOString(), chains: heads.map((h) => ({ table: h.table, seq: h.seq, hash: h.hash, rows: h.rows })) });
  return { payload, keyId: keyId(createPublicKey(privateKey)), signature: sign(null, Buffer.from(payload), privateKey).toString("base64url") };
}

/** The payload of a checkpoint whose signature holds, or the reason it does not. */
export function openCheckpoint(line: SignedCheckpoint, publicKey: KeyObject): { ok: true; payload: CheckpointPayload } | { ok: false; reason: string } {
  if (line.keyId !== keyId(publicKey)) return { ok: false, reason: `signed by key ${line.keyId}, not by the trusted key ${keyId(publicKey)}` };
  if (!verify(null, Buffer.from(line.payload), publicKey, Buffer.from(line.signature, "base64url"))) return { ok: false, reason: "bad signature" };
  const parsed = checkpointPayload.safeParse(JSON.parse(line.payload));
  return parsed.success ? { ok: true, payload: parsed.data } : { ok: false, reason: "signed payload is not a checkpoint" };
}

export async function appendCheckpoint(file: string, checkpoint: SignedCheckpoint): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  // One write of one line with O_APPEND: instances sharing a file do not interleave.
  await appendFile(file, `${JSON.stringify(checkpoint)}\n`, { flag: "a" });
}

/** Every line of the log in order; a line that is not a checkpoint at all is reported as such. */
export async function readCheckpointLog(file: string): Promise<(SignedCheckpoint | { malformed: number })[] | undefined> {
  const text = await readFile(file, "utf8").catch((e: NodeJS.ErrnoException) => {
    if (e.code === "ENOENT") return undefined;
    throw e;
  });
  if (text === undefined) return undefined;
  return text
    .split("\n")
    .map((line, i) => ({ line, i }))
    .filter(({ line }) => line.trim() !== "")
    .map(({ line, i }) => {
      try {
        const parsed = checkpointLine.safeParse(JSON.parse(line));
        return parsed.success ? parsed.data : { malformed: i + 1 };
      } catch {
        return { malformed: i + 1 };
      }
    });
}
