import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { queryRows, type Executor } from "../db/client";
import type { CheckpointPayload } from "./audit-checkpoint";

/**
 * The sealed audit chains (drizzle/*_audit_sealing.sql): rows are appended without a lock, and
 * audit_seal() later hashes them, in (tx, id) order, into seals that each follow the previous one.
 */
export const auditedTables = ["dossier_events", "data_access_log"] as const;
export type AuditedTable = (typeof auditedTables)[number];
const contentFunction: Record<AuditedTable, string> = {
  dossier_events: "audit_content_dossier_event",
  data_access_log: "audit_content_data_access",
};

export const GENESIS_HASH = "0".repeat(64);
const PAGE = 5000;
const SEAL_BATCH = 50_000;

/** The end of a sealed chain: the last seal's number and hash, and how many rows it holds. */
export interface ChainHead {
  table: AuditedTable;
  seq: number;
  hash: string;
  rows: number;
}

type ChainProblem = "seal_order" | "seal_link" | "rows" | "content" | "checkpoint";

export interface ChainReport {
  table: AuditedTable;
  ok: boolean;
  head: ChainHead;
  /** Rows appended but not sealed yet (sealing lags writes by seconds). */
  unsealed: number;
  /** The first break: the seal where the chain stops holding. */
  broken?: { seal: number; problem: ChainProblem; detail: string };
}

const sealRow = z.object({
  seq: z.coerce.number(),
  last_tx: z.string(),
  last_id: z.coerce.number(),
  row_count: z.coerce.number(),
  total_rows: z.coerce.number(),
  prev_hash: z.string(),
  hash: z.string(),
});
const contentRow = z.object({ tx: z.string(), id: z.coerce.number(), content: z.string() });

/** Seals what is ready in every audited table; safe to call from several instances at once. */
export async function sealAuditTrail(db: Executor): Promise<Record<AuditedTable, number>> {
  const sealed = { dossier_events: 0, data_access_log: 0 };
  for (const table of auditedTables) {
    for (;;) {
      const [row] = await queryRows<{ n: number }>(db, sql`SELECT audit_seal(${table}, ${SEAL_BATCH}) AS n`);
      const n = Number(row?.n ?? 0);
      sealed[table] += n;
      if (n < SEAL_BATCH) break;
    }
  }
  return sealed;
}

export async function chainHeads(db: Executor): Promise<ChainHead[]> {
  const rows = await queryRows<unknown>(
    db,
    sql`SELECT DISTINCT ON (table_name) table_name, seq, hash, total_rows FROM audit_seals ORDER BY table_name, seq DESC`,
  );
  const heads = new Map(rows.map((r) => z.object({ table_name: z.string(), seq: z.coerce.number(), hash: z.string(), total_rows: z.coerce.number() }).parse(r)).map((r) => [r.table_name, r]));
  return auditedTables.map((table) => {
    const h = heads.get(table);
    return { table, seq: h?.seq ?? 0, hash: h?.hash ?? GENESIS_HASH, rows: h?.total_rows ?? 0 };
  });
}

/** The rows after (tx, id) up to and including `to`, in chain order, page by page. */
async function* rowsBetween(db: Executor, table: AuditedTable, from: { tx: string; id: number }, to: { tx: string; id: number }) {
  const t = sql.raw(table);
  const fn = sql.raw(contentFunction[table]);
  let after = from;
  for (;;) {
    const page = (
      await queryRows<unknown>(
        db,
        sql`SELECT r.tx::text AS tx, r.id, ${fn}(r) AS content FROM ${t} r
            WHERE (r.tx, r.id) > (${after.tx}::xid8, ${after.id}::bigint) AND (r.tx, r.id) <= (${to.tx}::xid8, ${to.id}::bigint) ORDER BY r.tx, r.id LIMIT ${PAGE}`,
      )
    ).map((r) => contentRow.parse(r));
    yield* page;
    if (page.length < PAGE) return;
    after = page[page.length - 1]!;
  }
}

/**
 * Recomputes one table's chain: every seal must follow the previous one, and hash exactly the rows
 * between it and the previous seal. Rows after the last seal are counted, not judged.
 */
