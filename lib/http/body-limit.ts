import { getTranslations } from "next-intl/server";

/**
 * The one way a route reads a request body: every byte counts against a limit, whether the client
 * declared a Content-Length or streams a chunked body without one. Nothing larger is ever buffered.
 */

import { FORM_BODY_LIMIT } from "./limits";

export { FORM_BODY_LIMIT, JSON_BODY_LIMIT, SMS_INBOUND_BODY_LIMIT, UPLOAD_BODY_LIMIT } from "./limits";

export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`request body over ${limit} bytes`);
  }
}

/** Whether the declared Content-Length already exceeds the limit (a chunked body declares none). */
export function declaredTooLarge(request: Request, maxBytes: number): boolean {
  return Number(request.headers.get("content-length") ?? 0) > maxBytes;
}

/** A pass-through that errors the stream with BodyTooLarge once more than `maxBytes` have passed. */
export function byteLimit(maxBytes: number): TransformStream<Uint8Array, Uint8Array> {
  let seen = 0;
  return new TransformStream({
    transform(chunk, controller) {
      seen += chunk.byteLength;
      if (seen > maxBytes) throw new BodyTooLarge(maxBytes);
      controller.enqueue(chunk);
    },
  });
}

/** The body as a stream capped at `maxBytes`; throws at once when the declared length is over. */
export function limitedBody(request: Request, maxBytes: number): ReadableStream<Uint8Array> {
  if (declaredTooLarge(request, maxBytes)) throw new BodyTooLarge(maxBytes);
  return (request.body ?? new Blob([]).stream()).pipeThrough(byteLimit(maxBytes));
}

/** The whole body, at most `maxBytes`; stops reading (and cancels the upload) at the first byte over. */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const parts: Uint8Array[] = [];
  let length = 0;
  const reader = limitedBody(request, maxBytes).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      length += value.byteLength;
    }
  } catch (error) {
    await reader.cancel().catch(() => {});
    throw error;
  }
  const all = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.byteLength;
  }
  return all;
}

/** The body as text (UTF-8; invalid bytes become U+FFFD, for the parser behind to refuse). */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  return new TextDecoder().decode(await readBodyBytes(request, maxBytes));
}

/** A urlencoded or multipart form, read within the limit; an unreadable form reads as empty. */
export async function readBodyForm(request: Request, maxBytes = FORM_BODY_LIMIT): Promise<FormData> {
  const bytes = await readBodyBytes(request, maxBytes);
  const type = request.headers.get("content-type");
  return new Response(bytes, { headers: type ? { "content-type": type } : {} }).formData().catch(() => new FormData());
}

/** 413 for a page or form route, in the visitor's language, saying the limit. */
export async function tooLargeResponse(error: BodyTooLarge): Promise<Response> {
  const t = await getTranslations("errors");
  return new Response(t("bodyTooLarge", { limit: Math.ceil(error.limit / 1024) }), {
    status: 413,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/** The form of a route that answers 413 itself when the body is over the limit. */
export async function formOrTooLarge(request: Request, maxBytes = FORM_BODY_LIMIT): Promise<FormData | Response> {
  try {
    return await readBodyForm(request, maxBytes);
  } catch (error) {
    if (error instanceof BodyTooLarge) return tooLargeResponse(error);
    throw error;
  }
}
