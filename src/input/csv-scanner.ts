import { ESCAPES, fieldText, NON_ASCII, NUL_CLOSED, PREPEND } from './row-batch.js';
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
export const LF = 0x0a;
const CR = 0x0d;

/** Record delimiter: unknown until the first line break outside quotes. */
const RD_UNKNOWN = 0;
const RD_LF = 1;
const RD_CR = 2;
const RD_CRLF = 3;

/** Whether records end with a line feed (LF or CR LF): a file can then be cut right after a line feed. */
export function endsWithLineFeed(rd: number): boolean {
  return rd === RD_LF || rd === RD_CRLF;
}

/** True when the fast scanner reads this source exactly as csv.ts would. */
export function fastCsvApplies(source: TextSource, delimiter: string): boolean {
  if (!source.utf8Bytes || delimiter.length !== 1) return false;
  const code = delimiter.charCodeAt(0);
  return code < 0x80 && code !== QUOTE && code !== LF && code !== CR;
}

/** Receives the records of pushFields: per field its kind (row-batch.ts) and byte start, split and end in the buffer of begin(). */
export interface FieldSink {
  /** The records that follow are in `buf`, whose first byte is at `offset` in the input. */
  begin(buf: Buffer, offset: number): void;
  record(kinds: readonly number[], positions: readonly number[], start: number, end: number): void;
  skipped(code: 'CSV_QUOTE_NOT_CLOSED' | 'CSV_MAX_RECORD_SIZE'): void;
}

const NEED_MORE = 0;
const RECORD = 1;
const END = 2;
const UNCLOSED = 3;
const TOO_LARGE = 4;
type Outcome = typeof NEED_MORE | typeof RECORD | typeof END | typeof UNCLOSED | typeof TOO_LARGE;



/**
 * Splits byte chunks into records, handed over as the kind and byte positions of their fields
 * (FieldSink): no cell becomes a string here. State between records is only the record delimiter
 * (and the BOM at the very start): a record cut by a chunk end is scanned again from its start
 * when the next chunk arrives, so the scan itself needs no state inside a record.
 */
export class CsvScanner {
  private rd = RD_UNKNOWN;
  private pending: Buffer = Buffer.alloc(0);
  private started = false;
  private stopped = false;
  /** Where the scan of the buffer stands after a record. */
  private pos = 0;
  /** Fields of the record being scanned: kind bits, byte start/split/end. */
  private kinds: number[] = [];
  private byteAt: number[] = [];
  /** Whether the field being scanned has had only ASCII bytes so far. */
  private ascii = true;
  /** Where the last unquoted() run stopped when it needed more bytes (its field's bytes end there). */
  private reached = 0;
  /** Where the record just scanned ends, before its line break. */
  private recordEnd = 0;
  /** Offset in the input of the first byte of `pending` (or of the next chunk when nothing is pending). */
  private consumed = 0;

  constructor(
    private readonly delimiter: number,
    private readonly maxRecordSize: number,
  ) {}

  /**
   * The records completed by this chunk (plus the previous chunks' unfinished one), handed over as
   * field kinds and byte positions in the buffer they were found in: no cell becomes a string.
   */
  pushFields(chunk: Buffer | readonly Buffer[], sink: FieldSink): void {
    this.scanFields(chunk, false, sink);
  }

  /** The last record, if the input did not end with a line break. */
  endFields(sink: FieldSink): void {
    this.scanFields(Buffer.alloc(0), true, sink);
  }

  /**
   * Reads on from a known place of an input: after its first record delimiter (`rd`, see
   * recordDelimiter) and past any BOM, as the re-reader of earlier rows does (csv-reread.ts), or a
   * thread reading its own byte range of a file (csv-range.ts); `offset`: where the next byte
   * pushed is in the input.
   */
  resume(rd: number, offset = 0): void {
    this.rd = rd;
    this.started = true;
    this.consumed = offset;
  }

  /** Whether what was pushed so far ends where a record ends: no record is cut off, waiting for more bytes. */
  get atRecordStart(): boolean {
    return this.pending.length === 0;
  }

  /** The record delimiter found so far (RD_* constants; 0 while unknown). */
  get recordDelimiter(): number {
    return this.rd;
  }

