import { and, desc, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Executor, Tx } from "../db/client";
import { citizens, correctionRequests, deepLinks, dossierEvents, dossierParties, dossiers, smsOutbox } from "../db/schema";
import { renderTemplate } from "../services/render";
import { correctionOutcomes, smsTemplates } from "../sms/templates";
import { firstNameOf, salutationFor, unaccentVi } from "../sms/salutation";
import type { DatasetCode } from "../gov/datasets";
import { findDossierFor } from "../db/dossier-queries";
import { findService, getService } from "../services/catalogue";
import { dossierCodeSchema } from "../dossiers/code";
import { statusSchema, type Status } from "../dossiers/status";
import type { StaffMember } from "../auth/staff";
import * as clock from "../clock";
import { addDays } from "../dates";
import { MIN_DAYS_TO_CONFIRM } from "../engine/deadlines";
import { correctionRoute } from "./route";
import { correctedValue, reasonText } from "./value";
import { correctAtSource, correctPrefill, recordOf } from "./registry";

export type CorrectionRequest = typeof correctionRequests.$inferSelect;

/** A report is taken while the dossier's result is not issued yet: after that, the registry's own channels apply. */
const reportable: readonly Status[] = ["prepared", "needs_info", "submitted", "received", "processing"];

export const reportRequest = z.object({ dossierCode: dossierCodeSchema, field: z.string().regex(/^[a-zA-Z]{1,40}$/), reason: reasonText });

type ReportResult =
  | { ok: true; created: boolean }
  | { ok: false; error: "invalid"; reason: "reasonRequired" | "reasonTooLong" }
  | { ok: false; error: "not_found" | "not_reportable" };

/**
 * "Báo sai" on a pre-filled line of the citizen's own dossier: one open request per line (a double tap
 * or a second report of the same line finds the first), recorded as a dossier event.
 */
export async function reportWrongLine(db: Db, citizenId: string, input: unknown): Promise<ReportResult> {
  const parsed = reportRequest.safeParse(input);
  if (!parsed.success) {
    const reasonIssue = parsed.error.issues.find((i) => i.path[0] === "reason");
    if (reasonIssue) return { ok: false, error: "invalid", reason: reasonIssue.message === "reasonTooLong" ? "reasonTooLong" : "reasonRequired" };
    return { ok: false, error: "not_found" };
  }
  const { dossierCode, field, reason } = parsed.data;
  const dossier = await findDossierFor(db, citizenId, dossierCode);
  const service = dossier && findService(dossier.serviceCode, dossier.serviceVersion);
  const route = service && correctionRoute(service, field);
  if (!dossier || !route) return { ok: false, error: "not_found" };
  if (!reportable.includes(dossier.status)) return { ok: false, error: "not_reportable" };
  const value = dossier.prefilled[field];
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(correctionRequests)
      .values({
        dossierId: dossier.id,
        citizenId,
        fieldKey: field,
        dataset: route.dataset,
        agency: route.agency,
        effect: route.effect,
        reason,
        reportedValue: value === undefined || value === null ? null : String(value),
      })
      .onConflictDoNothing()
      .returning({ id: correctionRequests.id });
    if (!created) return { ok: true, created: false };
    await tx.insert(dossierEvents).values({
      dossierId: dossier.id,
      kind: "reported",
      actorKind: "citizen",
      actorId: citizenId,
      note: reason,
      data: { field, requestId: created.id, agency: route.agency, effect: route.effect },
    });
    return { ok: true, created: true };
  });
}

/** Every request on a dossier, newest first (the citizen's page and the registering officer's review). */
export async function correctionsOf(ex: Executor, dossierId: string): Promise<CorrectionRequest[]> {
  return ex.select().from(correctionRequests).where(eq(correctionRequests.dossierId, dossierId)).orderBy(desc(correctionRequests.id));
}

/** The open request that holds a dossier's confirmation, if any (transition() asks under the row lock). */
export async function waitingCorrection(ex: Executor, dossierId: string): Promise<CorrectionRequest | undefined> {
  const [row] = await ex
    .select()
    .from(correctionRequests)
    .where(and(eq(correctionRequests.dossierId, dossierId), eq(correctionRequests.status, "open"), eq(correctionRequests.effect, "wait")))
    .limit(1);
  return row;
}

