/**
 * npm run staff:end-sessions -- <username> — an administrator ends every session of one staff member
 * (a lost phone, a left job). Each app process notices within a minute (lib/auth/staff-access.ts);
 * deleting the officers row, or moving it to another agency, has the same effect.
 *
 * Opens DATABASE_URL (PostgreSQL, safe while the app runs) or else PGLITE_DIR (stop the app first).
 */
import { z } from "zod";
import { env } from "../lib/env";
import { openDatabase } from "../lib/db/client";
import { endAllSessionsOf } from "../lib/auth/staff-access";

const username = z.string().trim().toLowerCase().regex(/^[a-z0-9._-]{2,40}$/).safeParse(process.argv[2] ?? "");
if (!username.success) {
  console.error("usage: npm run staff:end-sessions -- <username>");
  process.exit(2);
}
const e = env();
const database = await openDatabase({ url: e.DATABASE_URL, dir: e.PGLITE_DIR });
try {
  const ended = await endAllSessionsOf(database.db, username.data);
  console.log(ended ? `Ended every session of ${username.data}.` : `No staff member ${username.data}.`);
  process.exitCode = ended ? 0 : 1;
} finally {
  await database.close();
}
