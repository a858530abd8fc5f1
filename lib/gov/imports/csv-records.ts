import { pipeline, Readable } from "node:stream";
import Papa from "papaparse";

export interface CsvRecord {
  /** The file line the record starts on; the header is line 1. */
  line: number;
  cells: string[];
}

const SEPARATORS = [",", ";", "\t"] as const;

/** The separator the header line uses most (spreadsheets in Vietnamese locales often write ";"). */
function separatorOf(header: string): string {
  const unquoted = header.replace(/"[^"]*"/g, "");
  const count = (s: string) => unquoted.split(s).length - 1;
  return SEPARATORS.reduce((best, s) => (count(s) > count(best) ? s : best));
}

function lineEndingOf(head: string): "\r\n" | "\r" | "\n" {
  const lf = head.indexOf("\n");
  if (lf > 0 && head[lf - 1] === "\r") return "\r\n";
  return lf < 0 && head.includes("\r") ? "\r" : "\n";
}

// A lone CR ending the last cell is what is left of a CRLF in a file that mixes line endings.
const newlines = (cell: string) => cell.replace(/\r$/, "").match(/\r\n|\r|\n/g)?.length ?? 0;

/**
 * Streams the records of CSV text with their line numbers, skipping blank lines. Papa's Node stream
 * mode pauses the source while we are busy, so a slow consumer holds a few chunks, never the file.
 */
export async function* csvRecords(text: Readable): AsyncGenerator<CsvRecord> {
  // Read the header line first: Papa would guess separator and line ending from whatever the first chunk holds.
  const chunks: AsyncIterator<string> = text[Symbol.asyncIterator]();
  let head = "";
  while (!head.includes("\n")) {
    const next = await chunks.next();
    if (next.done) break;
    head += next.value;
  }
  const source = Readable.from(
    (async function* () {
      yield head;
      yield* { [Symbol.asyncIterator]: () => chunks };
    })(),
  );
  const newline = lineEndingOf(head);
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, {
    delimiter: separatorOf(head.split(newline)[0] ?? ""),
    newline,
    skipEmptyLines: false,
  });
  // Errors of any stage (size cap, encoding) destroy the parser, so they surface in the loop below.
  pipeline(source, parser, () => {});
  let line = 1;
  for await (const cells of parser as AsyncIterable<string[]>) {
    const start = line;
    // A quoted cell may span lines; count them so later line numbers stay right.
    line += 1 + cells.reduce((n, cell) => n + newlines(cell), 0);
    if (cells.every((cell) => cell.trim() === "")) continue;
    yield { line: start, cells };
  }
}
