import { statSync } from 'node:fs';
import { DqcError } from '../errors.js';
import { ArrayRow, type SourceRow } from './row.js';
import { CsvRereader } from './csv-reread.js';
import { CsvScanner, endsWithLineFeed, isBlankRecord, LF, recordTexts, type FieldSink } from './csv-scanner.js';
import type { CsvSplit } from './reader.js';
import { ByteBatch, cellsOf, NON_ASCII, NUL_CLOSED, PREPEND, type RowBatch } from './row-batch.js';
import { CsvRecords } from './csv-records.js';
import { DEFAULT_MAX_FIELD_SIZE } from './limits.js';
import type { ProblemSink } from './problems.js';
import { reportReplacementChars, type ReadCounts, type TableReader } from './reader.js';
import type { TextSource } from './source.js';

export { fastCsvApplies } from './csv-scanner.js';

/** Input bytes scanned into one columnar batch (~17,000 rows of a 240-byte population export). */
const BATCH_BYTES = 4 << 20;
const SPACE = 0x20;
const TAB = 0x09;

/**
 * Turns the scanner's field positions into the header and the rows of a ByteBatch, doing what
 * CsvRecords.row, skipBlank and takeHeader do with cells (lines, blank rows, row numbers,
 * problems) on the bytes instead.
 */
export class BatchSink implements FieldSink {
  batch = new ByteBatch();
  headerTaken = false;
  /**
   * While the reader is being opened: records after the header wait here, unread, so that their
   * problems come after those of the header (and of binding it), as the rows are read.
   */
  deferring = true;
  private deferred: { kinds: number[]; positions: number[]; start: number; end: number }[] = [];
  private deferredSkip: 'CSV_QUOTE_NOT_CLOSED' | 'CSV_MAX_RECORD_SIZE' | null = null;
  private buf: Buffer = Buffer.alloc(0);
  private offset = 0;

  constructor(
    private readonly lines: CsvRecords,
    private readonly source: TextSource,
    private readonly counts: ReadCounts,
    private readonly stop: () => void,
    /** Called with each data row, the offset of its record in the input and its line. */
    private readonly placed: (row: number, offset: number, line: number) => void,
  ) {}

  begin(buf: Buffer, offset: number): void {
    this.buf = buf;
    this.offset = offset;
    this.batch.reset(buf);
  }

  /** Reads the records that waited (see deferring) into the batch. */
  replay(): void {
    this.deferring = false;
    this.batch.reset(this.buf);
    for (const { kinds, positions, start, end } of this.deferred) this.record(kinds, positions, start, end);
    this.deferred = [];
    if (this.deferredSkip) this.skipped(this.deferredSkip);
  }

  /**
   * Where the records that waited start in the input, for the rest of the file to be read by
   * ranges instead (TableReader.split); null when none waited or one could not be read.
   */
  handOff(): number | null {
    const first = this.deferred[0];
    if (!this.deferring || !this.headerTaken || !first || this.deferredSkip) return null;
    return this.offset + first.start;
  }

  record(kinds: readonly number[], positions: readonly number[], start: number, end: number): void {
    if (this.deferring && this.headerTaken) {
      this.deferred.push({ kinds: [...kinds], positions: [...positions], start, end });
      return;
    }
    const buf = this.buf;
    // Line breaks inside the record's fields: the cells' LF characters (a record delimiter is never inside).
    let inside = 0;
    for (let at = buf.indexOf(LF, start); at >= 0 && at < end; at = buf.indexOf(LF, at + 1)) inside++;
    const count = kinds.length;
    if (this.lines.header.length !== 1 && isBlankRecord(buf, kinds, positions)) {
      this.lines.passBlank(null, inside);
      return;
    }
    if (!this.headerTaken) {
      this.headerTaken = true;
      this.lines.takeHeader(recordTexts(buf, kinds, positions), inside);
      return;
    }
    const line = this.lines.beginRow(null, count, inside);
    const row = this.counts.rows;
    const batch = this.batch;
    batch.add(row, line, kinds, positions);
    this.placed(row, this.offset + start, line);
    const i = batch.length - 1;
    if (this.source.decodeErrors) {
      reportReplacementChars(cellsOf(batch, i), this.lines.header, this.source.stats.encoding, row, line, this.lines.report);
    }
    for (let f = 0; f < count; f++) {
      const shape = kinds[f]! & ~NON_ASCII;
      if (shape & PREPEND) continue; // its text starts with the quote
      const at = positions[3 * f]!;
      const first = shape & NUL_CLOSED && at === positions[3 * f + 1]! ? buf[at + 1] : buf[at];
      if ((first === SPACE || first === TAB) && at < positions[3 * f + 2]!) this.lines.strayQuote(batch.text(i, f), f, line);
    }
  }

  skipped(code: 'CSV_QUOTE_NOT_CLOSED' | 'CSV_MAX_RECORD_SIZE'): void {
    if (this.deferring && this.headerTaken) {
      this.deferredSkip = code;
      if (code === 'CSV_MAX_RECORD_SIZE') this.stop();
      return;
    }
    if (code === 'CSV_MAX_RECORD_SIZE') {
      this.stop();
      this.lines.tooLarge();
    } else this.lines.unclosedQuote();
  }
}

