// A worker thread of a row-parallel run (row-workers.ts): runs the value-only rules over the
// batches the main thread hands it, or over the byte ranges of a file (split-reading.ts) or the
// row groups of a Parquet file (group-reading.ts) it reads itself, and sends their findings back,
// positions and keys set. Messages are handled one after the other, the asynchronous ones (a
// Parquet group is read with awaits) included.
import { parentPort, workerData } from 'node:worker_threads';
import type { RangeEnd } from '../input/csv-range.js';
import { batchOf, snapshotOf } from '../input/row-batch.js';
import { serializeError, type FromRowWorker, type RowWorkerInput, type ToRowWorker } from './row-protocol.js';
import type { JudgedPiece } from './run.js';
import { ValueJudge } from './value-judge.js';

const port = parentPort!;
const input = workerData as RowWorkerInput;
const judge = new ValueJudge(input.options, input.rules);

let queue: Promise<void> = Promise.resolve();
port.on('message', (message: ToRowWorker) => {
  queue = queue.then(() => handle(message));
});

async function handle(message: ToRowWorker): Promise<void> {
  try {
    if (message.type === 'file') judge.bindFile(message.file, message.keyIndex, message.bindings, message.range);
    else if (message.type === 'batch') {
      const findings = judge.judge(batchOf(message.batch), message.base);
      port.postMessage({ type: 'done', seq: message.seq, findings } satisfies FromRowWorker);
    } else if (judge.readsGroups) {
      const pieces = judge.judgeGroup(message.from);
      for (let next = await pieces.next(); ; next = await pieces.next()) if (send(message.seq, next)) break;
    } else {
      // Each batch is copied to go (snapshot), so the reader may reuse its arrays.
      const pieces = judge.judgeRange(message.from, message.stops, false);
      for (let next = pieces.next(); ; next = pieces.next()) if (send(message.seq, next)) break;
    }
  } catch (error) {
    port.postMessage({ type: 'failed', error: serializeError(error) } satisfies FromRowWorker);
  }
}

/** Sends a range's next batch, or its end (then true). */
function send(seq: number, next: IteratorResult<JudgedPiece, RangeEnd>): boolean {
  if (next.done) {
    port.postMessage({ type: 'range-done', seq, end: next.value } satisfies FromRowWorker);
    return true;
  }
  const { batch, offsets, problems, findings } = next.value;
  const { snapshot, transfer } = snapshotOf(batch);
  port.postMessage({ type: 'range-batch', seq, batch: snapshot, offsets, problems, findings } satisfies FromRowWorker, [...transfer, offsets.buffer as ArrayBuffer]);
  return false;
}
port.postMessage({ type: 'ready' } satisfies FromRowWorker);
