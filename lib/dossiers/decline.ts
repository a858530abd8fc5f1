import { z } from "zod";
import { dossierCodeSchema } from "./code";
import type { Db } from "../db/client";
import { findDossierFor } from "../db/dossier-queries";
import { findService } from "../services/catalogue";
import { transition } from "./transition";
import { partyMay } from "./parties";
import type { Channel } from "./citizen-actions";
import * as clock from "../clock";

/** Why a citizen said "Không cần": policy staff read these per service to find a rule that fires wrongly. */
export const declineReasons = ["not-needed", "done-elsewhere", "wrong-data", "other"] as const;
export type DeclineReason = (typeof declineReasons)[number];

const declineRequest = z.object({
  dossierCode: dossierCodeSchema,
  version: z.coerce.number().int().positive(),
  // Optional: a citizen who does not say why still declines.
  reason: z.enum(declineReasons).optional(),
});

type DeclineResult = { ok: true } | { ok: false; error: "invalid" | "not_found" | "not_declinable" | "conflict" };

/** "Không cần": the citizen says a prepared dossier is not needed (e.g. the vehicle is sold). */
export async function declineDossier(
  db: Db,
  citizenId: string,
  input: unknown,
  opts: { origin?: string; channel?: Channel } = {},
): Promise<DeclineResult> {
  const parsed = declineRequest.safeParse(input);
  if (!parsed.success) return { ok: false, error: "invalid" };
  const dossier = await findDossierFor(db, citizenId, parsed.data.dossierCode);
  const service = dossier && findService(dossier.serviceCode, dossier.serviceVersion);
  if (!dossier || !service) return { ok: false, error: "not_found" };
  if (!service.declinable || dossier.status !== "prepared") return { ok: false, error: "not_declinable" };
  // Declining drops the dossier for every party, so only its owner may (docs/parents.md).
  if (!partyMay("decline", { citizenId, role: dossier.role }, dossier, clock.today())) return { ok: false, error: "not_declinable" };
  const result = await db.transaction((tx) =>
    transition(tx, {
      dossierId: dossier.id,
      version: parsed.data.version,
      to: "declined",
      actor: { kind: "citizen", id: citizenId },
      today: clock.today(),
      origin: opts.origin ?? "",
      eventData: opts.channel || parsed.data.reason ? { ...(opts.channel && { channel: opts.channel }), ...(parsed.data.reason && { reason: parsed.data.reason }) } : undefined,
    }),
  );
  if (result.ok) return { ok: true };
  return { ok: false, error: result.error === "not_allowed" ? "not_declinable" : "conflict" };
}
