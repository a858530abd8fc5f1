import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../db/client";
import { testDatabaseKinds, type TestDatabase } from "../db/test-databases";
import { eq } from "drizzle-orm";
import { delegatedStreamScope, delegationsStillHold, listDossiersFor } from "../db/dossier-queries";
import { insertDelegation, revokeDelegation } from "../db/delegation-queries";
import { dossiers } from "../db/schema";
import { demoPersonas, seedDemoWorld, seedWardHelpWorld, wardHelpPersonas } from "../gov/demo-world";
import * as clock from "../clock";
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
    await seedWardHelpWorld(t.db, TODAY);
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

  describe("a relative's grant", () => {
    const { mai, nam } = wardHelpPersonas;
    let vet: typeof dossiers.$inferSelect;
    let medical: typeof dossiers.$inferSelect;
    let grantId: string;
    beforeAll(async () => {
      const own = await t.db.select().from(dossiers).where(eq(dossiers.ownerId, mai));
      vet = own.find((d) => d.serviceCode === "veterinary-cert-renewal")!;
      medical = own.find((d) => d.serviceCode === "medical-licence-renewal")!;
      // Inserted directly: the grant's days are counted from the app clock, not the seeded world's.
      grantId = (await insertDelegation(t.db, { grantorId: mai, delegateId: nam, dossierId: vet.id, serviceCode: null, endsAt: new Date(clock.now().getTime() + 3_600_000) })).id;
    });

    /** Nam's stream as the route builds it, with the subscriber handed to the test. */
    async function namStream(heartbeatMs = 60_000) {
      let push: (change: StatusChange | null) => void = () => {};
      let subscribed = () => {};
      const ready = new Promise<void>((resolve) => (subscribed = resolve));
      const scope = await delegatedStreamScope(t.db, nam, clock.now());
      const stream = statusEventStream({
        dossierIds: new Set(),
        endsAt: Math.min(Date.now() + 60_000, scope.endsAt ?? Infinity),
        now: Date.now(),
        subscribe: async (subscriber) => {
          push = subscriber;
          subscribed();
          return () => {};
        },
        stillSignedIn: async () => true,
        delegated: { ids: scope.ids, stillHeld: () => delegationsStillHold(t.db, nam, scope.ids, clock.now()) },
        signal: new AbortController().signal,
        heartbeatMs,
      });
      const reader = stream.getReader();
      await reader.read(); // the retry line
      await ready;
      return { push: (c: StatusChange | null) => push(c), reader, scope };
    }
    const decoder = new TextDecoder();
    const next = async (reader: ReadableStreamDefaultReader<Uint8Array>) => {
      const { value, done } = await reader.read();
      return done ? "closed" : decoder.decode(value);
    };

    it("covers the granted dossier only, and sends its status while the grant holds", async () => {
      const { push, reader, scope } = await namStream();
      expect([...scope.ids]).toEqual([vet.id]);
      expect(scope.endsAt).toBeGreaterThan(clock.now().getTime());
      // Mai's other dossier is not his to hear of: nothing is sent, and the next event is the vet's.
      push({ id: medical.id, code: medical.code, status: "submitted", version: 9 });
      push({ id: vet.id, code: vet.code, status: "submitted", version: vet.version + 1 });
      expect(await next(reader)).toBe(`event: status\ndata: ${JSON.stringify({ code: vet.code, status: "submitted", version: vet.version + 1 })}\n\n`);
      push(null);
      expect(await next(reader)).toBe("event: resync\ndata: {}\n\n");
      await reader.cancel();
    });

    it("after a revocation the next event ends the stream without sending it", async () => {
      const { push, reader } = await namStream();
      expect(await revokeDelegation(t.db, mai, grantId, clock.now())).toBe(true);
      push({ id: vet.id, code: vet.code, status: "received", version: vet.version + 2 });
      expect(await next(reader)).toBe("closed");
      // A reconnect no longer covers it.
      expect((await delegatedStreamScope(t.db, nam, clock.now())).ids.size).toBe(0);
    });

    it("a grant ended or revoked while nothing happens ends the stream at the next check", async () => {
      const other = await insertDelegation(t.db, { grantorId: mai, delegateId: nam, dossierId: null, serviceCode: "medical-licence-renewal", endsAt: new Date(clock.now().getTime() + 3_600_000) });
      const { reader, scope } = await namStream(100);
      expect([...scope.ids]).toEqual([medical.id]);
      expect(await next(reader)).toBe(": \n\n");
      await revokeDelegation(t.db, mai, other.id, clock.now());
      let text = "";
      while (text !== "closed") text = await next(reader);
      // A grant's end closes it too: the stream ends at the first grant's end, like a session's.
      await insertDelegation(t.db, { grantorId: mai, delegateId: nam, dossierId: medical.id, serviceCode: null, endsAt: new Date(clock.now().getTime() + 300) });
      const ending = await namStream();
      expect(ending.scope.endsAt! - clock.now().getTime()).toBeLessThanOrEqual(300);
      expect(await next(ending.reader)).toBe("closed");
    });
  });
});
