/**
 * What became of one attempt to send a confirm or amend, from the HTTP status alone. The idempotency key
 * makes every retry safe, so anything that is not a definite answer from our server is retried.
 */
export type AttemptOutcome = "done" | "refused" | "sign-in" | "retry";

export function outcomeOf(status: number | "network" | "timeout"): AttemptOutcome {
  if (status === "network" || status === "timeout") return "retry";
  if (status >= 200 && status < 300) return "done";
  // An expired session is not a refusal: the action is kept and replays after signing in again.
  if (status === 401) return "sign-in";
  // Our route answers 404/409/422 with a reason to show; a 403 is the Origin check, which a retry cannot pass.
  if (status === 400 || status === 403 || status === 404 || status === 409 || status === 422) return "refused";
  // 408, 429, 5xx, and a captive portal's odd answers: try again later.
  return "retry";
}
