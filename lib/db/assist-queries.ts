import { and, desc, eq, gte, inArray, isNotNull, isNull, lt, gt, sql } from "drizzle-orm";
import type { Db, Executor } from "./client";
import { assistCodes, citizens, dataAccessLog, deepLinks, dossierParties, dossiers, smsOutbox } from "./schema";
import { awaitingCitizenStatuses } from "../dossiers/status";

/** What starting an assist needs of a citizen: their phone, how to address them, and what waits for them. */
export async function assistCandidate(db: Executor, citizenId: string) {
  const [person] = await db
    .select({ phone: citizens.phone, sex: citizens.sex, birthDate: citizens.birthDate })
    .from(citizens)
    .where(eq(citizens.id, citizenId));
  if (!person) return undefined;
  const waiting = await db
    .select({ matchCode: deepLinks.matchCode })
    .from(dossiers)
    .innerJoin(dossierParties, and(eq(dossierParties.dossierId, dossiers.id), eq(dossierParties.citizenId, citizenId)))
    .leftJoin(deepLinks, eq(deepLinks.dossierId, dossiers.id))
    .where(inArray(dossiers.status, [...awaitingCitizenStatuses]))
    .orderBy(desc(dossiers.createdAt));
  return { ...person, prepared: waiting.length, matchCode: waiting.find((w) => w.matchCode)?.matchCode ?? null };
}

/** The code (hashed) and its SMS, in one transaction: no code without its text, no text without its code. */
export async function insertAssistCode(
  db: Db,
  row: { id: string; officer: string; citizenId: string; codeHash: string; expiresAt: Date; sms: { phone: string; body: string } },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(assistCodes).values({ id: row.id, officer: row.officer, citizenId: row.citizenId, codeHash: row.codeHash, expiresAt: row.expiresAt });
    await tx.insert(smsOutbox).values({ dedupeKey: `assist:${row.id}`, phone: row.sms.phone, body: row.sms.body });
  });
}

/** Counts one try against a live, unverified code of this officer's; undefined when none is left. */
export async function consumeAssistTry(db: Executor, q: { id: string; officer: string; maxTries: number; now: Date }) {
  const [row] = await db
    .update(assistCodes)
    .set({ attempts: sql`${assistCodes.attempts} + 1` })
    .where(
      and(
        eq(assistCodes.id, q.id),
        eq(assistCodes.officer, q.officer),
        isNull(assistCodes.verifiedAt),
        lt(assistCodes.attempts, q.maxTries),
        gt(assistCodes.expiresAt, q.now),
      ),
    )
    .returning({ codeHash: assistCodes.codeHash, attempts: assistCodes.attempts });
  return row;
}

export async function markAssistVerified(db: Executor, id: string, at: Date): Promise<void> {
  await db.update(assistCodes).set({ verifiedAt: at }).where(and(eq(assistCodes.id, id), isNull(assistCodes.verifiedAt)));
}

/** The citizen behind a code this officer verified since `verifiedSince`. */
export async function liveAssistSession(db: Executor, q: { id: string; officer: string; verifiedSince: Date }) {
  const [row] = await db
    .select({ citizenId: assistCodes.citizenId, fullName: citizens.fullName })
    .from(assistCodes)
    .innerJoin(citizens, eq(citizens.id, assistCodes.citizenId))
    .where(
      and(
        eq(assistCodes.id, q.id),
        eq(assistCodes.officer, q.officer),
        isNotNull(assistCodes.verifiedAt),
        gte(assistCodes.verifiedAt, q.verifiedSince),
      ),
    );
  return row;
}

/** The dossiers waiting for the citizen, as the officer's list shows them after the code. */
export async function waitingDossiersOf(db: Executor, citizenId: string) {
  return db
    .select({ id: dossiers.id, code: dossiers.code, serviceCode: dossiers.serviceCode, status: dossiers.status, confirmDeadline: dossiers.confirmDeadline })
    .from(dossiers)
    .innerJoin(dossierParties, and(eq(dossierParties.dossierId, dossiers.id), eq(dossierParties.citizenId, citizenId)))
    .where(inArray(dossiers.status, [...awaitingCitizenStatuses]))
    .orderBy(desc(dossiers.createdAt));
}

export async function recordAssistedRead(db: Executor, row: { citizenId: string; dossierId: string; agency: string; purpose: string }) {
  await db.insert(dataAccessLog).values({ ...row, dataset: "prepared-dossiers" });
}
