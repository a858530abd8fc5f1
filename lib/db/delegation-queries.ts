import { aliasedTable, and, desc, eq, gt, isNull, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { Executor } from "./client";
import { citizens, delegations, dossiers } from "./schema";

export type DelegationRow = typeof delegations.$inferSelect;

/**
 * The one rule for a delegate's reach, as SQL over `dossiers`: a live grant (not revoked, not ended at
 * `nowIso`) from the dossier's owner to the delegate, naming this dossier or its service.
 */
export function delegationCovers(delegateId: string | SQLWrapper, nowIso: string | SQLWrapper): SQL {
  return sql`EXISTS (SELECT 1 FROM delegations g
    WHERE g.delegate_id = ${delegateId} AND g.grantor_id = ${dossiers.ownerId}
      AND g.revoked_at IS NULL AND g.ends_at > (${nowIso})::timestamptz
      AND (g.dossier_id = ${dossiers.id} OR g.service_code = ${dossiers.serviceCode}))`;
}

export async function insertDelegation(
  db: Executor,
  grant: { grantorId: string; delegateId: string; dossierId: string | null; serviceCode: string | null; endsAt: Date },
): Promise<DelegationRow> {
  const [row] = await db.insert(delegations).values(grant).returning();
  return row!;
}

/** Revokes the grantor's own live grant; false when there is none by that id (someone else's, or already revoked). */
export async function revokeDelegation(db: Executor, grantorId: string, id: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(delegations)
    .set({ revokedAt: at })
    .where(and(eq(delegations.id, id), eq(delegations.grantorId, grantorId), isNull(delegations.revokedAt)))
    .returning({ id: delegations.id });
  return rows.length > 0;
}

export interface GrantView {
  id: string;
  /** The other person: the delegate on the grantor's page, the grantor on the delegate's. */
  otherName: string;
  otherId: string;
  dossierCode: string | null;
  serviceCode: string;
  endsAt: Date;
}

const other = aliasedTable(citizens, "other");

function live(now: Date) {
  return and(isNull(delegations.revokedAt), gt(delegations.endsAt, now));
}

/** The grants a citizen gave that still hold, newest first (the account page). */
export async function grantsGivenBy(db: Executor, grantorId: string, now: Date): Promise<GrantView[]> {
  return db
    .select({
      id: delegations.id,
      otherName: other.fullName,
      otherId: other.id,
      dossierCode: dossiers.code,
      serviceCode: sql<string>`COALESCE(${delegations.serviceCode}, ${dossiers.serviceCode})`,
      endsAt: delegations.endsAt,
    })
    .from(delegations)
    .innerJoin(other, eq(other.id, delegations.delegateId))
    .leftJoin(dossiers, eq(dossiers.id, delegations.dossierId))
    .where(and(eq(delegations.grantorId, grantorId), live(now)))
    .orderBy(desc(delegations.createdAt));
}

export interface DelegatedDossier {
  code: string;
  serviceCode: string;
  status: string;
  grantorName: string;
  endsAt: Date;
}

/**
 * The dossiers a delegate may act on now, through live grants, with whose they are: the delegate's
 * home lists these and nothing else of the grantor's.
 */
export async function dossiersDelegatedTo(db: Executor, delegateId: string, now: Date): Promise<DelegatedDossier[]> {
  return db
    .select({
      code: dossiers.code,
      serviceCode: dossiers.serviceCode,
      status: dossiers.status,
      grantorName: other.fullName,
      endsAt: sql<Date>`max(${delegations.endsAt})`.mapWith((v: string | Date) => new Date(v)),
    })
    .from(delegations)
    .innerJoin(
      dossiers,
      and(
        eq(dossiers.ownerId, delegations.grantorId),
        or(eq(dossiers.id, delegations.dossierId), eq(dossiers.serviceCode, delegations.serviceCode)),
      ),
    )
    .innerJoin(other, eq(other.id, delegations.grantorId))
    .where(and(eq(delegations.delegateId, delegateId), live(now)))
    .groupBy(dossiers.code, dossiers.serviceCode, dossiers.status, dossiers.createdAt, other.fullName)
    .orderBy(desc(dossiers.createdAt));
}

/** When the delegate's live grant over this dossier ends, and whose it is (the dossier page's banner). */
export async function delegationOver(db: Executor, delegateId: string, dossierId: string, now: Date) {
  const [row] = await db
    .select({ endsAt: delegations.endsAt, grantorName: other.fullName })
    .from(delegations)
    .innerJoin(dossiers, eq(dossiers.id, dossierId))
    .innerJoin(other, eq(other.id, delegations.grantorId))
    .where(
      and(
        eq(delegations.delegateId, delegateId),
        eq(delegations.grantorId, dossiers.ownerId),
        or(eq(delegations.dossierId, dossiers.id), eq(delegations.serviceCode, dossiers.serviceCode)),
        live(now),
      ),
    )
    .orderBy(desc(delegations.endsAt))
    .limit(1);
  return row;
}
