import { z } from "zod";
import { storableText } from "../services/citizen-input";
import { dossierCodeSchema } from "./code";
import type { Db } from "../db/client";
import { ratings } from "../db/schema";
import { findDossierFor } from "../db/dossier-queries";

const ratingInput = z.object({
  dossierCode: dossierCodeSchema,
  score: z.coerce.number().int().min(1).max(5),
  comment: z
    .string()
    .transform((s) => s.trim())
    .pipe(z.string().max(1000).refine(storableText))
    .optional(),
});

type RatingResult = { ok: true } | { ok: false; error: "invalid" | "not_found" | "not_delivered" };

/** One satisfaction rating per delivered dossier, by one of its parties; a second one changes nothing. */
export async function rateDossier(db: Db, citizenId: string, input: unknown): Promise<RatingResult> {
  const parsed = ratingInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: "invalid" };
  const dossier = await findDossierFor(db, citizenId, parsed.data.dossierCode);
  if (!dossier) return { ok: false, error: "not_found" };
  if (dossier.status !== "delivered") return { ok: false, error: "not_delivered" };
  await db
    .insert(ratings)
    .values({ dossierId: dossier.id, citizenId, score: parsed.data.score, comment: parsed.data.comment || null })
    .onConflictDoNothing();
  return { ok: true };
}
