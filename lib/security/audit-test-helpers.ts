import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import type { Executor } from "../db/client";
import { sealAuditTrail, verifyAuditTrail } from "./audit-trail";

/**
 * Seals until nothing is left unsealed. On a shared PostgreSQL server another database's long
 * transaction holds the horizon back (it is cluster-wide), so this waits rather than seals once.
 */
export async function sealEverything(db: Executor, timeoutMs = 90_000): Promise<void> {
  const until = performance.now() + timeoutMs;
  for (;;) {
    await sealAuditTrail(db);
    const reports = await verifyAuditTrail(db);
    if (reports.every((r) => r.unsealed === 0)) return;
    if (performance.now() > until) throw new Error(`rows still unsealed after ${timeoutMs} ms: ${JSON.stringify(reports.map((r) => [r.table, r.unsealed]))}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

class Rollback extends Error {}

/** Runs `work` in a transaction and rolls it back whatever it did: an attack that leaves no trace for the next test. */
export async function inRolledBackTransaction<T>(db: Executor, work: (tx: Executor) => Promise<T>): Promise<T> {
  let result: T | undefined;
  await db
    .transaction(async (tx) => {
      result = await work(tx);
      throw new Rollback();
    })
    .catch((e) => {
      if (!(e instanceof Rollback)) throw e;
    });
  return result as T;
}

export async function run(db: Executor, statements: string): Promise<void> {
  for (const statement of statements.split(";\n")) if (statement.trim()) await db.execute(sql.raw(statement));
}
