// What a row-parallel run's threads say to each other (row-workers.ts on the main thread,
// row-worker.ts in the others): the rules a worker runs, each file's binding, the batches, and the
// findings sent back.
import { DqcError, type ErrorCode, type ErrorDetail, type ErrorLocation } from '../errors.js';
import type { Finding } from '../model.js';
import type { RangeEnd } from '../input/csv-range.js';
import type { ParquetRangeSpec, RangeSpec } from '../input/reader.js';
import type { InputProblem } from '../input/problems.js';
import type { BatchSnapshot } from '../input/row-batch.js';
import type { RunOptions } from './run.js';

/** The part of RunOptions a worker needs (no callbacks). */
export type WorkerRunOptions = Omit<RunOptions, 'onProgress' | 'onFinding' | 'threads'>;

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
  | { type: 'file'; file: string; keyIndex: number; bindings: RuleBinding[]; range: RangeSpec | ParquetRangeSpec | null }
  | { type: 'batch'; seq: number; base: number; batch: BatchSnapshot }
  /**
   * Read and judge this byte range of the file (split-reading.ts), up to the first of `stops` a
   * record ends at; of a Parquet file, row group `from` (group-reading.ts).
   */
  | { type: 'range'; seq: number; from: number; stops: number[] };

/** One finding of a batch: the row position it was made at, its rule's index, the finding (key set). */
export type PositionedFinding = [position: number, rule: number, finding: Finding];

export type FromRowWorker =
  | { type: 'ready' }
  | { type: 'done'; seq: number; findings: PositionedFinding[] }
  | { type: 'range-batch'; seq: number; batch: BatchSnapshot; offsets: Float64Array; problems: InputProblem[]; findings: PositionedFinding[] }
  | { type: 'range-done'; seq: number; end: RangeEnd }
  | { type: 'failed'; error: SerializedError };

export interface SerializedError {
  message: string;
  dqc?: { code: ErrorCode; data: DqcError['data']; location?: ErrorLocation; details: readonly ErrorDetail[] };
}

export function serializeError(error: unknown): SerializedError {
  if (error instanceof DqcError) {
    return { message: error.message, dqc: { code: error.code, data: error.data, location: error.location, details: error.details } };
  }
  return { message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}

export function revive(error: SerializedError): Error {
  if (error.dqc) return new DqcError(error.dqc.code, error.dqc.data, error.dqc.location, error.dqc.details);
  return new Error(`worker thread failed: ${error.message}`);
}