/** The agency's requests: open ones first, then the latest answered, with the dossier they came from. */
export async function correctionQueue(ex: Executor, agency: string) {
  return ex
    .select({ request: correctionRequests, dossierCode: dossiers.code, serviceCode: dossiers.serviceCode, citizenName: citizens.fullName })
    .from(correctionRequests)
    .innerJoin(dossiers, eq(dossiers.id, correctionRequests.dossierId))
    .innerJoin(citizens, eq(citizens.id, correctionRequests.citizenId))
    .where(eq(correctionRequests.agency, agency))
    .orderBy(desc(eq(correctionRequests.status, "open")), desc(correctionRequests.id))
    .limit(100);
}

export const answerRequest = z.discriminatedUnion("decision", [
  z.object({ id: z.coerce.number().int().positive(), decision: z.literal("accept"), value: z.string().max(400), answer: z.string().max(300).optional() }),
  z.object({ id: z.coerce.number().int().positive(), decision: z.literal("reject"), answer: reasonText }),
]);

type AnswerResult =
  | { ok: true; carriedTo: string[] }
  | { ok: false; error: "not_found" | "already_answered" | "invalid_value" | "reason_required" };

/**
 * The owning agency answers: accept corrects the registry and the dossier's pre-fill, and the same line
 * on the reporter's other still-prepared dossiers pre-filled from the same registry row (`carriedTo`);
 * reject needs a reason. Each is a dossier event naming the officer, and the citizen who reported is
 * texted the outcome; the row lock makes a second answer find the first.
 */
export async function answerCorrection(
  db: Db,
  officer: Pick<StaffMember, "username" | "agency">,
  input: unknown,
  at: { origin?: string; today?: string } = {},
): Promise<AnswerResult> {
  const parsed = answerRequest.safeParse(input);
  if (!parsed.success) {
    const isReject = typeof input === "object" && input !== null && (input as { decision?: unknown }).decision === "reject";
    return { ok: false, error: isReject ? "reason_required" : "not_found" };
  }
  const req = parsed.data;
  return db.transaction(async (tx): Promise<AnswerResult> => {
    const [row] = await tx
      .select({ request: correctionRequests, dossier: dossiers })
      .from(correctionRequests)
      .innerJoin(dossiers, eq(dossiers.id, correctionRequests.dossierId))
      .where(and(eq(correctionRequests.id, req.id), eq(correctionRequests.agency, officer.agency)))
      .for("update");
    if (!row) return { ok: false, error: "not_found" };
    if (row.request.status !== "open") return { ok: false, error: "already_answered" };
    const route = correctionRoute(getService(row.dossier.serviceCode, row.dossier.serviceVersion), row.request.fieldKey)!;
    const answeredAt = clock.now();
    if (row.request.effect === "wait") await giveTimeToConfirm(tx, row.dossier.id, at.today ?? clock.today());
    if (req.decision === "reject") {
      await tx.update(correctionRequests).set({ status: "rejected", answer: req.answer, answeredBy: officer.username, answeredAt }).where(eq(correctionRequests.id, req.id));
      await tx.insert(dossierEvents).values({
        dossierId: row.dossier.id,
        kind: "correctionRejected",
        actorKind: "officer",
        actorId: officer.username,
        note: req.answer,
        data: { field: route.fieldKey, requestId: req.id, agency: officer.agency },
      });
      await textReporter(tx, row.request, row.dossier, "rejected", at);
      return { ok: true, carriedTo: [] };
    }
    const value = correctedValue(route, req.value);
    if (value === undefined) return { ok: false, error: "invalid_value" };
    // Named before the correction: a corrected licence number renames the dossier's subject.
    const record = recordOf(row.dossier, route.dataset, route.fieldKey);
    const registry = await correctAtSource(tx, row.dossier, route.dataset, route.fieldKey, value);
    const answer = req.answer?.trim() || null;
    await tx
      .update(correctionRequests)
      .set({ status: "accepted", correctedValue: value, answer, answeredBy: officer.username, answeredAt })
      .where(eq(correctionRequests.id, req.id));
    await tx.insert(dossierEvents).values({
      dossierId: row.dossier.id,
      kind: "corrected",
      actorKind: "officer",
      actorId: officer.username,
      note: answer,
      data: { field: route.fieldKey, requestId: req.id, agency: officer.agency, from: row.request.reportedValue, to: value, registry },
    });
    const carriedTo = record ? await carryToPrepared(tx, row.request, row.dossier, route.dataset, record, value, officer) : [];
    await textReporter(tx, row.request, row.dossier, "accepted", at);
    return { ok: true, carriedTo };
  });
}

