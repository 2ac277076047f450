// The blocking passes weighed: each candidate pair that reaches the threshold joins two sets. Run by
// the matching thread and, on a large register, by a pair worker beside it (pair-worker.ts), the two
// taking passes from one shared queue.

import { BlockingScratch, blockingPass, type BlockingStats } from './blocking.js';
import type { MatchModel } from './model.js';
import type { PersonStore } from './records.js';
import type { UnionFind } from './union-find.js';

export interface LinkOptions {
  /** The match weight of the threshold's probability. */
  minWeight: number;
  maxBlockSize: number;
}

/**
 * A queue of pass numbers 0..passes-1 on shared memory: each thread that calls `next` gets the
 * next pass nobody has taken, −1 once all are taken.
 */
export class PassQueue {
  readonly counter: Int32Array;

  constructor(
    readonly passes: number,
    counter?: Int32Array,
  ) {
    this.counter = counter ?? new Int32Array(new SharedArrayBuffer(4));
  }

  next(): number {
    const pass = Atomics.add(this.counter, 0, 1);
    return pass < this.passes ? pass : -1;
  }
}

/**
 * Runs the passes the queue hands out over `keys` (blocking-keys.ts), joining in `sets` every pair
 * that reaches `minWeight`; `onLink` sees each pair that joined two sets. A pair already in one set
 * is not weighed: it cannot change the clusters.
 */
export function linkPasses(
  s: PersonStore,
  model: MatchModel,
  keys: readonly ((i: number) => number)[],
  queue: PassQueue,
  sets: UnionFind,
  options: LinkOptions,
  stats: BlockingStats,
  onLink?: (a: number, b: number) => void,
): void {
  const { minWeight } = options;
  const scratch = new BlockingScratch(s.size);
  const visit = (a: number, b: number): void => {
    if (sets.together(a, b)) return;
    if (model.weight(a, b) >= minWeight) {
      sets.union(a, b);
      onLink?.(a, b);
    }
  };
  for (let pass = queue.next(); pass >= 0; pass = queue.next()) blockingPass(s.size, keys[pass]!, options.maxBlockSize, visit, stats, scratch);
}
