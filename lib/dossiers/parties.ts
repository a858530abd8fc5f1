import type { PartyRole } from "../db/dossier-queries";
import { pendingDecisionStatuses, type Status } from "./status";

/** What a citizen can do to a dossier they are a party to (docs/parents.md states the rule). */
export type PartyAction = "confirm" | "amend" | "decline" | "agree" | "object";

export interface PartyView {
  citizenId: string;
  role: PartyRole;
}

export interface DossierView {
  status: Status;
  /** Who submitted it last, if anyone. */
  submittedBy: string | null;
  /** The last day the other parent may answer a submission; null when the dossier has one party. */
  objectionUntil: string | null;
}

/**
 * The second-parent rule. Either parent may name and confirm (the law lets either register the birth);
 * only the owner may decline for both; the parent who did not submit may agree or object, once per
 * submission, until the end of `objectionUntil`. A delegate may confirm and amend, nothing else. Statuses and versions are checked by the actions too.
 */
export function partyMay(action: PartyAction, party: PartyView, dossier: DossierView, today: string): boolean {
  switch (action) {
    case "confirm":
    case "amend":
      // A delegate acts on what the owner granted (the grant is checked where the dossier is read).
      return party.role === "owner" || party.role === "co-parent" || party.role === "delegate";
    case "decline":
      return party.role === "owner";
    case "agree":
    case "object":
      // The other parent's answer is their own: a delegate never gives it.
      return (
        party.role !== "delegate" &&
        dossier.objectionUntil !== null &&
        today <= dossier.objectionUntil &&
        dossier.submittedBy !== null &&
        dossier.submittedBy !== party.citizenId &&
        pendingDecisionStatuses.includes(dossier.status) &&
        dossier.status !== "needs_info"
      );
  }
}
