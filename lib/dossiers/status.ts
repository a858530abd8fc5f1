import { z } from "zod";

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

const transitions: Record<Status, readonly Status[]> = {
  prepared: ["submitted", "declined", "expired"],
  submitted: ["received", "rejected"],
  received: ["processing", "approved", "needs_info", "rejected"],
  processing: ["approved", "needs_info", "rejected"],
  needs_info: ["submitted", "expired"],
  approved: ["delivered"],
  delivered: [],
  declined: [],
  expired: [],
  rejected: [],
};

export function canTransition(from: Status, to: Status): boolean {
  return transitions[from].includes(to);
}

/** The statuses in which the citizen may still change the data and confirm. */
export const awaitingCitizenStatuses: readonly Status[] = ["prepared", "needs_info"];

export function isAwaitingCitizen(status: Status): boolean {
  return awaitingCitizenStatuses.includes(status);
}
