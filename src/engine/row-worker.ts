// A worker thread of a row-parallel run (row-workers.ts): runs the value-only rules over the
// batches the main thread hands it and sends their findings back, positions and keys set.
import { parentPort, workerData } from 'node:worker_threads';
import type { AnyCheckType } from '../checks/define.js';
import { findCheckType } from '../checks/index.js';
import { batchOf, type RowBatch } from '../input/row-batch.js';
import type { SourceRow } from '../input/row.js';
import type { Finding } from '../model.js';
import { BatchRules } from './batch-rules.js';
import { RuleInstance } from './rule.js';
import type { FromRowWorker, PositionedFinding, RowWorkerInput, ToRowWorker } from './row-protocol.js';
import { serializeError } from './worker-protocol.js';

const port = parentPort!;
const input = workerData as RowWorkerInput;
const { options } = input;

const columnFormats = new Map<string, string>();
for (const [field, column] of Object.entries(options.pack.columns)) if (column.format) columnFormats.set(field, column.format);

let found: PositionedFinding[] = [];
let file = '';
let keyIndex = -1;
let row: SourceRow | null = null;
let position = 0;
let base = 0;

const instances = new Map<number, RuleInstance>();
for (const index of input.rules) {
  const rule = options.pack.rules[index]!;
  const onFinding = (finding: Finding): void => {
    if (row !== null && finding.row === row.row && finding.file === file) finding.key = keyIndex < 0 ? '' : row.text(keyIndex);
    found.push([position, index, finding]);
  };
  instances.set(index, new RuleInstance(rule, findCheckType(rule.check) as AnyCheckType, { asOfDay: options.asOfDay, columnFormats, onFinding }));
}

let rules: BatchRules | null = null;
const at = (batch: RowBatch, i: number): void => {
  row = batch.source(i);
  position = base + i + 1;
};

port.on('message', (message: ToRowWorker) => {
  try {
    if (message.type === 'file') {
      file = message.file;
      keyIndex = message.keyIndex;
      const bound = message.bindings.map(({ rule, indexes, headers }) => {
        const instance = instances.get(rule)!;
        instance.bind({ file, indexes, headers });
        return { instance, indexes };
      });
      rules = new BatchRules(bound, at);
      return;
    }
    base = message.base;
    found = [];
    rules!.run(batchOf(message.batch));
    row = null;
    port.postMessage({ type: 'done', seq: message.seq, findings: found } satisfies FromRowWorker);
  } catch (error) {
    port.postMessage({ type: 'failed', error: serializeError(error) } satisfies FromRowWorker);
  }
});
port.postMessage({ type: 'ready' } satisfies FromRowWorker);
