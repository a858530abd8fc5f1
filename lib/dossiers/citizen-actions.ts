import { createHash } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { dossierCodeSchema } from "./code";
import type { Db, Tx } from "../db/client";
import { dossierEvents, dossiers, idempotencyKeys } from "../db/schema";
import { findDossierFor, latestCitizenChange, type CitizenDossier, type EventVia, type LatestCitizenChange } from "../db/dossier-queries";
import { findService } from "../services/catalogue";
import { citizenInputSchema, fieldErrorsOf, storableText, suggestedValues, type FieldErrors } from "../services/citizen-input";

import { awaitingCitizenStatuses, isAwaitingCitizen, type Status } from "./status";
import { transition } from "./transition";
import { partyMay } from "./parties";
import * as clock from "../clock";
import { env } from "../env";

type CitizenActionKind = "confirm" | "amend";
/** How the citizen acted: the app (web), or a reply to our SMS. */
export type Channel = "web" | "SMS";

/** What a confirm or amend request carries, whatever the transport (server action or JSON route). */
export const citizenActionRequest = z.object({
  dossierCode: dossierCodeSchema,
  version: z.coerce.number().int().positive(),
  idempotencyKey: z.string().uuid(),
  input: z.record(z.string(), z.unknown()),
  // Confirming needs the citizen's explicit consent to the use of the data already held.
  consent: z.boolean().optional(),
  // The citizen's answer when an officer asked for more information.
  note: z
    .string()
    .transform((s) => s.trim())
    .pipe(z.string().max(1000).refine(storableText))
    .optional(),
});
type CitizenActionRequest = z.infer<typeof citizenActionRequest>;

/** The JSON body of `POST /api/v1/dossiers/{code}/actions` (the dossier code is in the path). */
export const citizenActionBody = z.object({
  kind: z.enum(["confirm", "amend"]),
  version: z.number().int().positive(),
  idempotencyKey: z.string().uuid(),
  input: z.record(z.string().max(100).refine(storableText), z.string().max(2000).refine(storableText)),
  consent: z.boolean().optional(),
  note: z.string().max(1000).refine(storableText).optional(),
});

/** Which fields of a body are wrong, by path ("input.delivery"), each with zod's issue code. */
export function issuesByField(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.join(".") || "body"] ??= issue.code;
  return fields;
}

export type CitizenActionResult =
  | { ok: true; status: Status; version: number }
  | { ok: false; error: "not_found" | "idempotency_mismatch" }
  // A "Báo sai" on a line the catalogue says to wait for is still open (lib/corrections).
  | { ok: false; error: "correction_pending" }
  // A stale edit says what the other tab or parent did, and when: never a silent drop (issue 16).
  | { ok: false; error: "not_editable"; status: Status; latest?: LatestCitizenChange }
  | { ok: false; error: "conflict"; version: number; latest?: LatestCitizenChange }
  | { ok: false; error: "invalid"; fieldErrors: FieldErrors };

type Stored = Extract<CitizenActionResult, { ok: true }> | Extract<CitizenActionResult, { error: "conflict" }>;

function requestHash(kind: CitizenActionKind, req: CitizenActionRequest): string {
  const input = Object.fromEntries(Object.entries(req.input).sort(([a], [b]) => a.localeCompare(b)));
  return createHash("sha256").update(JSON.stringify([kind, req.dossierCode, req.version, req.consent, req.note, input])).digest("hex");
}

function changesBetween(before: Record<string, unknown>, after: Record<string, unknown>) {
  const changed: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changed[key] = { from: before[key] ?? null, to: after[key] };
  }
  return changed;
}

/** The ward officer acting with the citizen's one-time code (lib/dossiers/assist.ts). */
export interface AssistingOfficer {
  username: string;
  fullName: string;
  ward: string;
}

/**
 * Confirm (submit) or amend a dossier as the signed-in citizen. Validation happens before anything is
 * written; the write is one transaction guarded by the dossier's version and an idempotency key, so a
 * double tap, a retry or an offline replay acts once and a stale edit overwrites nothing.
 * The same path serves a relative the owner granted the dossier to (the event names the relative),
 * and a ward officer with the citizen's code (`assistedBy`: the event names the officer and the ward).
 */
