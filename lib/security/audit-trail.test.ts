import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { testDatabaseKinds, type TestDatabase } from "../db/test-databases";
import { demoPersonas, seedDemoWorld } from "../gov/demo-world";
import { dataAccessLog, dossierEvents, dossiers } from "../db/schema";
import { scan } from "../engine/scan";
import { performCitizenAction } from "../dossiers/citizen-actions";
import { linkHash, verifyAuditTrail, verifyChain } from "./audit-trail";

const TODAY = "2026-11-23";
class Rollback extends Error {}

/** The database's message for a refused statement (drizzle wraps it as the cause). */
async function refusal(query: PromiseLike<unknown>): Promise<string> {
  try {
    await query;
    return "accepted";
  } catch (e) {
    const error = e as Error & { cause?: Error };
    return `${error.message} ${error.cause?.message ?? ""}`;
  }
}

describe.each(await testDatabaseKinds())("audit trail on $name", ({ open }) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await open();
    await seedDemoWorld(t.db, TODAY);
    await scan(t.db, { today: TODAY, origin: "http://localhost:3000" });
    const [d] = await t.db.select().from(dossiers).where(eq(dossiers.serviceCode, "medical-licence-renewal"));
    const r = await performCitizenAction(t.db, demoPersonas.cuc, "confirm", {
      dossierCode: d!.code,
      version: d!.version,
      idempotencyKey: randomUUID(),
      input: { delivery: "digital" },
      consent: true,
    });
    expect(r).toMatchObject({ ok: true });
  });
  afterAll(async () => t?.close());

  /** Runs `tamper` as the table owner (triggers off for the edit), checks the chain, and rolls everything back. */
  async function tamperedReport(table: "dossier_events" | "data_access_log", tamper: string) {
    let report: Awaited<ReturnType<typeof verifyChain>> | undefined;
    await t.db
      .transaction(async (tx) => {
        await tx.execute(sql.raw(`ALTER TABLE ${table} DISABLE TRIGGER USER`));
        for (const statement of tamper.split("; ")) await tx.execute(sql.raw(statement));
        await tx.execute(sql.raw(`ALTER TABLE ${table} ENABLE TRIGGER USER`));
        report = await verifyChain(tx, table);
        throw new Rollback();
      })
      .catch((e) => {
        if (!(e instanceof Rollback)) throw e;
      });
    return report!;
  }

  it("chains every status event and data-access row, and the chain verifies", async () => {
    const events = await t.db.select().from(dossierEvents).orderBy(dossierEvents.chainSeq);
    expect(events.length).toBeGreaterThan(5);
    expect(events.map((e) => e.chainSeq)).toEqual(events.map((_, i) => i + 1));
    expect(events[0]!.prevHash).toBe("0".repeat(64));
    for (let i = 1; i < events.length; i++) expect(events[i]!.prevHash).toBe(events[i - 1]!.hash);
    expect((await t.db.select().from(dataAccessLog)).length).toBeGreaterThan(0);
    const reports = await verifyAuditTrail(t.db);
    expect(reports.map((r) => [r.table, r.ok])).toEqual([
      ["dossier_events", true],
      ["data_access_log", true],
    ]);
  });

  it("hashes the database's canonical content the way the verifier does", async () => {
    const [first] = await t.db.execute(sql`SELECT prev_hash, hash, audit_content_dossier_event(e) AS content FROM dossier_events e WHERE chain_seq = 1`).then((r) => (r as unknown as { rows: { prev_hash: string; hash: string; content: string }[] }).rows);
    expect(linkHash(first!.prev_hash, first!.content)).toBe(first!.hash);
  });

  it("refuses UPDATE and DELETE on both tables, for the app as for anyone without DDL", async () => {
    for (const statement of [
      "UPDATE dossier_events SET note = 'sửa' WHERE chain_seq = 1",
      "DELETE FROM dossier_events WHERE chain_seq = 1",
      "UPDATE data_access_log SET purpose = 'x'",
      "DELETE FROM data_access_log",
      "DELETE FROM audit_chain_heads",
    ]) {
      expect(await refusal(t.db.execute(sql.raw(statement))), statement).toMatch(/append-only/);
    }
    expect(await refusal(t.db.update(dossierEvents).set({ note: "x" }))).toMatch(/append-only/);
    expect((await verifyAuditTrail(t.db)).every((r) => r.ok)).toBe(true);
  });

  it("ignores hash values the app tries to supply: the trigger computes them", async () => {
    const [d] = await t.db.select().from(dossiers).limit(1);
    const [row] = await t.db
      .insert(dossierEvents)
      .values({ dossierId: d!.id, kind: "amended", actorKind: "system", chainSeq: 1, prevHash: "f".repeat(64), hash: "e".repeat(64) })
      .returning();
    expect(row!.chainSeq).toBeGreaterThan(1);
    expect(row!.hash).not.toBe("e".repeat(64));
    expect((await verifyChain(t.db, "dossier_events")).ok).toBe(true);
  });

  it("detects an edited row, a deleted row, a deleted tail and a re-hashed row", async () => {
    const edited = await tamperedReport("dossier_events", "UPDATE dossier_events SET note = 'đã sửa' WHERE chain_seq = 3");
    expect(edited).toMatchObject({ ok: false, broken: { chainSeq: 3, problem: "content" } });

    const gap = await tamperedReport("dossier_events", "DELETE FROM dossier_events WHERE chain_seq = 2");
    expect(gap).toMatchObject({ ok: false, broken: { chainSeq: 3, problem: "gap" } });

    const tail = await tamperedReport("dossier_events", "DELETE FROM dossier_events WHERE chain_seq = (SELECT max(chain_seq) FROM dossier_events)");
    expect(tail).toMatchObject({ ok: false, broken: { problem: "head" } });

    // Editing a row and recomputing its own hash moves the break to the next row.
    const rehashed = await tamperedReport(
      "dossier_events",
      "UPDATE dossier_events SET note = 'x' WHERE chain_seq = 2; UPDATE dossier_events e SET hash = audit_hash(e.prev_hash, audit_content_dossier_event(e)) WHERE chain_seq = 2",
    );
    expect(rehashed).toMatchObject({ ok: false, broken: { chainSeq: 3, problem: "prev_hash" } });

    const access = await tamperedReport("data_access_log", "UPDATE data_access_log SET agency = 'khác' WHERE chain_seq = 1");
    expect(access).toMatchObject({ ok: false, broken: { chainSeq: 1, problem: "content" } });

    expect((await verifyAuditTrail(t.db)).every((r) => r.ok)).toBe(true);
  });

  it("chains a bulk insert in one statement, and stays whole when a savepoint rolls back", async () => {
    const [d] = await t.db.select().from(dossiers).limit(1);
    await t.db.execute(sql`INSERT INTO dossier_events (dossier_id, kind, actor_kind, note) SELECT ${d!.id}::uuid, 'amended', 'system', 'hàng loạt ' || g FROM generate_series(1, 500) g`);
    await t.db.transaction(async (tx) => {
      await tx.insert(dossierEvents).values({ dossierId: d!.id, kind: "amended", actorKind: "system", note: "trước savepoint" });
      await tx
        .transaction(async (inner) => {
          await inner.insert(dossierEvents).values({ dossierId: d!.id, kind: "amended", actorKind: "system", note: "bị hủy" });
          throw new Rollback();
        })
        .catch((e) => {
          if (!(e instanceof Rollback)) throw e;
        });
      await tx.insert(dossierEvents).values({ dossierId: d!.id, kind: "amended", actorKind: "system", note: "sau savepoint" });
    });
    expect((await verifyAuditTrail(t.db)).every((r) => r.ok)).toBe(true);
  });

  it("chains concurrent inserts from many transactions without a fork", async () => {
    const ids = (await t.db.select({ id: dossiers.id }).from(dossiers)).map((d) => d.id);
    await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        t.db.transaction(async (tx) => {
          await tx.insert(dossierEvents).values({ dossierId: ids[i % ids.length]!, kind: "amended", actorKind: "system", note: `song song ${i}` });
          await tx.insert(dataAccessLog).values({ citizenId: demoPersonas.an, agency: "test", dataset: "population", purpose: `song song ${i}` });
        }),
      ),
    );
    expect((await verifyAuditTrail(t.db)).every((r) => r.ok)).toBe(true);
  });
});
