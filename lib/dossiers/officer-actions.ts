import { z } from "zod";
import { dossierCodeSchema } from "./code";
import type { Db } from "../db/client";
import { findService } from "../services/catalogue";
import { fieldErrorsOf, storableText } from "../services/citizen-input";
import { findDossierForAgency } from "../db/officer-queries";
import { canTransition, lifecycle, statusSchema, type Status } from "./status";
import { transition } from "./transition";
import * as clock from "../clock";
import type { ApprovalHold } from "./objections";

export const officerActions = ["receive", "process", "approve", "request_info", "reject", "deliver"] as const;
export type OfficerAction = (typeof officerActions)[number];

/** The status each officer action leads to. */
export const officerActionTarget: Record<OfficerAction, Status> = {
  receive: "received",
  process: "processing",
  approve: "approved",
  request_info: "needs_info",
  reject: "rejected",
  deliver: "delivered",
};

/**
 * The actions the officer's page offers on a dossier in `status`, and whether one is held back until the
 * citizen pays the fee (its target requires `feePaid`): the page says so instead of offering a click
 * transition() would refuse.
 */
export function offeredActions(status: Status, feePaid: boolean): { actions: OfficerAction[]; awaitingFee: boolean } {
  const possible = officerActions.filter((a) => canTransition(status, officerActionTarget[a]));
  const waitsForFee = (a: OfficerAction) => !feePaid && (lifecycle[officerActionTarget[a]].requires ?? []).includes("feePaid");
  return { actions: possible.filter((a) => !waitsForFee(a)), awaitingFee: possible.some(waitsForFee) };
}

const officerActionRequest = z
  .object({
    dossierCode: dossierCodeSchema,
    version: z.coerce.number().int().positive(),
    action: z.enum(officerActions),
    note: z
      .string()
      .transform((s) => s.trim())
      .pipe(z.string().max(1000, { message: "tooLong" }).refine(storableText, { message: "invalidText" }))
      .optional(),
  })
  .superRefine((req, ctx) => {
    if ((req.action === "request_info" || req.action === "reject") && !req.note) {
      ctx.addIssue({ code: "custom", path: ["note"], message: "required" });
    }
  });

type OfficerActionResult =
  | { ok: true; status: Status; version: number }
  | { ok: false; error: "invalid"; fieldErrors: Record<string, string> }
  | { ok: false; error: "not_found" | "not_allowed" | "conflict" | "not_paid" }
  // The other parent may still object, or objected and the officer has not settled it (docs/parents.md).
  | { ok: false; error: ApprovalHold };

/**
 * An officer moves a dossier of their own agency one step along the lifecycle. The version guards
 * against two officers acting at once; transition() writes the event and the citizen's SMS.
 */
export async function performOfficerAction(
  db: Db,
  officer: { username: string; agency: string; commune?: string | null },
  input: unknown,
  opts: { origin: string; today?: string },
): Promise<OfficerActionResult> {
  const parsed = officerActionRequest.safeParse(input);
  if (!parsed.success) return { ok: false, error: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  const req = parsed.data;
  const dossier = (await findDossierForAgency(db, officer, req.dossierCode))?.dossier;
  if (!dossier || !findService(dossier.serviceCode)) return { ok: false, error: "not_found" };
  const to = officerActionTarget[req.action];
  if (!canTransition(statusSchema.parse(dossier.status), to, "officer")) return { ok: false, error: "not_allowed" };

  // transition() checks before it writes: a refused move leaves nothing behind.
  const result = await db.transaction((tx) =>
    transition(tx, {
      dossierId: dossier.id,
      version: req.version,
      to,
      actor: { kind: "officer", id: officer.username },
      today: opts.today ?? clock.today(),
      origin: opts.origin,
      note: req.note,
    }),
  );
  if (result.ok) return { ok: true, status: result.status, version: result.version };
  if (result.error === "held") return { ok: false, error: result.hold };
  if (result.error === "not_allowed" || result.error === "not_paid") return { ok: false, error: result.error };
  return { ok: false, error: "conflict" };
}
