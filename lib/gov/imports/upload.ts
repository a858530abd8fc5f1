import { createReadStream, createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { BodyTooLarge, byteLimit, limitedBody, UPLOAD_BODY_LIMIT } from "../../http/body-limit";
import { csvRecords, type CsvRecord } from "./csv-records";
import { UploadError } from "./upload-error";
import { xlsxRecords } from "./xlsx-records";

export { UploadError };

export const MAX_UPLOAD_BYTES = UPLOAD_BODY_LIMIT;

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const CSV_TYPES = new Set(["text/csv", "application/csv", "text/plain", "application/vnd.ms-excel"]);
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

const isZip = (head: Uint8Array) => ZIP_MAGIC.every((b, i) => head[i] === b);
const isUtf16Bom = (head: Uint8Array) => (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);

/**
 * Tells an .xlsx (a zip) from CSV by its first bytes, whatever the client declared, and checks a CSV
 * as it passes: UTF-8 with or without a BOM. A UTF-16 BOM, a NUL byte (UTF-16 without one) or bytes
 * that are not UTF-8 (Windows-1258, TCVN3…) refuse the whole file.
 */
function formatCheck(): { stream: TransformStream<Uint8Array, Uint8Array>; format: () => "csv" | "xlsx" } {
  let format: "csv" | "xlsx" | undefined;
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const decode = (chunk?: Uint8Array) => {
    try {
      decoder.decode(chunk ?? new Uint8Array(), { stream: chunk !== undefined });
    } catch {
      throw new UploadError("invalidEncoding");
    }
  };
  return {
    format: () => format ?? "csv",
    stream: new TransformStream({
      transform(chunk, controller) {
        if (!format && chunk.length > 0) {
          format = isZip(chunk) ? "xlsx" : "csv";
          if (format === "csv" && isUtf16Bom(chunk)) throw new UploadError("invalidEncoding");
        }
        if (format === "csv") {
          if (chunk.includes(0)) throw new UploadError("invalidEncoding");
          decode(chunk);
        }
        controller.enqueue(chunk);
      },
      flush() {
        if (format === "csv") decode();
      },
    }),
  };
}

/** An import file received whole into a temporary file: size and encoding are known before any row is read. */
export interface ReceivedFile {
  format: "csv" | "xlsx";
  /** The file's records, with the line (CSV) or row (xlsx) each starts on. */
  records(): AsyncGenerator<CsvRecord>;
  dispose(): Promise<void>;
}

async function spool(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<ReceivedFile> {
  const file = path.join(tmpdir(), `chu-dong-import-${randomUUID()}`);
  const check = formatCheck();
  const dispose = () => rm(file, { force: true });
  try {
    const checked = body.pipeThrough(byteLimit(maxBytes)).pipeThrough(check.stream);
    await pipeline(Readable.fromWeb(checked as unknown as NodeReadableStream<Uint8Array>), createWriteStream(file, { mode: 0o600 }));
  } catch (error) {
    await dispose();
    throw error;
  }
  const format = check.format();
  return {
    format,
    records: () => (format === "xlsx" ? xlsxRecords(file, maxBytes) : csvRecords(createReadStream(file, { encoding: "utf8" }))),
    dispose,
  };
}

/**
 * Receives an import upload: the raw body (CSV or .xlsx), or the `file` field of a form. The whole
 * file lands in a temporary file first, within `maxBytes` (chunked bodies too), so an oversized or
 * mis-encoded file is refused before a single row is imported. Call dispose() when done.
 */
export async function receiveImportFile(request: Request, maxBytes = MAX_UPLOAD_BYTES): Promise<ReceivedFile> {
  const contentType = request.headers.get("content-type") ?? "";
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  if (CSV_TYPES.has(type) || type === XLSX_TYPE) return spool(limitedBody(request, maxBytes), maxBytes);
  if (type !== "multipart/form-data") throw new UploadError("unsupportedMediaType");
  let form: FormData;
  try {
    // The platform parses a form in memory, hence the same cap before it.
    form = await new Response(limitedBody(request, maxBytes), { headers: { "content-type": contentType } }).formData();
  } catch (error) {
    throw error instanceof BodyTooLarge ? error : new UploadError("invalidMultipart");
  }
  const file = form.get("file");
  if (!(file instanceof Blob)) throw new UploadError("missingFile");
  return spool(file.stream(), maxBytes);
}
