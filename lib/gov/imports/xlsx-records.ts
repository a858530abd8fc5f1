import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import ExcelJS from "exceljs";
import type { CsvRecord } from "./csv-records";
import { UploadError } from "./upload-error";

/** How much a spreadsheet may inflate to, per byte of the upload limit: a zip bomb stops here. */
const INFLATE_FACTOR = 4;

/**
 * The total uncompressed size the zip's central directory declares, read before any entry is
 * inflated; undefined when the file is not a zip this reader understands (zip64, truncated).
 */
async function declaredUncompressedBytes(file: string): Promise<number | undefined> {
  const handle = await open(file, "r");
  try {
    const { size } = await handle.stat();
    const tail = Buffer.alloc(Math.min(size, 65_557));
    await handle.read(tail, 0, tail.length, size - tail.length);
    const end = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (end < 0 || end + 22 > tail.length) return undefined;
    const entries = tail.readUInt16LE(end + 10);
    const dirSize = tail.readUInt32LE(end + 12);
    const dirOffset = tail.readUInt32LE(end + 16);
    if (dirOffset + dirSize > size) return undefined;
    const dir = Buffer.alloc(dirSize);
    await handle.read(dir, 0, dirSize, dirOffset);
    let total = 0;
    for (let i = 0, at = 0; i < entries; i++) {
      if (at + 46 > dir.length || dir.readUInt32LE(at) !== 0x02014b50) return undefined;
      const uncompressed = dir.readUInt32LE(at + 24);
      if (uncompressed === 0xffffffff) return undefined;
      total += uncompressed;
      at += 46 + dir.readUInt16LE(at + 28) + dir.readUInt16LE(at + 30) + dir.readUInt16LE(at + 32);
    }
    return total;
  } finally {
    await handle.close();
  }
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** A cell as the text a CSV would hold: dates as yyyy-MM-dd, formulas as their result, rich text joined. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return isoDay(value);
  if (typeof value !== "object") return String(value);
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("formula" in value || "sharedFormula" in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ("text" in value) return cellText(value.text as ExcelJS.CellValue);
  return "";
}

/**
 * The rows of an .xlsx's first sheet as records, numbered by their row in the sheet (what the officer
 * sees in Excel). Streamed; the size the zip declares is checked first, against `maxBytes` × 4.
 */
export async function* xlsxRecords(file: string, maxBytes: number): AsyncGenerator<CsvRecord> {
  const declared = await declaredUncompressedBytes(file);
  if (declared === undefined) throw new UploadError("invalidSpreadsheet");
  if (declared > maxBytes * INFLATE_FACTOR) throw new UploadError("spreadsheetTooLarge");
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(createReadStream(file), {
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "ignore",
  });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = Array.isArray(row.values) ? row.values.slice(1) : [];
        const cells = Array.from(values, (v) => cellText(v as ExcelJS.CellValue));
        if (cells.every((c) => c.trim() === "")) continue;
        yield { line: row.number, cells };
      }
      return;
    }
  } catch (error) {
    throw error instanceof UploadError ? error : new UploadError("invalidSpreadsheet");
  }
}
