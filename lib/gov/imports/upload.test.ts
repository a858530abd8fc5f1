import { describe, expect, it } from "vitest";
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { BodyTooLarge } from "../../http/body-limit";
import { receiveImportFile, UploadError } from "./upload";
import { csvRecords } from "./csv-records";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const post = (body: BodyInit | null, headers: Record<string, string>) =>
  new Request("https://chudong.example.vn/api/gov/imports/poor-households", { method: "POST", body, headers, duplex: "half" } as RequestInit);

/** A body of `chunks` chunks of `size` bytes, sent without a Content-Length. */
function chunked(chunks: number, size: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent++ === chunks) controller.close();
      else controller.enqueue(new TextEncoder().encode("x".repeat(size)));
    },
  });
}

/** The records of an upload, or the problem that refused it. */
async function read(request: Request, maxBytes?: number) {
  const file = await receiveImportFile(request, maxBytes);
  try {
    const records = [];
    for await (const r of file.records()) records.push(r);
    return { format: file.format, records };
  } finally {
    await file.dispose();
  }
}

const problemOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "none",
    (e: unknown) => (e instanceof UploadError ? e.problem : e instanceof BodyTooLarge ? "tooLarge" : String(e)),
  );

async function workbook(rows: ExcelJS.CellValue[][]): Promise<Uint8Array<ArrayBuffer>> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Danh sách");
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe("import uploads", () => {
  it("reads a text/csv body, keeping Vietnamese letters split across chunks", async () => {
    const bytes = new TextEncoder().encode("\uFEFFcommune\nXã Hòa Vang\n");
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < bytes.length; i += 3) c.enqueue(bytes.slice(i, i + 3));
        c.close();
      },
    });
    expect(await read(post(body, { "content-type": "text/csv; charset=utf-8" }))).toEqual({
      format: "csv",
      records: [
        { line: 1, cells: ["\uFEFFcommune"] },
        { line: 2, cells: ["Xã Hòa Vang"] },
      ],
    });
  });

  it("reads the file field of a multipart form", async () => {
    const form = new FormData();
    form.set("file", new File(["year\n2026\n"], "ho-ngheo.csv", { type: "text/csv" }));
    expect((await read(post(form, {}))).records).toEqual([
      { line: 1, cells: ["year"] },
      { line: 2, cells: ["2026"] },
    ]);
    const noFile = new FormData();
    noFile.set("note", "x");
    expect(await problemOf(read(post(noFile, {})))).toBe("missingFile");
  });

  it("refuses other media types, and oversized bodies whether declared, chunked or multipart, before any record", async () => {
    expect(await problemOf(read(post("{}", { "content-type": "application/json" })))).toBe("unsupportedMediaType");
    expect(await problemOf(read(post("a", { "content-type": "text/csv", "content-length": "2000" }), 1000))).toBe("tooLarge");
    expect(await problemOf(read(post(chunked(10, 200), { "content-type": "text/csv" }), 1000))).toBe("tooLarge");
    // Good lines first, then too much: refused whole, not a record handed out.
    const late = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode("a,b,c\n1,2,3\n"));
        c.enqueue(new TextEncoder().encode("4,5,6\n".repeat(400)));
        c.close();
      },
    });
    expect(await problemOf(receiveImportFile(post(late, { "content-type": "text/csv" }), 1000))).toBe("tooLarge");
    const form = new FormData();
    form.set("file", new File(["x".repeat(5000)], "big.csv"));
    const encoded = new Response(form);
    const multipart = post(encoded.body, { "content-type": encoded.headers.get("content-type")! });
    expect(await problemOf(read(multipart, 1000))).toBe("tooLarge");
  });

  it("takes UTF-8 with or without a BOM, and refuses any other encoding whole", async () => {
    const csv = "commune\nXã Hòa Vang\n";
    const utf8 = new TextEncoder().encode(csv);
    expect((await read(post(utf8, { "content-type": "text/csv" }))).records[1]).toEqual({ line: 2, cells: ["Xã Hòa Vang"] });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    expect((await read(post(bom, { "content-type": "text/csv" }))).records[1]).toEqual({ line: 2, cells: ["Xã Hòa Vang"] });
    // "Xã Hòa" in Windows-1258 (ã = 0xE3, ò = 0xF2), UTF-16 with a BOM, and UTF-16 without one.
    const windows1258 = new Uint8Array([0x58, 0xe3, 0x20, 0x48, 0xf2, 0x61, 0x0a]);
    const utf16le = new Uint8Array([0xff, 0xfe, ...Buffer.from(csv, "utf16le")]);
    const utf16be = new Uint8Array([0xfe, 0xff, ...Buffer.from(csv, "utf16le").swap16()]);
    const utf16NoBom = new Uint8Array(Buffer.from(csv, "utf16le"));
    for (const bytes of [windows1258, utf16le, utf16be, utf16NoBom]) {
      expect(await problemOf(read(post(bytes, { "content-type": "text/csv" })))).toBe("invalidEncoding");
    }
  });

  it("reads the first sheet of an .xlsx, raw or as a form's file, cells as a CSV would hold them", async () => {
    const bytes = await workbook([
      ["household_head_id", "category", "members", "commune", "year"],
      ["048090000001", "nghèo", 4, { richText: [{ text: "Xã " }, { text: "Hòa Vang" }] }, { formula: "2025+1", result: 2026 }],
      [],
      [new Date(Date.UTC(2026, 5, 15)), true, null, "", 2026],
    ]);
    const expected = [
      { line: 1, cells: ["household_head_id", "category", "members", "commune", "year"] },
      { line: 2, cells: ["048090000001", "nghèo", "4", "Xã Hòa Vang", "2026"] },
      { line: 4, cells: ["2026-06-15", "true", "", "", "2026"] },
    ];
    expect(await read(post(bytes, { "content-type": XLSX }))).toEqual({ format: "xlsx", records: expected });
    const form = new FormData();
    form.set("file", new File([bytes], "ho-ngheo.xlsx", { type: XLSX }));
    expect(await read(post(form, {}))).toEqual({ format: "xlsx", records: expected });
  });

  it("refuses a broken spreadsheet, and one that would inflate past the limit (a zip bomb)", async () => {
    const broken = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode("not really a zip")]);
    expect(await problemOf(read(post(broken, { "content-type": XLSX })))).toBe("invalidSpreadsheet");
    const repetitive = await workbook(Array.from({ length: 3000 }, () => ["048090000001", "nghèo", 4, "Xã Hòa Vang", 2026]));
    expect(await problemOf(read(post(repetitive, { "content-type": XLSX }), repetitive.byteLength))).toBe("spreadsheetTooLarge");
    expect((await read(post(repetitive, { "content-type": XLSX }), 50 * repetitive.byteLength)).records).toHaveLength(3000);
  });
});

