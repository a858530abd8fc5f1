import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Db, Executor } from "../db/client";
import { smsChallenges } from "../db/schema";
import { checkOtp, hashOtp, newOtp, OTP_TTL_MINUTES, type OtpCheck } from "./otp";

interface Party {
  dossierId: string;
  citizenId: string;
}

/** A new one-time code for this party and this version of the dossier; any earlier code of theirs dies. */
export async function issueChallenge(ex: Executor, party: Party, dossierVersion: number, secret: string, now: Date): Promise<string> {
  const otp = newOtp();
  const id = randomUUID();
  const row = {
    id,
    codeHash: hashOtp(secret, id, otp),
    dossierVersion,
    attempts: 0,
    expiresAt: new Date(now.getTime() + OTP_TTL_MINUTES * 60_000),
    usedAt: null,
    createdAt: now,
  };
  await ex
    .insert(smsChallenges)
    .values({ ...party, ...row })
    .onConflictDoUpdate({ target: [smsChallenges.dossierId, smsChallenges.citizenId], set: row });
  return otp;
}

export type Redeemed = { ok: true; challengeId: string; dossierVersion: number } | Extract<OtpCheck, { ok: false }> | { ok: false; reason: "none" };

/**
 * Spends the party's code: a right one is marked used (so it confirms once), a wrong one counts a try.
 * The row lock makes two replies carrying the same code take turns: only the first gets `ok`.
 */
export async function redeemChallenge(db: Db, party: Party, code: string, secret: string, now: Date): Promise<Redeemed> {
  return db.transaction(async (tx) => {
    const where = and(eq(smsChallenges.dossierId, party.dossierId), eq(smsChallenges.citizenId, party.citizenId));
    const [challenge] = await tx.select().from(smsChallenges).where(where).for("update");
    if (!challenge) return { ok: false, reason: "none" };
    const check = checkOtp(challenge, code, secret, now);
    if (check.ok) {
      await tx.update(smsChallenges).set({ usedAt: now }).where(eq(smsChallenges.id, challenge.id));
      return { ok: true, challengeId: challenge.id, dossierVersion: challenge.dossierVersion };
    }
    if (check.reason === "wrong") await tx.update(smsChallenges).set({ attempts: sql`${smsChallenges.attempts} + 1` }).where(eq(smsChallenges.id, challenge.id));
    return check;
  });
}
