import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes, randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import pg from "pg";
import { openDatabase, type Database } from "../db/client";
import { dossierEvents, dossiers } from "../db/schema";
import { demoPersonas, seedDemoWorld } from "../gov/demo-world";
import { scan } from "../engine/scan";
import { performCitizenAction } from "../dossiers/citizen-actions";
import { verifyAuditTrail } from "./audit-trail";
import { inRolledBackTransaction, sealEverything } from "./audit-test-helpers";

/**
 * Least privilege on PostgreSQL (issue 12): the migrations run as the owner, the app as a member of
 * chu_dong_app, which may read and append the audit trail but neither change nor remove it, nor turn
 * its guards off. (The owner's attacks are detected against signed checkpoints: audit-trail.test.ts.)
 */
const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const probe = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 1500 });
const postgresAnswers = await probe.connect().then(
  () => probe.end().then(() => true),
  () => false,
);
if (!postgresAnswers && process.env.CI) throw new Error(`PostgreSQL does not answer at ${ADMIN_URL}: CI must run the role tests`);

async function admin(statements: string[]) {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    for (const s of statements) await client.query(s);
  } finally {
    await client.end();
  }
}

async function refusal(query: PromiseLike<unknown>): Promise<string> {
  try {
    await query;
    return "accepted";
  } catch (e) {
    const error = e as Error & { cause?: Error };
    return `${error.message} ${error.cause?.message ?? ""}`;
  }
}

describe.runIf(postgresAnswers)("the app's database role on PostgreSQL", () => {
  const suffix = randomBytes(5).toString("hex");
  const owner = `chudong_owner_${suffix}`;
  const appRole = `chudong_app_${suffix}`;
  const dbName = `chudong_roles_${suffix}`;
  const urlFor = (role: string) => ADMIN_URL.replace(/\/\/[^@/]*@/, `//${role}:pw@`).replace(/\/[^/]*$/, `/${dbName}`);
  let app: Database;

  beforeAll(async () => {
    await admin([
      `DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'chu_dong_app') THEN CREATE ROLE chu_dong_app NOLOGIN; END IF; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`,
      `CREATE ROLE ${owner} LOGIN PASSWORD 'pw'`,
      `CREATE ROLE ${appRole} LOGIN PASSWORD 'pw' IN ROLE chu_dong_app`,
      `CREATE DATABASE ${dbName} OWNER ${owner}`,
    ]);
    app = await openDatabase({ url: urlFor(appRole), migrationUrl: urlFor(owner) });
    // The app's whole day runs as its own role: seeding, the engine, a confirm, sealing.
    await seedDemoWorld(app.db, "2026-11-23");
    await scan(app.db, { today: "2026-11-23", origin: "http://localhost:3000" });
    const [d] = await app.db.select().from(dossiers).where(eq(dossiers.serviceCode, "medical-licence-renewal"));
    const confirmed = await performCitizenAction(app.db, demoPersonas.cuc, "confirm", {
      dossierCode: d!.code,
      version: d!.version,
      idempotencyKey: randomUUID(),
      input: { delivery: "digital" },
      consent: true,
    });
    expect(confirmed).toMatchObject({ ok: true });
    await sealEverything(app.db);
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await admin([`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`, `DROP ROLE IF EXISTS ${appRole}`, `DROP ROLE IF EXISTS ${owner}`]);
  });

  it("works as the app and seals through the database's own function", async () => {
    const reports = await verifyAuditTrail(app.db);
    expect(reports.every((r) => r.ok && r.unsealed === 0 && r.head.rows > 0)).toBe(true);
  });

  it.each([
    ["1 an edited row", "UPDATE dossier_events SET note = 'đã sửa' WHERE id = (SELECT min(id) FROM dossier_events)"],
    ["2 a deleted middle row", "DELETE FROM dossier_events WHERE id = (SELECT min(id) + 1 FROM dossier_events)"],
    ["3 a cut tail", "DELETE FROM data_access_log WHERE id = (SELECT max(id) FROM data_access_log)"],
    ["3 the head moved back", "DELETE FROM audit_seals WHERE seq > 1"],
    ["3 a seal rewritten", "UPDATE audit_seals SET hash = repeat('0', 64)"],
    ["4 TRUNCATE", "TRUNCATE dossier_events CASCADE"],
    ["4 TRUNCATE of the seals", "TRUNCATE audit_seals"],
    ["5 a forged seal", "INSERT INTO audit_seals (table_name, seq, last_tx, last_id, row_count, total_rows, prev_hash, hash) VALUES ('dossier_events', 99, '1', 1, 1, 1, 'x', 'y')"],
    ["6 triggers disabled", "ALTER TABLE dossier_events DISABLE TRIGGER USER"],
    ["6 a trigger dropped", "DROP TRIGGER dossier_events_append_only ON dossier_events"],
    ["6 a guard replaced", "CREATE OR REPLACE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$"],
    ["a row placed among sealed ones", "INSERT INTO dossier_events (dossier_id, kind, actor_kind, tx) SELECT id, 'amended', 'system', '1' FROM dossiers LIMIT 1"],
  ])("refuses attack %s outright", async (_, statement) => {
    expect(await refusal(inRolledBackTransaction(app.db, (tx) => tx.execute(sql.raw(statement))))).toMatch(/permission denied|must be owner/);
  });

  it("still appends audit rows the ordinary way", async () => {
    const [d] = await app.db.select().from(dossiers).limit(1);
    const [row] = await app.db.insert(dossierEvents).values({ dossierId: d!.id, kind: "amended", actorKind: "system", note: "vai trò ứng dụng" }).returning({ id: dossierEvents.id });
    expect(row!.id).toBeGreaterThan(0);
    await sealEverything(app.db);
    expect((await verifyAuditTrail(app.db)).every((r) => r.ok)).toBe(true);
  });

  it("cannot migrate, and says what to run when the schema is behind", async () => {
    await admin([`CREATE DATABASE ${dbName}_empty OWNER ${owner}`]);
    try {
      const emptyUrl = urlFor(appRole).replace(/\/[^/]*$/, `/${dbName}_empty`);
      expect(await refusal(openDatabase({ url: emptyUrl }))).toMatch(/npm run db:migrate/);
    } finally {
      await admin([`DROP DATABASE IF EXISTS ${dbName}_empty WITH (FORCE)`]);
    }
  });
});
