import { rmSync } from "node:fs";
import pg from "pg";
import { env } from "../lib/env";
import { openDatabase } from "../lib/db/client";
import { seedDemoBacklog, seedDemoWorld, seedWardHelpWorld } from "../lib/gov/demo-world";
import { seedGrowthWorld } from "../lib/gov/demo-growth-world";
import { seedServiceCatalogue } from "../lib/services/store";
import { seedDemoAgencyKeys } from "../lib/gov/api-keys";
import { scan } from "../lib/engine/scan";
import { auditKeyEnv } from "../lib/security/audit-keys";
import { sealAndCheckpoint } from "../lib/security/audit-sealer";
import * as clock from "../lib/clock";

// Run before the server starts: the embedded database admits one process at a time.
const e = env();
if (!e.DEMO_MODE) throw new Error("seed:demo replaces the whole database: it runs only with DEMO_MODE=true");
const keys = auditKeyEnv();
if (e.DATABASE_URL) {
  // The audit trail cannot be emptied in place (TRUNCATE is refused): the demo starts from a new,
  // empty schema instead, dropped and re-created by the owner role, and migrated afresh.
  const owner = new pg.Client({ connectionString: e.MIGRATION_DATABASE_URL ?? e.DATABASE_URL });
  await owner.connect();
  try {
    await owner.query("DROP SCHEMA IF EXISTS drizzle CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public");
  } finally {
    await owner.end();
  }
} else {
  rmSync(e.PGLITE_DIR, { recursive: true, force: true });
}
// A new demo database is a new trail: the old one's checkpoints no longer apply to it.
rmSync(keys.AUDIT_CHECKPOINT_LOG, { force: true });
const database = await openDatabase({ url: e.DATABASE_URL, migrationUrl: e.MIGRATION_DATABASE_URL, dir: e.PGLITE_DIR });
const today = clock.today();
await seedDemoWorld(database.db, today);
await seedGrowthWorld(database.db, today);
await seedServiceCatalogue(database.db);
await seedWardHelpWorld(database.db, today);
await seedDemoBacklog(database.db, today);
await seedDemoAgencyKeys(database.db);
const report = await scan(database.db, { today, origin: e.APP_ORIGIN });
await sealAndCheckpoint(database.db, keys);
console.log(`Demo world seeded for ${today} on ${database.kind}: ${JSON.stringify(report.prepared)}, ${report.sms} SMS queued; audit trail sealed and checkpointed in ${keys.AUDIT_CHECKPOINT_LOG}`);
await database.close();
