import { CsvRecords } from './csv-records.js';
import type { CsvDialect } from './dialect.js';
import { DEFAULT_MAX_FIELD_SIZE } from './limits.js';
import type { ProblemSink } from './problems.js';
import type { ReadCounts, TableReader } from './reader.js';
import { CsvRecordScanner, RecordTooLargeError, UnclosedQuoteError, type CsvRecord } from './record-scanner.js';
import type { SourceRow } from './row.js';
import type { TextSource } from './source.js';

/**
 * CSV in a dialect other than the default (another quote or escape, spaces skipped after the
 * delimiter, no header): read with the record scanner `dqc fix` uses, so that the fix finds the
 * same records and cell values. csv-parse cannot be used for all of them (its ltrim also drops
 * tabs, no-break spaces and line breaks), and the byte scanner stays for the default dialect only.
 */
export async function openDialectCsvReader(
  source: TextSource,
  delimiter: string,
  dialect: CsvDialect,
  report: ProblemSink,
  maxFieldSize: number = DEFAULT_MAX_FIELD_SIZE,
): Promise<TableReader> {
  const counts: ReadCounts = { rows: 0, rejected: 0, blankRows: 0, complete: true };
  const scanner = new CsvRecordScanner(delimiter, maxFieldSize, dialect);
  const lines = new CsvRecords(source, counts, report, maxFieldSize, dialect.quote);
  const chunks = source.chunks()[Symbol.asyncIterator]();
  const pending: CsvRecord[] = [];
  let first = true;
  let ended = false;

  /** The next record the scanner completes (undefined at the end, or where reading stopped). */
  async function nextRecord(): Promise<CsvRecord | undefined> {
    while (pending.length === 0 && !ended) {
      try {
        const item = await chunks.next();
        if (item.done) {
          ended = true;
          pending.push(...scanner.end());
        } else {
          // The BOM is no character of the first field (csv-parse's `bom`).
          const text = first && item.value.startsWith('\uFEFF') ? item.value.slice(1) : item.value;
          first = false;
          pending.push(...scanner.push(text));
        }
      } catch (error) {
        if (error instanceof UnclosedQuoteError) lines.unclosedQuote();
        else if (error instanceof RecordTooLargeError) lines.tooLarge();
        else throw error;
        ended = true;
        // The rest is read through, so the file's size and sha256 are those of the whole file.
        while (!(await chunks.next()).done);
      }
    }
    return pending.shift();
  }

  /** Cells of the next record that is not blank, with the line breaks inside it. */
  async function next(): Promise<{ cells: string[]; inside: number } | undefined> {
    for (;;) {
      const record = await nextRecord();
      if (!record) return undefined;
      const cells = record.cells.map((cell) => cell.value);
      const inside = breaksIn(record.raw, scanner.recordDelimiter);
      if (lines.skipBlank(cells, inside)) continue;
      return { cells, inside };
    }
  }

  const head = await next();
  const firstRow = lines.takeHeader(head?.cells, head?.inside, dialect.header) ? head : undefined;

  async function* rows(): AsyncGenerator<SourceRow> {
    if (firstRow) yield lines.row(firstRow.cells, firstRow.inside);
    for (let item = await next(); item; item = await next()) yield lines.row(item.cells, item.inside);
    lines.end();
  }

  return { format: 'csv', delimiter, header: lines.header, counts, rows };
}

/** Line breaks inside a record's raw text (those the scanner counts as lines). */
function breaksIn(raw: string, recordDelimiter: string | null): number {
  const mark = recordDelimiter === '\r' ? '\r' : '\n';
  let n = 0;
  for (let i = raw.indexOf(mark); i >= 0; i = raw.indexOf(mark, i + 1)) n++;
  return n;
}
