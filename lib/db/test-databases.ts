import pg from "pg";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { openDatabase, type Database } from "./client";

const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";

async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

export interface TestDatabase extends Database {
  name: string;
  url?: string;
}

/** A fresh PostgreSQL database of its own, so test files can run in parallel. */
async function freshPostgres(): Promise<TestDatabase> {
  // TEST_DB_PREFIX: several people sharing one PostgreSQL each name their own databases.
  const dbName = `${process.env.TEST_DB_PREFIX ?? "chudong_test"}_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const url = ADMIN_URL.replace(/\/[^/]*$/, `/${dbName}`);
  const database = await openDatabase({ url });
  return {
    ...database,
    name: "postgres",
    url,
    close: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: ADMIN_URL });
      await dropper.connect();
      // pool.end() returns before the server has closed its backends; wait so FORCE has nobody to terminate.
      for (let i = 0; i < 50; i++) {
        const { rows } = await dropper.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1", [dbName]);
        if (rows[0].n === 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      await dropper.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

/** An in-memory PGlite, from the migrated template vitest's global set-up leaves when it ran. */
export function openTestPglite(): Promise<Database> {
  const file = process.env.PGLITE_TEST_TEMPLATE;
  return openDatabase({ dir: "memory://", template: file ? new Blob([readFileSync(file)]) : undefined });
}

/** The databases data-layer tests run on: PGlite always, PostgreSQL when it answers (CI has it). */
export async function testDatabaseKinds(): Promise<{ name: string; open: () => Promise<TestDatabase> }[]> {
  const kinds: { name: string; open: () => Promise<TestDatabase> }[] = [
    { name: "pglite", open: async () => ({ ...(await openTestPglite()), name: "pglite" }) },
  ];
  if (await postgresAnswers()) kinds.push({ name: "postgres", open: freshPostgres });
  else if (process.env.CI) throw new Error(`PostgreSQL does not answer at ${ADMIN_URL}; CI must run the PostgreSQL tests`);
  else console.warn(`PostgreSQL does not answer at ${ADMIN_URL}: skipping its data-layer tests`);
  return kinds;
}
