import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../db/client";
import { dossierEvents, dossiers } from "../db/schema";
import { findDossierFor } from "../db/dossier-queries";
import { findService } from "../services/catalogue";
import { dossierCodeSchema } from "../dossiers/code";
import type { Status } from "../dossiers/status";
import * as clock from "../clock";
import { oneStopCentres } from "../places/communes";

// Kept here for the pages that import it from delivery; the list itself lives in lib/places.
export { oneStopCentres };

/** Until the result is ready the citizen may still say where to collect it. */
const collectable: readonly Status[] = ["prepared", "needs_info", "submitted", "received", "processing"];

export function mayChooseCentre(service: { delivery: readonly string[] }, status: Status): boolean {
  return service.delivery.includes("centre") && collectable.includes(status);
}

/** Where a dossier's result is handed over: the chosen centre, else the citizen's own commune, when collected at a centre. */
export function collectCentre(dossier: { collectAt: string | null; citizenData: Record<string, unknown> }, ownCommune: string | undefined): string | undefined {
  if (dossier.citizenData.delivery !== "centre") return undefined;
  return dossier.collectAt ?? ownCommune;
}

const collectRequest = z.object({ dossierCode: dossierCodeSchema, commune: z.enum(oneStopCentres) });

type CollectResult = { ok: true; changed: boolean } | { ok: false; error: "invalid" | "not_found" | "not_allowed" };

/**
 * The citizen picks the one-stop centre that hands over the result (delivery becomes "centre"):
 * before or after submission, until the result is ready; one event per change, none for a repeat.
 */
export async function chooseCollectCentre(db: Db, citizenId: string, input: unknown): Promise<CollectResult> {
  const parsed = collectRequest.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues.some((i) => i.path[0] === "commune") ? "invalid" : "not_found" };
  const found = await findDossierFor(db, citizenId, parsed.data.dossierCode);
  const service = found && findService(found.serviceCode, found.serviceVersion);
  if (!found || !service) return { ok: false, error: "not_found" };
  const { commune } = parsed.data;
  return db.transaction(async (tx): Promise<CollectResult> => {
    const [dossier] = await tx.select().from(dossiers).where(eq(dossiers.id, found.id)).for("update");
    if (!dossier || !mayChooseCentre(service, dossier.status as Status)) return { ok: false, error: "not_allowed" };
    if (dossier.collectAt === commune && dossier.citizenData.delivery === "centre") return { ok: true, changed: false };
    await tx
      .update(dossiers)
      .set({
        collectAt: commune,
        citizenData: sql`${dossiers.citizenData} || '{"delivery":"centre"}'::jsonb`,
        version: sql`${dossiers.version} + 1`,
        updatedAt: clock.now(),
      })
      .where(eq(dossiers.id, dossier.id));
    await tx.insert(dossierEvents).values({ dossierId: dossier.id, kind: "collectAt", actorKind: "citizen", actorId: citizenId, data: { commune } });
    return { ok: true, changed: true };
  });
}
