import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { spawnWorker } from './spawn.js';
import { DqcError } from '../errors.js';
import type { InputResult, RuleResult } from '../report/model.js';
import { FindingOrder } from './finding-order.js';
import { groupRules } from './rule-groups.js';
import { ROW_TICK, runGroup, type GroupResult, type RunOptions } from './run.js';
import { PACE_WINDOW, revive, type AllowMessage, type WorkerInput, type WorkerMessage } from './worker-protocol.js';

/**
 * Rule-parallel runs. Each thread reads and parses the inputs itself and runs a share of the
 * rules over every row, in row order, so every check (stateful ones such as `unique` and
 * `same-person` included) sees exactly what it sees in one thread, and no row has to cross
 * threads. What crosses is small: the rule results at the end, and the findings when the caller
 * streams them (a fix list), merged back into one-thread order by FindingOrder.
 *
 * Why not split the rows: rows cannot cross threads cheaply (structured clone costs more than the
 * checks), byte ranges can only be split after a quote-aware scan, and stateful checks would need
 * a merge step each. The price of this design is the parse, repeated per thread (docs/benchmarks.md).
 */

/** Inputs smaller than this together run on one thread: a worker costs ~100 ms to start. */
export const AUTO_MIN_BYTES = 16 * 1024 * 1024;
export const MAX_AUTO_THREADS = 4;
/** The most threads asked for (--threads, DQC_THREADS): each one reads the whole input. */
export const MAX_THREADS = 64;

/** Threads for this run: as asked (--threads, DQC_THREADS), else one per core (up to 4) for inputs of 16 MB or more. */
export async function chooseThreads(options: RunOptions): Promise<number> {
  const rules = options.pack.rules.length;
  const asked = options.threads;
  if (asked !== undefined && Number.isInteger(asked) && asked >= 1) return Math.max(1, Math.min(asked, rules, MAX_THREADS));
  const cores = availableParallelism();
  if (cores < 2 || rules < 2) return 1;
  let bytes = 0;
  for (const path of options.inputs) {
    try {
      bytes += (await stat(path)).size;
    } catch {
      return 1; // the single-thread run reports the missing file
    }
  }
  return bytes < AUTO_MIN_BYTES ? 1 : Math.min(cores, MAX_AUTO_THREADS, rules);
}

function createWorker(workerData: WorkerInput): Worker {
  return spawnWorker('worker', workerData);
}

interface RunningWorker {
  worker: Worker;
  done: Promise<GroupResult>;
}

function startWorker(
  options: RunOptions,
  rules: number[],
  source: number,
  order: FindingOrder | null,
  onFailure: (error: Error) => void,
  onAdvance: () => void,
): RunningWorker {
  const { onProgress: _p, onFinding: _f, threads: _t, ...plain } = options;
  const input: WorkerInput = { options: plain, rules, findings: order !== null };
  const worker = createWorker(input);
  const done = new Promise<GroupResult>((resolve, reject) => {
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      onFailure(error);
      reject(error);
    };
    worker.on('message', (message: WorkerMessage) => {
      try {
        if (message.type === 'findings') {
          for (const [position, rule, finding] of message.items) order!.push(source, position, rule, finding);
          order!.advance(source, message.watermark);
          order!.flush(); // may write the fix list: its errors fail the run, they must not escape this handler
          onAdvance();
        } else if (message.type === 'done') {
          settled = true;
          resolve(message.result);
        } else fail(revive(message.error));
      } catch (error) {
        fail(error instanceof Error ? error : new Error(String(error)));
      }
    });
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`worker thread exited with code ${code} before it finished`)));
  });
  // Awaited by runParallel, except when the run already failed elsewhere: no unhandled rejection then.
  done.catch(() => undefined);
  return { worker, done };
}

/** Runs the pack's rules on `threads` threads (this one included) and puts the results together. */
export async function runParallel(options: RunOptions, threads: number): Promise<GroupResult> {
  const groups = groupRules(options.pack.rules, threads);
  const onFinding = options.onFinding;
  const order = onFinding ? new FindingOrder(groups.length, onFinding) : null;
  let failure: Error | null = null;
  const workers: RunningWorker[] = [];
  /** Wakes this thread when it waits for the others (pace) and something changed. */
  let wake: (() => void) | null = null;
  let allowed = 0;

  /** The slowest thread moved: let the workers read further, and this thread too. */
  const onAdvance = (): void => {
    if (!order) return;
    const next = order.low + PACE_WINDOW;
    if (next >= allowed + ROW_TICK) {
      allowed = next;
      for (const w of workers) w.worker.postMessage({ type: 'allow', position: next } satisfies AllowMessage);
    }
    wake?.();
  };
  const onFailure = (error: Error): void => {
    failure ??= error;
    wake?.();
  };

  try {
    for (let g = 1; g < groups.length; g++) workers.push(startWorker(options, groups[g]!, g, order, onFailure, onAdvance));
    const mine = await runGroup(options, {
      rules: new Set(groups[0]),
      primary: true,
      sink: order ? (finding, position, rule) => order.push(0, position, rule, finding) : undefined,
      onTick: (position) => {
        if (failure) throw failure; // a worker failed: stop reading, the run is lost anyway
        if (order) {
          order.advance(0, position + 1);
          order.flush();
          onAdvance();
        }
      },
      pace: order
        ? (position) => {
            if (failure) throw failure;
            if (position <= order.low + PACE_WINDOW) return undefined;
            return (async () => {
              while (!failure && position > order.low + PACE_WINDOW) await new Promise<void>((resolve) => (wake = resolve));
              wake = null;
              if (failure) throw failure;
            })();
          }
        : undefined,
    });
    if (order) {
      order.advance(0, Number.POSITIVE_INFINITY);
      order.flush();
      onAdvance();
    }
    const theirs = await Promise.all(workers.map((w) => w.done));
    if (order) {
      order.flush();
      if (order.pending > 0) throw new Error(`parallel run kept ${order.pending} findings unmerged`);
    }
    return merge(mine, theirs, options);
  } finally {
    await Promise.all(workers.map((w) => w.worker.terminate()));
  }
}

function merge(mine: GroupResult, theirs: GroupResult[], options: RunOptions): GroupResult {
  const results: (RuleResult | undefined)[] = [...mine.results];
  for (const other of theirs) {
    // Every thread read the inputs on its own: they must have read the same bytes.
    other.inputs.forEach((input: InputResult, i) => {
      const own = mine.inputs[i];
      if (!own || own.sha256 !== input.sha256 || own.rows !== input.rows) {
        throw new DqcError('DQC_INPUT_CHANGED', { path: input.path }, { file: input.path });
      }
    });
    other.results.forEach((result, i) => {
      if (result) results[i] = result;
    });
  }
  if (results.some((result) => result === undefined) || results.length !== options.pack.rules.length) {
    throw new Error('parallel run lost a rule result');
  }
  return { ...mine, results };
}