/**
 * The CSV reader over CsvScanner: what openCsvReader in csv.ts does, item for item, with the same
 * CsvRecords keeping lines, rows and problems. Its rows come as columnar batches (columns(); rows()
 * and batches() make strings of them for the commands that want rows), and a plain file's earlier
 * rows can be read again (reread, csv-reread.ts).
 */
export async function openFastCsvReader(
  source: TextSource,
  delimiter: string,
  report: ProblemSink,
  maxFieldSize: number = DEFAULT_MAX_FIELD_SIZE,
  batchBytes: number = BATCH_BYTES,
): Promise<TableReader> {
  const bytes = source.utf8Bytes;
  if (!bytes) throw new Error('openFastCsvReader needs a UTF-8 source (see fastCsvApplies)');
  const counts: ReadCounts = { rows: 0, rejected: 0, blankRows: 0, complete: true };
  const scanner = new CsvScanner(delimiter.charCodeAt(0), maxFieldSize);
  const chunks = bytes()[Symbol.asyncIterator]();
  const lines = new CsvRecords(source, counts, report, maxFieldSize);
  const rereader = source.stats.compressed ? null : new CsvRereader(source.stats.path, delimiter.charCodeAt(0), maxFieldSize);
  let stopped = false;
  let ended = false;
  const sink = new BatchSink(lines, source, counts, () => (stopped = true), (row, offset, line) => rereader?.place(row, offset, line));

  async function drain(): Promise<void> {
    for (;;) {
      try {
        if ((await chunks.next()).done) return;
      } catch (error) {
        if (error instanceof DqcError) throw error;
        return;
      }
    }
  }

  /** Scans the input batchBytes at a time; yields the batch after each scan (it may have no rows). */
  async function* scanned(): AsyncGenerator<ByteBatch> {
    const parts: Buffer[] = [];
    let size = 0;
    while (!stopped && !ended) {
      const next = await chunks.next(); // a read error is a DqcError: it propagates as in csv.ts
      if (next.done) ended = true;
      else {
        parts.push(next.value);
        size += next.value.length;
      }
      if (size >= batchBytes || (ended && size > 0)) {
        scanner.pushFields(parts, sink);
        parts.length = 0;
        size = 0;
        yield sink.batch;
      }
      if (ended && !stopped) {
        scanner.endFields(sink);
        yield sink.batch;
      }
    }
    if (stopped) await drain();
  }

  // The header: scan until it is found; rows scanned with it wait for the first columns() batch.
  const scan = scanned();
  while (!sink.headerTaken) {
    const next = await scan.next();
    if (next.done) break;
  }
  if (!sink.headerTaken) lines.takeHeader(undefined);
  rereader?.start(scanner.recordDelimiter, lines.header.length);

  let claimed = false;
  async function* columns(): AsyncGenerator<RowBatch> {
    if (claimed) throw new Error('a reader can be read once');
    claimed = true;
    if (sink.headerTaken) {
      sink.replay();
      if (sink.batch.length > 0) yield sink.batch;
      for (let next = await scan.next(); !next.done; next = await scan.next()) if (next.value.length > 0) yield next.value;
    }
    lines.end();
  }

  async function* batches(): AsyncGenerator<readonly SourceRow[]> {
    for await (const batch of columns()) {
      const rows: SourceRow[] = [];
      for (let i = 0; i < batch.length; i++) {
        rows.push(new ArrayRow(batch.row(i), batch.line(i), cellsOf(batch, i)));
      }
      yield rows;
    }
  }

  async function* rows(): AsyncGenerator<SourceRow> {
    for await (const chunk of batches()) yield* chunk;
  }

  /** The rest of a plain UTF-8 file, after its header, for threads to read by ranges (csv-range.ts). */
  function split(minBytes: number): CsvSplit | null {
    const start = sink.handOff();
    const path = source.stats.path;
    if (claimed || start === null || !rereader || !endsWithLineFeed(scanner.recordDelimiter)) return null;
    const size = statSync(path).size;
    if (size - start < minBytes) return null;
    claimed = true;
    // The source goes on being read here, for the file's hash and size in the report (source.ts).
    const drained = drain();
    return {
      path,
      size,
      delimiter: delimiter.charCodeAt(0),
      maxFieldSize,
      rd: scanner.recordDelimiter,
      header: lines.header,
      decodeErrors: source.decodeErrors,
      start,
      line: lines.lastEndLine,
      report: lines.report,
      place: (row, offset, line) => rereader.place(row, offset, line),
      async finish(read) {
        await drained;
        Object.assign(counts, read);
        lines.end();
      },
    };
  }

  return {
    format: 'csv',
    delimiter,
    header: lines.header,
    counts,
    rows,
    batches,
    columns,
    split,
    ...(rereader ? { reread: (row: number) => rereader.row(row) } : {}),
  };
}
