import type { ParquetSplit, ReadCounts } from '../input/reader.js';
import { ByteBatch } from '../input/row-batch.js';
import type { JudgedPiece } from './run.js';
import type { RangeMessage, RowWorkers } from './row-workers.js';
import { moved, renumbered } from './range-numbering.js';

/**
 * A Parquet file read by row groups on the workers (input/parquet-groups.ts): each worker decodes
 * the groups it is handed into byte batches and judges them with the value-only rules; this thread
 * takes the batches in file order, renumbers them by the rows before their group, and hands each
 * to `take` (the rules that look across rows), as split reading does with a CSV file's ranges. This
 * thread reads no group itself: the rules it runs keep it busy, and decoding is the work to move.
 * A group that cannot be decoded ends the reading there (its problem said, the rows before it kept).
 */
export async function readGroups(split: ParquetSplit, pool: RowWorkers, take: (piece: JudgedPiece) => void): Promise<ReadCounts> {
  const slots = Array.from({ length: split.groups }, () => ({ pieces: [] as JudgedPiece[], end: null as RangeMessage & { type: 'range-done' } | null, seq: -1 }));
  const bySeq = new Map<number, (typeof slots)[number]>();
  pool.onRange = (message: RangeMessage) => {
    const slot = bySeq.get(message.seq);
    if (!slot) return;
    if (message.type === 'range-done') slot.end = message;
    else {
      const { batch, offsets, problems, findings } = message;
      slot.pieces.push({ batch: ByteBatch.of(batch as Extract<typeof batch, { kind: 'bytes' }>), offsets, problems, findings });
    }
  };
  const counts: ReadCounts = { rows: 0, rejected: 0, blankRows: 0, complete: true };
  let next = 0;
  let current = 0;
  try {
    while (current < slots.length) {
      while (next < slots.length) {
        const seq = pool.sendRange(next, []);
        if (seq < 0) break;
        bySeq.set(seq, slots[next]!);
        next++;
      }
      const slot = slots[current]!;
      const piece = slot.pieces.shift();
      if (piece) {
        take(renumbered(piece, counts.rows, counts.rows));
        // A look at the workers' messages between batches: a group they finished meanwhile makes
        // room for the next one, so they never wait for this thread to run out of batches.
        await new Promise((resolve) => setImmediate(resolve));
        continue;
      }
      if (!slot.end) {
        await pool.message();
        continue;
      }
      const { end } = slot.end;
      for (const problem of end.problems) split.report(moved(problem, counts.rows, counts.rows));
      counts.rows += end.counts.rows;
      if (!end.counts.complete) {
        counts.complete = false;
        break;
      }
      current++;
    }
  } finally {
    bySeq.clear();
    pool.onRange = null;
  }
  await pool.settleRanges();
  return counts;
}