export async function performCitizenAction(
  db: Db,
  citizenId: string,
  kind: CitizenActionKind,
  req: CitizenActionRequest,
  opts: { origin?: string; today?: string; channel?: Channel; assistedBy?: AssistingOfficer } = {},
): Promise<CitizenActionResult> {
  // At the ward the citizen acts for themselves; only their own dossiers are in reach.
  const dossier = await findDossierFor(db, citizenId, req.dossierCode, { delegated: !opts.assistedBy });
  const service = dossier && findService(dossier.serviceCode, dossier.serviceVersion);
  if (!dossier || !service) return { ok: false, error: "not_found" };
  if (!partyMay(kind, { citizenId, role: dossier.role }, dossier, opts.today ?? clock.today())) return { ok: false, error: "not_editable", status: dossier.status };

  // A confirm checks the whole dossier as it would be submitted; an amend checks only what was sent.
  const candidate =
    kind === "confirm" ? { ...suggestedValues(service, dossier.prefilled), ...dossier.citizenData, ...req.input } : req.input;
  const parsed = citizenInputSchema(service, dossier.prefilled, kind).safeParse(candidate);
  const fieldErrors: FieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  if (kind === "confirm" && !req.consent) fieldErrors.consent = "consentRequired";
  if (!parsed.success || Object.keys(fieldErrors).length > 0) return { ok: false, error: "invalid", fieldErrors };
  const merged = withChanges(dossier.citizenData, parsed.data);

  const hash = requestHash(kind, req);
  const result = await db.transaction(async (tx): Promise<CitizenActionResult> => {
    const claimed = await tx
      .insert(idempotencyKeys)
      .values({ key: req.idempotencyKey, citizenId, action: kind, requestHash: hash })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (claimed.length === 0) return replay(tx, citizenId, req.idempotencyKey, hash);

    const via = viaOf(dossier, opts.assistedBy);
    const result = await apply(tx, citizenId, kind, dossier, req, merged, via, {
      // SMS this step queues (to the other parent) carry absolute links, whichever transport called.
      origin: opts.origin ?? env().APP_ORIGIN,
      today: opts.today ?? clock.today(),
      channel: opts.channel,
    });
    if (result.ok || result.error === "conflict") {
      await tx.update(idempotencyKeys).set({ result }).where(eq(idempotencyKeys.key, req.idempotencyKey));
    } else {
      // Nothing happened, so the key is released for a later, valid attempt.
      await tx.delete(idempotencyKeys).where(eq(idempotencyKeys.key, req.idempotencyKey));
    }
    return result;
  });
  if (!result.ok && (result.error === "conflict" || result.error === "not_editable")) {
    return { ...result, latest: await latestCitizenChange(db, dossier.id, citizenId) };
  }
  return result;
}

function viaOf(dossier: CitizenDossier, officer: AssistingOfficer | undefined): EventVia | undefined {
  if (officer) return { channel: "assisted", officer: officer.username, officerName: officer.fullName, ward: officer.ward };
  if (dossier.role === "delegate") return { channel: "delegate", onBehalfOf: dossier.ownerId };
  return undefined;
}

async function replay(tx: Tx, citizenId: string, key: string, hash: string): Promise<CitizenActionResult> {
  const [row] = await tx.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key));
  if (!row || row.citizenId !== citizenId || row.requestHash !== hash || !row.result) {
    return { ok: false, error: "idempotency_mismatch" };
  }
  return row.result as Stored;
}

async function apply(
  tx: Tx,
  citizenId: string,
  kind: CitizenActionKind,
  dossier: CitizenDossier,
  req: CitizenActionRequest,
  data: Record<string, unknown>,
  via: EventVia | undefined,
  { channel, ...at }: { origin: string; today: string; channel?: Channel },
): Promise<CitizenActionResult> {
  // The web is the default; another channel (an SMS reply) and who acted for the citizen are named on the event.
  const eventData = { changed: changesBetween(dossier.citizenData, data), ...(channel && { channel }), ...(via && { via }) };
  if (kind === "confirm") {
    const moved = await transition(tx, {
      dossierId: dossier.id,
      version: req.version,
      to: "submitted",
      actor: { kind: "citizen", id: citizenId, ...(via?.channel === "delegate" && { onBehalfOf: via.onBehalfOf }) },
      ...at,
      note: req.note,
      citizenData: data,
      eventData,
    });
    if (moved.ok) return { ok: true, status: moved.status, version: moved.version };
    if (moved.error === "correction_pending") return { ok: false, error: "correction_pending" };
    return refusal(moved.status ?? dossier.status, moved.version ?? dossier.version);
  }
  const [updated] = await tx
    .update(dossiers)
    .set({ citizenData: data, version: sql`${dossiers.version} + 1`, updatedAt: clock.now() })
    .where(and(eq(dossiers.id, dossier.id), eq(dossiers.version, req.version), inArray(dossiers.status, [...awaitingCitizenStatuses])))
    .returning({ version: dossiers.version, status: dossiers.status });
  if (!updated) {
    const [current] = await tx.select({ version: dossiers.version, status: dossiers.status }).from(dossiers).where(eq(dossiers.id, dossier.id));
    return refusal((current?.status ?? dossier.status) as Status, current?.version ?? dossier.version);
  }
  await tx.insert(dossierEvents).values({ dossierId: dossier.id, kind: "amended", actorKind: "citizen", actorId: citizenId, data: eventData });
  return { ok: true, status: updated.status as Status, version: updated.version };
}

/** A dossier that left the citizen's hands is not editable; one changed since it was read is a conflict. */
function refusal(status: Status, version: number): CitizenActionResult {
  if (!isAwaitingCitizen(status)) return { ok: false, error: "not_editable", status };
  return { ok: false, error: "conflict", version };
}

/** Applies the validated fields: a value sets the field, a cleared (undefined) one removes it. */
function withChanges(current: Record<string, unknown>, changes: Record<string, unknown>): Record<string, unknown> {
  const next = { ...current };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  return next;
}
