import { and, asc, desc, eq, isNull, ne } from "drizzle-orm";
import { z } from "zod";
import type { Db, Executor, Tx } from "../db/client";
import { citizens, deepLinks, dossierEvents, dossierParties, dossiers, parentResponses, smsOutbox } from "../db/schema";
import { findDossierFor } from "../db/dossier-queries";
import { findDossierForAgency } from "../db/officer-queries";
import { findService } from "../services/catalogue";
import { renderTemplate } from "../services/render";
import { SMS_MAX_LENGTH, smsTemplates } from "../sms/templates";
import { firstNameOf, salutationFor, unaccentVi } from "../sms/salutation";
import { addDays } from "../dates";
import { dossierCodeSchema } from "./code";
import { partyMay } from "./parties";
import type { Channel } from "./citizen-actions";
import { statusSchema } from "./status";
import { parentReviewFrom, type ParentReview } from "./parent-review";
import * as clock from "../clock";

/** Calendar days the other parent has to answer, counting the day of submission: a decision still fits the 3-working-day SLA. */
export const OBJECTION_DAYS = 3;

export function objectionDeadline(submittedOn: string): string {
  return addDays(submittedOn, OBJECTION_DAYS - 1);
}


async function otherParties(ex: Executor, dossierId: string, actorId: string | null) {
  return ex
    .select({ id: citizens.id, fullName: citizens.fullName, sex: citizens.sex, birthDate: citizens.birthDate, phone: citizens.phone })
    .from(dossierParties)
    .innerJoin(citizens, eq(citizens.id, dossierParties.citizenId))
    .where(and(eq(dossierParties.dossierId, dossierId), actorId ? ne(dossierParties.citizenId, actorId) : undefined))
    .orderBy(asc(citizens.id));
}

/** The objection window a submission opens: only when another parent can answer it. */
export async function objectionUntilFor(tx: Tx, dossierId: string, submitterId: string | null, today: string): Promise<string | null> {
  if (!submitterId) return null;
  return (await otherParties(tx, dossierId, submitterId)).length > 0 ? objectionDeadline(today) : null;
}

export type ParentResponse = typeof parentResponses.$inferSelect;

/** The latest submission of a dossier and the other parent's answer to it, if any. */
export async function answerToSubmission(ex: Executor, dossierId: string): Promise<{ submissionEventId?: number; response?: ParentResponse }> {
  const [submission] = await ex
    .select({ id: dossierEvents.id })
    .from(dossierEvents)
    .where(and(eq(dossierEvents.dossierId, dossierId), eq(dossierEvents.kind, "status"), eq(dossierEvents.toStatus, "submitted")))
    .orderBy(desc(dossierEvents.id))
    .limit(1);
  if (!submission) return {};
  const [response] = await ex.select().from(parentResponses).where(eq(parentResponses.submissionEventId, submission.id));
  return { submissionEventId: submission.id, response };
}

export type ApprovalHold = "objection_open" | "awaiting_other_parent";

/**
 * Why an officer may not approve yet: an objection not settled, or the other parent's window still
 * open with no answer. transition() asks this under the dossier's row lock.
 */
export async function approvalHold(ex: Executor, dossier: { id: string; objectionUntil: string | null }, today: string): Promise<ApprovalHold | null> {
  if (!dossier.objectionUntil) return null;
  const { response } = await answerToSubmission(ex, dossier.id);
  if (response?.answer === "objected") return response.settledAt ? null : "objection_open";
  if (response?.answer === "agreed") return null;
  return today <= dossier.objectionUntil ? "awaiting_other_parent" : null;
}

/** Tells the parents who did not submit what was submitted, and until when they may object (SMS). */
export async function notifyOtherParents(
  tx: Tx,
  dossier: { id: string; serviceCode: string; citizenData: Record<string, unknown>; objectionUntil: string | null },
  submitterId: string | null,
  eventId: number,
  at: { origin: string; today: string },
): Promise<void> {
  if (!dossier.objectionUntil) return;
  const [link] = await tx.select().from(deepLinks).where(eq(deepLinks.dossierId, dossier.id));
  if (!link) return;
  const childName = typeof dossier.citizenData.childName === "string" ? dossier.citizenData.childName : null;
  for (const parent of await otherParties(tx, dossier.id, submitterId)) {
    if (!parent.phone) continue;
    const vars = {
      salutation: salutationFor(parent, at.today),
      firstName: unaccentVi(firstNameOf(parent.fullName)),
      childName: childName ? unaccentVi(childName) : "",
      service: unaccentVi(findService(dossier.serviceCode)?.shortName.vi ?? "").toLowerCase(),
      deadline: `${dossier.objectionUntil.slice(8, 10)}/${dossier.objectionUntil.slice(5, 7)}`,
      link: `${at.origin}/s/${link.code}`,
      matchCode: link.matchCode,
    } satisfies Record<(typeof smsTemplates.otherParentNamed.vars)[number], string>;
    const named = childName ? renderTemplate(smsTemplates.otherParentNamed.text, vars) : "";
    // A name too long for one segment is left to the app, which shows it.
    const body = named && named.length <= SMS_MAX_LENGTH ? named : renderTemplate(smsTemplates.otherParentConfirmed.text, vars);
    await tx.insert(smsOutbox).values({ dedupeKey: `event:${eventId}:${parent.id}`, phone: parent.phone, body, dossierId: dossier.id }).onConflictDoNothing();
  }
}

