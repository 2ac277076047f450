import type { Worker } from 'node:worker_threads';
import { snapshotOf, type RowBatch } from '../input/row-batch.js';
import type { BatchWorkers, OrderedFinding } from './run.js';
import type { Finding } from '../model.js';
import type { ParquetRangeSpec, RangeSpec } from '../input/reader.js';
import { revive, type FromRowWorker, type PositionedFinding, type RowWorkerInput, type RuleBinding, type ToRowWorker, type WorkerRunOptions } from './row-protocol.js';
import { spawnWorker } from '../shared/spawn-worker.js';

/** Batches handed to one worker and not yet answered, at most: enough to keep it busy, few enough to bound memory. */
const IN_FLIGHT = 4;
/** Byte ranges handed to one worker and not yet read, at most (split-reading.ts): one being read, one waiting. */
const RANGES_IN_FLIGHT = 2;


interface Pending {
  local: { finding: Finding; position: number; rule: number; unrecorded?: true }[];
  remote: PositionedFinding[] | null;
}

interface Thread {
  worker: Worker;
  inFlight: number;
  ranges: number;
}

/** What a worker sends about a byte range it reads. */
export type RangeMessage = Extract<FromRowWorker, { type: 'range-batch' | 'range-done' }>;

/**
 * The other threads of a row-parallel run. The main thread reads the inputs, runs the rules that
 * keep state across rows (unique, fill rates, freshness, row counts) on every batch, and hands each
 * batch to the least busy worker, which runs the value-only rules over it. Findings come back per
 * batch and go out in the order one thread makes them: batch after batch, and in a batch by row,
 * then by the rule's place in the pack. Rows never need a merge step: each batch is judged whole
 * by one thread, and the stateful rules see every row, in order, on the main thread.
 */
