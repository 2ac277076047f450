import { closeSync, openSync, readSync } from 'node:fs';
import { DqcError } from '../errors.js';
import { grown } from '../shared/grow.js';
import { CsvScanner, isBlankRecord, LF, recordTexts, type FieldSink } from './csv-scanner.js';

/** A data row in every CHECKPOINT has its offset kept: finding row r reads at most CHECKPOINT - 1 rows before it. */
const CHECKPOINT = 32;
const FIRST_READ = 1 << 16;

/**
 * Reads a data row of a plain CSV file again, by its number, after the reader has passed it: the
 * offset of every CHECKPOINT-th row's record is kept while reading (8 bytes per 32 rows), and a
 * re-read scans from the nearest one, as the reader did (same scanner, same blank-row rule). For
 * the first row of a repeated key (`unique`), which is rare: the rows themselves are not kept.
 */
export class CsvRereader {
  private offsets = new Float64Array(1024);
  private lines = new Float64Array(1024);
  private rd = 0;
  private headerWidth = 0;

  constructor(
    private readonly path: string,
    private readonly delimiter: number,
    private readonly maxRecordSize: number,
  ) {}

  /** Notes where data row `row` starts, its offset and line (called for every row, in order). */
  place(row: number, offset: number, line: number): void {
    if ((row - 1) % CHECKPOINT !== 0) return;
    const slot = (row - 1) / CHECKPOINT;
    if (slot >= this.offsets.length) {
      this.offsets = grown(this.offsets, this.offsets.length * 2);
      this.lines = grown(this.lines, this.lines.length * 2);
    }
    this.offsets[slot] = offset;
    this.lines[slot] = line;
  }

  /** What the reader learnt from the header: the record delimiter, and the width that decides what a blank row is. */
  start(rd: number, headerWidth: number): void {
    this.rd = rd;
    this.headerWidth = headerWidth;
  }

  /** The cells of data row `row` (1-based, already read) and the line it starts on. */
  row(row: number): { cells: string[]; line: number } {
    const slot = Math.floor((row - 1) / CHECKPOINT);
    const from = this.offsets[slot]!;
    const line = this.lines[slot]!;
    const skip = row - 1 - slot * CHECKPOINT;
    const fd = openSync(this.path, 'r');
    try {
      for (let size = FIRST_READ; ; size *= 2) {
        const buf = Buffer.alloc(size);
        const read = readSync(fd, buf, 0, size, from);
        const found = this.find(buf.subarray(0, read), skip, read < size, line);
        if (found) return found;
        // The file changed under the run.
        if (read < size) throw new DqcError('DQC_INPUT_CHANGED', { path: this.path }, { file: this.path });
      }
    } finally {
      closeSync(fd);
    }
  }

  /** The (skip + 1)-th data record in buf, whose first record is on `line`; null when buf ends first (and is not the end of the file). */
  private find(buf: Buffer, skip: number, eof: boolean, line: number): { cells: string[]; line: number } | null {
    const scanner = new CsvScanner(this.delimiter, this.maxRecordSize);
    scanner.resume(this.rd);
    const headerWidth = this.headerWidth;
    let left = skip;
    let found: { cells: string[]; line: number } | null = null;
    let bytes = buf;
    let at = line;
    const sink: FieldSink = {
      begin(scanned) {
        bytes = scanned;
      },
      record(kinds, positions, start, end) {
        if (found) return;
        const starts = at;
        // A record takes its line and one more per line break inside it (as the reader counts).
        at++;
        for (let p = bytes.indexOf(LF, start); p >= 0 && p < end; p = bytes.indexOf(LF, p + 1)) at++;
        if (headerWidth !== 1 && isBlankRecord(bytes, kinds, positions)) return;
        if (left-- > 0) return;
        const cells = recordTexts(bytes, kinds, positions);
        found = { cells, line: starts };
      },
      skipped() {},
    };
    scanner.pushFields(buf, sink);
    if (!found && eof) scanner.endFields(sink);
    return found;
  }
}
