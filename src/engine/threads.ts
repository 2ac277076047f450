import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { RunOptions } from './run.js';

/** Inputs smaller than this together run on one thread: a worker costs ~100 ms to start. */
export const AUTO_MIN_BYTES = 16 * 1024 * 1024;
export const MAX_AUTO_THREADS = 4;
/** The most threads asked for (--threads, DQC_THREADS). */
export const MAX_THREADS = 64;

/** Threads for this run: as asked (--threads, DQC_THREADS), else one per core (up to 4) for inputs of 16 MB or more. */
export async function chooseThreads(options: RunOptions): Promise<number> {
  const asked = options.threads;
  if (asked !== undefined && Number.isInteger(asked) && asked >= 1) return Math.max(1, Math.min(asked, MAX_THREADS));
  const cores = availableParallelism();
  if (cores < 2) return 1;
  let bytes = 0;
  for (const path of options.inputs) {
    try {
      bytes += (await stat(path)).size;
    } catch {
      return 1; // the single-thread run reports the missing file
    }
  }
  return bytes < AUTO_MIN_BYTES ? 1 : Math.min(cores, MAX_AUTO_THREADS);
}