export class RowWorkers implements BatchWorkers {
  private readonly threads: Thread[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextSeq = 0;
  private nextRelease = 0;
  private failure: Error | null = null;
  private wake: (() => void) | null = null;

  private release: (findings: OrderedFinding[]) => void = () => undefined;
  private nextRange = 0;
  /** Where the messages about byte ranges go (split-reading.ts). */
  onRange: ((message: RangeMessage) => void) | null = null;

  private constructor(private readonly remote: ReadonlySet<number>) {}

  /** The rules the workers run (by index in the pack). */
  get rules(): number[] {
    return [...this.remote];
  }

  /** How many worker threads there are. */
  get size(): number {
    return this.threads.length;
  }

  /** Starts `count` workers for the given rules of the pack (value-only ones); resolves once they are ready. */
  static async start(options: WorkerRunOptions, rules: number[], count: number): Promise<RowWorkers> {
    const pool = new RowWorkers(new Set(rules));
    const input: RowWorkerInput = { options, rules };
    const ready: Promise<void>[] = [];
    for (let t = 0; t < count; t++) {
      const worker = spawnWorker(new URL('./row-worker.js', import.meta.url), input);
      const thread: Thread = { worker, inFlight: 0, ranges: 0 };
      pool.threads.push(thread);
      ready.push(
        new Promise<void>((resolve) => {
          worker.on('message', (message: FromRowWorker) => {
            if (message.type === 'ready') resolve();
            else if (message.type === 'done') pool.done(thread, message.seq, message.findings);
            else if (message.type === 'range-batch' || message.type === 'range-done') pool.ranged(thread, message);
            else pool.fail(revive(message.error));
            resolve();
          });
          worker.on('error', (error) => {
            pool.fail(error);
            resolve();
          });
          worker.on('exit', (code) => {
            pool.fail(new Error(`worker thread exited with code ${code} before it finished`));
            resolve();
          });
        }),
      );
    }
    await Promise.all(ready);
    pool.check();
    return pool;
  }

  /** Where the findings of each batch go, in order, once the batch is back. */
  onRelease(release: (findings: OrderedFinding[]) => void): void {
    this.release = release;
  }

  /** Whether the workers run this rule (by its index in the pack). */
  runs(rule: number): boolean {
    return this.remote.has(rule);
  }

  /** The next batches (or byte ranges, or row groups) are of this file, where the workers' rules sit as given. */
  async bindFile(file: string, keyIndex: number, bindings: RuleBinding[], range: RangeSpec | ParquetRangeSpec | null = null): Promise<void> {
    await this.settle();
    for (const { worker } of this.threads) worker.postMessage({ type: 'file', file, keyIndex, bindings, range } satisfies ToRowWorker);
  }

  /**
   * Hands a byte range of the bound file to the worker with the fewest, if one has room; returns
   * its number (the messages about it carry it), or -1.
   */
  sendRange(from: number, stops: number[]): number {
    this.check();
    const thread = this.threads.reduce((a, b) => (b.ranges < a.ranges ? b : a));
    if (thread.ranges >= RANGES_IN_FLIGHT) return -1;
    thread.ranges++;
    const seq = this.nextRange++;
    thread.worker.postMessage({ type: 'range', seq, from, stops } satisfies ToRowWorker);
    return seq;
  }

  /** Hands on a batch's findings at once, in order: those of the main thread's rules and the others'. */
  deliver(local: Pending['local'], remote: PositionedFinding[]): void {
    this.release(merge({ local, remote }));
  }

  /** Waits for the next message from a worker. */
  async message(): Promise<void> {
    this.check();
    await new Promise<void>((resolve) => (this.wake = resolve));
    this.check();
  }

  /** Waits until every byte range handed out has been read (those no longer wanted too). */
  async settleRanges(): Promise<void> {
    while (this.threads.some((thread) => thread.ranges > 0)) await this.message();
  }

  /** Whether every worker has IN_FLIGHT batches: the main thread then judges the next batch whole itself. */
  get busy(): boolean {
    this.check();
    return this.threads.every((thread) => thread.inFlight >= IN_FLIGHT);
  }

  /** A batch the main thread judged whole (every rule): its findings go out in their turn. */
  judgedHere(local: Pending['local']): void {
    this.check();
    const seq = this.nextSeq++;
    this.pending.set(seq, { local, remote: [] });
    this.releaseReady();
  }

  /**
   * Hands a batch (its first row at position base + 1) to a worker, with the findings the main
   * thread's rules made on it; waits while every worker has IN_FLIGHT batches.
   */
  async dispatch(batch: RowBatch, base: number, local: Pending['local']): Promise<void> {
    for (;;) {
      this.check();
      const thread = this.threads.reduce((a, b) => (b.inFlight < a.inFlight ? b : a));
      if (thread.inFlight < IN_FLIGHT) {
        const seq = this.nextSeq++;
        this.pending.set(seq, { local, remote: null });
        thread.inFlight++;
        const { snapshot, transfer } = snapshotOf(batch);
        thread.worker.postMessage({ type: 'batch', seq, base, batch: snapshot } satisfies ToRowWorker, transfer);
        return;
      }
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  /** Waits until every batch handed out has come back and its findings have gone out. */
  async settle(): Promise<void> {
    while (this.nextRelease < this.nextSeq) {
      this.check();
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
    this.check();
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
  }

  private ranged(thread: Thread, message: RangeMessage): void {
    if (message.type === 'range-done') thread.ranges--;
    try {
      this.onRange?.(message);
    } catch (error) {
      this.fail(error instanceof Error ? error : new Error(String(error)));
    }
    this.awaken();
  }

  private done(thread: Thread, seq: number, findings: PositionedFinding[]): void {
    thread.inFlight--;
    const pending = this.pending.get(seq);
    if (pending) pending.remote = findings;
    this.releaseReady();
    this.awaken();
  }

  /** Hands on the findings of every batch that is complete and next in turn. */
  private releaseReady(): void {
    try {
      for (let next = this.pending.get(this.nextRelease); next?.remote; next = this.pending.get(this.nextRelease)) {
        this.pending.delete(this.nextRelease++);
        this.release(merge(next));
      }
    } catch (error) {
      this.fail(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.awaken();
  }

  private awaken(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }
}

/** A batch's findings from both sides, by row, then by rule; a rule's own findings keep their order (stable sort). */
function merge(pending: Pending): OrderedFinding[] {
  const all: OrderedFinding[] = pending.local.map((f) => ({ ...f, remote: false }));
  for (const [position, rule, finding] of pending.remote!) all.push({ finding, position, rule, remote: true });
  all.sort((a, b) => a.position - b.position || a.rule - b.rule);
  return all;
}
