// Candidate pairs from several blocking passes (blocking-keys.ts), weighed by the model, joined by
// union-find into clusters; a cluster that is a chain is split around its keep records.

import { emptyStats, type BlockingStats } from './blocking.js';
import { blockingKeys } from './blocking-keys.js';
import { linkPasses, PassQueue, type LinkOptions } from './link-passes.js';
import type { MatchModel } from './model.js';
import type { PairHelper } from './pair-helper.js';
import type { PersonStore } from './records.js';
import { UnionFind } from './union-find.js';

export interface Cluster {
  /** Index of the record to keep. */
  keep: number;
  /** Every member's index, ascending (the keep record included). */
  members: number[];
}

export interface MatchResult {
  clusters: Cluster[];
  stats: BlockingStats;
}

/** The record to keep: the most complete, then the most recently updated, then the first row. */
export function pickKeep(s: PersonStore, members: readonly number[]): number {
  let best = members[0]!;
  for (const i of members) {
    const dc = s.completeness(i) - s.completeness(best);
    if (dc > 0 || (dc === 0 && (s.updated[i]! > s.updated[best]! || (s.updated[i] === s.updated[best] && s.row[i]! < s.row[best]!)))) {
      best = i;
    }
  }
  return best;
}

/** Registers smaller than this are matched on one thread: a worker costs ~100 ms to start. */
export const PARALLEL_MIN_RECORDS = 200_000;

/**
 * Clusters of records whose pairs reach `minWeight` (the match weight of the threshold's probability).
 * Every candidate pair of every blocking pass is weighed once unless the two are already one cluster.
 */
export function matchPersons(s: PersonStore, model: MatchModel, options: LinkOptions): MatchResult {
  const stats = emptyStats();
  const sets = new UnionFind(s.size);
  const keys = blockingKeys(s);
  linkPasses(s, model, keys, new PassQueue(keys.length), sets, options, stats);
  return { clusters: clustersOf(s, model, sets, options.minWeight), stats };
}

/**
 * The same clusters, with the pair worker of `helper` taking passes from the queue this thread
 * takes them from (it rebuilds the model from its parameters and prior); the pairs it links are
 * joined here.
 */
export async function matchPersonsOnTwoThreads(s: PersonStore, model: MatchModel, options: LinkOptions, helper: PairHelper): Promise<MatchResult> {
  const stats = emptyStats();
  const sets = new UnionFind(s.size);
  const keys = blockingKeys(s);
  const queue = new PassQueue(keys.length);
  const theirs = helper.link(model.params, model.prior, options, queue.counter);
  // A failure there must not go unobserved while this thread works.
  theirs.catch(() => {});
  linkPasses(s, model, keys, queue, sets, options, stats);
  const result = await theirs;
  const links = result.links;
  for (let k = 0; k < links.length; k += 2) sets.union(links[k]!, links[k + 1]!);
  stats.cappedBlocks += result.stats.cappedBlocks;
  stats.pairsSkipped += result.stats.pairsSkipped;
  stats.pairsVisited += result.stats.pairsVisited;
  return { clusters: clustersOf(s, model, sets, options.minWeight), stats };
}

/** The clusters of the joined sets, chains split (splitChains). */
function clustersOf(s: PersonStore, model: MatchModel, sets: UnionFind, minWeight: number): Cluster[] {
  const byRoot = new Map<number, number[]>();
  for (let i = 0; i < s.size; i++) {
    if (sets.size(i) < 2) continue;
    const root = sets.find(i);
    const members = byRoot.get(root);
    if (members) members.push(i);
    else byRoot.set(root, [i]);
  }
  const clusters: Cluster[] = [];
  for (const members of byRoot.values()) splitChains(s, model, minWeight, members, clusters);
  return clusters;
}

/** Rounds of splitting a chained cluster; what is left after them is not reported. */
const MAX_SPLITS = 16;

/** Clusters up to this size also admit a member linked to half of the others or more. */
const MAJORITY_UP_TO = 64;

/**
 * … provided the keep record does not contradict it: their match weight is at least this far below
 * the threshold's (−6 bits: a probability ~64 times lower). A person's third record that differs
 * from the kept one a little more than the threshold allows stays; a namesake linked to one record
 * of a person, whose ID, place or birthday the kept record contradicts, does not.
 */
const CONTRADICTION_BITS = 6;

/**
 * The guard against chains: a union-find cluster may be a chain (A–B and B–C pass, A–C does not).
 * A member stays when it reaches the threshold against the record kept, or (clusters of up to 64)
 * against half of the other members or more while the kept record does not contradict it
 * (CONTRADICTION_BITS). Those that do not are grouped again around a keep
 * record of their own, and so on; a member left alone is not reported.
 */
function splitChains(s: PersonStore, model: MatchModel, minWeight: number, members: number[], out: Cluster[]): void {
  if (members.length === 2) {
    out.push({ keep: pickKeep(s, members), members });
    return;
  }
  let rest = members;
  for (let round = 0; round < MAX_SPLITS && rest.length >= 2; round++) {
    const keep = pickKeep(s, rest);
    const joined: number[] = [];
    const left: number[] = [];
    for (const i of rest) {
      const toKeep = i === keep ? Infinity : model.weight(i, keep);
      if (toKeep >= minWeight || (toKeep >= minWeight - CONTRADICTION_BITS && majority(model, minWeight, i, rest))) joined.push(i);
      else left.push(i);
    }
    if (joined.length >= 2) out.push({ keep, members: joined });
    rest = left;
  }
}

/** Whether record i reaches the threshold against half of the other members or more. */
function majority(model: MatchModel, minWeight: number, i: number, members: readonly number[]): boolean {
  if (members.length > MAJORITY_UP_TO) return false;
  const others = members.length - 1;
  let links = 0;
  let seen = 0;
  for (const j of members) {
    if (j === i) continue;
    seen++;
    if (model.weight(i, j) >= minWeight) links++;
    // Too few left to reach half.
    if (2 * (links + others - seen) < others) return false;
  }
  return 2 * links >= others;
}
