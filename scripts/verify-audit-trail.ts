/**
 * npm run verify:audit-trail — recomputes the hash chains of dossier_events and data_access_log and
 * prints OK, or the first broken row; exits 1 on a break.
 *
 * It opens the database named by DATABASE_URL (PostgreSQL: safe while the app runs) or else the
 * PGlite directory PGLITE_DIR. PGlite admits one process at a time: stop the app first, or point this
 * at PostgreSQL.
 */
import { env } from "../lib/env";
import { openDatabase } from "../lib/db/client";
import { verifyAuditTrail } from "../lib/security/audit-trail";

const e = env();
if (!e.DATABASE_URL) console.error(`Opening PGlite at ${e.PGLITE_DIR}: the app must not be running on it.`);
const database = await openDatabase({ url: e.DATABASE_URL, dir: e.PGLITE_DIR });
let failed = false;
try {
  for (const report of await verifyAuditTrail(database.db)) {
    if (report.ok) {
      console.log(`OK ${report.table}: ${report.rows} rows, chain intact`);
    } else {
      failed = true;
      const b = report.broken!;
      const where = b.id === null ? `chain head (position ${b.chainSeq})` : `row id ${b.id} (chain position ${b.chainSeq ?? "none"})`;
      console.log(`BROKEN ${report.table} at ${where}: ${b.problem} — ${b.detail}; ${report.rows} rows verified before it`);
    }
  }
} finally {
  await database.close();
}
process.exit(failed ? 1 : 0);
