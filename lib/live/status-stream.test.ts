import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../db/client";
import { testDatabaseKinds, type TestDatabase } from "../db/test-databases";
import { listDossiersFor } from "../db/dossier-queries";
import { demoPersonas, seedDemoWorld } from "../gov/demo-world";
import { scan } from "../engine/scan";
import { performCitizenAction } from "../dossiers/citizen-actions";
import { STATUS_CHANNEL, type StatusChange } from "./status-feed";
import { statusEventStream } from "./status-stream";

const TODAY = "2026-11-23";

/** Reads the stream's text until `until` matches (or the stream ends). */
async function readUntil(stream: ReadableStream<Uint8Array>, until: RegExp): Promise<string> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = "";
  while (!until.test(text)) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value);
  }
  reader.releaseLock();
  return text;
}

describe.each(await testDatabaseKinds())("status pushed over LISTEN/NOTIFY on $name", ({ open }) => {
  let t: TestDatabase;
  // On PostgreSQL the confirm runs on another pool (another app instance); PGlite is one process.
  let writer: Database;
  beforeAll(async () => {
    t = await open();
    writer = t.url ? await openDatabase({ url: t.url }) : t;
    await seedDemoWorld(t.db, TODAY);
    await scan(t.db, { today: TODAY, origin: "http://localhost:3000" });
  }, 120_000);
  afterAll(async () => {
    if (writer !== t) await writer?.close();
    await t?.close();
  });

  it("sends a party's stream the status change, with nothing personal, and nobody else's", async () => {
    const [cuc] = await listDossiersFor(t.db, demoPersonas.cuc);
    const [an] = await listDossiersFor(t.db, demoPersonas.an);
    const streamFor = (ids: string[]) => {
      const abort = new AbortController();
      const stream = statusEventStream({
        dossierIds: new Set(ids),
        endsAt: Date.now() + 60_000,
        now: Date.now(),
        subscribe: async (subscriber) => {
          const unlisten = await t.listen(STATUS_CHANNEL, (p) => subscriber(JSON.parse(p) as StatusChange), () => subscriber(null));
          return () => void unlisten();
        },
        stillSignedIn: async () => true,
        signal: abort.signal,
      });
      return { stream, abort };
    };
    const cucs = streamFor([cuc!.id]);
    const ans = streamFor([an!.id]);
    const cucText = readUntil(cucs.stream, /event: status/);
    // The LISTEN is set up when the stream starts; give PostgreSQL's connection a moment.
    await new Promise((r) => setTimeout(r, 300));
    const r = await performCitizenAction(writer.db, demoPersonas.cuc, "confirm", {
      dossierCode: cuc!.code,
      version: cuc!.version,
      idempotencyKey: randomUUID(),
      input: { delivery: "digital" },
      consent: true,
    });
    expect(r.ok).toBe(true);
    const text = await cucText;
    const data = JSON.parse(/event: status\ndata: (.*)\n/.exec(text)![1]!);
    expect(data).toEqual({ code: cuc!.code, status: "submitted", version: cuc!.version + 1 });
    expect(text).not.toMatch(/\d{12}|048185000003/);

    // An's stream heard nothing but its opening line.
    const anText = await Promise.race([readUntil(ans.stream, /event:/), new Promise<string>((r) => setTimeout(() => r("nothing"), 500))]);
    expect(anText).not.toMatch(/event: status/);
    cucs.abort.abort();
    ans.abort.abort();
  });

  it("closes when the session expires", async () => {
    const stream = statusEventStream({
      dossierIds: new Set(),
      endsAt: Date.now() + 200,
      now: Date.now(),
      subscribe: async () => () => {},
      stillSignedIn: async () => true,
      signal: new AbortController().signal,
    });
    const started = Date.now();
    expect(await readUntil(stream, /(?!)/)).toBe("retry: 5000\n\n");
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
  });
});
