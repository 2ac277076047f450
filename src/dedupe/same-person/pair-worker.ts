// A worker thread that weighs candidate pairs beside the matching thread (cluster.ts): the same
// records (shared memory), the same model, passes from the same queue. It sends back the pairs that
// joined two of its sets: with the matching thread's own, they make the same clusters as one thread.

import { parentPort, workerData } from 'node:worker_threads';
import { emptyStats } from './blocking.js';
import { blockingKeys } from './blocking-keys.js';
import { linkPasses, PassQueue } from './link-passes.js';
import { MatchModel } from './model.js';
import { PersonStore } from './records.js';
import { UnionFind } from './union-find.js';
import type { PairJob, PairJobResult } from './pair-job.js';
import { grown } from '../../shared/grow.js';

const job = workerData as PairJob;
const store = PersonStore.comparing(job.store);
const model = new MatchModel(store, job.params, job.prior);
const keys = blockingKeys(store);
const stats = emptyStats();
let links = new Uint32Array(4096);
let count = 0;
linkPasses(store, model, keys, new PassQueue(keys.length, job.queue), new UnionFind(store.size), job.options, stats, (a, b) => {
  if (count + 2 > links.length) links = grown(links, links.length * 2);
  links[count++] = a;
  links[count++] = b;
});
const sent = new Uint32Array(count);
sent.set(links.subarray(0, count));
const result: PairJobResult = { links: sent, stats };
parentPort!.postMessage(result, [sent.buffer]);
