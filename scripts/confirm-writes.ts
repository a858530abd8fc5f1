/**
 * npm run measure:confirm-writes — what one citizen confirm writes to PostgreSQL: rows inserted,
 * updated and deleted per table (pg_stat_xact_user_tables, read inside the confirm's transaction),
 * the NOTIFY it sends, and the WAL bytes of the whole commit. For docs/capacity.md.
 */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { openDatabase, queryRows, type Db } from "../lib/db/client";
import { listDossiersFor } from "../lib/db/dossier-queries";
import { demoPersonas, seedDemoWorld } from "../lib/gov/demo-world";
import { scan } from "../lib/engine/scan";
import { performCitizenAction } from "../lib/dossiers/citizen-actions";
import { dropPostgres, freshPostgres } from "../lib/security/http-harness";
import * as clock from "../lib/clock";

const DB = "chudong_confirm_writes";
const url = await freshPostgres(DB);
const database = await openDatabase({ url });
try {
  const today = clock.today();
  await seedDemoWorld(database.db, today);
  await scan(database.db, { today, origin: "http://localhost:3000" });
  const [dossier] = await listDossiersFor(database.db, demoPersonas.cuc);
  type Row = { relname: string; ins: number; upd: number; del: number };
  const [before] = await queryRows<{ lsn: string }>(database.db, sql`SELECT pg_current_wal_insert_lsn()::text AS lsn`);
  const counters = (tx: Parameters<Parameters<typeof database.db.transaction>[0]>[0]) =>
    queryRows<Row>(tx, sql`SELECT relname, n_tup_ins::int AS ins, n_tup_upd::int AS upd, n_tup_del::int AS del FROM pg_stat_xact_user_tables`);
  const rows = await database.db.transaction(async (tx) => {
    // The confirm runs as a savepoint inside this transaction, so its counters are readable before
    // commit; read before and after, as they also hold earlier transactions' not yet flushed counts.
    const start = new Map((await counters(tx)).map((r) => [r.relname, r]));
    const result = await performCitizenAction(tx as unknown as Db, demoPersonas.cuc, "confirm", {
      dossierCode: dossier!.code,
      version: dossier!.version,
      idempotencyKey: randomUUID(),
      input: { delivery: "digital" },
      consent: true,
    });
    if (!result.ok) throw new Error(`confirm refused: ${JSON.stringify(result)}`);
    return (await counters(tx))
      .map((r) => {
        const s = start.get(r.relname);
        return { relname: r.relname, ins: r.ins - (s?.ins ?? 0), upd: r.upd - (s?.upd ?? 0), del: r.del - (s?.del ?? 0) };
      })
      .filter((r) => r.ins + r.upd + r.del > 0)
      .sort((a, b) => a.relname.localeCompare(b.relname));
  });
  const [wal] = await queryRows<{ bytes: number }>(database.db, sql`SELECT (pg_current_wal_insert_lsn() - ${before!.lsn}::pg_lsn)::int AS bytes`);
  const total = rows.reduce((a, r) => ({ ins: a.ins + r.ins, upd: a.upd + r.upd, del: a.del + r.del }), { ins: 0, upd: 0, del: 0 });
  console.log(`one confirm (medical licence renewal, PostgreSQL ${database.kind}), rows written per table:`);
  for (const r of rows) console.log(`  ${r.relname.padEnd(24)} +${r.ins} inserted, ${r.upd} updated, ${r.del} deleted`);
  console.log(`  total: ${total.ins} inserts, ${total.upd} updates, ${total.del} deletes in one transaction; 1 NOTIFY; ${wal!.bytes} bytes of WAL`);
} finally {
  await database.close();
  await dropPostgres(DB).catch(() => {});
}
