import { parse, type CsvError } from 'csv-parse';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DqcError } from '../errors.js';
import type { SourceRow } from './row.js';
import { CsvRecords } from './csv-records.js';
import { DEFAULT_MAX_FIELD_SIZE } from './limits.js';
import type { ProblemSink } from './problems.js';
import type { ReadCounts, TableReader } from './reader.js';
import type { TextSource } from './source.js';

interface SkippedRecord {
  skipped: CsvError;
}

/**
 * CSV through csv-parse: lenient about what real exports do (ragged rows, a stray quote inside a
 * field) but never silent about it. A record csv-parse cannot read is reported with its line and
 * counted as a rejected row; an unclosed quote is reported where it opened.
 * Lines, rows and their problems are kept by CsvRecords, shared with the fast reader.
 */
export async function openCsvReader(
  source: TextSource,
  delimiter: string,
  report: ProblemSink,
  maxFieldSize: number = DEFAULT_MAX_FIELD_SIZE,
): Promise<TableReader> {
  const counts: ReadCounts = { rows: 0, rejected: 0, blankRows: 0, complete: true };
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

  const lines = new CsvRecords(source, counts, report, maxFieldSize);
  /** Set once a record is too large: nothing after it is parsed, the rest is only read through. */
  let stopped = false;

  function skipped(error: CsvError): void {
    if (error.code === 'CSV_MAX_RECORD_SIZE') {
      // csv-parse cannot resume after this error (it drops the rest of each later chunk), so the
      // reading stops here, like at an unclosed quote, which is what usually causes it.
      stopped = true;
      lines.tooLarge();
      return;
    }
    if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
      lines.unclosedQuote();
      return;
    }
    const line = lines.nextLine;
    counts.rows++;
    counts.rejected++;
    report({ code: 'row/rejected', line, row: counts.rows, column: null, data: { reason: error.message } });
    const errorLine = (error as CsvError & { lines?: number }).lines;
    lines.lastEndLine = typeof errorLine === 'number' && errorLine > line ? errorLine : line;
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
        const line = lines.nextLine;
        report({ code: 'file/parse-error', line, row: null, column: null, data: { line, reason: (error as Error).message } });
        return undefined;
      }
      if (item.done) return undefined;
      const value = item.value;
      if (!Array.isArray(value)) {
        skipped(value.skipped);
        continue;
      }
      if (lines.skipBlank(value)) continue;
      return value;
    }
  }

  lines.takeHeader(await next());

  async function* rows(): AsyncGenerator<SourceRow> {
    for (let cells = await next(); cells; cells = await next()) yield lines.row(cells);
    await pumping;
    lines.end();
  }

  return { format: 'csv', delimiter, header: lines.header, counts, rows };
}