describe("CSV records", () => {
  const records = async (csv: string | string[]) => {
    const found = [];
    for await (const r of csvRecords(Readable.from(typeof csv === "string" ? [csv] : csv))) found.push(r);
    return found;
  };

  it("numbers records by the line they start on, across quoted line breaks, blank lines and chunk edges", async () => {
    const expected = [
      { line: 1, cells: ["a", "b", "c"] },
      { line: 2, cells: ["1", "two\nlines", "z"] },
      { line: 5, cells: ["3", "x", "y"] },
    ];
    expect(await records('a;b;c\n1;"two\nlines";z\n\n3;x;y\n')).toEqual(expected);
    expect(await records('a,b,c\r\n1,"two\r\nlines",z\r\n\r\n3,x,y')).toEqual(
      expected.map((r) => ({ ...r, cells: r.cells.map((c) => c.replace("\n", "\r\n")) })),
    );
    expect((await records("a\tb\tc\n1\t2\t3\r\n4\t5\t6\r\n")).map((r) => r.line)).toEqual([1, 2, 3]);
    expect(await records("a,b\r1,2\r")).toEqual([{ line: 1, cells: ["a", "b"] }, { line: 2, cells: ["1", "2"] }]);
    // Every split of the same text into two chunks reads the same.
    const text = 'a,b,c\r\n1,"say ""hi""\r\nthere",z\r\n\n3,"x,y",\n';
    const whole = await records(text);
    expect(whole).toEqual([
      { line: 1, cells: ["a", "b", "c"] },
      { line: 2, cells: ["1", 'say "hi"\r\nthere', "z"] },
      { line: 5, cells: ["3", "x,y", ""] },
    ]);
    for (let i = 1; i < text.length; i++) expect(await records([text.slice(0, i), text.slice(i)])).toEqual(whole);
  });

  it("reads a 10 MB header with no line break in linear time", async () => {
    const cells = 1_000_000;
    const line = Array.from({ length: cells }, (_, i) => `c${String(i % 1000).padStart(9, "0")}`).join(",");
    expect(line.length).toBeGreaterThan(10_000_000);
    // In 64 KB chunks, as a request body arrives: Papa re-parsed the whole partial line on each one.
    const chunks: string[] = [];
    for (let i = 0; i < line.length; i += 65_536) chunks.push(line.slice(i, i + 65_536));
    const started = performance.now();
    const found = await records(chunks);
    const ms = performance.now() - started;
    expect(found).toHaveLength(1);
    expect(found[0]!.cells).toHaveLength(cells);
    console.info(`10 MB single-line header (${chunks.length} chunks): ${ms.toFixed(0)} ms`);
  }, 60_000);
});
