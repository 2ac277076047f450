import type { RangeEnd } from '../input/csv-range.js';
import type { ParquetSplit, ReadCounts } from '../input/reader.js';
import { ByteBatch } from '../input/row-batch.js';
import { moved, renumbered } from './range-numbering.js';
import type { RangeMessage, RowWorkers } from './row-workers.js';
import type { JudgedPiece } from './run.js';
import type { ValueJudge } from './value-judge.js';

interface Slot {
  pieces: JudgedPiece[];
  end: RangeEnd | null;
}

/**
 * A Parquet file read by row groups on every thread (input/parquet-groups.ts): a thread decodes the
 * groups it is handed into byte batches and judges them with the value-only rules; this thread
 * takes the batches in file order, renumbers them by the rows before their group, and hands each
 * to `take` (the rules that look across rows), as split reading does with a CSV file's ranges.
 * This thread reads a group itself (`here`) only when it has no batch to take and one is left: the
 * rules it runs keep it busy most of the time. A group that cannot be decoded ends the reading
 * there (its problem said, the rows before it kept).
 */
export async function readGroups(split: ParquetSplit, pool: RowWorkers, here: ValueJudge, take: (piece: JudgedPiece) => void): Promise<ReadCounts> {
  const slots: Slot[] = Array.from({ length: split.groups }, () => ({ pieces: [], end: null }));
  const bySeq = new Map<number, Slot>();
  pool.onRange = (message: RangeMessage) => {
    const slot = bySeq.get(message.seq);
    if (!slot) return;
    if (message.type === 'range-done') slot.end = message.end;
    else {
      const { batch, offsets, problems, findings } = message;
      slot.pieces.push({ batch: ByteBatch.of(batch as Extract<typeof batch, { kind: 'bytes' }>), offsets, problems, findings });
    }
  };

  // This thread's own group, read in the gaps: its batches go to its slot as they are made.
  let local: Promise<void> | null = null;
  let localFailure: unknown = null;
  let stopped = false;
  let wakeLocal: (() => void) | null = null;
  const progress = () => new Promise<void>((resolve) => (wakeLocal = resolve));
  const woken = () => {
    const wake = wakeLocal;
    wakeLocal = null;
    wake?.();
  };
  function readHere(slot: Slot, group: number): void {
    local = (async () => {
      const pieces = here.judgeGroup(group);
      for (let next = await pieces.next(); !stopped; next = await pieces.next()) {
        if (next.done) {
          slot.end = next.value;
          break;
        }
        slot.pieces.push(next.value);
        woken();
      }
    })()
      .catch((error: unknown) => {
        localFailure = error;
      })
      .finally(() => {
        local = null;
        woken();
      });
  }

  const counts: ReadCounts = { rows: 0, rejected: 0, blankRows: 0, complete: true };
  let next = 0;
  let current = 0;
  // Groups read ahead of the one taken, at most: two a thread. A worker's count of groups in hand
  // drops when it has read one, not when this thread has taken it, so without this bound a slower
  // main thread would gather the whole file's batches.
  const ahead = 2 * (pool.size + 1);
  try {
    while (current < slots.length) {
      if (localFailure) throw localFailure;
      while (next < slots.length && next < current + ahead) {
        const seq = pool.sendRange(next, []);
        if (seq < 0) break;
        bySeq.set(seq, slots[next]!);
        next++;
      }
      const slot = slots[current]!;
      const piece = slot.pieces.shift();
      if (piece) {
        take(renumbered(piece, counts.rows, counts.rows));
        // A look at the other threads between batches: a group they finished meanwhile makes room
        // for the next one, so they never wait for this thread to run out of batches.
        await new Promise((resolve) => setImmediate(resolve));
        continue;
      }
      if (!slot.end) {
        if (!local && next < slots.length && next < current + ahead) readHere(slots[next]!, next++);
        else await Promise.race([pool.message(), progress()]);
        continue;
      }
      const { end } = slot;
      for (const problem of end.problems) split.report(moved(problem, counts.rows, counts.rows));
      counts.rows += end.counts.rows;
      if (!end.counts.complete) {
        counts.complete = false;
        break;
      }
      current++;
    }
  } finally {
    stopped = true;
    await local;
    bySeq.clear();
    pool.onRange = null;
  }
  await pool.settleRanges();
  return counts;
}
