import { z } from "zod";
import { onestopStatuses, type OneStopAdapter, type OneStopSubmission, type StatusLookup, type SubmitResult } from "./adapter";
import { safeErrorText } from "../sms/redact";

const accepted = z.object({ id: z.string().min(1).max(100), receiptNo: z.string().min(1).max(100) });
const current = z.object({
  latest: z
    .object({
      eventId: z.string().min(1).max(100),
      status: z.enum(onestopStatuses),
      officer: z.string().max(100).optional(),
      note: z.string().max(1000).optional(),
    })
    .nullable(),
});

/** Status codes after which the same request may succeed later: the One-Stop system was busy or down. */
const transient = (status: number) => status >= 500 || status === 408 || status === 429;

/**
 * POST {url}/api/dossiers with a bearer key and an Idempotency-Key header; the answer names the receipt.
 * A resubmission updates the record instead: POST {url}/api/dossiers/{id}/supplement, the same headers and answer.
 * GET {url}/api/dossiers/{id} answers `{ latest: { eventId, status, officer?, note? } | null }`.
 */
export function createHttpOneStop(opts: { url: string; apiKey: string; timeoutMs: number }): OneStopAdapter {
  const endpoint = `${opts.url.replace(/\/$/, "")}/api/dossiers`;
  return {
    name: "http",
    async status(onestopId): Promise<StatusLookup> {
      try {
        const response = await fetch(`${endpoint}/${encodeURIComponent(onestopId)}`, {
          headers: { Authorization: `Bearer ${opts.apiKey}`, Accept: "application/json" },
          signal: AbortSignal.timeout(opts.timeoutMs),
        });
        if (!response.ok) return { ok: false, error: `HTTP ${response.status}` };
        const body = current.safeParse(await response.json().catch(() => null));
        return body.success ? { ok: true, latest: body.data.latest } : { ok: false, error: "unreadable answer" };
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
    },
    submit: (submission) => file(endpoint, submission, opts),
    supplement: (onestopId, submission) => file(`${endpoint}/${encodeURIComponent(onestopId)}/supplement`, submission, opts),
  };
}

/** POSTs a submission (or a resubmission) with its Idempotency-Key; the answer names the record and receipt. */
async function file(url: string, submission: OneStopSubmission, opts: { apiKey: string; timeoutMs: number }): Promise<SubmitResult> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${opts.apiKey}`,
        "Content-Type": "application/json",
        "Idempotency-Key": submission.idempotencyKey,
      },
      body: JSON.stringify(submission),
      signal: AbortSignal.timeout(opts.timeoutMs),
    });
  } catch (error) {
    // Timed out or unreachable: the request may or may not have arrived; the key makes a retry safe.
    return { ok: false, permanent: false, error: error instanceof Error ? error.message : String(error) };
  }
  if (!response.ok) {
    const text = safeErrorText((await response.text().catch(() => "")).slice(0, 200));
    return { ok: false, permanent: !transient(response.status), error: text ? `HTTP ${response.status}: ${text}` : `HTTP ${response.status}` };
  }
  const body = accepted.safeParse(await response.json().catch(() => null));
  // A 2xx we cannot read: it may have been filed, so ask again with the same key rather than give up.
  if (!body.success) return { ok: false, permanent: false, error: "unreadable answer" };
  return { ok: true, onestopId: body.data.id, receiptNo: body.data.receiptNo };
}
