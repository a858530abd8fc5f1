import { describe, expect, it } from "vitest";
import { generateKeyPairSync, createPublicKey } from "node:crypto";
import { mkdtempSync, writeFileSync, appendFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { keyId, signingKey, verifyingKey } from "./audit-keys";
import { appendCheckpoint, openCheckpoint, readCheckpointLog, signCheckpoint } from "./audit-checkpoint";

const dir = mkdtempSync(path.join(tmpdir(), "audit-keys-"));
const production = { DEMO_MODE: false, NODE_ENV: "production" } as const;
const keys = (over: Record<string, string> = {}) => ({ AUDIT_CHECKPOINT_LOG: path.join(dir, "cp.jsonl"), ...over });

describe("the checkpoint signing key", () => {
  it("is required in production, with a message that says how to make one", () => {
    expect(() => signingKey(keys(), production)).toThrow(/AUDIT_SIGNING_KEY_FILE is required in production.*openssl genpkey -algorithm ed25519/);
  });

  it("is read from AUDIT_SIGNING_KEY_FILE, and only an Ed25519 key will do", () => {
    const { privateKey } = generateKeyPairSync("ed25519");
    const file = path.join(dir, "signing.pem");
    writeFileSync(file, privateKey.export({ type: "pkcs8", format: "pem" }));
    const key = signingKey(keys({ AUDIT_SIGNING_KEY_FILE: file }), production);
    expect(keyId(createPublicKey(key))).toBe(keyId(createPublicKey(privateKey)));
    const rsa = path.join(dir, "rsa.pem");
    writeFileSync(rsa, generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs8", format: "pem" }));
    expect(() => signingKey(keys({ AUDIT_SIGNING_KEY_FILE: rsa }), production)).toThrow(/not an Ed25519 private key/);
  });

  it("lets an auditor verify with the public key alone", () => {
    const { privateKey, publicKey } = generateKeyPairSync("ed25519");
    const file = path.join(dir, "public.pem");
    writeFileSync(file, publicKey.export({ type: "spki", format: "pem" }));
    const checkpoint = signCheckpoint([{ table: "dossier_events", seq: 3, hash: "a".repeat(64), rows: 10 }], privateKey, new Date("2026-12-02T00:00:00Z"));
    const opened = openCheckpoint(checkpoint, verifyingKey(keys({ AUDIT_PUBLIC_KEY_FILE: file })));
    expect(opened).toEqual({ ok: true, payload: { v: 1, at: "2026-12-02T00:00:00.000Z", chains: [{ table: "dossier_events", seq: 3, hash: "a".repeat(64), rows: 10 }] } });
  });
});

describe("the checkpoint log", () => {
  it("keeps one line per checkpoint, in order, and reports a line that is not one", async () => {
    const file = path.join(dir, "log", "checkpoints.jsonl");
    expect(await readCheckpointLog(file)).toBeUndefined();
    const { privateKey } = generateKeyPairSync("ed25519");
    const first = signCheckpoint([{ table: "dossier_events", seq: 1, hash: "b".repeat(64), rows: 1 }], privateKey);
    const second = signCheckpoint([{ table: "dossier_events", seq: 2, hash: "c".repeat(64), rows: 2 }], privateKey);
    await appendCheckpoint(file, first);
    await appendCheckpoint(file, second);
    appendFileSync(file, "not json\n");
    expect(await readCheckpointLog(file)).toEqual([first, second, { malformed: 3 }]);
  });
});
