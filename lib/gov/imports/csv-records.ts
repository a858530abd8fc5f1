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

const QUOTE = 34;
const CR = 13;
const LF = 10;

/**
 * A streaming RFC 4180 reader: each character is looked at once, however long a line is (a 10 MB
 * line with no line break costs what ten 1 MB lines do). Line breaks are \n, \r\n or a lone \r, also
 * mixed in one file; a quoted cell may hold separators, doubled quotes and line breaks.
 */
class CsvScanner {
  private cells: string[] = [];
  private cell = "";
  private quoted = false;
  /** Inside quotes, a quote was just seen: either the closing one or the first of a doubled pair. */
  private quoteSeen = false;
  /** A CR ended the last record: a LF right after it belongs to the same line break. */
  private afterCr = false;
  private crInQuotes = false;
  private atCellStart = true;
  private line = 1;
  private recordLine = 1;
  readonly records: CsvRecord[] = [];

  constructor(private readonly separator: number) {}

  /** Scans one chunk; complete records are left in `records` for the caller to take. */
  push(chunk: string) {
    let from = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (this.afterCr) {
        this.afterCr = false;
        if (c === LF && !this.quoted) {
          from = i + 1;
          continue;
        }
      }
      if (this.quoted) {
        if (this.quoteSeen) {
          this.quoteSeen = false;
          if (c === QUOTE) {
            // A doubled quote is one quote in the cell; the first was left out of the slice.
            from = i;
            continue;
          }
          this.quoted = false;
        } else {
          if (c === QUOTE) {
            this.cell += chunk.slice(from, i);
            from = i + 1;
            this.quoteSeen = true;
          } else if (c === CR || (c === LF && !this.crInQuotes)) this.line += 1;
          this.crInQuotes = c === CR;
          continue;
        }
      }
      if (c === QUOTE && this.atCellStart) {
        this.quoted = true;
        this.atCellStart = false;
        from = i + 1;
      } else if (c === this.separator) {
        this.endCell(chunk.slice(from, i));
        from = i + 1;
      } else if (c === LF || c === CR) {
        this.endCell(chunk.slice(from, i));
        this.endRecord();
        this.line += 1;
        this.recordLine = this.line;
        this.afterCr = c === CR;
        from = i + 1;
      } else this.atCellStart = false;
    }
    this.cell += chunk.slice(from);
  }

  /** The last record, when the text does not end with a line break. */
  end() {
    if (this.cell !== "" || this.cells.length > 0) {
      this.endCell("");
      this.endRecord();
    }
  }

  private endCell(rest: string) {
    this.cells.push(this.cell + rest);
    this.cell = "";
    this.quoted = false;
    this.quoteSeen = false;
    this.atCellStart = true;
  }

  private endRecord() {
    const cells = this.cells;
    this.cells = [];
    if (cells.every((cell) => cell.trim() === "")) return;
    this.records.push({ line: this.recordLine, cells });
  }
}

/**
 * Streams the records of CSV text with their line numbers, skipping blank lines. Reads one chunk at a
 * time as the caller asks for records, so a slow consumer holds a chunk, never the file.
 */
export async function* csvRecords(text: AsyncIterable<string | Buffer>): AsyncGenerator<CsvRecord> {
  let scanner: CsvScanner | undefined;
  let head = "";
  for await (const raw of text) {
    const chunk = String(raw);
    if (!scanner) {
      // The separator is read off the header line, so hold chunks until it is complete (only the new
      // chunk is searched for a line break: the wait stays linear).
      head += chunk;
      if (!/[\r\n]/.test(chunk)) continue;
      scanner = new CsvScanner(separatorOf(head.split(/\r\n|\r|\n/, 1)[0]!).charCodeAt(0));
      scanner.push(head);
      head = "";
    } else scanner.push(chunk);
    yield* scanner.records.splice(0);
  }
  scanner ??= new CsvScanner(separatorOf(head).charCodeAt(0));
  if (head) scanner.push(head);
  scanner.end();
  yield* scanner.records.splice(0);
}
