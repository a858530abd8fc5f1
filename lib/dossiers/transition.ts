import { randomBytes, randomInt } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Tx } from "../db/client";
import { citizens, deepLinks, dossierEvents, dossiers, smsOutbox } from "../db/schema";
import { getService } from "../services/catalogue";
import { renderTemplate } from "../services/render";
import { smsTemplates, statusSmsTemplate, type statusSmsVars } from "../sms/templates";
import { addWorkingDays } from "../calendar/working-days";
import * as clock from "../clock";
import { issueResult } from "./results";
import { paidPaymentOf } from "../payments/orders";
import { waitingCorrection } from "../corrections/requests";
import { oneStopReceiptNo, queueOneStopSubmission } from "../onestop/outbox";
import { approvalHold, notifyOtherParents, objectionUntilFor, type ApprovalHold } from "./objections";
import { notifyGrantor } from "./delegation";
import { canTransition, lifecycle, NEEDS_INFO_WORKING_DAYS, statusSchema, type ActorKind, type Effect, type Precondition, type Status } from "./status";

export interface TransitionRequest {
  dossierId: string;
  /** The version the actor saw: a dossier changed since is a conflict, never overwritten. */
  version: number;
  to: Status;
  /**
   * Who acted. `onBehalfOf`: the party a relative acted for through their grant; the act counts as
   * that party's (docs/parents.md: the other parent's window), and that party is told.
   */
  actor: { kind: ActorKind; id: string | null; onBehalfOf?: string };
  today: string;
  origin: string;
  note?: string | null;
  /** The citizen's data as submitted (confirm). */
  citizenData?: Record<string, unknown>;
  eventData?: Record<string, unknown>;
}

export type TransitionResult =
  | { ok: true; from: Status; status: Status; version: number; eventId: number }
  | { ok: false; error: "not_found" | "conflict" | "not_allowed" | "not_paid" | "correction_pending"; version?: number; status?: Status }
  | { ok: false; error: "held"; hold: ApprovalHold; version: number; status: Status };

type DossierRow = typeof dossiers.$inferSelect;
type Columns = Partial<typeof dossiers.$inferInsert>;

/**
 * The only writer of a dossier's status: it locks the row, checks the lifecycle table and the version,
 * applies the target status's effects, writes the status event and queues the SMS the table names.
 */
export async function transition(tx: Tx, req: TransitionRequest): Promise<TransitionResult> {
  const [current] = await tx.select().from(dossiers).where(eq(dossiers.id, req.dossierId)).for("update");
  if (!current) return { ok: false, error: "not_found" };
  const from = statusSchema.parse(current.status);
  if (current.version !== req.version) return { ok: false, error: "conflict", version: current.version, status: from };
  if (!canTransition(from, req.to, req.actor.kind)) return { ok: false, error: "not_allowed", version: current.version, status: from };
  for (const precondition of lifecycle[req.to].requires ?? []) {
    const refused = await refusal(precondition, tx, current, req.today);
    if (refused) return { ok: false, ...refused, version: current.version, status: from };
  }

  const columns: Columns = { status: req.to, version: current.version + 1, updatedAt: clock.now() };
  if (req.citizenData) columns.citizenData = req.citizenData;
  for (const effect of lifecycle[req.to].effects) Object.assign(columns, await effectColumns(effect, tx, current, req));
  await tx.update(dossiers).set(columns).where(eq(dossiers.id, current.id));

  const published = columns.result ? { result: columns.result } : columns.receiptNo ? { receiptNo: columns.receiptNo } : null;
  const [event] = await tx
    .insert(dossierEvents)
    .values({
      dossierId: current.id,
      kind: "status",
      fromStatus: from,
      toStatus: req.to,
      actorKind: req.actor.kind,
      actorId: req.actor.id,
      note: req.note || null,
      data: req.eventData || published ? { ...req.eventData, ...published } : null,
    })
    .returning({ id: dossierEvents.id });
  const updated = { ...current, ...columns } as DossierRow;
  await queueStatusSms(tx, updated, req.to, event!.id, req.origin);
  if (lifecycle[req.to].notifyOtherParents) {
    await notifyOtherParents(tx, updated, partyOf(req.actor), event!.id, req);
    if (req.actor.onBehalfOf) await notifyGrantor(tx, updated, req.actor.onBehalfOf, event!.id, req);
  }
  if (lifecycle[req.to].syncOneStop) await queueOneStopSubmission(tx, current.id, event!.id);
  return { ok: true, from, status: req.to, version: current.version + 1, eventId: event!.id };
}

