import { ArrayRow, type SourceRow } from './row.js';
import { positionalHeader } from './dialect.js';
import type { ProblemSink } from './problems.js';
import { normalizeHeader, reportReplacementChars, type ReadCounts } from './reader.js';
import type { TextSource } from './source.js';

function newlinesIn(cells: readonly string[]): number {
  let count = 0;
  for (const cell of cells) {
    for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) count++;
  }
  return count;
}

/**
 * A value that is spaces, then the quote: the quote was meant to open a quoted field (as in files
 * written with `", "` between fields), but a quote opens one only as a field's first character, so
 * it stayed in the value with its spaces, and a delimiter inside it split the value.
 */
function quotedAfterSpaces(cell: string, quote: string): boolean {
  let i = 0;
  while (cell[i] === ' ' || cell[i] === '\t') i++;
  return cell[i] === quote;
}

/**
 * What both CSV readers (csv.ts over csv-parse, fast-csv.ts over CsvScanner) do with the records
 * they get: place them on lines, pass blank rows, take the header, number the rows, report their
 * problems. One copy, so the two readers cannot drift apart; test/input/fast-csv.test.ts compares
 * what they read.
 *
 * Lines are counted here rather than with csv-parse's `info` option, which builds an object per
 * record (about a tenth of its parse time): each record takes one line plus the line breaks inside
 * its quoted fields, and blank lines are seen as they pass.
 */
export class CsvRecords {
  /** Last physical line of what has been read so far. */
  lastEndLine = 0;
  header: string[] = [];

  constructor(
    private readonly source: TextSource,
    private readonly counts: ReadCounts,
    readonly report: ProblemSink,
    private readonly maxFieldSize: number,
    private readonly quote = '"',
  ) {}

  /** The line after what has been read: where a record that could not be read starts. */
  get nextLine(): number {
    return this.lastEndLine + 1;
  }

  /** Line where the record starts; advances past it. `inside`: its line breaks, when the reader counted them (else -1). */
  place(record: readonly string[] | null, inside = -1): number {
    const start = this.lastEndLine + 1;
    this.lastEndLine = start + (inside >= 0 || record === null ? inside : newlinesIn(record));
    return start;
  }

  /**
   * A blank row: a blank line (one empty field, as both readers give it) or a record whose cells
   * are all empty, such as the `,,,,` lines Excel writes below a table. It is not a data row (not
   * numbered, not checked, not in `rows`), but it is counted and reported with its physical line,
   * so the rows read still add up and nothing is dropped unseen. Before the header it is passed the
   * same way, so the header is the first record with a name. In a one-column file an empty record
   * stays a data row: neither reader can tell a blank line from an empty value `""` there, and the
   * empty value is what the required rule must see.
   * True when the record was blank and has been passed.
   */
  skipBlank(record: readonly string[], inside = -1): boolean {
    if (this.header.length === 1) return false;
    for (let i = 0; i < record.length; i++) if (record[i] !== '') return false;
    return this.passBlank(record, inside);
  }

  /** skipBlank for a record already known to be blank, whose line breaks (`inside`) were counted when `record` is null. */
  passBlank(record: readonly string[] | null, inside: number): true {
    const line = this.place(record, inside);
    this.counts.blankRows++;
    this.report({ code: 'row/blank', line, row: null, column: null, data: { line } });
    return true;
  }

  /** A record over the size limit: reading stops here (csv-parse cannot resume after it). */
  tooLarge(): void {
    const line = this.nextLine;
    this.counts.complete = false;
    this.report({ code: 'file/row-too-large', line, row: null, column: null, data: { line, limit: this.maxFieldSize } });
  }

  /** A quote still open at the end of the input: the record it opened is lost. */
  unclosedQuote(): void {
    const line = this.nextLine;
    this.counts.complete = false;
    this.report({ code: 'file/unclosed-quote', line, row: null, column: null, data: { line } });
  }

  /**
   * The header from the first record; with none, the empty-file problem (unless reading already failed).
   * A file without a header (`header: false` in the dialect) names its columns by position, as
   * wide as its first record, which stays a data row: true then, the caller reads it as the first row.
   */
  takeHeader(first: readonly string[] | undefined, inside = -1, named = true): boolean {
    if (first && !named) {
      this.header = positionalHeader(first.length);
      return true;
    }
    if (first) this.header = normalizeHeader(first, this.report, this.place(first, inside));
    else if (this.counts.complete) {
      // Zero bytes, or nothing but blank lines: there is no header to check against.
      this.report({ code: 'file/empty', line: null, row: null, column: null, data: {} });
    }
    return false;
  }

  /** The next data row, from its record. */
  row(cells: string[], inside = -1): SourceRow {
    const line = this.beginRow(cells, cells.length, inside);
    const row = this.counts.rows;
    if (this.source.decodeErrors) reportReplacementChars(cells, this.header, this.source.stats.encoding, row, line, this.report);
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i]!;
      // One comparison per cell on the common path: only a value that starts with a space or tab is looked at.
      const first = cell.charCodeAt(0);
      if (first === 32 || first === 9) this.strayQuote(cell, i, line);
    }
    return new ArrayRow(row, line, cells);
  }

  /**
   * Places and numbers the next data row (its number is then counts.rows) and reports a width
   * other than the header's; returns its line. `cells` is null when the caller counted the line
   * breaks inside the record (`inside`).
   */
  beginRow(cells: readonly string[] | null, width: number, inside: number): number {
    const line = this.place(cells, inside);
    const row = ++this.counts.rows;
    const expected = this.header.length;
    if (width !== expected) {
      this.report({ code: 'row/inconsistent-columns', line, row, column: null, data: { found: width, expected } });
    }
    return line;
  }

  /** Reports the cell of column i of the current row when it is spaces and then the quote (see quotedAfterSpaces). */
  strayQuote(cell: string, i: number, line: number): void {
    if (!quotedAfterSpaces(cell, this.quote)) return;
    const column = this.header[i] ?? `column_${i + 1}`;
    this.report({ code: 'cell/stray-quote', line, row: this.counts.rows, column, data: { column, quote: this.quote } });
  }

  /** After the last record: a file with a header and no row says so. */
  end(): void {
    if (this.counts.rows === 0 && this.header.length > 0 && this.counts.complete) {
      this.report({ code: 'file/no-data-rows', line: null, row: null, column: null, data: {} });
    }
  }
}
