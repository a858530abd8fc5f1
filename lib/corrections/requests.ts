import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, Executor } from "../db/client";
import { citizens, correctionRequests, dossierEvents, dossiers } from "../db/schema";
import { findDossierFor } from "../db/dossier-queries";
import { findService, getService } from "../services/catalogue";
import { dossierCodeSchema } from "../dossiers/code";
import { statusSchema, type Status } from "../dossiers/status";
import type { StaffMember } from "../auth/staff";
import * as clock from "../clock";
import { correctionRoute } from "./route";
import { correctedValue, reasonText } from "./value";
import { correctAtSource } from "./registry";

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
  const service = dossier && findService(dossier.serviceCode);
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

type AnswerResult = { ok: true } | { ok: false; error: "not_found" | "already_answered" | "invalid_value" | "reason_required" };

/**
 * The owning agency answers: accept corrects the registry and the dossier's pre-fill; reject needs a
 * reason. Each is a dossier event naming the officer; the row lock makes a second answer find the first.
 */
export async function answerCorrection(db: Db, officer: Pick<StaffMember, "username" | "agency">, input: unknown): Promise<AnswerResult> {
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
    const route = correctionRoute(getService(row.dossier.serviceCode), row.request.fieldKey)!;
    const answeredAt = clock.now();
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
      return { ok: true };
    }
    const value = correctedValue(route, req.value);
    if (value === undefined) return { ok: false, error: "invalid_value" };
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
    return { ok: true };
  });
}

/** Statuses a report may still be made in (the page shows the button only then). */
export function mayReport(status: string): boolean {
  const parsed = statusSchema.safeParse(status);
  return parsed.success && reportable.includes(parsed.data);
}

