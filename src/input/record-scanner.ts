// CSV record boundaries for `dqc fix`, which must copy every untouched record exactly as it was
// and rewrite only the cells it changes. So it cannot re-serialise parsed rows: it needs each
// record's raw text, where each cell starts and ends in it, and the cell values exactly as the
// check read them. csv-parse gives values but not reliable raw text (its `raw` option drops the
// second character of a CRLF and decodes bytes), hence this scanner.
//
// It follows csv-parse with the options src/input/csv.ts uses (quote and escape `"`,
// relax_quotes, relax_column_count, record delimiter auto-discovered), rule for rule:
// - the record delimiter is the first line ending seen outside quotes (CRLF, LF or CR); only that
//   one ends records afterwards (a lone LF in a CRLF file is a character of its field);
// - a quote opens a quoted field only as the field's first character; elsewhere it is a character;
// - inside quotes, `""` is one quote; a quote followed by the delimiter, the record delimiter, a
//   NUL or the end of the input closes the field; any other quote ends the quoting as well, but the
//   field then keeps its opening quote and this one as characters (csv-parse's relax_quotes);
// - an unclosed quote at the end of the input is an error (the check reports file/unclosed-quote);
// - a last line without a line ending is a record if it holds anything.
// test/fix/csv-records.test.ts checks it against csv-parse on generated inputs.
//
// Other dialects (src/input/dialect.ts) change three of these rules, and the check reads such files
// with this scanner too (src/input/dialect-csv.ts), so check and fix agree by construction:
// - the quote character is the dialect's; with an escape other than the quote, `""` is no escape
//   (the second quote ends the quoting as any other quote does) and inside quotes the escape makes
//   the next character, whatever it is, part of the value (csv-parse's `escape`); outside quotes
//   the escape is a character;
// - with skipInitialSpace, spaces (U+0020 only, unlike csv-parse's ltrim, which also drops tabs,
//   no-break spaces and line breaks) at the start of a field are skipped, and the cell starts after
//   them, so rewriting it keeps them; a quote after them opens a quoted field.
//
// It runs on strings in which one character is one unit of the file: the bytes themselves (as
// latin1) for UTF-8 and single-byte encodings, whose delimiters, quotes and line breaks are ASCII
// bytes that never occur inside a multi-byte character; decoded text for UTF-16.

export interface CsvCell {
  /** The value as csv-parse gives it (in the scanner's units: bytes as latin1, or text). */
  value: string;
  /** Where the cell's raw text starts and ends, relative to the record's start. */
  start: number;
  end: number;
  /** The cell began with an opening quote. */
  quoted: boolean;
}

export interface CsvRecord {
  /** The record's raw text without its line ending. */
  raw: string;
  /** The line ending that followed it ('' at the end of the input). */
  terminator: string;
  cells: CsvCell[];
  /** Physical line where the record starts (1-based). */
  line: number;
}

export class UnclosedQuoteError extends Error {
  constructor(readonly line: number) {
    super(`unclosed quote from line ${line}`);
  }
}

/** A record longer than the limit: held whole while it is read, so it bounds memory (limits.ts). */
export class RecordTooLargeError extends Error {
  constructor(
    readonly line: number,
    readonly limit: number,
  ) {
    super(`record from line ${line} is larger than ${limit}`);
  }
}

/** The parts of a dialect that decide where fields and records end. */
export interface ScanDialect {
  quote: string;
  escape: string;
  skipInitialSpace: boolean;
}

const DEFAULT_SCAN: ScanDialect = { quote: '"', escape: '"', skipInitialSpace: false };

export class CsvRecordScanner {
  /** The line ending records end with, once seen. */
  recordDelimiter: string | null = null;
  private buf = '';
  private pos = 0;
  private recordStart = 0;
  private line = 1;
  private quoting = false;
  /** Nothing has been appended to the current field's value yet (csv-parse: field.length === 0). */
  private fieldEmpty = true;
  private fieldStart = 0;
  private fieldQuoted = false;
  /** The value so far, and the start of the run of characters not yet added to it (-1: none). */
  private value = '';
  private run = -1;
  private cells: CsvCell[] = [];
  private readonly quote: string;
  private readonly escape: string;
  private readonly skipSpace: boolean;

  constructor(
    private readonly delimiter: string,
    private readonly maxRecord = Infinity,
    dialect: ScanDialect = DEFAULT_SCAN,
  ) {
    if (delimiter.length !== 1) throw new RangeError('the delimiter must be one character');
    if (dialect.quote.length !== 1 || dialect.escape.length !== 1) throw new RangeError('the quote and escape must be one character');
    this.quote = dialect.quote;
    this.escape = dialect.escape;
    this.skipSpace = dialect.skipInitialSpace;
  }

  /** Scans more input; returns the records it completes. */
  push(text: string): CsvRecord[] {
    this.rebase(text);
    const records = this.scan(false);
    if (this.buf.length - this.recordStart > this.maxRecord) throw new RecordTooLargeError(this.line, this.maxRecord);
    return records;
  }

  /** The end of the input: the last record, if the input ends without a line ending. */
  end(): CsvRecord[] {
    this.rebase('');
    const records = this.scan(true);
    if (this.quoting) throw new UnclosedQuoteError(this.line);
    if (this.fieldQuoted || this.cells.length > 0 || !this.fieldEmpty) {
      this.endField(this.pos);
      records.push(this.endRecord(this.pos, 0));
    }
    return records;
  }

