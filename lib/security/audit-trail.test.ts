import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { queryRows, type Executor } from "../db/client";
import { testDatabaseKinds, type TestDatabase } from "../db/test-databases";
import { demoPersonas, seedDemoWorld } from "../gov/demo-world";
import { dataAccessLog, dossierEvents, dossiers } from "../db/schema";
import { scan } from "../engine/scan";
import { performCitizenAction } from "../dossiers/citizen-actions";
import { chainHeads, sealAuditTrail, verifyAuditTrail, verifyChain } from "./audit-trail";
import { signCheckpoint, type SignedCheckpoint } from "./audit-checkpoint";
import { verifyWithCheckpoints } from "./audit-verify";
import { inRolledBackTransaction, run, sealEverything } from "./audit-test-helpers";

const TODAY = "2026-11-23";
const { privateKey, publicKey } = generateKeyPairSync("ed25519");

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
  let checkpoint: SignedCheckpoint;
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
    // Several seals, so that an attack can land in the middle of the chain.
    const [dossier] = await t.db.select().from(dossiers).limit(1);
    for (let i = 0; i < 3; i++) {
      await t.db.insert(dossierEvents).values({ dossierId: dossier!.id, kind: "amended", actorKind: "system", note: `lô ${i}` });
      await sealEverything(t.db);
    }
    checkpoint = signCheckpoint(await chainHeads(t.db), privateKey);
  }, 180_000);
  afterAll(async () => t?.close());

  const verdict = (db: Executor, log: SignedCheckpoint[] = [checkpoint]) => verifyWithCheckpoints(db, log, publicKey);

  it("seals every status event and data-access row into a chain that verifies, against the signed checkpoint too", async () => {
    const reports = await verifyAuditTrail(t.db);
    expect(reports.map((r) => [r.table, r.ok, r.unsealed])).toEqual([
      ["dossier_events", true, 0],
      ["data_access_log", true, 0],
    ]);
    const events = await t.db.select().from(dossierEvents);
    expect(reports[0]!.head.rows).toBe(events.length);
    expect(reports[0]!.head.seq).toBeGreaterThanOrEqual(3);
    expect(reports[1]!.head.rows).toBe((await t.db.select().from(dataAccessLog)).length);
    expect((await verdict(t.db)).ok).toBe(true);
  });

  it("counts rows appended since the last seal as unsealed, not as a break", async () => {
    const unsealed = await inRolledBackTransaction(t.db, async (tx) => {
      const [d] = await tx.select().from(dossiers).limit(1);
      await tx.insert(dossierEvents).values({ dossierId: d!.id, kind: "amended", actorKind: "system", note: "chưa niêm phong" });
      // Our own transaction is still running: the sealer must not take its row.
      expect(await sealAuditTrail(tx)).toEqual({ dossier_events: 0, data_access_log: 0 });
      return verifyChain(tx, "dossier_events");
    });
    expect(unsealed).toMatchObject({ ok: true, unsealed: 1 });
  });

  it("refuses UPDATE, DELETE and TRUNCATE on the audit tables and their seals, for anyone without DDL", async () => {
    for (const statement of [
      "UPDATE dossier_events SET note = 'sửa' WHERE id = (SELECT min(id) FROM dossier_events)",
      "DELETE FROM dossier_events WHERE id = (SELECT min(id) FROM dossier_events)",
      "UPDATE data_access_log SET purpose = 'x'",
      "DELETE FROM data_access_log",
      "UPDATE audit_seals SET hash = 'x'",
      "DELETE FROM audit_seals",
      "TRUNCATE dossier_events CASCADE",
      "TRUNCATE data_access_log",
      "TRUNCATE audit_seals",
    ]) {
      expect(await refusal(inRolledBackTransaction(t.db, (tx) => tx.execute(sql.raw(statement)))), statement).toMatch(/append-only/);
    }
    expect((await verdict(t.db)).ok).toBe(true);
  });

  // The six attacks of issue 12, each by the strongest role there is here (the owner, triggers off).
  const attacks: [string, string, RegExp][] = [
    ["1 an edited row", "UPDATE dossier_events SET note = 'đã sửa' WHERE id = (SELECT min(id) FROM dossier_events)", /a row was edited/],
    ["2 a deleted middle row", "DELETE FROM dossier_events WHERE id = (SELECT min(id) + 2 FROM dossier_events)", /a row was deleted/],
    [
      "3 a cut tail with the head moved back",
      "DELETE FROM dossier_events WHERE (tx, id) > (SELECT last_tx, last_id FROM audit_seals WHERE table_name = 'dossier_events' AND seq = 2);\nDELETE FROM audit_seals WHERE table_name = 'dossier_events' AND seq > 2",
      /shorter than the checkpoint/,
    ],
    [
      "4 TRUNCATE and a fresh start",
      "TRUNCATE dossier_events, audit_seals CASCADE;\nINSERT INTO dossier_events (dossier_id, kind, actor_kind, note) SELECT id, 'amended', 'system', 'khởi đầu mới' FROM dossiers LIMIT 1",
      /shorter than the checkpoint/,
    ],
    [
      "5 a re-hashed chain after an edit",
      `UPDATE dossier_events SET note = 'đã sửa' WHERE id = (SELECT min(id) FROM dossier_events);
DELETE FROM audit_seals WHERE table_name = 'dossier_events';
INSERT INTO audit_seals (table_name, seq, last_tx, last_id, row_count, total_rows, prev_hash, hash)
SELECT 'dossier_events', s.seq, s.last_tx, s.last_id, s.n, s.n, repeat('0', 64), encode(sha256(convert_to(repeat('0', 64) || E'\\n' || s.body, 'UTF8')), 'hex')
FROM (SELECT 1 AS seq, max(tx) AS last_tx, max(id) AS last_id, count(*) AS n, string_agg(audit_content_dossier_event(e), E'\\n' ORDER BY tx, id) AS body FROM dossier_events e) s`,
      /differs from the checkpoint|shorter than the checkpoint/,
    ],
  ];

  it.each(attacks)("detects attack %s against the signed checkpoint", async (_, tamper, message) => {
    const result = await inRolledBackTransaction(t.db, async (tx) => {
      await run(tx, "ALTER TABLE dossier_events DISABLE TRIGGER USER;\nALTER TABLE audit_seals DISABLE TRIGGER USER");
      await run(tx, tamper);
      await run(tx, "ALTER TABLE dossier_events ENABLE TRIGGER USER;\nALTER TABLE audit_seals ENABLE TRIGGER USER");
      return verdict(tx);
    });
    expect(result.ok).toBe(false);
    const events = result.chains.find((c) => c.table === "dossier_events")!;
    expect(events.broken?.detail).toMatch(message);
  });

  it("detects attack 6: triggers disabled, a data-access row changed, triggers re-enabled", async () => {
    const result = await inRolledBackTransaction(t.db, async (tx) => {
      await run(tx, "ALTER TABLE data_access_log DISABLE TRIGGER ALL;\nUPDATE data_access_log SET agency = 'khác' WHERE id = (SELECT max(id) FROM data_access_log);\nALTER TABLE data_access_log ENABLE TRIGGER ALL");
      return verdict(tx);
    });
    expect(result.chains.find((c) => c.table === "data_access_log")).toMatchObject({ ok: false, broken: { problem: "content" } });
  });

  it("refuses a checkpoint whose signature does not hold, or that another key signed", async () => {
    const forged = { ...checkpoint, payload: checkpoint.payload.replace(/"rows":(\d+)/, (_, n) => `"rows":${Number(n) + 1}`) };
    expect((await verdict(t.db, [forged])).logProblems).toEqual(["checkpoint 1: bad signature"]);
    const other = signCheckpoint(await chainHeads(t.db), generateKeyPairSync("ed25519").privateKey);
    expect((await verdict(t.db, [other])).logProblems[0]).toMatch(/not by the trusted key/);
  });

  it("seals concurrent writers and two sealers at once without a fork", async () => {
    const ids = (await t.db.select({ id: dossiers.id }).from(dossiers)).map((d) => d.id);
    await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        t.db.transaction(async (tx) => {
          await tx.insert(dossierEvents).values({ dossierId: ids[i % ids.length]!, kind: "amended", actorKind: "system", note: `song song ${i}` });
          await tx.insert(dataAccessLog).values({ citizenId: demoPersonas.an, agency: "test", dataset: "population", purpose: `song song ${i}` });
        }),
      ),
    );
    await Promise.all([sealAuditTrail(t.db), sealAuditTrail(t.db)]);
    await sealEverything(t.db);
    const result = await verdict(t.db);
    expect(result.ok).toBe(true);
    expect(result.chains.every((c) => c.unsealed === 0)).toBe(true);
  });

  it("never seals past a transaction that commits late", async ({ skip }) => {
    if (t.kind !== "postgres") skip("one connection: PGlite runs one transaction at a time");
    const [d] = await t.db.select().from(dossiers).limit(1);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let started!: () => void;
    const inserted = new Promise<void>((r) => (started = r));
    const late = t.db.transaction(async (tx) => {
      await tx.insert(dossierEvents).values({ dossierId: d!.id, kind: "amended", actorKind: "system", note: "muộn" });
      started();
      await held;
    });
    await inserted;
    await t.db.insert(dossierEvents).values({ dossierId: d!.id, kind: "amended", actorKind: "system", note: "sớm" });
    await sealAuditTrail(t.db);
    const [early] = await queryRows<{ sealed: boolean }>(
      t.db,
      sql`SELECT (e.tx, e.id) <= (s.last_tx, s.last_id) AS sealed FROM dossier_events e, (SELECT last_tx, last_id FROM audit_seals WHERE table_name = 'dossier_events' ORDER BY seq DESC LIMIT 1) s WHERE e.note = 'sớm'`,
    );
    expect(early!.sealed).toBe(false);
    release();
    await late;
    await sealEverything(t.db);
    expect((await verdict(t.db)).ok).toBe(true);
  });
});
