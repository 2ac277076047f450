import { parse, type CsvError } from 'csv-parse';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DqcError } from '../errors.js';
import { ArrayRow, type SourceRow } from '../engine/row.js';
import { DEFAULT_MAX_FIELD_SIZE } from './limits.js';
import type { ProblemSink } from './problems.js';
import { normalizeHeader, reportReplacementChars, type ReadCounts, type TableReader } from './reader.js';
import type { TextSource } from './source.js';

interface SkippedRecord {
  skipped: CsvError;
}

function newlinesIn(cells: readonly string[]): number {
  let count = 0;
  for (const cell of cells) {
    for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) count++;
  }
  return count;
}

/**
 * A blank line comes out of csv-parse as one empty field: it is not a data row, except in a
 * one-column file, where it cannot be told from an empty value ("") and is kept as a row.
 */
function isBlankLine(record: readonly string[], headerWidth: number): boolean {
  return record.length === 1 && record[0] === '' && headerWidth !== 1;
}

/**
 * CSV through csv-parse: lenient about what real exports do (ragged rows, a stray quote inside a
 * field) but never silent about it. A record csv-parse cannot read is reported with its line and
 * counted as a rejected row; an unclosed quote is reported where it opened.
 *
 * Lines are counted here rather than with csv-parse's `info` option, which builds an object per
 * record (about a tenth of the parse time): each record takes one line plus the line breaks inside
 * its quoted fields, and blank lines are seen as they pass.
 */
export async function openCsvReader(
  source: TextSource,
  delimiter: string,
  report: ProblemSink,
  maxFieldSize: number = DEFAULT_MAX_FIELD_SIZE,
): Promise<TableReader> {
  const counts: ReadCounts = { rows: 0, rejected: 0, complete: true };
  const parser = parse({
    delimiter,
    bom: true,
    // Bounds the memory one record can take (see limits.ts); exceeding it stops the reading.
    max_record_size: maxFieldSize,
    relax_column_count: true,
    relax_quotes: true,
    skip_records_with_error: true,
    // Pushed into the record stream itself so a skipped record keeps its place among the rows.
    on_skip: (error: CsvError | undefined) => {
      if (error) parser.push({ skipped: error } satisfies SkippedRecord);
    },
  });
  // UTF-8 goes to csv-parse as bytes: it decodes each field itself, no whole-text round trip.
  const input = source.utf8Bytes ? Readable.from(source.utf8Bytes()) : Readable.from(source.chunks());
  // Its failure also reaches the record iterator below, which is where it is reported.
  const pumping = pipeline(input, parser).catch(() => undefined);
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<string[] | SkippedRecord>;

  let lastEndLine = 0;
  let header: string[] = [];
  /** Set once a record is too large: nothing after it is parsed, the rest is only read through. */
  let stopped = false;

  /** Line where the record starts; advances past it. */
  function place(record: readonly string[]): number {
    const start = lastEndLine + 1;
    lastEndLine = start + newlinesIn(record);
    return start;
  }

  function skipped(error: CsvError): void {
    const line = lastEndLine + 1;
    if (error.code === 'CSV_MAX_RECORD_SIZE') {
      // csv-parse cannot resume after this error (it drops the rest of each later chunk), so the
      // reading stops here, like at an unclosed quote, which is what usually causes it.
      stopped = true;
      counts.complete = false;
      report({ code: 'file/row-too-large', line, row: null, column: null, data: { line, limit: maxFieldSize } });
      return;
    }
    if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
      counts.complete = false;
      report({ code: 'file/unclosed-quote', line, row: null, column: null, data: { line } });
      return;
    }
    counts.rows++;
    counts.rejected++;
    report({ code: 'row/rejected', line, row: counts.rows, column: null, data: { reason: error.message } });
    const errorLine = (error as CsvError & { lines?: number }).lines;
    lastEndLine = typeof errorLine === 'number' && errorLine > line ? errorLine : line;
  }

  /**
   * After a stop, the rest of the input is still read through (not parsed, csv-parse only refuses
   * each later chunk), so the file's size and sha256 in the report are those of the whole file.
   */
  async function drain(): Promise<undefined> {
    for (;;) {
      try {
        if ((await records.next()).done) return undefined;
      } catch (error) {
        if (error instanceof DqcError) throw error;
        return undefined;
      }
    }
  }

  /** The next record that is not a blank line, with skipped records handled on the way. */
  async function next(): Promise<string[] | undefined> {
    for (;;) {
      if (stopped) return drain();
      let item: IteratorResult<string[] | SkippedRecord>;
      try {
        item = await records.next();
      } catch (error) {
        if (error instanceof DqcError) throw error; // the file itself could not be read
        counts.complete = false;
        const line = lastEndLine + 1;
        report({ code: 'file/parse-error', line, row: null, column: null, data: { line, reason: (error as Error).message } });
        return undefined;
      }
      if (item.done) return undefined;
      const value = item.value;
      if (!Array.isArray(value)) {
        skipped(value.skipped);
        continue;
      }
      if (isBlankLine(value, header.length)) {
        lastEndLine++;
        continue;
      }
      return value;
    }
  }

  const first = await next();
  if (first) header = normalizeHeader(first, report, place(first));
  else if (counts.complete) {
    // Zero bytes, or nothing but blank lines: there is no header to check against.
    report({ code: 'file/empty', line: null, row: null, column: null, data: {} });
  }

  async function* rows(): AsyncGenerator<SourceRow> {
    for (let cells = await next(); cells; cells = await next()) {
      const line = place(cells);
      const row = ++counts.rows;
      if (cells.length !== header.length) {
        report({ code: 'row/inconsistent-columns', line, row, column: null, data: { found: cells.length, expected: header.length } });
      }
      if (source.decodeErrors) reportReplacementChars(cells, header, source.stats.encoding, row, line, report);
      yield new ArrayRow(row, line, cells);
    }
    await pumping;
    if (counts.rows === 0 && header.length > 0 && counts.complete) {
      report({ code: 'file/no-data-rows', line: null, row: null, column: null, data: {} });
    }
  }

  return { format: 'csv', delimiter, header, counts, rows };
}
