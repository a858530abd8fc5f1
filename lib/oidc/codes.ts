import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, lt } from "drizzle-orm";
import type { Db } from "../db/client";
import { oidcAuthCodes } from "../db/schema";
import * as clock from "../clock";

const CODE_TTL_SECONDS = 60;

interface CodeGrant {
  clientId: string;
  subject: string;
  redirectUri: string;
  codeChallenge: string;
  nonce: string;
}

interface RedeemedCode extends CodeGrant {
  authTime: Date;
}

function hashCode(code: string): string {
  return createHash("sha256").update(code).digest("base64url");
}

/** A fresh single-use code; only its hash is stored. */
export async function issueCode(db: Db, grant: CodeGrant): Promise<string> {
  const code = randomBytes(32).toString("base64url");
  const issuedAt = clock.now();
  await db.delete(oidcAuthCodes).where(lt(oidcAuthCodes.expiresAt, issuedAt));
  await db.insert(oidcAuthCodes).values({
    codeHash: hashCode(code),
    ...grant,
    expiresAt: new Date(issuedAt.getTime() + CODE_TTL_SECONDS * 1000),
  });
  return code;
}

/** Marks the code used and returns its grant, or undefined when unknown, used or expired. */
export async function redeemCode(db: Db, code: string): Promise<RedeemedCode | undefined> {
  const redeemedAt = clock.now();
  const [row] = await db
    .update(oidcAuthCodes)
    .set({ usedAt: redeemedAt })
    .where(and(eq(oidcAuthCodes.codeHash, hashCode(code)), isNull(oidcAuthCodes.usedAt), gt(oidcAuthCodes.expiresAt, redeemedAt)))
    .returning();
  if (!row?.nonce) return undefined;
  return {
    clientId: row.clientId,
    subject: row.subject,
    redirectUri: row.redirectUri,
    codeChallenge: row.codeChallenge,
    nonce: row.nonce,
    // A code is issued the moment the citizen signs in, so its birth is the authentication time.
    authTime: new Date(row.expiresAt.getTime() - CODE_TTL_SECONDS * 1000),
  };
}
