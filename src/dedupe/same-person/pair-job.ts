import type { BlockingStats } from './blocking.js';
import type { LinkOptions } from './link-passes.js';
import type { ModelParams } from './model.js';
import type { PersonSnapshot } from './records.js';

/** What the pair worker (pair-worker.ts) is started with: the records it compares. */
export interface PairWorkerData {
  store: PersonSnapshot;
}

/** What it is asked, one request at a time. */
export type PairRequest =
  /** Level counts of random pairs for u (estimate.ts countLevels). */
  | { kind: 'count'; firsts: Uint32Array; seconds: Uint32Array }
  /** Blocking passes from the queue whose counter this is (link-passes.ts), weighed with this model. */
  | { kind: 'link'; params: ModelParams; prior: number; options: LinkOptions; queue: Int32Array };

/** What it answers. */
export type PairReply = { kind: 'counts'; counts: Float64Array[] } | ({ kind: 'links' } & PairJobResult);

/** The pairs (a, b, a, b, …) that joined two of its sets, and its passes' counts. */
export interface PairJobResult {
  links: Uint32Array;
  stats: BlockingStats;
}
