/**
 * npm run db:migrate — applies the migrations as the owner role (MIGRATION_DATABASE_URL, else
 * DATABASE_URL), so the app itself can run with a role that may not alter the schema.
 */
import { env } from "../lib/env";
import { openDatabase } from "../lib/db/client";

const e = env();
const url = e.MIGRATION_DATABASE_URL ?? e.DATABASE_URL;
const database = await openDatabase({ url, dir: e.PGLITE_DIR });
await database.close();
console.log(`Migrated ${url ? "PostgreSQL" : `PGlite at ${e.PGLITE_DIR}`}`);
