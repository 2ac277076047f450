import type { BlockingStats } from './blocking.js';
import type { LinkOptions } from './link-passes.js';
import type { ModelParams } from './model.js';
import type { PersonSnapshot } from './records.js';

/** What the pair worker (pair-worker.ts) is given. */
export interface PairJob {
  store: PersonSnapshot;
  params: ModelParams;
  prior: number;
  options: LinkOptions;
  /** PassQueue's counter. */
  queue: Int32Array;
}

/** What it sends back: the pairs (a, b, a, b, …) that joined two of its sets, and its passes' counts. */
export interface PairJobResult {
  links: Uint32Array;
  stats: BlockingStats;
}
