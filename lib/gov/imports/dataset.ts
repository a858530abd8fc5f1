import type { z } from "zod";
import type { Executor } from "../../db/client";

/** One registry that agencies fill by CSV: its columns, how a row is read, and how rows are written. */
export interface ImportDataset<Row> {
  requiredColumns: readonly string[];
  optionalColumns: readonly string[];
  /** Reads one line's cells, keyed by column name; an absent optional column reads as "". */
  row: z.ZodType<Row, Record<string, string>>;
  /** What makes two lines the same record (the table's unique key). */
  key(row: Row): string;
  /** The column naming the citizen the row is about, who must be in the population database. */
  citizenColumn: string;
  citizenId(row: Row): string;
  /** Inserts new rows and updates changed ones; returns how many it wrote (identical rows are not). */
  upsert(db: Executor, rows: Row[]): Promise<number>;
}
