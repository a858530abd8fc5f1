import type { parentResponses } from "../db/schema";

type ParentResponse = typeof parentResponses.$inferSelect;
export type ParentResponseView = Pick<ParentResponse, "answer" | "reason" | "citizenId" | "settledAt" | "settlement">;

/** What the dossier pages show of the second-parent rule (docs/parents.md). */
export interface ParentReview {
  until: string;
  submitter: { id: string; name: string } | null;
  others: { id: string; name: string }[];
  response?: ParentResponseView & { name: string };
}

/**
 * The review from its parts: the dossier's window and submitter, its parties (id order), and the answer
 * to the latest submission. Shared by the officer's reads and the citizen page's one statement.
 */
export function parentReviewFrom(
  dossier: { objectionUntil: string | null; submittedBy: string | null },
  parties: { id: string; name: string }[],
  response: ParentResponseView | undefined,
): ParentReview | null {
  if (!dossier.objectionUntil) return null;
  return {
    until: dossier.objectionUntil,
    submitter: parties.find((p) => p.id === dossier.submittedBy) ?? null,
    others: parties.filter((p) => p.id !== dossier.submittedBy),
    response: response && {
      answer: response.answer,
      reason: response.reason,
      citizenId: response.citizenId,
      settledAt: response.settledAt,
      settlement: response.settlement,
      name: parties.find((p) => p.id === response.citizenId)?.name ?? "",
    },
  };
}
