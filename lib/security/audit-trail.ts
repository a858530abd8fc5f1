import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { queryRows, type Executor } from "../db/client";

/** The hash-chained, append-only tables (triggers in drizzle/0006_audit_trail.sql) and their content function. */
const auditedTables = {
  dossier_events: "audit_content_dossier_event",
  data_access_log: "audit_content_data_access",
} as const;
type AuditedTable = keyof typeof auditedTables;

const GENESIS_HASH = "0".repeat(64);
const PAGE = 5000;

type ChainProblem = "unchained" | "gap" | "prev_hash" | "content" | "head";

interface ChainReport {
  table: AuditedTable;
  rows: number;
  ok: boolean;
  /** The first broken link: the row (by id and chain position) where the chain stops holding. */
  broken?: { id: number | null; chainSeq: number | null; problem: ChainProblem; detail: string };
}

/** sha256(prev || "\n" || content), as the database's audit_hash() computes it. */
export function linkHash(prev: string, content: string): string {
  return createHash("sha256").update(`${prev}\n${content}`, "utf8").digest("hex");
}

interface Row {
  id: string | number;
  chain_seq: string | number | null;
  prev_hash: string | null;
  hash: string | null;
  content: string;
}

/**
 * Recomputes one table's chain from the genesis hash: every row must follow the previous one
 * (no gap in chain_seq, prev_hash = the previous row's hash), its hash must match its content, and
 * the chain head must point at the last row (a deleted tail shows there).
 */
export async function verifyChain(db: Executor, table: AuditedTable): Promise<ChainReport> {
  const fn = sql.raw(auditedTables[table]);
  const t = sql.raw(table);
  const [unchained] = await queryRows<{ id: string | number }>(db, sql`SELECT id FROM ${t} WHERE chain_seq IS NULL OR hash IS NULL ORDER BY id LIMIT 1`);
  if (unchained) {
    return { table, rows: 0, ok: false, broken: { id: Number(unchained.id), chainSeq: null, problem: "unchained", detail: "row has no place in the chain" } };
  }
  let prev = GENESIS_HASH;
  let expected = 1;
  let rows = 0;
  for (;;) {
    const page = await queryRows<Row>(
      db,
      sql`SELECT r.id, r.chain_seq, r.prev_hash, r.hash, ${fn}(r) AS content FROM ${t} r WHERE r.chain_seq >= ${expected} ORDER BY r.chain_seq LIMIT ${PAGE}`,
    );
    for (const row of page) {
      const seq = Number(row.chain_seq);
      const at = { id: Number(row.id), chainSeq: seq };
      if (seq !== expected) return { table, rows, ok: false, broken: { ...at, problem: "gap", detail: `chain position ${expected} is missing` } };
      if (row.prev_hash !== prev) return { table, rows, ok: false, broken: { ...at, problem: "prev_hash", detail: "does not follow the previous row" } };
      if (linkHash(prev, row.content) !== row.hash) return { table, rows, ok: false, broken: { ...at, problem: "content", detail: "content does not match its hash" } };
      prev = row.hash;
      expected = seq + 1;
      rows++;
    }
    if (page.length < PAGE) break;
  }
  const [head] = await queryRows<{ seq: string | number; hash: string }>(db, sql`SELECT seq, hash FROM audit_chain_heads WHERE table_name = ${table}`);
  const headSeq = head ? Number(head.seq) : 0;
  const headHash = head?.hash ?? GENESIS_HASH;
  if (headSeq !== rows || headHash !== prev) {
    return {
      table,
      rows,
      ok: false,
      broken: { id: null, chainSeq: headSeq, problem: "head", detail: `the chain head is at ${headSeq} but the rows end at ${rows}: rows were removed from the end` },
    };
  }
  return { table, rows, ok: true };
}

export async function verifyAuditTrail(db: Executor): Promise<ChainReport[]> {
  const reports: ChainReport[] = [];
  for (const table of Object.keys(auditedTables) as AuditedTable[]) reports.push(await verifyChain(db, table));
  return reports;
}
