// A worker thread of a row-parallel run (row-workers.ts): runs the value-only rules over the
// batches the main thread hands it, or over the byte ranges of a file it reads itself
// (split-reading.ts), and sends their findings back, positions and keys set.
import { parentPort, workerData } from 'node:worker_threads';
import { batchOf, snapshotOf } from '../input/row-batch.js';
import { serializeError, type FromRowWorker, type RowWorkerInput, type ToRowWorker } from './row-protocol.js';
import { ValueJudge } from './value-judge.js';

const port = parentPort!;
const input = workerData as RowWorkerInput;
const judge = new ValueJudge(input.options, input.rules);

port.on('message', (message: ToRowWorker) => {
  try {
    if (message.type === 'file') judge.bindFile(message.file, message.keyIndex, message.bindings, message.range);
    else if (message.type === 'batch') {
      const findings = judge.judge(batchOf(message.batch), message.base);
      port.postMessage({ type: 'done', seq: message.seq, findings } satisfies FromRowWorker);
    } else {
      const { seq } = message;
      // Each batch is copied to go (snapshot), so the reader may reuse its arrays.
      const pieces = judge.judgeRange(message.from, message.stops, false);
      for (let next = pieces.next(); ; next = pieces.next()) {
        if (next.done) {
          port.postMessage({ type: 'range-done', seq, end: next.value } satisfies FromRowWorker);
          break;
        }
        const { batch, offsets, problems, findings } = next.value;
        const { snapshot, transfer } = snapshotOf(batch);
        port.postMessage({ type: 'range-batch', seq, batch: snapshot, offsets, problems, findings } satisfies FromRowWorker, [...transfer, offsets.buffer as ArrayBuffer]);
      }
    }
  } catch (error) {
    port.postMessage({ type: 'failed', error: serializeError(error) } satisfies FromRowWorker);
  }
});
port.postMessage({ type: 'ready' } satisfies FromRowWorker);