/**
 * The answer lifts a hold on the confirmation: the citizen gets at least the days to confirm a late-found
 * renewal has, from today, whatever the deadline was while the agency took its time.
 */
async function giveTimeToConfirm(tx: Tx, dossierId: string, today: string): Promise<void> {
  const earliest = addDays(today, MIN_DAYS_TO_CONFIRM);
  await tx.execute(sql`
    UPDATE dossiers SET confirm_deadline = ${earliest}::date
    WHERE id = ${dossierId} AND status IN ('prepared', 'needs_info') AND confirm_deadline < ${earliest}::date`);
}

/**
 * The corrected line on the reporter's other dossiers that are still prepared (not submitted) and were
 * pre-filled from the same registry row, each with its event. A line the citizen amended stays theirs.
 */
async function carryToPrepared(
  tx: Tx,
  request: CorrectionRequest,
  source: typeof dossiers.$inferSelect,
  dataset: DatasetCode,
  record: string,
  value: string,
  officer: Pick<StaffMember, "username" | "agency">,
): Promise<string[]> {
  const field = request.fieldKey;
  const candidates = await tx
    .select({ dossier: dossiers })
    .from(dossiers)
    .innerJoin(dossierParties, and(eq(dossierParties.dossierId, dossiers.id), eq(dossierParties.citizenId, request.citizenId)))
    .where(
      and(
        ne(dossiers.id, source.id),
        eq(dossiers.status, "prepared"),
        sql`${dossiers.prefilled} ? ${field}`,
        sql`NOT (${dossiers.citizenData} ? ${field})`,
      ),
    )
    .for("update", { of: dossiers });
  const carried: string[] = [];
  for (const { dossier } of candidates) {
    const route = correctionRoute(getService(dossier.serviceCode, dossier.serviceVersion), field);
    if (route?.dataset !== dataset || recordOf(dossier, dataset, field) !== record) continue;
    const from = dossier.prefilled[field];
    if (String(from) === value) continue;
    await correctPrefill(tx, dossier, dataset, field, value);
    await tx.insert(dossierEvents).values({
      dossierId: dossier.id,
      kind: "corrected",
      actorKind: "officer",
      actorId: officer.username,
      data: { field, requestId: request.id, agency: officer.agency, from: from === undefined || from === null ? null : String(from), to: value, carriedFrom: source.code },
    });
    carried.push(dossier.code);
  }
  return carried;
}

/** Texts the citizen who reported the line how the agency answered; the app's notifications list shows the same text. */
async function textReporter(
  tx: Tx,
  request: CorrectionRequest,
  dossier: typeof dossiers.$inferSelect,
  outcome: keyof typeof correctionOutcomes,
  at: { origin?: string; today?: string },
): Promise<void> {
  const [target] = await tx
    .select({ phone: citizens.phone, fullName: citizens.fullName, sex: citizens.sex, birthDate: citizens.birthDate, link: deepLinks.code, matchCode: deepLinks.matchCode })
    .from(deepLinks)
    .innerJoin(citizens, eq(citizens.id, request.citizenId))
    .where(eq(deepLinks.dossierId, dossier.id));
  if (!target?.phone) return;
  const vars = {
    salutation: salutationFor(target, at.today ?? clock.today()),
    firstName: unaccentVi(firstNameOf(target.fullName)),
    code: dossier.code,
    outcome: correctionOutcomes[outcome],
    link: `${at.origin ?? ""}/s/${target.link}`,
    matchCode: target.matchCode,
  } satisfies Record<(typeof smsTemplates.correctionAnswered.vars)[number], string>;
  await tx
    .insert(smsOutbox)
    .values({ dedupeKey: `correction:${request.id}`, phone: target.phone, body: renderTemplate(smsTemplates.correctionAnswered.text, vars), dossierId: dossier.id })
    .onConflictDoNothing();
}

/** Statuses a report may still be made in (the page shows the button only then). */
export function mayReport(status: string): boolean {
  const parsed = statusSchema.safeParse(status);
  return parsed.success && reportable.includes(parsed.data);
}

