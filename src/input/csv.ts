import { parse, type CsvError, type Info } from 'csv-parse';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DqcError } from '../errors.js';
import { ArrayRow, type SourceRow } from '../engine/row.js';
import type { ProblemSink } from './problems.js';
import { normalizeHeader, reportReplacementChars, type ReadCounts, type TableReader } from './reader.js';
import type { TextSource } from './source.js';

interface ParsedRecord {
  record: string[];
  info: Info;
}
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
 * CSV through csv-parse: lenient about what real exports do (ragged rows, a stray quote inside a
 * field) but never silent about it. A record csv-parse cannot read is reported with its line and
 * counted as a rejected row; an unclosed quote is reported where it opened.
 */
export async function openCsvReader(source: TextSource, delimiter: string, report: ProblemSink): Promise<TableReader> {
  const counts: ReadCounts = { rows: 0, rejected: 0, complete: true };
  const parser = parse({
    delimiter,
    info: true,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    // Pushed into the record stream itself so a skipped record keeps its place among the rows.
    on_skip: (error: CsvError | undefined) => {
      if (error) parser.push({ skipped: error } satisfies SkippedRecord);
    },
  });
  // Its failure also reaches the record iterator below, which is where it is reported.
  const pumping = pipeline(Readable.from(source.chunks), parser).catch(() => undefined);
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<ParsedRecord | SkippedRecord>;

  let lastEndLine = 0;
  let emptyLinesSeen = 0;
  let header: string[] = [];

  /** Where the record starts and ends, from csv-parse's running line count. */
  function place(parsed: ParsedRecord): number {
    const start = lastEndLine + 1 + (parsed.info.empty_lines - emptyLinesSeen);
    emptyLinesSeen = parsed.info.empty_lines;
    // info.lines counts a CRLF inside quotes twice, so a multi-line record is measured by its own newlines.
    lastEndLine = parsed.info.lines > start ? start + newlinesIn(parsed.record) : start;
    return start;
  }

  function skipped(error: CsvError): void {
    const line = lastEndLine + 1;
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

  async function next(): Promise<ParsedRecord | SkippedRecord | undefined> {
    try {
      const item = await records.next();
      return item.done ? undefined : item.value;
    } catch (error) {
      if (error instanceof DqcError) throw error; // the file itself could not be read
      counts.complete = false;
      const line = lastEndLine + 1;
      report({ code: 'file/parse-error', line, row: null, column: null, data: { line, reason: (error as Error).message } });
      return undefined;
    }
  }

  // The header is the first record that can be read.
  for (;;) {
    const item = await next();
    if (!item) break;
    if ('skipped' in item) {
      skipped(item.skipped);
      continue;
    }
    const line = place(item);
    header = normalizeHeader(item.record, report, line);
    break;
  }
  if (header.length === 0 && counts.complete && source.head.length === 0) {
    report({ code: 'file/empty', line: null, row: null, column: null, data: {} });
  }

  async function* rows(): AsyncGenerator<SourceRow> {
    for (;;) {
      const item = await next();
      if (!item) break;
      if ('skipped' in item) {
        skipped(item.skipped);
        continue;
      }
      const line = place(item);
      const row = ++counts.rows;
      const cells = item.record;
      if (cells.length !== header.length) {
        report({
          code: 'row/inconsistent-columns',
          line,
          row,
          column: null,
          data: { found: cells.length, expected: header.length },
        });
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
