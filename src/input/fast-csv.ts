import { DqcError } from '../errors.js';
import type { SourceRow } from './row.js';
import { CsvRecords } from './csv-records.js';
import { DEFAULT_MAX_FIELD_SIZE } from './limits.js';
import type { ProblemSink } from './problems.js';
import type { ReadCounts, TableReader } from './reader.js';
import type { TextSource } from './source.js';

/**
 * A byte scanner for UTF-8 CSV that gives exactly what csv.ts (csv-parse with `bom`,
 * `relax_column_count`, `relax_quotes`, `skip_records_with_error`, `max_record_size`) gives: the
 * same records, lines and problems. csv-parse spends most of its time per byte in generic option
 * handling (17 s for the 1M-row, 240 MB benchmark file, against 6 s here: docs/benchmarks.md); this
 * one looks at each byte once for the three bytes that matter here (delimiter, quote, line break).
 *
 * csv-parse behaviours reproduced (see test/input/fast-csv.test.ts, which compares both readers):
 * - the record delimiter is the first CR LF, LF or CR met outside quotes; after that the other
 *   line breaks are ordinary characters;
 * - a quote opens a quoted field only at the start of a field; elsewhere it is an ordinary character;
 * - in a quoted field `""` is a quote; a closing quote followed by something other than the
 *   delimiter, the record delimiter or the end (relax_quotes) keeps both quotes and the field goes
 *   on unquoted: `"ab"c` reads `"ab"c`;
 * - a record whose text outgrows max_record_size stops the reading (csv-parse cannot resume); a
 *   quote still open at the end drops the last record;
 * - a UTF-8 BOM at the start is skipped.
 * Anything else (other encodings, a delimiter that is not one ASCII byte) stays on csv.ts: see
 * fastCsvApplies.
 */

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** Record delimiter: unknown until the first line break outside quotes. */
const RD_UNKNOWN = 0;
const RD_LF = 1;
const RD_CR = 2;
const RD_CRLF = 3;

/** True when the fast scanner reads this source exactly as csv.ts would. */
export function fastCsvApplies(source: TextSource, delimiter: string): boolean {
  if (!source.utf8Bytes || delimiter.length !== 1) return false;
  const code = delimiter.charCodeAt(0);
  return code < 0x80 && code !== QUOTE && code !== LF && code !== CR;
}

/** What one csv-parse record event would be: cells, or a record it skipped with its error code. */
export type ScannedItem = string[] | { skipped: 'CSV_QUOTE_NOT_CLOSED' | 'CSV_MAX_RECORD_SIZE' };

const NEED_MORE = 0;
const RECORD = 1;
const END = 2;
const UNCLOSED = 3;
const TOO_LARGE = 4;
type Outcome = typeof NEED_MORE | typeof RECORD | typeof END | typeof UNCLOSED | typeof TOO_LARGE;

/** Node's own slice decoders, which toString(encoding, start, end) calls after checking its arguments. */
interface SliceDecoders {
  latin1Slice(start: number, end: number): string;
  utf8Slice(start: number, end: number): string;
}

/** ASCII-only bytes decode the same as latin1, which is the cheaper decoder. */
function decode(buf: Buffer, start: number, end: number, ascii: boolean): string {
  const slices = buf as unknown as SliceDecoders;
  return ascii ? slices.latin1Slice(start, end) : slices.utf8Slice(start, end);
}

/** How a field's text is made from its bytes (bits; see CsvScanner.build). */
const ESCAPES = 1; // quoted, with `""` inside
const PREPEND = 2; // relax_quotes: `"` + content + the rest from the closing quote
const NUL_CLOSED = 4; // content + the rest from the NUL after the closing quote
const NON_ASCII = 8; // has bytes above 0x7F: decoded as UTF-8 on its own

/**
 * Splits byte chunks into records. State between records is only the record delimiter (and the
 * BOM at the very start): a record cut by a chunk end is scanned again from its start when the
 * next chunk arrives, so the scan itself needs no state inside a record.
 *
 * A record's bytes are read once as latin1 (one byte, one character: a cheap copy) and its ASCII
 * cells are slices of that string; only cells with other bytes are decoded as UTF-8, each on its
 * own. One native decode per cell was the larger part of the scan; decoding whole records as UTF-8
 * was slower still (two-byte strings for every cell).
 */
