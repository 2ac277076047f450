// The matching thread's side of the pair worker (pair-worker.ts): one request at a time, its answer
// as a promise; a worker that fails or stops rejects the request it was working on.

import type { Worker } from 'node:worker_threads';
import type { LinkOptions } from './link-passes.js';
import type { ModelParams } from './model.js';
import type { PairJobResult, PairReply, PairRequest, PairWorkerData } from './pair-job.js';
import type { PersonStore } from './records.js';
import { spawnWorker } from '../../shared/spawn-worker.js';

export class PairHelper {
  private pending: { resolve: (reply: PairReply) => void; reject: (error: Error) => void } | null = null;
  private failure: Error | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (reply: PairReply) => {
      const pending = this.pending;
      this.pending = null;
      pending?.resolve(reply);
    });
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => this.fail(new Error(`same-person: the pair worker stopped (exit code ${code})`)));
  }

  /** A worker over the records of `s` (their compared columns are on shared memory: no copy). */
  static start(s: PersonStore): PairHelper {
    const data: PairWorkerData = { store: s.comparingSnapshot() };
    return new PairHelper(spawnWorker(new URL('./pair-worker.js', import.meta.url), data));
  }

  /** The level counts of the pairs (firsts[k], seconds[k]) for u (estimate.ts countLevels). */
  async count(firsts: Uint32Array, seconds: Uint32Array): Promise<Float64Array[]> {
    const reply = await this.ask({ kind: 'count', firsts, seconds }, [firsts.buffer as ArrayBuffer, seconds.buffer as ArrayBuffer]);
    if (reply.kind !== 'counts') throw new Error('same-person: the pair worker answered out of turn');
    return reply.counts;
  }

  /** Weighs the candidate pairs of the passes it takes from the queue (`queue`: PassQueue's counter); its links. */
  async link(params: ModelParams, prior: number, options: LinkOptions, queue: Int32Array): Promise<PairJobResult> {
    const reply = await this.ask({ kind: 'link', params, prior, options: { minWeight: options.minWeight, maxBlockSize: options.maxBlockSize }, queue }, []);
    if (reply.kind !== 'links') throw new Error('same-person: the pair worker answered out of turn');
    return { links: reply.links, stats: reply.stats };
  }

  /** Stops the worker, whatever it is doing. */
  stop(): void {
    this.failure ??= new Error('same-person: the pair worker was stopped');
    void this.worker.terminate();
  }

  private ask(request: PairRequest, transfer: ArrayBuffer[]): Promise<PairReply> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.pending) return Promise.reject(new Error('same-person: the pair worker is busy'));
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.worker.postMessage(request, transfer);
    });
  }

  private fail(error: Error): void {
    this.failure ??= error;
    const pending = this.pending;
    this.pending = null;
    pending?.reject(error);
  }
}
