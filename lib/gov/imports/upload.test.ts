import { describe, expect, it } from "vitest";
import type { Readable } from "node:stream";
import { bodyText, csvUpload, UploadError } from "./upload";
import { csvRecords } from "./csv-records";

async function text(stream: Readable): Promise<string> {
  let all = "";
  for await (const chunk of stream) all += chunk;
  return all;
}

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

const problemOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "none",
    (e: unknown) => (e instanceof UploadError ? e.problem : String(e)),
  );

describe("CSV uploads", () => {
  it("reads a text/csv body, keeping Vietnamese letters split across chunks", async () => {
    const bytes = new TextEncoder().encode("\uFEFFcommune\nXã Hòa Vang\n");
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < bytes.length; i += 3) c.enqueue(bytes.slice(i, i + 3));
        c.close();
      },
    });
    const stream = await csvUpload(post(body, { "content-type": "text/csv; charset=utf-8" }));
    expect(await text(stream)).toBe("commune\nXã Hòa Vang\n");
  });

  it("reads the file field of a multipart form", async () => {
    const form = new FormData();
    form.set("file", new File(["year\n2026\n"], "ho-ngheo.csv", { type: "text/csv" }));
    expect(await text(await csvUpload(post(form, {})))).toBe("year\n2026\n");
    const noFile = new FormData();
    noFile.set("note", "x");
    expect(await problemOf(csvUpload(post(noFile, {})))).toBe("missingFile");
  });

  it("refuses other media types, oversized declarations and oversized streams", async () => {
    expect(await problemOf(csvUpload(post("{}", { "content-type": "application/json" })))).toBe("unsupportedMediaType");
    expect(await problemOf(csvUpload(post("a", { "content-type": "text/csv", "content-length": "2000" }), 1000))).toBe("payloadTooLarge");
    const stream = await csvUpload(post(chunked(10, 200), { "content-type": "text/csv" }), 1000);
    expect(await problemOf(text(stream))).toBe("payloadTooLarge");
    const records = csvRecords(await csvUpload(post(chunked(10, 200), { "content-type": "text/csv" }), 1000));
    expect(await problemOf(records.next())).toBe("payloadTooLarge");
    const late = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode("a,b,c\n1,2,3\n"));
        c.enqueue(new Uint8Array(2000));
        c.close();
      },
    });
    const lines = csvRecords(await csvUpload(post(late, { "content-type": "text/csv" }), 1000));
    expect(await problemOf((async () => { for await (const record of lines) void record; })())).toBe("payloadTooLarge");
    const form = new FormData();
    form.set("file", new File(["x".repeat(5000)], "big.csv"));
    const encoded = new Response(form);
    const multipart = post(encoded.body, { "content-type": encoded.headers.get("content-type")! });
    expect(await problemOf(csvUpload(multipart, 1000))).toBe("payloadTooLarge");
  });

  it("refuses text that is not UTF-8", async () => {
    const latin1 = new Uint8Array([0x58, 0xe3, 0x20, 0x48, 0xf2, 0x61]);
    expect(await problemOf(text(await csvUpload(post(latin1, { "content-type": "text/csv" }))))).toBe("invalidEncoding");
  });

  it("reads a small body whole, within its limit", async () => {
    expect(await bodyText(post('{"a":1}', {}), 100)).toBe('{"a":1}');
    expect(await problemOf(bodyText(post(chunked(3, 100), {}), 100))).toBe("payloadTooLarge");
  });

  it("numbers records by the line they start on, across quoted line breaks and blank lines", async () => {
    const records = async (csv: string) => {
      const found = [];
      for await (const r of csvRecords(await csvUpload(post(csv, { "content-type": "text/csv" })))) found.push(r);
      return found;
    };
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
  });
});