export class CsvScanner {
  private rd = RD_UNKNOWN;
  private pending: Buffer = Buffer.alloc(0);
  private started = false;
  private stopped = false;
  /** Where the scan of the buffer stands after a record. */
  private pos = 0;
  /** The record just scanned. */
  private cells: string[] = [];
  /** Fields of the record being scanned: kind bits, byte start/split/end. */
  private kinds: number[] = [];
  private byteAt: number[] = [];
  /** Whether the field being scanned has had only ASCII bytes so far. */
  private ascii = true;
  /** Where the last unquoted() run stopped when it needed more bytes (its field's bytes end there). */
  private reached = 0;

  constructor(
    private readonly delimiter: number,
    private readonly maxRecordSize: number,
  ) {}

  /**
   * Records completed by this chunk (plus the previous chunks' unfinished one). With `breaks`,
   * one number per item: the line breaks inside the record (0 for one read whole by wholeLine),
   * or -1 when not counted (the reader counts them in the cells).
   */
  push(chunk: Buffer, out: ScannedItem[], breaks?: number[]): void {
    this.scan(chunk, false, out, breaks);
  }

  /** The last record, if the input did not end with a line break. */
  end(out: ScannedItem[], breaks?: number[]): void {
    this.scan(Buffer.alloc(0), true, out, breaks);
  }