/** The party an act counts as: the grantor when a relative acted for them. */
function partyOf(actor: TransitionRequest["actor"]): string | null {
  return actor.onBehalfOf ?? actor.id;
}

/** Why a precondition does not hold, or undefined when it does. */
async function refusal(
  precondition: Precondition,
  tx: Tx,
  dossier: DossierRow,
  today: string,
): Promise<{ error: "not_paid" | "correction_pending" } | { error: "held"; hold: ApprovalHold } | undefined> {
  switch (precondition) {
    case "feePaid":
      return getService(dossier.serviceCode, dossier.serviceVersion).feeVnd === 0 || (await paidPaymentOf(tx, dossier.id)) ? undefined : { error: "not_paid" };
    case "parentsSettled": {
      const hold = await approvalHold(tx, dossier, today);
      return hold ? { error: "held", hold } : undefined;
    }
    case "correctionsSettled":
      return (await waitingCorrection(tx, dossier.id)) ? { error: "correction_pending" } : undefined;
  }
}

async function effectColumns(effect: Effect, tx: Tx, dossier: DossierRow, req: TransitionRequest): Promise<Columns> {
  const service = getService(dossier.serviceCode, dossier.serviceVersion);
  switch (effect) {
    case "submission":
      return {
        submittedAt: clock.now(),
        submittedBy: partyOf(req.actor),
        slaDueDate: addWorkingDays(req.today, service.slaWorkingDays),
        objectionUntil: await objectionUntilFor(tx, dossier.id, partyOf(req.actor), req.today),
        // A renewal decided after the old licence expires: its holder shows this proof until then.
        ...(service.issues === "licence-renewal" && !dossier.provisionalCode && { provisionalCode: randomBytes(10).toString("base64url") }),
      };
    case "receipt": {
      // Only the One-Stop system numbers receipts (docs/onestop.md); one it has not sent yet follows with its answer.
      const receiptNo = await oneStopReceiptNo(tx, dossier.id);
      return receiptNo ? { receiptNo } : {};
    }
    case "result":
      return {
        result: await issueResult(tx, service, dossier, req.today),
        verifyCode: randomBytes(10).toString("base64url"),
        resultAt: clock.now(),
      };
    case "delivery":
      return {
        deliveredAt: clock.now(),
        // Sent home: the post's tracking number goes with the result (VNPost EMS format).
        ...(dossier.citizenData.delivery === "post" && {
          result: { ...dossier.result, postalTrackingNo: `EB${randomInt(100_000_000, 999_999_999)}VN` },
        }),
      };
    case "citizenDeadline":
      return { confirmDeadline: addWorkingDays(req.today, NEEDS_INFO_WORKING_DAYS), awaitingSince: req.today };
  }
}

async function queueStatusSms(tx: Tx, dossier: DossierRow, status: Status, eventId: number, origin: string) {
  const key = lifecycle[status].sms;
  if (!key) return;
  const [target] = await tx
    .select({ phone: citizens.phone, code: deepLinks.code, matchCode: deepLinks.matchCode })
    .from(deepLinks)
    .innerJoin(citizens, eq(citizens.id, dossier.ownerId))
    .where(eq(deepLinks.dossierId, dossier.id));
  if (!target?.phone) return;
  const vars = {
    code: dossier.code,
    receiptNo: dossier.receiptNo ?? "",
    slaDue: dossier.slaDueDate ?? "",
    deadline: dossier.confirmDeadline,
    link: `${origin}/s/${target.code}`,
    matchCode: target.matchCode,
  } satisfies Record<(typeof statusSmsVars)[number], string>;
  const body = renderTemplate(smsTemplates[statusSmsTemplate(key, vars)].text, vars);
  await tx.insert(smsOutbox).values({ dedupeKey: `event:${eventId}`, phone: target.phone, body, dossierId: dossier.id }).onConflictDoNothing();
}
