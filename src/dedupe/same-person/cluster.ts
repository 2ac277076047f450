// Candidate pairs from several blocking passes, scored, joined by union-find into clusters.
// DESIGN.md "Scale": a surname + birth-year block holds ~40,000 people of a 10M export (Nguyễn is
// ~38% of the population), so every pass keys on something selective.

import { blockingPass, emptyStats, finishKey, mixKey, mixNumber, type BlockingStats } from './blocking.js';
import { ID_HASHED, type PersonStore } from './records.js';
import { roundedScore, type PairScorer } from './score.js';
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

/** Day and month in a fixed order, so a date and its day/month swap share a block key. */
function dayMonthPair(dob: number): number {
  const m = Math.floor(dob / 100) % 100;
  const d = dob % 100;
  return m < d ? m * 100 + d : d * 100 + m;
}

/** The blocking passes, each a key function (-1: no key for this record). */
export function blockingKeys(s: PersonStore): ((i: number) => number)[] {
  const foldedOf = s.names.foldedOf;
  const fold = (id: number): number => foldedOf[id]!;
  return [
    // folded given name + full date of birth (day/month in either order)
    (i) => {
      const dob = s.dob[i]!;
      if (dob === 0) return -1;
      return finishKey(mixKey(mixKey(mixKey(1, fold(s.given[i]!)), Math.floor(dob / 10_000)), dayMonthPair(dob)));
    },
    // folded family and middle names + date of birth: a typo in the given name
    (i) => {
      const dob = s.dob[i]!;
      if (dob === 0) return -1;
      const h = mixKey(mixKey(mixKey(7, fold(s.family[i]!)), fold(s.middle[i]!)), Math.floor(dob / 10_000));
      return finishKey(mixKey(h, dayMonthPair(dob)));
    },
    // folded family and given names (a dropped middle name) + year and month: a wrong day digit
    (i) => {
      const dob = s.dob[i]!;
      if (dob === 0) return -1;
      const h = mixKey(mixKey(2, fold(s.family[i]!)), fold(s.given[i]!));
      return finishKey(mixKey(h, Math.floor(dob / 100)));
    },
    // … + year and day: a wrong month digit
    (i) => {
      const dob = s.dob[i]!;
      if (dob === 0) return -1;
      const h = mixKey(mixKey(8, fold(s.family[i]!)), fold(s.given[i]!));
      return finishKey(mixKey(mixKey(h, Math.floor(dob / 10_000)), dob % 100));
    },
    // … + day and month in either order: a wrong digit in the year, or day and month swapped
    (i) => {
      const dob = s.dob[i]!;
      if (dob === 0) return -1;
      const h = mixKey(mixKey(3, fold(s.family[i]!)), fold(s.given[i]!));
      return finishKey(mixKey(h, dayMonthPair(dob)));
    },
    // ID prefix (province, century and sex, year of a 12-digit ID) + date of birth
    (i) => {
      const id = s.id[i]!;
      const length = s.idLength[i]!;
      const dob = s.dob[i]!;
      if (Number.isNaN(id) || length === ID_HASHED || dob === 0) return -1;
      const prefix = length > 6 ? Math.floor(id / 10 ** (length - 6)) : id;
      return finishKey(mixKey(mixKey(mixKey(4, prefix), Math.floor(dob / 10_000)), dayMonthPair(dob)));
    },
    // the whole ID: a name or a date changed beyond the passes above
    (i) => {
      const id = s.id[i]!;
      return Number.isNaN(id) ? -1 : finishKey(mixKey(mixNumber(5, id), s.idLength[i]!));
    },
    // each half of a numeric ID with a name part: one wrong digit leaves a half intact, whatever
    // else changed (the last six digits are a serial, so a tiny block; the first six say province,
    // century, sex and year, so the given name narrows them)
    (i) => {
      const id = s.id[i]!;
      const length = s.idLength[i]!;
      if (Number.isNaN(id) || length === ID_HASHED || length < 9) return -1;
      return finishKey(mixKey(mixKey(9, id % 1_000_000), fold(s.family[i]!)));
    },
    (i) => {
      const id = s.id[i]!;
      const length = s.idLength[i]!;
      if (Number.isNaN(id) || length === ID_HASHED || length < 9) return -1;
      return finishKey(mixKey(mixKey(mixKey(10, Math.floor(id / 1_000_000)), length), fold(s.given[i]!)));
    },
    // phone
    (i) => {
      const phone = s.phone[i]!;
      return Number.isNaN(phone) ? -1 : finishKey(mixNumber(6, phone));
    },
  ];
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

export function matchPersons(
  s: PersonStore,
  scorer: PairScorer,
  options: { threshold: number; maxBlockSize: number },
): MatchResult {
  const n = s.size;
  const stats = emptyStats();
  const sets = new UnionFind(n);
  const scratch = new Float64Array(n);
  const visit = (a: number, b: number): void => {
    // Already one cluster: the pair cannot change it, and members are scored against the keep
    // record when reported.
    if (sets.find(a) === sets.find(b)) return;
    if (roundedScore(scorer.weigh(a, b)) >= options.threshold) sets.union(a, b);
  };
  for (const keyOf of blockingKeys(s)) blockingPass(n, keyOf, options.maxBlockSize, visit, stats, scratch);

  const byRoot = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    if (sets.size(i) < 2) continue;
    const root = sets.find(i);
    const members = byRoot.get(root);
    if (members) members.push(i);
    else byRoot.set(root, [i]);
  }
  const clusters: Cluster[] = [];
  for (const members of byRoot.values()) splitChains(s, scorer, options.threshold, members, clusters);
  return { clusters, stats };
}

/**
 * Clusters this large are checked for chains: a person has at most a few records, and a chain of
 * three is usually one person's records with different variations.
 */
const MIN_SPLIT_SIZE = 4;

/** Rounds of splitting a chained cluster; what is left after them is not reported. */
const MAX_SPLITS = 16;

/**
 * A union-find cluster may be a chain (A–B and B–C pass, A–C does not): every member must pass the
 * threshold against the record kept. Those that do not are grouped again around a keep record of
 * their own, and so on.
 */
function splitChains(s: PersonStore, scorer: PairScorer, threshold: number, members: number[], out: Cluster[]): void {
  if (members.length < MIN_SPLIT_SIZE) {
    out.push({ keep: pickKeep(s, members), members });
    return;
  }
  let rest = members;
  for (let round = 0; round < MAX_SPLITS && rest.length >= 2; round++) {
    const keep = pickKeep(s, rest);
    const joined: number[] = [];
    const left: number[] = [];
    for (const i of rest) {
      if (i === keep || roundedScore(scorer.weigh(i, keep)) >= threshold) joined.push(i);
      else left.push(i);
    }
    if (joined.length >= 2) out.push({ keep, members: joined });
    rest = left;
  }
}