  private scan(chunk: Buffer, eof: boolean, out: ScannedItem[], breaks: number[] | undefined): void {
    if (this.stopped) return;
    let buf = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    if (!this.started) {
      if (buf.length < 3 && !eof) {
        this.pending = buf;
        return;
      }
      this.started = true;
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3);
    }
    let start = 0;
    // Next quote byte at or after `start` (buf.length when none): a line that ends before it has
    // no quoted field and is split whole (wholeLine).
    let quote = -1;
    const delimiterChar = String.fromCharCode(this.delimiter);
    for (;;) {
      if (this.rd === RD_LF || this.rd === RD_CRLF) {
        if (quote < start) {
          quote = buf.indexOf(QUOTE, start);
          if (quote < 0) quote = buf.length;
        }
        const end = this.wholeLine(buf, start, quote, delimiterChar);
        if (end > 0) {
          out.push(this.cells);
          breaks?.push(0);
          start = end;
          continue;
        }
      }
      this.pos = start;
      const outcome = this.record(buf, start, eof);
      if (outcome === RECORD) {
        out.push(this.cells);
        breaks?.push(-1);
        start = this.pos;
        continue;
      }
      if (outcome === NEED_MORE) {
        this.pending = buf.subarray(start);
        return;
      }
      this.pending = Buffer.alloc(0);
      if (outcome === UNCLOSED) {
        out.push({ skipped: 'CSV_QUOTE_NOT_CLOSED' });
        breaks?.push(-1);
      } else if (outcome === TOO_LARGE) {
        out.push({ skipped: 'CSV_MAX_RECORD_SIZE' });
        breaks?.push(-1);
        this.stopped = true;
      }
      return;
    }
  }

  /**
   * A record that is one line, read whole: decoded at once (one native call) and cut into cells in
   * the string, where indexOf is cheap. It gives what record() gives for such a record: outside
   * quotes no byte but the delimiter and the line break matters, a quote opens a quoted field only
   * at the start of a field, and invalid UTF-8 decodes the same line by line as cell by cell (an
   * ASCII byte ends any multi-byte sequence). Returns the position after the line break, or 0 when
   * record() must decide: no line break in this chunk, a quoted field that goes on past it or
   * whose closing quote is followed by something else than a delimiter (relax_quotes), a CR LF
   * file's lone LF (an ordinary character there), or a line longer than the record size limit.
   */
  private wholeLine(buf: Buffer, start: number, quote: number, delimiter: string): number {
    const lf = buf.indexOf(LF, start);
    if (lf < 0 || lf - start > this.maxRecordSize) return 0;
    let end = lf;
    if (this.rd === RD_CRLF) {
      if (lf === start || buf[lf - 1] !== CR) return 0;
      end = lf - 1;
    }
    const line = decode(buf, start, end, false);
    if (quote >= end) {
      this.cells = line.split(delimiter);
      return lf + 1;
    }
    const cells: string[] = [];
    const length = line.length;
    let at = 0;
    for (;;) {
      if (line.charCodeAt(at) === QUOTE) {
        let content = '';
        let from = at + 1;
        for (;;) {
          const close = line.indexOf('"', from);
          if (close < 0) return 0; // the quoted field goes on past the line break
          if (line.charCodeAt(close + 1) === QUOTE) {
            content += line.slice(from, close + 1);
            from = close + 2;
            continue;
          }
          content += line.slice(from, close);
          at = close + 1;
          break;
        }
        cells.push(content);
        if (at === length) break;
        if (line[at] !== delimiter) return 0; // relax_quotes or a NUL after the quote: record() knows
        at++;
      } else {
        const next = line.indexOf(delimiter, at);
        if (next < 0) {
          cells.push(line.slice(at));
          break;
        }
        cells.push(line.slice(at, next));
        at = next + 1;
      }
      if (at === length) {
        cells.push('');
        break;
      }
    }
    this.cells = cells;
    return lf + 1;
  }

  /** Notes a field: its kind and its byte positions (start, split, end). */
  private field(kind: number, start: number, split: number, end: number): void {
    this.kinds.push(this.ascii ? kind : kind | NON_ASCII);
    this.byteAt.push(start, split, end);
  }

  /** The text of an ASCII field i, sliced from the record's latin1 text (which starts at byte `base`). */
  private textOf(i: number, text: string, base: number): string {
    const kind = this.kinds[i] as number;
    const at = this.byteAt;
    const start = (at[3 * i] as number) - base;
    const end = (at[3 * i + 2] as number) - base;
    if (kind === 0) return text.slice(start, end);
    if (kind === ESCAPES) return text.slice(start, end).replaceAll('""', '"');
    const split = (at[3 * i + 1] as number) - base;
    let content = text.slice(start, split);
    if (kind & ESCAPES) content = content.replaceAll('""', '"');
    // The tail starts at the closing quote (kept) or after it (closed by a NUL).
    return kind & PREPEND ? `"${content}${text.slice(split, end)}` : content + text.slice(split + 1, end);
  }

  /** The text of field i decoded from its own bytes (exact for any bytes; the slow way). */
  private bytesOf(i: number, buf: Buffer): string {
    const kind = (this.kinds[i] as number) & ~NON_ASCII;
    const at = this.byteAt;
    const start = at[3 * i] as number;
    const end = at[3 * i + 2] as number;
    if (kind === 0) return decode(buf, start, end, false);
    if (kind === ESCAPES) return decode(buf, start, end, false).replaceAll('""', '"');
    const split = at[3 * i + 1] as number;
    let content = decode(buf, start, split, false);
    if (kind & ESCAPES) content = content.replaceAll('""', '"');
    return kind & PREPEND ? `"${content}${decode(buf, split, end, false)}` : content + decode(buf, split + 1, end, false);
  }

  /** The cells of the fields noted so far. */
  private build(buf: Buffer, recordStart: number): string[] {
    const count = this.kinds.length;
    const kinds = this.kinds;
    const cells: string[] = new Array<string>(count);
    const textEnd = this.byteAt[3 * count - 1] as number;
    const text = decode(buf, recordStart, textEnd, true);
    for (let i = 0; i < count; i++) cells[i] = (kinds[i] as number) & NON_ASCII ? this.bytesOf(i, buf) : this.textOf(i, text, recordStart);
    return cells;
  }

  /**
   * Whether csv-parse's max_record_size would have stopped at this field: it checks, before
   * appending each byte of a field, the characters of the record's earlier fields plus the bytes
   * of the field so far. Only reachable when the record's bytes exceed the limit.
   */
  private tooLarge(buf: Buffer, recordStart: number, at: number, fieldBytes: number): boolean {
    if (at - recordStart <= this.maxRecordSize || fieldBytes === 0) return false;
    let chars = 0;
    for (let i = 0; i < this.kinds.length; i++) chars += this.bytesOf(i, buf).length;
    return chars + fieldBytes - 1 > this.maxRecordSize;
  }

  /** Line break at i outside quotes: its length, 0 for none, -1 when more bytes are needed to tell. */
  private lineBreak(buf: Buffer, i: number, eof: boolean): number {
    const b = buf[i];
    if (b !== LF && b !== CR) return 0;
    const rd = this.rd;
    if (rd === RD_LF) return b === LF ? 1 : 0;
    if (rd === RD_CR) return b === CR ? 1 : 0;
    if (b === LF) {
      if (rd === RD_UNKNOWN) this.rd = RD_LF;
      return rd === RD_CRLF ? 0 : 1;
    }
    // CR: CR LF or CR alone; the next byte decides.
    if (i + 1 >= buf.length && !eof) return -1;
    const crlf = buf[i + 1] === LF;
    if (rd === RD_UNKNOWN) {
      this.rd = crlf ? RD_CRLF : RD_CR;
      return crlf ? 2 : 1;
    }
    return crlf ? 2 : 0; // RD_CRLF
  }

  /** Scans one record from `start`; on RECORD, this.cells holds it and this.pos is past it. */
  private record(buf: Buffer, start: number, eof: boolean): Outcome {
    const end = buf.length;
    const delimiter = this.delimiter;
    const rdBefore = this.rd;
    this.kinds.length = 0;
    this.byteAt.length = 0;
    let p = start;
    if (p >= end) return eof ? END : NEED_MORE;
    for (;;) {
      // One field starts at p.
      if (p < end && buf[p] === QUOTE) {
        const open = p;
        let ascii = true;
        let q = p + 1;
        let escapes = 0;
        for (;;) {
          for (; q < end; q++) {
            const b = buf[q] as number;
            if (b === QUOTE) break;
            if (b >= 0x80) ascii = false;
          }
          if (q >= end || (q + 1 >= end && !eof)) {
            // Out of bytes inside the quotes (or at a quote whose next byte is not read yet).
            if (this.tooLarge(buf, start, q, q - open - 1 - escapes)) return TOO_LARGE;
            if (q >= end && eof) return UNCLOSED;
            this.rd = rdBefore;
            return NEED_MORE;
          }
          // A quote at q: escaped quote, closing quote, or (relax_quotes) an ordinary one.
          if (buf[q + 1] === QUOTE) {
            escapes++;
            q += 2;
            continue;
          }
          break;
        }
        this.ascii = ascii;
        const contentBytes = q - open - 1 - escapes;
        const kind = escapes > 0 ? ESCAPES : 0;
        const next = q + 1;
        const closes = next >= end || buf[next] === delimiter;
        const rdLength = closes ? 0 : this.lineBreak(buf, next, eof);
        if (rdLength < 0) {
          this.rd = rdBefore;
          return NEED_MORE;
        }
        if (closes || rdLength > 0) {
          if (this.tooLarge(buf, start, next, contentBytes)) return TOO_LARGE;
          this.field(kind, open + 1, q, q);
          p = next;
        } else {
          // A NUL after the quote closes it (csv-parse tests `!nextChr`) and the field goes on
          // unquoted; anything else (relax_quotes) keeps both quotes and goes on from the closing one.
          const closedByNul = buf[next] === 0;
          const from = closedByNul ? next : q;
          const extra = closedByNul ? 0 : 1;
          const rest = this.unquoted(buf, from, eof);
          this.ascii &&= ascii;
          if (rest < 0) {
            if (this.tooLarge(buf, start, this.reached, contentBytes + extra + (this.reached - from))) return TOO_LARGE;
            this.rd = rdBefore;
            return NEED_MORE;
          }
          if (this.tooLarge(buf, start, rest, contentBytes + extra + (rest - from))) return TOO_LARGE;
          this.field(kind | (closedByNul ? NUL_CLOSED : PREPEND), open + 1, q, rest);
          p = rest;
        }
      } else {
        const fieldEnd = this.unquoted(buf, p, eof);
        if (fieldEnd < 0) {
          if (this.tooLarge(buf, start, this.reached, this.reached - p)) return TOO_LARGE;
          this.rd = rdBefore;
          return NEED_MORE;
        }
        if (this.tooLarge(buf, start, fieldEnd, fieldEnd - p)) return TOO_LARGE;
        this.field(0, p, p, fieldEnd);
        p = fieldEnd;
      }
      // p is at the delimiter, a line break, or the end of the input.
      if (p < end && buf[p] === delimiter) {
        p++;
        continue;
      }
      // unquoted() and the quoted branch stopped here, so this is a complete record delimiter.
      this.pos = p >= end ? p : p + this.lineBreak(buf, p, eof);
      this.cells = this.build(buf, start);
      return RECORD;
    }
  }

  /**
   * End of an unquoted field starting at p: the delimiter, a record delimiter, or the end of the
   * input; -1 when the chunk ends first (or a CR whose partner is not read yet).
   */
  private unquoted(buf: Buffer, p: number, eof: boolean): number {
    const end = buf.length;
    const delimiter = this.delimiter;
    let ascii = true;
    for (; p < end; p++) {
      const b = buf[p] as number;
      if (b === delimiter) break;
      if (b === LF || b === CR) {
        const length = this.lineBreak(buf, p, eof);
        if (length < 0) {
          this.reached = p;
          return -1;
        }
        if (length > 0) break;
        continue;
      }
      if (b >= 0x80) ascii = false;
    }
    this.ascii = ascii;
    if (p >= end && !eof) {
      this.reached = p;
      return -1;
    }
    return p;
  }
}

