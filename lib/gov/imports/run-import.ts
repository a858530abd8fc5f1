import { sql } from "drizzle-orm";
import type { z } from "zod";
import { queryRows, type Db, type Executor } from "../../db/client";
import { importRuns } from "../../db/schema";
import { prepareService } from "../../engine/prepare";
import { liveServices } from "../../services/store";

import type { Locale } from "../../i18n/locales";
import type { CsvRecord } from "./csv-records";
import type { ImportDataset } from "./dataset";
import { importDatasets, type ImportDatasetCode } from "./registry";
import { govText, isGovTextKey, type GovText } from "./texts";
import * as clock from "../../clock";

interface RowError {
  line: number;
  reason: string;
}

export interface ImportReport {
  dataset: ImportDatasetCode;
  accepted: number;
  unchanged: number;
  rejected: number;
  /** The first rejected lines, in file order. */
  errors: RowError[];
  engine: { prepared: Record<string, number>; sms: number };
}

type ImportOutcome =
  | { ok: true; report: ImportReport }
  | { ok: false; problem: "emptyFile" | "missingColumns" | "duplicateColumns"; message: string };

export interface ImportOptions {
  dataset: ImportDatasetCode;
  /** Who sent the file, recorded with the run. */
  agency: string;
  /** The file's records (csvRecords or xlsxRecords), header first. */
  records: AsyncIterable<CsvRecord>;
  origin: string;
  today?: string;
  locale?: Locale;
  batchSize?: number;
}

const REPORTED_ERRORS = 100;
const STORED_ERRORS = 1000;

type Entry<Row> = { line: number; row: Row } | { line: number; reason: string };

interface Tally {
  accepted: number;
  unchanged: number;
  rejected: number;
  errors: RowError[];
}

function reject(tally: Tally, line: number, reason: string) {
  tally.rejected += 1;
  if (tally.errors.length < STORED_ERRORS) tally.errors.push({ line, reason });
}

const columnName = (cell: string) => cell.replace(/^\uFEFF/, "").trim().normalize("NFC").toLowerCase().replace(/[\s-]+/g, "_");

function cellReason(issue: z.core.$ZodIssue, t: GovText): string {
  const message = t(isGovTextKey(issue.message) ? issue.message : "field.invalid");
  return t("row.cell", { column: String(issue.path[0] ?? ""), message });
}

/** Writes a batch: rows about citizens the population database lacks are rejected, the rest upserted. */
async function flush<Row>(db: Executor, dataset: ImportDataset<Row>, entries: Entry<Row>[], tally: Tally, t: GovText) {
  const ids = [...new Set(entries.flatMap((e) => ("row" in e ? [dataset.citizenId(e.row)] : [])))];
  const found = ids.length
    ? await queryRows<{ id: string }>(
        db,
        sql`SELECT id FROM citizens WHERE id IN (SELECT jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`,
      )
    : [];
  const known = new Set(found.map((c) => c.id));
  const good: Row[] = [];
  for (const e of entries) {
    if (!("row" in e)) reject(tally, e.line, e.reason);
    else if (!known.has(dataset.citizenId(e.row)))
      reject(tally, e.line, t("row.cell", { column: dataset.citizenColumn, message: t("field.notInPopulation") }));
    else good.push(e.row);
  }
  const written = good.length ? await dataset.upsert(db, good) : 0;
  tally.accepted += written;
  tally.unchanged += good.length - written;
}

async function importRecords<Row>(
  db: Executor,
  dataset: ImportDataset<Row>,
  records: AsyncIterable<CsvRecord>,
  t: GovText,
  batchSize: number,
): Promise<Tally | Exclude<ImportOutcome, { ok: true }>> {
  const tally: Tally = { accepted: 0, unchanged: 0, rejected: 0, errors: [] };
  let layout: Layout | undefined;
  let dataLines = 0;
  const seen = new Map<string, number>();
  let batch: Entry<Row>[] = [];

  for await (const { line, cells } of records) {
    if (!layout) {
      const read = readHeader(dataset, cells, t);
      if ("ok" in read) return read;
      layout = read;
      continue;
    }
    dataLines += 1;
    batch.push(readLine(dataset, layout, line, cells, seen, t));
    if (batch.length >= batchSize) {
      await flush(db, dataset, batch, tally, t);
      batch = [];
    }
  }
  if (dataLines === 0) return { ok: false, problem: "emptyFile", message: t("api.emptyFile") };
  await flush(db, dataset, batch, tally, t);
  return tally;
}