  private scanFields(chunk: Buffer | readonly Buffer[], eof: boolean, sink: FieldSink): void {
    if (this.stopped) return;
    // One copy at most: what was pending and the new chunks, together.
    const parts = Buffer.isBuffer(chunk) ? [chunk] : chunk;
    let buf = this.pending.length === 0 && parts.length === 1 ? parts[0]! : Buffer.concat([this.pending, ...parts]);
    let base = this.consumed;
    if (!this.started) {
      if (buf.length < 3 && !eof) {
        this.pending = buf;
        return;
      }
      this.started = true;
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
        buf = buf.subarray(3);
        base += 3;
      }
    }
    sink.begin(buf, base);
    let start = 0;
    for (;;) {
      if (this.rd === RD_LF || this.rd === RD_CRLF) {
        const next = this.wholeLine(buf, start);
        if (next > 0) {
          sink.record(this.kinds, this.byteAt, start, this.recordEnd);
          start = next;
          continue;
        }
      }
      this.pos = start;
      const outcome = this.record(buf, start, eof);
      if (outcome === RECORD) {
        sink.record(this.kinds, this.byteAt, start, this.recordEnd);
        start = this.pos;
        continue;
      }
      if (outcome === NEED_MORE) {
        // A copy: the scanned buffer may go to another thread with its batch (ByteBatch.snapshot).
        this.pending = Buffer.from(buf.subarray(start));
        this.consumed = base + start;
        return;
      }
      this.pending = Buffer.alloc(0);
      this.consumed = base + buf.length;
      if (outcome === UNCLOSED) sink.skipped('CSV_QUOTE_NOT_CLOSED');
      else if (outcome === TOO_LARGE) {
        sink.skipped('CSV_MAX_RECORD_SIZE');
        this.stopped = true;
      }
      return;
    }
  }

  /**
   * A record that is one line, its fields found by the native indexOf instead of a loop over its
   * bytes: outside quotes only the delimiter and the line break matter, and a quoted field ends at
   * the first quote not doubled, so the fields are exactly what record() would find. Returns the
   * position after the line break, or 0 when record() must decide: no line break in the buffer, a
   * quoted field that goes on past it or whose closing quote is followed by something else than a
   * delimiter (relax_quotes, a NUL), a CR LF file's lone LF (an ordinary character there), or a
   * line longer than the record size limit (whose exact cut-off record() knows). Its fields are
   * marked NON_ASCII without looking (decoded as UTF-8, which reads ASCII the same).
   */
  private wholeLine(buf: Buffer, start: number): number {
    const lf = buf.indexOf(LF, start);
    if (lf < 0 || lf - start > this.maxRecordSize) return 0;
    let end = lf;
    if (this.rd === RD_CRLF) {
      if (lf === start || buf[lf - 1] !== CR) return 0;
      end = lf - 1;
    }
    const kinds = this.kinds;
    const at = this.byteAt;
    kinds.length = 0;
    at.length = 0;
    const delimiter = this.delimiter;
    let p = start;
    for (;;) {
      if (p < end && buf[p] === QUOTE) {
        let q = p + 1;
        let kind = NON_ASCII;
        let close: number;
        for (;;) {
          close = buf.indexOf(QUOTE, q);
          if (close < 0 || close >= end) return 0; // goes on past the line break, or never closes
          if (buf[close + 1] === QUOTE && close + 1 < end) {
            kind = ESCAPES | NON_ASCII;
            q = close + 2;
            continue;
          }
          break;
        }
        kinds.push(kind);
        at.push(p + 1, close, close);
        const after = close + 1;
        if (after === end) break;
        if (buf[after] !== delimiter) return 0;
        p = after + 1;
        continue;
      }
      const d = buf.indexOf(delimiter, p);
      if (d < 0 || d >= end) {
        kinds.push(NON_ASCII);
        at.push(p, p, end);
        break;
      }
      kinds.push(NON_ASCII);
      at.push(p, p, d);
      p = d + 1;
    }
    this.recordEnd = end;
    return lf + 1;
  }

  /** Notes a field: its kind and its byte positions (start, split, end). */
  private field(kind: number, start: number, split: number, end: number): void {
    this.kinds.push(this.ascii ? kind : kind | NON_ASCII);
    this.byteAt.push(start, split, end);
  }

  /** The text of field i of the record being scanned. */
  private bytesOf(i: number, buf: Buffer): string {
    const at = this.byteAt;
    return fieldText(buf, this.kinds[i] as number, at[3 * i] as number, at[3 * i + 1] as number, at[3 * i + 2] as number);
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
      this.recordEnd = p;
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

/** The texts of a scanned record's fields (the header, a row read again). */
export function recordTexts(buf: Buffer, kinds: readonly number[], positions: readonly number[]): string[] {
  return kinds.map((kind, f) => fieldText(buf, kind, positions[3 * f]!, positions[3 * f + 1]!, positions[3 * f + 2]!));
}

/** Whether every field of a scanned record has empty text. */
export function isBlankRecord(buf: Buffer, kinds: readonly number[], positions: readonly number[]): boolean {
  for (let f = 0; f < kinds.length; f++) {
    const kind = kinds[f]!;
    const start = positions[3 * f]!;
    const end = positions[3 * f + 2]!;
    if ((kind & ~NON_ASCII) === 0 || kind === ESCAPES) {
      if (end > start) return false;
    } else if (fieldText(buf, kind, start, positions[3 * f + 1]!, end) !== '') return false;
  }
  return true;
}