/**
 * The CSV reader over CsvScanner: what openCsvReader in csv.ts does, item for item, with the same
 * CsvRecords keeping lines, rows and problems. Rows come a chunk at a time (batches), so the engine
 * awaits once per chunk, not once per row.
 */
export async function openFastCsvReader(
  source: TextSource,
  delimiter: string,
  report: ProblemSink,
  maxFieldSize: number = DEFAULT_MAX_FIELD_SIZE,
): Promise<TableReader> {
  const bytes = source.utf8Bytes;
  if (!bytes) throw new Error('openFastCsvReader needs a UTF-8 source (see fastCsvApplies)');
  const counts: ReadCounts = { rows: 0, rejected: 0, blankRows: 0, complete: true };
  const scanner = new CsvScanner(delimiter.charCodeAt(0), maxFieldSize);
  const chunks = bytes()[Symbol.asyncIterator]();
  let batch: ScannedItem[] = [];
  /** Line breaks inside each item of the batch (CsvScanner.push). */
  let breaks: number[] = [];
  let taken = 0;
  let ended = false;

  /** Scans the next chunk once the batch is used up; false at the end of the input. */
  async function refill(): Promise<boolean> {
    while (taken >= batch.length) {
      if (ended) return false;
      batch = [];
      breaks = [];
      taken = 0;
      const next = await chunks.next(); // a read error is a DqcError: it propagates as in csv.ts
      if (next.done) {
        ended = true;
        scanner.end(batch, breaks);
      } else scanner.push(next.value, batch, breaks);
    }
    return true;
  }

  const lines = new CsvRecords(source, counts, report, maxFieldSize);
  let stopped = false;
  /** Line breaks inside the record takeRecord() returned last; -1 when not counted. */
  let recordBreaks = -1;

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

  /** The next record of the batch read so far (problems and blank lines dealt with); null when it is used up or reading stopped. */
  function takeRecord(): string[] | null {
    while (!stopped && taken < batch.length) {
      const inside = breaks[taken] as number;
      const value = batch[taken++] as ScannedItem;
      if (!Array.isArray(value)) {
        if (value.skipped === 'CSV_MAX_RECORD_SIZE') {
          stopped = true;
          lines.tooLarge();
        } else lines.unclosedQuote();
        continue;
      }
      if (lines.skipBlank(value, inside)) continue;
      recordBreaks = inside;
      return value;
    }
    return null;
  }

  async function next(): Promise<string[] | undefined> {
    for (;;) {
      const record = takeRecord();
      if (record) return record;
      if (stopped) return drain().then(() => undefined);
      if (!(await refill())) return undefined;
    }
  }

  const first = await next();
  lines.takeHeader(first, recordBreaks);

  async function* batches(): AsyncGenerator<readonly SourceRow[]> {
    if (first) {
      for (;;) {
        const rows: SourceRow[] = [];
        for (let cells = takeRecord(); cells; cells = takeRecord()) rows.push(lines.row(cells, recordBreaks));
        if (rows.length > 0) yield rows;
        if (stopped) {
          await drain();
          break;
        }
        if (!(await refill())) break;
      }
    }
    lines.end();
  }

  async function* rows(): AsyncGenerator<SourceRow> {
    for await (const chunk of batches()) yield* chunk;
  }

  return { format: 'csv', delimiter, header: lines.header, counts, rows, batches };
}