interface Layout {
  width: number;
  /** Where each column the dataset reads sits in a line; -1 for an absent optional column. */
  positions: [column: string, index: number][];
}

function readHeader<Row>(dataset: ImportDataset<Row>, cells: string[], t: GovText): Layout | Exclude<ImportOutcome, { ok: true }> {
  const names = cells.map(columnName);
  const duplicates = [...new Set(names.filter((c, i) => c && names.indexOf(c) !== i))];
  if (duplicates.length)
    return { ok: false, problem: "duplicateColumns", message: t("api.duplicateColumns", { columns: duplicates.join(", ") }) };
  const missing = dataset.requiredColumns.filter((c) => !names.includes(c));
  if (missing.length)
    return { ok: false, problem: "missingColumns", message: t("api.missingColumns", { columns: missing.join(", ") }) };
  const columns = [...dataset.requiredColumns, ...dataset.optionalColumns];
  return { width: names.length, positions: columns.map((c) => [c, names.indexOf(c)]) };
}

function readLine<Row>(
  dataset: ImportDataset<Row>,
  layout: Layout,
  line: number,
  cells: string[],
  seen: Map<string, number>,
  t: GovText,
): Entry<Row> {
  // Spreadsheets often leave empty cells after the last column; only non-empty extras are an error.
  if (cells.length < layout.width || cells.slice(layout.width).some((c) => c.trim() !== ""))
    return { line, reason: t("row.columnCount", { count: cells.length, expected: layout.width }) };
  const record = Object.fromEntries(
    layout.positions.map(([column, index]) => [column, (cells[index] ?? "").trim().normalize("NFC")]),
  );
  const parsed = dataset.row.safeParse(record);
  if (!parsed.success) return { line, reason: cellReason(parsed.error.issues[0]!, t) };
  const key = dataset.key(parsed.data);
  const first = seen.get(key);
  if (first !== undefined) return { line, reason: t("row.duplicate", { line: first }) };
  seen.set(key, line);
  return { line, row: parsed.data };
}

/**
 * Imports one file into its registry: streamed, validated line by line, upserted in batches (an
 * identical row counts as unchanged, so a re-import changes nothing), recorded in `import_runs`;
 * then the catalogue services fed by the registry prepare their dossiers.
 */
export async function runImport(db: Db, opts: ImportOptions): Promise<ImportOutcome> {
  const dataset: ImportDataset<unknown> = importDatasets[opts.dataset];
  const t = govText(opts.locale);
  // One transaction: a file that fails part-way (a refused encoding or spreadsheet, a database error)
  // leaves the registry as it was, never half imported.
  const result = await db.transaction(async (tx) => {
    const tally = await importRecords(tx, dataset, opts.records, t, opts.batchSize ?? 500);
    if ("ok" in tally) return tally;
    await tx.insert(importRuns).values({
      agency: opts.agency,
      dataset: opts.dataset,
      accepted: tally.accepted,
      unchanged: tally.unchanged,
      rejected: tally.rejected,
      report: tally.errors,
    });
    return tally;
  });
  if ("ok" in result) return result;

  const today = opts.today ?? clock.today();
  const prepared: Record<string, number> = {};
  let sms = 0;
  for (const { service, version, communes } of (await liveServices(db)).filter((s) => s.service.trigger.dataset === opts.dataset)) {
    const run = await prepareService(db, service, { today, origin: opts.origin, version, communes });
    prepared[service.code] = run.prepared;
    sms += run.sms;
  }
  return {
    ok: true,
    report: {
      dataset: opts.dataset,
      accepted: result.accepted,
      unchanged: result.unchanged,
      rejected: result.rejected,
      errors: result.errors.slice(0, REPORTED_ERRORS),
      engine: { prepared, sms },
    },
  };
}
