import { and, desc, eq } from "drizzle-orm";
import type { Executor } from "../db/client";
import { citizens, deepLinks, dossierParties, dossiers } from "../db/schema";
import { findDossierFor, type CitizenDossier } from "../db/dossier-queries";

export interface ReplyParty {
  citizenId: string;
  dossier: CitizenDossier;
  link: { code: string; matchCode: string };
}

/**
 * The dossier a reply is about: one with this match code that the sender's registered phone is a party
 * to. Any other dossier, even with the same code, is not found: a number acts only on its own dossiers.
 */
export async function findReplyParty(ex: Executor, phone: string, matchCode: string): Promise<ReplyParty | undefined> {
  const [row] = await ex
    .select({ citizenId: citizens.id, code: dossiers.code, linkCode: deepLinks.code, matchCode: deepLinks.matchCode })
    .from(citizens)
    .innerJoin(dossierParties, eq(dossierParties.citizenId, citizens.id))
    .innerJoin(dossiers, eq(dossiers.id, dossierParties.dossierId))
    .innerJoin(deepLinks, eq(deepLinks.dossierId, dossiers.id))
    .where(and(eq(citizens.phone, phone), eq(deepLinks.matchCode, matchCode)))
    // Two of one's own dossiers sharing a 4-digit code: the newer is the one the SMS just came for.
    .orderBy(desc(dossiers.createdAt))
    .limit(1);
  if (!row) return undefined;
  const dossier = await findDossierFor(ex, row.citizenId, row.code);
  return dossier && { citizenId: row.citizenId, dossier, link: { code: row.linkCode, matchCode: row.matchCode } };
}

/** Whether the number is a party to any dossier: only such a number is answered when its text makes no sense. */
export async function isPartyPhone(ex: Executor, phone: string): Promise<boolean> {
  const [row] = await ex
    .select({ id: citizens.id })
    .from(citizens)
    .innerJoin(dossierParties, eq(dossierParties.citizenId, citizens.id))
    .where(eq(citizens.phone, phone))
    .limit(1);
  return row !== undefined;
}
