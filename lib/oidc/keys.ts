import { eq } from "drizzle-orm";
import { exportJWK, generateKeyPair, importJWK, type JSONWebKeySet, type JWK } from "jose";
import type { Db } from "../db/client";
import { oidcSigningKeys } from "../db/schema";

export const SIGNING_ALG = "RS256";

// One well-known key id: processes racing to create the key all insert under it, and the first row wins.
const ACTIVE_KID = "vneid-mock-rs256-1";

interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
}

const cache = new WeakMap<Db, Promise<SigningKey>>();

/** The key id_tokens and access tokens are signed with, created on first use. */
export function signingKey(db: Db): Promise<SigningKey> {
  let key = cache.get(db);
  if (!key) {
    key = loadOrCreateSigningKey(db);
    cache.set(db, key);
    key.catch(() => cache.delete(db));
  }
  return key;
}

/** Uncached: reads the active key, or stores a new one unless another process did first. */
export async function loadOrCreateSigningKey(db: Db): Promise<SigningKey> {
  const existing = await readActiveKey(db);
  if (existing) return existing;
  const { privateKey, publicKey } = await generateKeyPair(SIGNING_ALG, { extractable: true, modulusLength: 2048 });
  const meta = { kid: ACTIVE_KID, alg: SIGNING_ALG, use: "sig" };
  await db
    .insert(oidcSigningKeys)
    .values({
      kid: ACTIVE_KID,
      privateJwk: { ...(await exportJWK(privateKey)), ...meta },
      publicJwk: { ...(await exportJWK(publicKey)), ...meta },
    })
    .onConflictDoNothing({ target: oidcSigningKeys.kid });
  const stored = await readActiveKey(db);
  if (!stored) throw new Error("The OIDC signing key could not be stored");
  return stored;
}

async function readActiveKey(db: Db): Promise<SigningKey | undefined> {
  const [row] = await db.select().from(oidcSigningKeys).where(eq(oidcSigningKeys.kid, ACTIVE_KID));
  if (!row) return undefined;
  const privateKey = await importJWK(row.privateJwk as JWK, SIGNING_ALG);
  if (privateKey instanceof Uint8Array) throw new Error("The OIDC signing key is not an RSA key");
  return { kid: row.kid, privateKey };
}

/** The public keys clients verify our signatures with. */
export async function jwks(db: Db): Promise<JSONWebKeySet> {
  await signingKey(db);
  const rows = await db.select({ publicJwk: oidcSigningKeys.publicJwk }).from(oidcSigningKeys);
  return { keys: rows.map((r) => r.publicJwk as JWK) };
}
