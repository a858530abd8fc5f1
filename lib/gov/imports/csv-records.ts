import { pipeline, type Readable } from "node:stream";
import Papa from "papaparse";

export interface CsvRecord {
  /** The file line the record starts on; the header is line 1. */
  line: number;
  cells: string[];
}

const newlines = (cell: string) => cell.match(/\r\n|\r|\n/g)?.length ?? 0;

/**
 * Streams the records of CSV text (comma, semicolon or tab separated) with their line numbers,
 * skipping blank lines. Papa's Node stream mode pauses the source while we are busy, so a slow
 * consumer holds a few chunks in memory, never the file.
 */
export async function* csvRecords(text: Readable): AsyncGenerator<CsvRecord> {
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { delimitersToGuess: [",", ";", "\t"], skipEmptyLines: false });
  // Errors of any stage (size cap, encoding) destroy the parser, so they surface in the loop below.
  const rows = pipeline(text, parser, () => {});
  let line = 1;
  for await (const cells of rows as AsyncIterable<string[]>) {
    const start = line;
    // A quoted cell may span lines; count them so later line numbers stay right.
    line += 1 + cells.reduce((n, cell) => n + newlines(cell), 0);
    if (cells.every((cell) => cell.trim() === "")) continue;
    yield { line: start, cells };
  }
}
