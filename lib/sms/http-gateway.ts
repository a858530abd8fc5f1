import { z } from "zod";
import type { SendResult, SmsGateway } from "./gateway";
import { safeErrorText } from "./redact";

interface HttpGatewayConfig {
  url: string;
  token: string;
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const ERROR_SNIPPET_CHARS = 200;

const acceptedResponse = z.object({ id: z.union([z.string().min(1), z.number()]).transform(String) });

async function httpError(response: Response): Promise<string> {
  const snippet = safeErrorText(await response.text().catch(() => "")).slice(0, ERROR_SNIPPET_CHARS);
  return snippet ? `HTTP ${response.status}: ${snippet}` : `HTTP ${response.status}`;
}

function networkError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && error.name === "TimeoutError") return `timed out after ${timeoutMs} ms`;
  return `network error: ${error instanceof Error ? error.message : String(error)}`;
}

// 408 and 429 ask us to come back later; other 4xx will fail the same way every time.
function isPermanent(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}

/** A generic SMS provider REST API: POST {to, text, clientRef} with a bearer token, answered by {id}. */
export function createHttpGateway(config: HttpGatewayConfig): SmsGateway {
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return {
    name: "http",
    async send({ to, body, idempotencyKey }): Promise<SendResult> {
      let response: Response;
      try {
        response = await fetch(config.url, {
          method: "POST",
          headers: { "content-type": "application/json", accept: "application/json", authorization: `Bearer ${config.token}` },
          body: JSON.stringify({ to, text: body, clientRef: idempotencyKey }),
          // Never replay the token and the text to wherever a redirect points.
          redirect: "error",
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        return { ok: false, permanent: false, error: networkError(error, timeoutMs) };
      }
      if (response.ok) {
        const parsed = acceptedResponse.safeParse(await response.json().catch(() => undefined));
        // Retrying is safe: the provider de-duplicates on clientRef.
        if (!parsed.success) return { ok: false, permanent: false, error: `HTTP ${response.status}: answer without a message id` };
        return { ok: true, messageId: parsed.data.id };
      }
      return { ok: false, permanent: isPermanent(response.status), error: await httpError(response) };
    },
  };
}
