import { cutPoints, type RangeEnd } from '../input/csv-range.js';
import { isParquetSplit, type CsvSplit, type TableSplit } from '../input/reader.js';
import type { ReadCounts } from '../input/reader.js';
import { ByteBatch } from '../input/row-batch.js';
import type { JudgedPiece, RangeReader } from './run.js';
import type { RuleBinding, WorkerRunOptions } from './row-protocol.js';
import { readGroups } from './group-reading.js';
import { moved, renumbered } from './range-numbering.js';
import { ValueJudge } from './value-judge.js';
import type { RangeMessage, RowWorkers } from './row-workers.js';

/**
 * A plain CSV file read by every thread at once, each its own byte ranges (csv-range.ts): the
 * workers and this thread read a range, judge its batches with the value-only rules (ValueJudge)
 * and hold them; this thread takes the ranges' batches in file order, renumbers their rows, lines,
 * positions and problems by what came before, and hands each to `take`, which runs the rules that
 * look across rows (unique, fill rates, freshness …) and hands the findings on. So the rules keep
 * seeing rows in file order, and findings, samples and fix lists are those of one thread.
 *
 * A cut is a guess (right after a line feed). A range reads on past its end until a record ends
 * exactly at a later range's start: a cut that fell inside a quoted line break is found so, and
 * the ranges it skipped are dropped, unused.
 */

/** Ranges per thread, about: small enough that the last ones keep every thread busy to the end. */
const RANGES_PER_THREAD = 6;
const MIN_RANGE_BYTES = 2 << 20;
const MAX_RANGE_BYTES = 8 << 20;

/**
 * Reading by ranges for a row-parallel run: the workers of `pool`, and this thread's own judge of
 * the value-only rules. `bytes` forces the size of the ranges (tests cut small files into many).
 */
export class RangeReading implements RangeReader {
  private readonly here: ValueJudge;

  constructor(
    private readonly pool: RowWorkers,
    options: WorkerRunOptions,
    private readonly bytes?: number,
  ) {
    this.here = new ValueJudge(options, pool.rules);
  }

  get minBytes(): number {
    return this.bytes ? 0 : 2 * MIN_RANGE_BYTES;
  }

  async read(split: TableSplit, file: string, keyIndex: number, bindings: RuleBinding[], take: (piece: JudgedPiece) => void): Promise<ReadCounts> {
    if (isParquetSplit(split)) {
      const spec = { kind: 'parquet' as const, path: split.path, forms: split.forms };
      await this.pool.bindFile(file, keyIndex, bindings, spec);
      this.here.bindFile(file, keyIndex, bindings, spec);
      return readGroups(split, this.pool, this.here, take);
    }
    const { path, size, delimiter, maxFieldSize, rd, header, decodeErrors } = split;
    const spec = { path, size, delimiter, maxFieldSize, rd, header: [...header], decodeErrors };
    await this.pool.bindFile(file, keyIndex, bindings, spec);
    this.here.bindFile(file, keyIndex, bindings, spec);
    const bytes = this.bytes ?? rangeBytes(size - split.start, this.pool.size + 1);
    return readSplit(split, bytes, this.pool, this.here, take);
  }
}

/** How big the ranges of a file's data should be: bytes of data, threads in all (this one included). */
export function rangeBytes(bytes: number, threads: number): number {
  return Math.max(MIN_RANGE_BYTES, Math.min(MAX_RANGE_BYTES, Math.ceil(bytes / (threads * RANGES_PER_THREAD))));
}

interface Slot {
  from: number;
  /** Not handed out yet, read by a worker, read here, or not wanted (a range before it read past its start). */
  where: 'new' | 'remote' | 'here' | 'dropped';
  pieces: JudgedPiece[];
  end: RangeEnd | null;
}

/**
 * Reads the split file's data by ranges of about `bytes` (rangeBytes), and gives each batch to
 * `take` in file order: its rows and lines numbered in the file, its findings' positions the rows'
 * numbers. Returns the reader's counts.
 */
export async function readSplit(
  split: CsvSplit,
  bytes: number,
  pool: RowWorkers,
  here: ValueJudge,
  take: (piece: JudgedPiece) => void,
): Promise<ReadCounts> {
  const starts = cutPoints(split.path, split.start, split.size, bytes);
  const stops = [...starts.slice(1), split.size];
  const slots: Slot[] = starts.map((from) => ({ from, where: 'new', pieces: [], end: null }));
  const bySeq = new Map<number, Slot>();
  pool.onRange = (message: RangeMessage) => {
    const slot = bySeq.get(message.seq);
    if (!slot || slot.where === 'dropped') return;
    if (message.type === 'range-done') slot.end = message.end;
    else {
      const { batch, offsets, problems, findings } = message;
      slot.pieces.push({ batch: ByteBatch.of(batch as Extract<typeof batch, { kind: 'bytes' }>), offsets, problems, findings });
    }
  };

  const counts: ReadCounts = { rows: 0, rejected: 0, blankRows: 0, complete: true };
  let lines = split.line;
  let next = 0;
  let current = 0;
  let local: Generator<JudgedPiece, RangeEnd> | null = null;
  let localSlot: Slot | null = null;
  try {
    for (;;) {
      while (next < slots.length && slots[next]!.where === 'new') {
        const seq = pool.sendRange(slots[next]!.from, stops.slice(next));
        if (seq < 0) break;
        bySeq.set(seq, slots[next]!);
        slots[next++]!.where = 'remote';
      }
      const slot = slots[current]!;
      for (let piece = slot.pieces.shift(); piece; piece = slot.pieces.shift()) take(renumbered(piece, counts.rows, lines));
      if (slot.end) {
        const end = slot.end;
        for (const problem of end.problems) split.report(moved(problem, counts.rows, lines));
        counts.rows += end.counts.rows;
        counts.rejected += end.counts.rejected;
        counts.blankRows += end.counts.blankRows;
        lines += end.lines;
        if (!end.counts.complete) counts.complete = false;
        const after = end.end >= split.size || !end.counts.complete ? slots.length : slots.findIndex((s, k) => k > current && s.from === end.end);
        if (after < 0) throw new Error(`a range of ${split.path} ended at ${end.end}, where no range starts`);
        for (let k = current + 1; k < after; k++) drop(slots[k]!);
        if (after >= slots.length) break;
        current = after;
        next = Math.max(next, after);
        continue;
      }
      if (local && localSlot?.where === 'dropped') {
        local.return(undefined as unknown as RangeEnd);
        local = null;
      }
      if (local) {
        // A batch of this thread's own range, then a look at what the workers sent meanwhile.
        const step = local.next();
        if (step.done) {
          localSlot!.end = step.value;
          local = null;
        } else localSlot!.pieces.push(step.value);
        await new Promise((resolve) => setImmediate(resolve));
        continue;
      }
      if (next < slots.length && slots[next]!.where === 'new') {
        localSlot = slots[next]!;
        localSlot.where = 'here';
        local = here.judgeRange(localSlot.from, stops.slice(next));
        next++;
        continue;
      }
      await pool.message();
    }
  } finally {
    for (const slot of slots) drop(slot);
    local?.return(undefined as unknown as RangeEnd);
    pool.onRange = null;
  }
  await pool.settleRanges();
  return counts;
}

function drop(slot: Slot): void {
  slot.where = 'dropped';
  slot.pieces = [];
}
