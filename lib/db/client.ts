import path from "node:path";
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { sql, type SQL } from "drizzle-orm";
import pg from "pg";
import * as schema from "./schema";
import { env } from "../env";
import { listenPostgres, type Unlisten } from "./listen";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type Executor = Db | Tx;

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  /** LISTEN on a channel: NOTIFY payloads as they commit; `onGap` when some may have been missed. */
  listen(channel: string, onMessage: (payload: string) => void, onGap: () => void): Promise<Unlisten>;
  close(): Promise<void>;
}

const migrationsFolder = path.join(process.cwd(), "drizzle");
const MIGRATION_LOCK = 4_820_001;

/** Opens PostgreSQL when a URL is given, otherwise PGlite in `dir` ("memory://" for tests); migrates. */
export async function openDatabase(opts: { url?: string; dir?: string }): Promise<Database> {
  if (opts.url) {
    const migrator = new pg.Client({ connectionString: opts.url });
    await migrator.connect();
    try {
      // Two processes starting together must not both run the migrations.
      await migrator.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
      await migratePg(drizzlePg(migrator), { migrationsFolder });
    } finally {
      await migrator.end();
    }
    const pool = new pg.Pool({ connectionString: opts.url, max: env().PG_POOL_MAX });
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    const url = opts.url;
    return { db, kind: "postgres", listen: async (channel, onMessage, onGap) => listenPostgres(url, channel, onMessage, onGap), close: () => pool.end() };
  }
  const dir = opts.dir ?? "memory://";
  if (!dir.startsWith("memory://")) mkdirSync(dir, { recursive: true });
  const client = await PGlite.create(dir);
  const db = drizzlePglite(client, { schema });
  await migratePglite(db, { migrationsFolder });
  return {
    db: db as unknown as Db,
    kind: "pglite",
    // One process owns the embedded database, so its notifications never miss a listener.
    listen: async (channel, onMessage) => {
      const unlisten = await client.listen(channel, onMessage);
      return () => unlisten();
    },
    close: () => client.close(),
  };
}

const globalForDb = globalThis as unknown as { chuDongDb?: Promise<Database> };

/** The process-wide database: one client, opened and migrated on first use. */
export function database(): Promise<Database> {
  if (!globalForDb.chuDongDb) {
    const e = env();
    globalForDb.chuDongDb = openDatabase({ url: e.DATABASE_URL, dir: e.PGLITE_DIR });
    globalForDb.chuDongDb.catch(() => (globalForDb.chuDongDb = undefined));
  }
  return globalForDb.chuDongDb;
}

export async function getDb(): Promise<Db> {
  return (await database()).db;
}

/** Raw SQL for set-based work; both drivers answer with `rows`. */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** One drizzle prepared statement per database (the app's, or a test's): PostgreSQL plans it once per connection. */
export function preparedPer<T>(prepare: (db: Db) => T): (db: Db) => T {
  const statements = new WeakMap<Db, T>();
  return (db) => {
    let statement = statements.get(db);
    if (!statement) statements.set(db, (statement = prepare(db)));
    return statement;
  };
}

export async function ping(): Promise<boolean> {
  const db = await getDb();
  await db.execute(sql`select 1`);
  return true;
}
