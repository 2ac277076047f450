// What a rule-parallel run's threads say to each other (parallel.ts on the main thread, worker.ts in
// the others): the work handed to a worker, the pacing, and the results and errors sent back.
import { DqcError, type ErrorCode, type ErrorDetail, type ErrorLocation } from '../errors.js';
import type { FindingBatch } from './finding-batcher.js';
import type { GroupResult, RunOptions } from './run.js';

/** The part of RunOptions a worker needs (no callbacks). */
export type WorkerRunOptions = Omit<RunOptions, 'onProgress' | 'onFinding' | 'threads'>;

export interface WorkerInput {
  options: WorkerRunOptions;
  rules: number[];
  findings: boolean;
}

/**
 * With findings streamed, no thread may run more than this many rows ahead of the slowest one:
 * the findings held for the merge stay bounded (a few per row at most) whatever the rule costs.
 * It must stay well above ROW_TICK plus a chunk's rows (how stale a thread's watermark can be), or
 * the slowest thread could be made to wait for itself. Checked by hand with 1 << 14 on a 100k-row
 * defects file: same fix list on 1, 2 and 3 threads, no hang.
 */
export const PACE_WINDOW = 1 << 16;

/** Messages to a worker: how far it may read (rows) before it waits for the others. */
export interface AllowMessage {
  type: 'allow';
  position: number;
}

/** Messages from a worker (worker.ts). */
export type WorkerMessage =
  | ({ type: 'findings' } & FindingBatch)
  | { type: 'done'; result: GroupResult }
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
