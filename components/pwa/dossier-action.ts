import { attemptTimeoutMs } from "@/lib/offline/backoff";
import { outcomeOf } from "@/lib/offline/outcome";
import type { QueuedAction } from "@/lib/offline/outbox";

/** A confirm or amend as the outbox keeps it and the server takes it, without the time it was saved. */
export type DossierActionVariables = Omit<QueuedAction, "savedAt">;

/** What the other tab or parent did, as the server's conflict answer carries it. */
export interface LatestChange {
  at: string;
  byYou: boolean;
  byName: string | null;
  status: string;
  values: Record<string, string>;
}

export type DossierActionAnswer =
  | { ok: true; status: string; version: number }
  | { ok: false; error: "invalid"; fieldErrors: Record<string, string> }
  | { ok: false; error: "conflict" | "not_editable"; latest?: LatestChange }
  | { ok: false; error: "not_found" | "idempotency_mismatch" | "generic" };

export const DOSSIER_ACTION = ["dossier-action"] as const;

/** A definite answer from our server that a retry cannot change: shown, never retried. */
export class DossierActionRefused extends Error {
  constructor(readonly answer: Extract<DossierActionAnswer, { ok: false }>) {
    super("refused");
  }
}

/** The session expired: the action stays queued, the citizen is asked to sign in, and it replays after. */
export class SignInNeeded extends Error {
  constructor() {
    super("sign-in");
  }
}

// Attempts per action in this page's life, so that each retry on a slow link waits longer for its answer.
const attempts = new Map<string, number>();

export async function sendDossierAction({ code, ...body }: DossierActionVariables): Promise<Extract<DossierActionAnswer, { ok: true }>> {
  const tries = attempts.get(body.idempotencyKey) ?? 0;
  attempts.set(body.idempotencyKey, tries + 1);
  let response: Response;
  try {
    response = await fetch(`/api/v1/dossiers/${encodeURIComponent(code)}/actions`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      credentials: "same-origin",
      body: JSON.stringify(body),
      // A hung request on rural 3G counts as failed, and is retried with the same idempotency key.
      signal: AbortSignal.timeout(attemptTimeoutMs(tries)),
    });
  } catch (error) {
    throw new Error(error instanceof DOMException && error.name === "TimeoutError" ? "timeout" : "network");
  }
  const outcome = outcomeOf(response.status);
  if (outcome === "sign-in") throw new SignInNeeded();
  if (outcome === "retry") throw new Error(`server ${response.status}`);
  const answer = (await response.json().catch(() => undefined)) as DossierActionAnswer | undefined;
  if (outcome === "done" && answer?.ok) {
    attempts.delete(body.idempotencyKey);
    return answer;
  }
  throw new DossierActionRefused(answer && !answer.ok ? answer : { ok: false, error: "generic" });
}
