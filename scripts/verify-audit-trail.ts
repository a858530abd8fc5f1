/**
 * npm run verify:audit-trail — recomputes the sealed hash chains of dossier_events and
 * data_access_log, checks every signed checkpoint in the log (AUDIT_CHECKPOINT_LOG) and holds the
 * chains against the latest one. Prints OK, or each break; exits 1 on a break. Rows not sealed yet
 * are counted, not judged.
 *
 * It opens the database named by DATABASE_URL (PostgreSQL: safe while the app runs) or else the
 * PGlite directory PGLITE_DIR. PGlite admits one process at a time: stop the app first, or point this
 * at PostgreSQL. The public key comes from AUDIT_PUBLIC_KEY_FILE, else from the signing key.
 */
import { env } from "../lib/env";
import { openDatabase } from "../lib/db/client";
import { readCheckpointLog } from "../lib/security/audit-checkpoint";
import { auditKeyEnv, keyId, verifyingKey } from "../lib/security/audit-keys";
import { verifyWithCheckpoints } from "../lib/security/audit-verify";

const e = env();
const keys = auditKeyEnv();
if (!e.DATABASE_URL) console.error(`Opening PGlite at ${e.PGLITE_DIR}: the app must not be running on it.`);
const database = await openDatabase({ url: e.DATABASE_URL, dir: e.PGLITE_DIR });
let ok = false;
try {
  const publicKey = verifyingKey(keys);
  const log = await readCheckpointLog(keys.AUDIT_CHECKPOINT_LOG);
  if (!log) console.log(`WARNING no checkpoint log at ${keys.AUDIT_CHECKPOINT_LOG}: the chains are checked against themselves only`);
  const verdict = await verifyWithCheckpoints(database.db, log ?? [], publicKey);
  ok = verdict.ok;
  for (const problem of verdict.logProblems) console.log(`BROKEN checkpoint log ${keys.AUDIT_CHECKPOINT_LOG}: ${problem}`);
  if (verdict.latest) console.log(`Checkpoints: ${verdict.checkpoints} in ${keys.AUDIT_CHECKPOINT_LOG}, key ${keyId(publicKey)}; holding the chains against the latest, signed ${verdict.latest.at}`);
  for (const c of verdict.chains) {
    const pending = `${c.unsealed} rows not sealed yet`;
    if (c.ok) console.log(`OK ${c.table}: ${c.head.rows} rows in ${c.head.seq} seals, chain intact; ${pending}`);
    else console.log(`BROKEN ${c.table} at seal ${c.broken!.seal}: ${c.broken!.problem} — ${c.broken!.detail}`);
  }
} finally {
  await database.close();
}
process.exit(ok ? 0 : 1);
