import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { dossierCodeSchema } from "./code";
import type { Db } from "../db/client";
import { dossierEvents, dossiers } from "../db/schema";
import { oneStopCentres } from "../places/communes";
import { centreCommuneOf, findDossierForAgency } from "../db/officer-queries";
import { staffPost } from "../db/staff-accounts";
import { pendingDecisionStatuses, statusSchema } from "./status";

export const reassignRequest = z.object({
  dossierCode: dossierCodeSchema,
  // The centre the lead saw the dossier in: if someone moved it since, nothing happens.
  from: z.string().trim().min(1).max(120),
  // A centre the platform knows (the one list): a misspelt commune would leave the dossier in no queue.
  to: z.enum(oneStopCentres),
});

type ReassignResult = { ok: true; to: string } | { ok: false; error: "invalid" | "not_lead" | "not_found" | "not_allowed" | "conflict" };

/**
 * A centre's lead moves an undecided dossier of their agency to the centre of another commune: one
 * update of the handling centre and one `reassigned` event (who, from, to) in the same transaction.
 */
export async function reassignDossier(db: Db, staff: { username: string; agency: string }, input: unknown): Promise<ReassignResult> {
  const parsed = reassignRequest.safeParse(input);
  if (!parsed.success || parsed.data.from === parsed.data.to) return { ok: false, error: "invalid" };
  const { dossierCode, from, to } = parsed.data;
  const post = await staffPost(db, staff.username);
  // A lead of one commune's centre moves its own dossiers only; a lead with no commune leads them all.
  if (!post?.lead || (post.commune !== null && post.commune !== from)) return { ok: false, error: "not_lead" };
  const found = await findDossierForAgency(db, staff.agency, dossierCode);
  if (!found) return { ok: false, error: "not_found" };
  if (!pendingDecisionStatuses.includes(statusSchema.parse(found.dossier.status))) return { ok: false, error: "not_allowed" };
  return db.transaction(async (tx) => {
    const moved = await tx
      .update(dossiers)
      .set({ centreCommune: to })
      .where(
        and(
          eq(dossiers.id, found.dossier.id),
          sql`${centreCommuneOf()} = ${from}`,
        ),
      )
      .returning({ id: dossiers.id });
    if (moved.length === 0) return { ok: false, error: "conflict" } as const;
    await tx.insert(dossierEvents).values({
      dossierId: found.dossier.id,
      kind: "reassigned",
      actorKind: "officer",
      actorId: staff.username,
      data: { fromCentre: from, toCentre: to },
    });
    return { ok: true, to } as const;
  });
}