const reasonSchema = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.string().max(1000, { message: "tooLong" }));

const responseRequest = z
  .object({ dossierCode: dossierCodeSchema, answer: z.enum(["agree", "object"]), reason: reasonSchema.optional() })
  .superRefine((req, ctx) => {
    if (req.answer === "object" && !req.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "required" });
  });

type ResponseResult =
  | { ok: true }
  | { ok: false; error: "invalid"; field: "reason"; reason: "required" | "tooLong" }
  | { ok: false; error: "not_found" | "not_allowed" | "already_answered" };

/**
 * The parent who did not submit answers the submission: **Đồng ý**, or **Không đồng ý** with a reason.
 * One answer per submission (the primary key), inside the window, while the agency has not decided.
 */
export async function respondAsOtherParent(
  db: Db,
  citizenId: string,
  input: unknown,
  opts: { today?: string; channel?: Channel } = {},
): Promise<ResponseResult> {
  const parsed = responseRequest.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: "invalid", field: "reason", reason: issue?.message === "tooLong" ? "tooLong" : "required" };
  }
  const req = parsed.data;
  const today = opts.today ?? clock.today();
  const found = await findDossierFor(db, citizenId, req.dossierCode);
  if (!found) return { ok: false, error: "not_found" };
  return db.transaction(async (tx) => {
    // The row lock orders this answer against an officer's approval of the same dossier.
    const [dossier] = await tx.select().from(dossiers).where(eq(dossiers.id, found.id)).for("update");
    const view = { status: statusSchema.parse(dossier!.status), submittedBy: dossier!.submittedBy, objectionUntil: dossier!.objectionUntil };
    if (!partyMay(req.answer, { citizenId, role: found.role }, view, today)) return { ok: false, error: "not_allowed" };
    const { submissionEventId } = await answerToSubmission(tx, found.id);
    if (!submissionEventId) return { ok: false, error: "not_allowed" };
    const answer = req.answer === "agree" ? "agreed" : "objected";
    const reason = req.answer === "object" ? req.reason! : null;
    const inserted = await tx
      .insert(parentResponses)
      .values({ submissionEventId, dossierId: found.id, citizenId, answer, reason })
      .onConflictDoNothing()
      .returning({ id: parentResponses.submissionEventId });
    if (inserted.length === 0) return { ok: false, error: "already_answered" };
    await tx.insert(dossierEvents).values({
      dossierId: found.id,
      kind: answer,
      actorKind: "citizen",
      actorId: citizenId,
      note: reason,
      data: { channel: opts.channel ?? "web", submissionEventId },
    });
    return { ok: true };
  });
}

const settleRequest = z.object({
  dossierCode: dossierCodeSchema,
  settlement: reasonSchema.pipe(z.string().min(1, { message: "required" })),
});

type SettleResult =
  | { ok: true }
  | { ok: false; error: "invalid"; reason: "required" | "tooLong" }
  | { ok: false; error: "not_found" | "not_allowed" };

/** The officer records how an objection was settled with both parents; approval is then possible. */
export async function settleObjection(db: Db, officer: { username: string; agency: string; commune?: string | null }, input: unknown): Promise<SettleResult> {
  const parsed = settleRequest.safeParse(input);
  if (!parsed.success) return { ok: false, error: "invalid", reason: parsed.error.issues[0]?.message === "tooLong" ? "tooLong" : "required" };
  const found = (await findDossierForAgency(db, officer, parsed.data.dossierCode))?.dossier;
  if (!found) return { ok: false, error: "not_found" };
  return db.transaction(async (tx) => {
    await tx.select({ id: dossiers.id }).from(dossiers).where(eq(dossiers.id, found.id)).for("update");
    const { submissionEventId, response } = await answerToSubmission(tx, found.id);
    if (!submissionEventId || response?.answer !== "objected") return { ok: false, error: "not_allowed" };
    const settled = await tx
      .update(parentResponses)
      .set({ settledAt: clock.now(), settledBy: officer.username, settlement: parsed.data.settlement })
      .where(and(eq(parentResponses.submissionEventId, submissionEventId), isNull(parentResponses.settledAt)))
      .returning({ id: parentResponses.submissionEventId });
    if (settled.length === 0) return { ok: false, error: "not_allowed" };
    await tx.insert(dossierEvents).values({
      dossierId: found.id,
      kind: "settled",
      actorKind: "officer",
      actorId: officer.username,
      note: parsed.data.settlement,
      data: { submissionEventId },
    });
    return { ok: true };
  });
}

export type { ParentReview } from "./parent-review";

export async function parentReviewOf(
  ex: Executor,
  dossier: { id: string; objectionUntil: string | null; submittedBy: string | null },
): Promise<ParentReview | null> {
  if (!dossier.objectionUntil) return null;
  const { response } = await answerToSubmission(ex, dossier.id);
  const parties = (await otherParties(ex, dossier.id, null)).map((p) => ({ id: p.id, name: p.fullName }));
  return parentReviewFrom(dossier, parties, response);
}
