import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { env, type Env } from "../env";

/**
 * The Ed25519 key that signs audit checkpoints. It lives in a file the database never sees; the
 * verifier and outside auditors need only its public half. Read here rather than in lib/env.ts so the
 * production requirement fails where the key is used, with its own message.
 */
const keyEnv = z.object({
  // PKCS#8 PEM (`openssl genpkey -algorithm ed25519 -out audit-signing-key.pem`); required in production.
  AUDIT_SIGNING_KEY_FILE: z.string().min(1).optional(),
  // SPKI PEM: lets an auditor's machine verify without the private key.
  AUDIT_PUBLIC_KEY_FILE: z.string().min(1).optional(),
  // The checkpoint log (JSON lines), outside the database; an HTTP endpoint may receive a copy too.
  AUDIT_CHECKPOINT_LOG: z.string().min(1).default(".data/audit-checkpoints.jsonl"),
  AUDIT_CHECKPOINT_URL: z.string().url().optional(),
});
export type AuditKeyEnv = z.infer<typeof keyEnv>;

export function auditKeyEnv(): AuditKeyEnv {
  return keyEnv.parse(process.env);
}

const DEV_KEY_FILE = ".data/audit-signing-key.pem";

/** The key id in every checkpoint: the first 16 hex digits of sha256 over the public key (SPKI DER). */
export function keyId(publicKey: KeyObject): string {
  return createHash("sha256").update(publicKey.export({ type: "spki", format: "der" })).digest("hex").slice(0, 16);
}

function readPrivate(file: string): KeyObject {
  const key = createPrivateKey(readFileSync(file));
  if (key.asymmetricKeyType !== "ed25519") throw new Error(`${file} is not an Ed25519 private key`);
  return key;
}

/** Demo and development only: a key generated once into .data, so the demo signs without set-up. */
function devKey(): KeyObject {
  if (!existsSync(DEV_KEY_FILE)) {
    mkdirSync(path.dirname(DEV_KEY_FILE), { recursive: true });
    const { privateKey } = generateKeyPairSync("ed25519");
    try {
      writeFileSync(DEV_KEY_FILE, privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600, flag: "wx" });
    } catch (e) {
      // Another worker starting at the same moment wrote it first: use theirs.
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
  }
  return readPrivate(DEV_KEY_FILE);
}

/** The signing key: AUDIT_SIGNING_KEY_FILE, or a generated one in demo mode or development. */
export function signingKey(keys: AuditKeyEnv = auditKeyEnv(), app: Pick<Env, "DEMO_MODE" | "NODE_ENV"> = env()): KeyObject {
  if (keys.AUDIT_SIGNING_KEY_FILE) return readPrivate(keys.AUDIT_SIGNING_KEY_FILE);
  if (app.DEMO_MODE || app.NODE_ENV !== "production") return devKey();
  throw new Error(
    "AUDIT_SIGNING_KEY_FILE is required in production (DEMO_MODE=false): audit checkpoints must be signed with a key the database never sees. Create one with `openssl genpkey -algorithm ed25519 -out audit-signing-key.pem` and keep it off the database host.",
  );
}

/** The key checkpoints are verified with: AUDIT_PUBLIC_KEY_FILE, else the signing key's public half. */
export function verifyingKey(keys: AuditKeyEnv = auditKeyEnv()): KeyObject {
  if (keys.AUDIT_PUBLIC_KEY_FILE) {
    const key = createPublicKey(readFileSync(keys.AUDIT_PUBLIC_KEY_FILE));
    if (key.asymmetricKeyType !== "ed25519") throw new Error(`${keys.AUDIT_PUBLIC_KEY_FILE} is not an Ed25519 public key`);
    return key;
  }
  return createPublicKey(signingKey(keys));
}
