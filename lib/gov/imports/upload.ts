import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";

export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

type UploadProblem =
  | "payloadTooLarge"
  | "invalidEncoding"
  | "unsupportedMediaType"
  | "missingFile"
  | "invalidMultipart";

/** Thrown from inside a body stream, so it surfaces wherever the stream is being read. */
export class UploadError extends Error {
  constructor(readonly problem: UploadProblem) {
    super(problem);
  }
}

function byteLimit(maxBytes: number): TransformStream<Uint8Array, Uint8Array> {
  let seen = 0;
  return new TransformStream({
    transform(chunk, controller) {
      seen += chunk.byteLength;
      if (seen > maxBytes) throw new UploadError("payloadTooLarge");
      controller.enqueue(chunk);
    },
  });
}

function utf8Text(): TransformStream<Uint8Array, string> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const decode = (bytes?: Uint8Array) => {
    try {
      return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
    } catch {
      throw new UploadError("invalidEncoding");
    }
  };
  return new TransformStream({
    transform: (chunk, controller) => controller.enqueue(decode(chunk)),
    flush: (controller) => controller.enqueue(decode()),
  });
}

function declaredTooLarge(request: Request, maxBytes: number): boolean {
  return Number(request.headers.get("content-length") ?? 0) > maxBytes;
}

function bytes(request: Request, maxBytes: number): ReadableStream<Uint8Array> {
  return (request.body ?? new Blob([]).stream()).pipeThrough(byteLimit(maxBytes));
}

function toNodeText(stream: ReadableStream<Uint8Array>): Readable {
  return Readable.fromWeb(stream.pipeThrough(utf8Text()) as unknown as NodeReadableStream<string>);
}

const CSV_TYPES = new Set(["text/csv", "application/csv", "text/plain", "application/vnd.ms-excel"]);

/**
 * The CSV text of an upload as a stream: the raw body (text/csv), or the `file` field of a form.
 * Size and encoding are checked as the bytes pass, so the file is never held whole — except a
 * multipart form, which the platform parses in memory (hence the same cap applies before it).
 */
export async function csvUpload(request: Request, maxBytes = MAX_UPLOAD_BYTES): Promise<Readable> {
  if (declaredTooLarge(request, maxBytes)) throw new UploadError("payloadTooLarge");
  const contentType = request.headers.get("content-type") ?? "";
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  if (CSV_TYPES.has(type)) return toNodeText(bytes(request, maxBytes));
  if (type !== "multipart/form-data") throw new UploadError("unsupportedMediaType");
  let form: FormData;
  try {
    form = await new Response(bytes(request, maxBytes), { headers: { "content-type": contentType } }).formData();
  } catch (error) {
    throw error instanceof UploadError ? error : new UploadError("invalidMultipart");
  }
  const file = form.get("file");
  if (!(file instanceof Blob)) throw new UploadError("missingFile");
  return toNodeText(file.stream());
}

/** A small request body as text, refusing more than `maxBytes`. */
export async function bodyText(request: Request, maxBytes: number): Promise<string> {
  if (declaredTooLarge(request, maxBytes)) throw new UploadError("payloadTooLarge");
  let text = "";
  for await (const chunk of toNodeText(bytes(request, maxBytes))) text += chunk;
  return text;
}
