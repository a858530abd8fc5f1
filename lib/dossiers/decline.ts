import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { dossierCodeSchema } from "./code";
import type { Db } from "../db/client";
import { dossierEvents, dossiers } from "../db/schema";
import { findDossierFor } from "../db/dossier-queries";
import { findService } from "../services/catalogue";

const declineRequest = z.object({
  dossierCode: dossierCodeSchema,
  version: z.coerce.number().int().positive(),
});

type DeclineResult = { ok: true } | { ok: false; error: "invalid" | "not_found" | "not_declinable" | "conflict" };

/** "Không cần": the citizen says a prepared dossier is not needed (e.g. the vehicle is sold). */
export async function declineDossier(db: Db, citizenId: string, input: unknown): Promise<DeclineResult> {
  const parsed = declineRequest.safeParse(input);
  if (!parsed.success) return { ok: false, error: "invalid" };
  const dossier = await findDossierFor(db, citizenId, parsed.data.dossierCode);
  const service = dossier && findService(dossier.serviceCode);
  if (!dossier || !service) return { ok: false, error: "not_found" };
  if (!service.declinable || dossier.status !== "prepared") return { ok: false, error: "not_declinable" };
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(dossiers)
      .set({ status: "declined", version: sql`${dossiers.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(dossiers.id, dossier.id), eq(dossiers.version, parsed.data.version), eq(dossiers.status, "prepared")))
      .returning({ id: dossiers.id });
    if (!updated) return { ok: false as const, error: "conflict" as const };
    await tx.insert(dossierEvents).values({
      dossierId: dossier.id,
      kind: "status",
      fromStatus: "prepared",
      toStatus: "declined",
      actorKind: "citizen",
      actorId: citizenId,
    });
    return { ok: true as const };
  });
}