export async function verifyChain(db: Executor, table: AuditedTable): Promise<ChainReport> {
  const seals = (await queryRows<unknown>(db, sql`SELECT seq, last_tx::text AS last_tx, last_id, row_count, total_rows, prev_hash, hash FROM audit_seals WHERE table_name = ${table} ORDER BY seq`)).map((r) =>
    sealRow.parse(r),
  );
  let head: ChainHead = { table, seq: 0, hash: GENESIS_HASH, rows: 0 };
  let after = { tx: "0", id: 0 };
  const broken = (seal: number, problem: ChainProblem, detail: string): ChainReport => ({ table, ok: false, head, unsealed: 0, broken: { seal, problem, detail } });
  for (const seal of seals) {
    if (seal.seq !== head.seq + 1) return broken(seal.seq, "seal_order", `seal ${head.seq + 1} is missing`);
    if (seal.prev_hash !== head.hash) return broken(seal.seq, "seal_link", `does not follow seal ${head.seq}`);
    const hash = createHash("sha256").update(head.hash, "utf8");
    let count = 0;
    for await (const row of rowsBetween(db, table, after, { tx: seal.last_tx, id: seal.last_id })) {
      hash.update(`\n${row.content}`, "utf8");
      count++;
    }
    const ids = `rows after id ${after.id} (transaction ${after.tx}) up to id ${seal.last_id} (transaction ${seal.last_tx})`;
    if (count !== seal.row_count) return broken(seal.seq, "rows", `sealed ${seal.row_count} rows but ${count} are there now (${ids}): a row was deleted or inserted`);
    if (hash.digest("hex") !== seal.hash) return broken(seal.seq, "content", `${ids} no longer match the seal's hash: a row was edited`);
    if (seal.total_rows !== head.rows + count) return broken(seal.seq, "rows", `claims ${seal.total_rows} rows in all, the seals before it add up to ${head.rows + count}`);
    head = { table, seq: seal.seq, hash: seal.hash, rows: seal.total_rows };
    after = { tx: seal.last_tx, id: seal.last_id };
  }
  const [pending] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${sql.raw(table)} WHERE (tx, id) > (${after.tx}::xid8, ${after.id}::bigint)`);
  return { table, ok: true, head, unsealed: Number(pending?.n ?? 0) };
}

/**
 * Holds a chain against a signed checkpoint: the seal the checkpoint names must still be there with
 * the same hash and row count. A shorter chain, or another hash, means the chain was rewritten.
 */
export async function checkAgainstCheckpoint(db: Executor, report: ChainReport, checkpoint: CheckpointPayload): Promise<ChainReport> {
  const signed = checkpoint.chains.find((c) => c.table === report.table);
  if (!report.ok || !signed || signed.seq === 0) return report;
  const fail = (detail: string): ChainReport => ({ ...report, ok: false, broken: { seal: signed.seq, problem: "checkpoint", detail } });
  if (report.head.seq < signed.seq || report.head.rows < signed.rows) {
    return fail(`the chain is shorter than the checkpoint signed at ${checkpoint.at}: it signed seal ${signed.seq} (${signed.rows} rows), the database ends at seal ${report.head.seq} (${report.head.rows} rows)`);
  }
  const [seal] = (await queryRows<unknown>(db, sql`SELECT seq, last_tx::text AS last_tx, last_id, row_count, total_rows, prev_hash, hash FROM audit_seals WHERE table_name = ${report.table} AND seq = ${signed.seq}`)).map((r) => sealRow.parse(r));
  if (seal?.hash !== signed.hash || seal.total_rows !== signed.rows) {
    return fail(`seal ${signed.seq} differs from the checkpoint signed at ${checkpoint.at}: the chain was rewritten (signed hash ${signed.hash.slice(0, 12)}…, now ${seal?.hash.slice(0, 12) ?? "none"}…)`);
  }
  return report;
}

export async function verifyAuditTrail(db: Executor): Promise<ChainReport[]> {
  const reports: ChainReport[] = [];
  for (const table of auditedTables) reports.push(await verifyChain(db, table));
  return reports;
}
