import { z } from "zod";
import type { SmsTemplateKey } from "../sms/templates";

export const statuses = [
  "prepared",
  "submitted",
  "received",
  "processing",
  "approved",
  "delivered",
  "needs_info",
  "declined",
  "expired",
  "rejected",
] as const;

export const statusSchema = z.enum(statuses);
export type Status = z.infer<typeof statusSchema>;

export const actorKinds = ["citizen", "officer", "engine", "system"] as const;
export type ActorKind = (typeof actorKinds)[number];

/** What entering a status writes besides the status itself; applied by transition() alone. */
export type Effect =
  | "submission" // submitted at/by, SLA due date, a renewal's temporary validity code, the other parent's window
  | "receipt" // the One-Stop receipt number
  | "result" // the result, its verify code and time
  | "delivery" // delivered at, the postal tracking number
  | "citizenDeadline"; // a new confirmation deadline: the citizen is asked again

/** What must hold before a status is entered, checked by transition() with the row locked. */
export type Precondition =
  | "feePaid" // the service's fee, if any, is paid
  | "parentsSettled" // the other parent's window has closed or been answered, and no objection is open
  | "correctionsSettled"; // no "Báo sai" that the catalogue says to wait for is still open

interface StatusRule {
  /** The statuses this one may be entered from; `prepared` is only ever created by the engine. */
  from: readonly Status[];
  by: readonly ActorKind[];
  effects: readonly Effect[];
  requires?: readonly Precondition[];
  sms?: SmsTemplateKey;
  /** Entering this status tells a dossier's other parent what was submitted (docs/parents.md). */
  notifyOtherParents?: true;
  /** Entering this status files the dossier with the One-Stop system (lib/onestop/outbox.ts). */
  syncOneStop?: true;
  /** Entering this status waits for the other parent: their window, or an objection not yet settled. */
}

/** The dossier lifecycle (SPEC §4) as one table: who may move a dossier where, and what follows. */
export const lifecycle: Record<Status, StatusRule> = {
  prepared: { from: [], by: ["engine"], effects: [] },
  submitted: { from: ["prepared", "needs_info"], by: ["citizen"], effects: ["submission"], requires: ["correctionsSettled"], notifyOtherParents: true, syncOneStop: true },
  declined: { from: ["prepared"], by: ["citizen"], effects: [] },
  expired: { from: ["prepared", "needs_info"], by: ["engine"], effects: [] },
  received: { from: ["submitted"], by: ["officer"], effects: ["receipt"], requires: ["feePaid"], sms: "received" },
  processing: { from: ["received"], by: ["officer"], effects: [] },
  needs_info: { from: ["received", "processing"], by: ["officer"], effects: ["citizenDeadline"], sms: "needsInfo" },
  approved: { from: ["received", "processing"], by: ["officer"], effects: ["result"], requires: ["parentsSettled"], sms: "approved" },
  rejected: { from: ["submitted", "received", "processing"], by: ["officer"], effects: [], sms: "rejected" },
  delivered: { from: ["approved"], by: ["officer"], effects: ["delivery"], sms: "delivered" },
};

/** Working days a citizen has to answer a request for more information. */
export const NEEDS_INFO_WORKING_DAYS = 10;

export function canTransition(from: Status, to: Status, by?: ActorKind): boolean {
  const rule = lifecycle[to];
  return rule.from.includes(from) && (by === undefined || rule.by.includes(by));
}

/** The statuses in which the citizen may still change the data and confirm. */
export const awaitingCitizenStatuses: readonly Status[] = lifecycle.submitted.from;

export function isAwaitingCitizen(status: Status): boolean {
  return awaitingCitizenStatuses.includes(status);
}

/** Submitted and not yet decided: the agency has the dossier. */
export const pendingDecisionStatuses: readonly Status[] = ["submitted", "received", "processing", "needs_info"];

/** Submitted and not yet handed over: the citizen follows these on the home page under "Đang xử lý". */
export const inProgressStatuses: readonly Status[] = ["submitted", "received", "processing", "approved"];
