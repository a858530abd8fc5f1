import { rmSync } from "node:fs";
import { sql } from "drizzle-orm";
import { env } from "../lib/env";
import { openDatabase } from "../lib/db/client";
import { seedDemoWorld } from "../lib/gov/demo-world";
import { seedDemoAgencyKeys } from "../lib/gov/api-keys";
import { scan } from "../lib/engine/scan";
import * as clock from "../lib/clock";

// Run before the server starts: the embedded database admits one process at a time.
const e = env();
if (!e.DATABASE_URL) rmSync(e.PGLITE_DIR, { recursive: true, force: true });
const database = await openDatabase({ url: e.DATABASE_URL, dir: e.PGLITE_DIR });
if (e.DATABASE_URL) {
  await database.db.execute(sql`DO $$ DECLARE r record; BEGIN
    FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP
      EXECUTE format('TRUNCATE TABLE %I RESTART IDENTITY CASCADE', r.tablename);
    END LOOP;
    PERFORM setval('dossier_code_seq', 1, false);
  END $$`);
}
const today = clock.today();
await seedDemoWorld(database.db, today);
await seedDemoAgencyKeys(database.db);
const report = await scan(database.db, { today, origin: e.APP_ORIGIN });
console.log(`Demo world seeded for ${today} on ${database.kind}: ${JSON.stringify(report.prepared)}, ${report.sms} SMS queued`);
await database.close();