  /** Drops what earlier records used, so offsets stay small and no old chunk is kept. */
  private rebase(text: string): void {
    const shift = this.recordStart;
    if (shift > 0) {
      this.buf = this.buf.slice(shift);
      this.pos -= shift;
      this.fieldStart -= shift;
      if (this.run >= 0) this.run -= shift;
      this.recordStart = 0;
    }
    if (text.length > 0) this.buf += text;
  }

  private append(at: number): void {
    if (this.run < 0) this.run = at;
    this.fieldEmpty = false;
  }

  /** Adds the pending run of characters (up to `at`) to the value. */
  private flush(at: number): void {
    if (this.run >= 0) {
      this.value += this.buf.slice(this.run, at);
      this.run = -1;
    }
  }

  private endField(at: number): void {
    this.flush(at);
    this.cells.push({ value: this.value, start: this.fieldStart - this.recordStart, end: at - this.recordStart, quoted: this.fieldQuoted });
    this.value = '';
    this.fieldEmpty = true;
    this.fieldQuoted = false;
    this.fieldStart = at + 1;
  }

  private endRecord(at: number, terminatorLength: number): CsvRecord {
    const raw = this.buf.slice(this.recordStart, at);
    const terminator = this.buf.slice(at, at + terminatorLength);
    const record: CsvRecord = { raw, terminator, cells: this.cells, line: this.line };
    this.line += countLines(raw + terminator, this.recordDelimiter);
    this.cells = [];
    this.recordStart = at + terminatorLength;
    this.fieldStart = this.recordStart;
    return record;
  }

  /**
   * Length of the record delimiter at `at` (0 if none), or -1 when the input so far cannot tell
   * (a CR at the end of a chunk may be the first half of a CRLF).
   */
  private recordDelimiterAt(at: number, final: boolean): number {
    const buf = this.buf;
    const c = buf[at];
    const rd = this.recordDelimiter;
    if (rd === null) {
      if (c === '\n') return 1;
      if (c !== '\r') return 0;
      if (at + 1 >= buf.length) return final ? 1 : -1;
      return buf[at + 1] === '\n' ? 2 : 1;
    }
    if (c !== rd[0]) return 0;
    if (rd.length === 1) return 1;
    if (at + 1 >= buf.length) return final ? 0 : -1;
    return buf[at + 1] === rd[1] ? 2 : 0;
  }

  private scan(final: boolean): CsvRecord[] {
    const records: CsvRecord[] = [];
    const buf = this.buf;
    const delimiter = this.delimiter;
    while (this.pos < buf.length) {
      const at = this.pos;
      const c = buf[at] as string;
      if (this.quoting) {
        if (c === this.escape && c !== this.quote) {
          // csv-parse waits for the escaped character; at the end of the input the escape is a character
          if (at + 1 >= buf.length && !final) break;
          if (at + 1 < buf.length) {
            this.flush(at);
            this.run = at + 1;
            this.fieldEmpty = false;
            this.pos += 2;
            continue;
          }
        }
        if (c !== this.quote) {
          this.append(at);
          this.pos++;
          continue;
        }
        if (at + 1 >= buf.length && !final) break; // what follows the quote decides
        const next = buf[at + 1];
        if (next === this.quote && this.escape === this.quote) {
          // `""`: one quote in the value
          this.flush(at);
          this.run = at + 1;
          this.fieldEmpty = false;
          this.pos += 2;
          continue;
        }
        let closes = next === undefined || next === '\0' || next === delimiter;
        if (!closes) {
          const rd = this.recordDelimiterAt(at + 1, final);
          if (rd < 0) break;
          // Before any line ending is known, csv-parse takes any CR or LF after a quote as one.
          closes = rd > 0;
        }
        this.flush(at);
        this.quoting = false;
        if (!closes) {
          // relax_quotes: the field keeps its opening quote, and this quote is a character
          this.value = this.quote + this.value;
          this.append(at);
        }
        this.pos++;
        continue;
      }
      if (c === ' ' && this.skipSpace && this.fieldEmpty && !this.fieldQuoted && this.fieldStart === at) {
        this.fieldStart = at + 1;
        this.pos++;
        continue;
      }
      if (c === this.quote) {
        if (this.fieldEmpty) {
          this.quoting = true;
          this.fieldQuoted = true;
        } else this.append(at);
        this.pos++;
        continue;
      }
      if (c === '\r' || c === '\n') {
        const rd = this.recordDelimiterAt(at, final);
        if (rd < 0) break;
        if (rd > 0) {
          if (this.recordDelimiter === null) this.recordDelimiter = buf.slice(at, at + rd);
          this.endField(at);
          records.push(this.endRecord(at, rd));
          this.pos += rd;
          continue;
        }
      } else if (c === delimiter) {
        this.endField(at);
        this.pos++;
        continue;
      }
      this.append(at);
      this.pos++;
    }
    return records;
  }
}

/** Physical lines a record and its line ending take. */
function countLines(text: string, recordDelimiter: string | null): number {
  const mark = recordDelimiter === '\r' ? '\r' : '\n';
  let n = 0;
  for (let i = text.indexOf(mark); i >= 0; i = text.indexOf(mark, i + 1)) n++;
  return Math.max(1, n);
}
