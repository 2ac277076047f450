// A plain CSV file read by several threads at once, each its own byte ranges (the engine's
// split-reading.ts). Here: where a file may be cut, and the reading of one range, numbered from 0.
import { isUtf8 } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';
import { DqcError } from '../errors.js';
import { CsvRecords } from './csv-records.js';
import { CsvScanner, LF } from './csv-scanner.js';
import { BatchSink } from './fast-csv.js';
import type { InputProblem } from './problems.js';
import type { RangeSpec, ReadCounts } from './reader.js';
import { completeUtf8Length, REPLACEMENT_CHARACTER, type TextSource } from './source.js';
import { ByteBatch } from './row-batch.js';

/** Input bytes read and scanned at a time in a range: one batch. */
const RANGE_READ_BYTES = 4 << 20;

/** One batch read in a range, with the offset of each of its rows and the problems found while reading them. */
export interface RangePiece {
  batch: ByteBatch;
  offsets: Float64Array;
  problems: InputProblem[];
}

/** How a range ended: where (a record boundary), its counts, its lines, its last problems. */
export interface RangeEnd {
  end: number;
  counts: ReadCounts;
  lines: number;
  problems: InputProblem[];
}

/**
 * Where to cut [start, size) into ranges of about `bytes` each: right after a line feed. A cut may
 * fall inside a quoted field that spans lines; the range before it then finds no record boundary
 * there and reads on (readRange), and the range that started at the cut is not used. Quoted line
 * breaks are rare in exports, and a wrong guess costs time, never a different result.
 */
export function cutPoints(path: string, start: number, size: number, bytes: number): number[] {
  const starts = [start];
  const fd = openSync(path, 'r');
  try {
    const probe = Buffer.alloc(64 << 10);
    for (let at = start + bytes; at < size - bytes / 2; ) {
      const read = readSync(fd, probe, 0, probe.length, at);
      const lf = probe.subarray(0, read).indexOf(LF);
      if (lf < 0) {
        at += read;
        if (read === 0) break;
        continue;
      }
      const cut = at + lf + 1;
      if (cut >= size) break;
      starts.push(cut);
      at = cut + bytes;
    }
  } finally {
    closeSync(fd);
  }
  return starts;
}

/**
 * Reads one range of a split file, from `from` (a record boundary, or a guess at one) to the first
 * of `stops` (later ranges' starts, then the file's size) where a record ends exactly: the cut
 * after it was a true boundary. Rows, lines and problems are numbered from 0 (the caller moves
 * them on); each batch is yielded as it is read. `keep`: the batches are the caller's to keep;
 * else a batch is valid until the next is asked for (its arrays are reused: a caller that copies
 * them, to send them to another thread, spares their garbage).
 */
export function* readRange(spec: RangeSpec, from: number, stops: readonly number[], keep = true): Generator<RangePiece, RangeEnd> {
  const counts: ReadCounts = { rows: 0, rejected: 0, blankRows: 0, complete: true };
  let problems: InputProblem[] = [];
  const source = { decodeErrors: spec.decodeErrors, stats: { encoding: 'utf-8' } };
  const lines = new CsvRecords(source as TextSource, counts, (problem) => problems.push(problem), spec.maxFieldSize);
  lines.header = [...spec.header];
  let stopped = false;
  let offsets: number[] = [];
  const sink = new BatchSink(lines, source as TextSource, counts, () => (stopped = true), (_row, offset) => offsets.push(offset));
  sink.headerTaken = true;
  sink.deferring = false;
  const scanner = new CsvScanner(spec.delimiter, spec.maxFieldSize);
  scanner.resume(spec.rd, from);

  /** The batch read so far, if it has anything; the sink goes on with a new one (or the same, emptied, when not kept). */
  const take = (): RangePiece | null => {
    const batch = sink.batch;
    const piece = batch.length > 0 || problems.length > 0 ? { batch, offsets: Float64Array.from(offsets), problems } : null;
    problems = [];
    offsets = [];
    if (keep) sink.batch = new ByteBatch();
    return piece;
  };

  const fd = openSync(spec.path, 'r');
  let tail: Buffer = Buffer.alloc(0);
  let at = from;
  try {
    let s = 0;
    for (;;) {
      while (s < stops.length && stops[s]! <= at) s++;
      const stop = Math.min(stops[s] ?? spec.size, spec.size);
      // Its own ArrayBuffer, whole: the batch over it goes to the main thread without a copy.
      const chunk = Buffer.allocUnsafeSlow(Math.min(RANGE_READ_BYTES, stop - at));
      for (let got = 0; got < chunk.length; ) {
        const read = readSync(fd, chunk, got, chunk.length - got, at + got);
        if (read === 0) throw new DqcError('DQC_INPUT_CHANGED', { path: spec.path }, { file: spec.path });
        got += read;
      }
      if (!source.decodeErrors) tail = watchUtf8(source, tail, chunk);
      at += chunk.length;
      scanner.pushFields(chunk, sink);
      let piece = take();
      if (piece) yield piece;
      if (stopped) break;
      if (at === spec.size) {
        if (tail.length > 0) source.decodeErrors = true;
        scanner.endFields(sink);
        piece = take();
        if (piece) yield piece;
        break;
      }
      if (at === stop && scanner.atRecordStart) break;
    }
  } finally {
    closeSync(fd);
  }
  return { end: at, counts, lines: lines.lastEndLine, problems };
}

/** What source.ts does with a UTF-8 file's chunks: notes invalid bytes or a U+FFFD; returns the unfinished character at the end. */
function watchUtf8(source: { decodeErrors: boolean }, tail: Buffer, chunk: Buffer): Buffer {
  if (tail.length > 0) {
    // The character cut between two chunks, checked on its own: no copy of the chunk.
    const data = Buffer.concat([tail, chunk.subarray(0, 4)]);
    const whole = completeUtf8Length(data);
    if (whole < tail.length) return data; // a chunk of a byte or two: still unfinished
    const head = data.subarray(0, whole);
    if (!isUtf8(head) || head.includes(REPLACEMENT_CHARACTER)) source.decodeErrors = true;
    chunk = chunk.subarray(whole - tail.length);
  }
  const cut = completeUtf8Length(chunk);
  if (!isUtf8(chunk.subarray(0, cut)) || chunk.includes(REPLACEMENT_CHARACTER)) source.decodeErrors = true;
  return Buffer.from(chunk.subarray(cut));
}
