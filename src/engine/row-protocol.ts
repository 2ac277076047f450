// What a row-parallel run's threads say to each other (row-workers.ts on the main thread,
// row-worker.ts in the others): the rules a worker runs, each file's binding, the batches, and the
// findings sent back.
import type { Finding } from '../model.js';
import type { BatchSnapshot } from '../input/row-batch.js';
import type { SerializedError, WorkerRunOptions } from './worker-protocol.js';

export interface RowWorkerInput {
  options: WorkerRunOptions;
  /** Indexes (in pack order) of the rules the worker runs: the value-only ones. */
  rules: number[];
}

/** A rule's place in a file: its columns' indexes and headers (-1 / null where absent). */
export interface RuleBinding {
  rule: number;
  indexes: number[];
  headers: (string | null)[];
}

export type ToRowWorker =
  | { type: 'file'; file: string; keyIndex: number; bindings: RuleBinding[] }
  | { type: 'batch'; seq: number; base: number; batch: BatchSnapshot };

/** One finding of a batch: the row position it was made at, its rule's index, the finding (key set). */
export type PositionedFinding = [position: number, rule: number, finding: Finding];

export type FromRowWorker =
  | { type: 'ready' }
  | { type: 'done'; seq: number; findings: PositionedFinding[] }
  | { type: 'failed'; error: SerializedError };
