import path from "node:path";
import { mkdirSync, readFileSync } from "node:fs";
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

/** Migrations the repository ships (drizzle/meta/_journal.json). */
function shippedMigrations(): number {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as { entries: unknown[] };
  return journal.entries.length;
}

/**
 * Migrates as the owner (`migrationUrl`, else `url`). A role that may not create objects in the
 * database is the app's least-privilege role: it only checks that the owner has migrated already.
 */
async function migratePostgres(url: string): Promise<void> {
  const migrator = new pg.Client({ connectionString: url });
  await migrator.connect();
  try {
    const { rows } = await migrator.query<{ owner: boolean }>("SELECT has_database_privilege(current_database(), 'CREATE') AS owner");
    if (!rows[0]?.owner) {
      const applied = await migrator
        .query<{ n: number }>("SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations")
        .then((r) => r.rows[0]?.n ?? 0)
        .catch(() => 0);
      if (applied < shippedMigrations()) {
        throw new Error(`the database is at migration ${applied} of ${shippedMigrations()} and this role may not migrate it: run \`npm run db:migrate\` with MIGRATION_DATABASE_URL (the owner role)`);
      }
      return;
    }
    // Two processes starting together must not both run the migrations.
    await migrator.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await migratePg(drizzlePg(migrator), { migrationsFolder });
  } finally {
    await migrator.end();
  }
}

/**
 * Opens PostgreSQL when a URL is given, otherwise PGlite in `dir` ("memory://" for tests), from
 * `template` when given; migrates.
 * On PostgreSQL the migrations run as `migrationUrl`'s role when given (the tables' owner), and the app
 * works as `url`'s role.
 */
export async function openDatabase(opts: { url?: string; migrationUrl?: string; dir?: string; template?: Blob }): Promise<Database> {
  if (opts.url) {
    await migratePostgres(opts.migrationUrl ?? opts.url);
    const pool = new pg.Pool({ connectionString: opts.url, max: env().PG_POOL_MAX });
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    const url = opts.url;
    return { db, kind: "postgres", listen: async (channel, onMessage, onGap) => listenPostgres(url, channel, onMessage, onGap), close: () => pool.end() };
  }
  const dir = opts.dir ?? "memory://";
  if (!dir.startsWith("memory://")) mkdirSync(dir, { recursive: true });
  // A template (a migrated data directory, as tests use) skips initdb: the migrations below then find nothing to do.
  const client = await PGlite.create(dir, opts.template ? { loadDataDir: opts.template } : {});
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
    globalForDb.chuDongDb = openDatabase({ url: e.DATABASE_URL, migrationUrl: e.MIGRATION_DATABASE_URL, dir: e.PGLITE_DIR });
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
