// A worker thread that compares record pairs beside the matching thread (pair-helper.ts): the same
// records (shared memory), asked for the level counts of half the random pairs of u, then for the
// candidate pairs of the blocking passes it takes from the queue the matching thread takes them
// from. It sends back the pairs that joined two of its sets: with the matching thread's own, they
// make the clusters one thread makes.

import { parentPort, workerData } from 'node:worker_threads';
import { emptyStats } from './blocking.js';
import { blockingKeys } from './blocking-keys.js';
import { countLevels } from './estimate.js';
import { linkPasses, PassQueue } from './link-passes.js';
import { MatchModel } from './model.js';
import { PersonStore } from './records.js';
import { UnionFind } from './union-find.js';
import type { PairReply, PairRequest, PairWorkerData } from './pair-job.js';
import { grown } from '../../shared/grow.js';

const store = PersonStore.comparing((workerData as PairWorkerData).store);
const port = parentPort!;

port.on('message', (request: PairRequest) => {
  if (request.kind === 'count') {
    const counts = countLevels(store, request.firsts, request.seconds);
    reply({ kind: 'counts', counts }, counts.map((c) => c.buffer as ArrayBuffer));
    return;
  }
  const model = new MatchModel(store, request.params, request.prior);
  const keys = blockingKeys(store);
  const stats = emptyStats();
  let links = new Uint32Array(4096);
  let count = 0;
  linkPasses(store, model, keys, new PassQueue(keys.length, request.queue), new UnionFind(store.size), request.options, stats, (a, b) => {
    if (count + 2 > links.length) links = grown(links, links.length * 2);
    links[count++] = a;
    links[count++] = b;
  });
  const sent = new Uint32Array(count);
  sent.set(links.subarray(0, count));
  reply({ kind: 'links', links: sent, stats }, [sent.buffer]);
  port.close();
});

function reply(message: PairReply, transfer: ArrayBuffer[]): void {
  port.postMessage(message, transfer);
}
