// Estimating the model from the register itself, unsupervised, as Splink does:
// - u from record pairs drawn at random (nearly all are two different people);
// - m by expectation maximisation on blocked candidate pairs, one session per blocking key. A
//   session cannot learn the fields its key holds fixed (every pair agrees on them), so each session
//   estimates the others: "given name + date of birth" learns family and middle name, sex, ID, place
//   and phone; "same ID" learns the names, the date of birth, sex, place and phone. A field learnt by
//   both takes their average, weighted by each session's expected matches;
// - the prior λ from the first session: its expected matches divided by the share of true pairs such
//   a block can hold (P(same given name and date of birth | match), from the m just learnt), over
//   all n(n−1)/2 pairs.
// Everything starts from, and is pulled toward, the built-in parameters (DEFAULT_PARAMS), so a small
// file keeps sensible values and no level gets probability 0.

import { BlockingScratch, blockingPass, emptyStats } from './blocking.js';
import { blockingKeys, KEY_GIVEN_DOB, KEY_ID } from './blocking-keys.js';
import { F_DOB, F_GIVEN, F_ID, fieldsOf, NAME_AGREES_UP_TO, PairComparer } from './comparisons.js';
import { expectationMaximisation } from './em.js';
import { clampPrior, defaultParamsFor, defaultPrior, normalised, type EstimationNotes, type ModelParams } from './model.js';
import type { PersonStore } from './records.js';
import { radixSortPairs } from '../../shared/radix-sort.js';
import { mulberry32 } from '../../shared/random.js';

export interface EstimateOptions {
  maxBlockSize: number;
  /** Random pairs for u (default 1,000,000; all pairs when there are fewer). */
  randomPairs?: number;
  /** Pairs a session samples at most, about (default 400,000). */
  sessionPairs?: number;
}

/** Pseudo-pairs of the built-in u mixed into the random pairs' counts. */
const U_PRIOR_PAIRS = 10_000;
/** Pseudo-matches of the built-in m in every session. */
const M_PRIOR_MATCHES = 20;
/** Pseudo-non-matches of the random pairs' u in every session. */
const U_PRIOR_NON_MATCHES = 20;
/** A session with fewer pairs is skipped: its fields keep the built-in m. */
const MIN_SESSION_PAIRS = 100;

interface Session {
  name: string;
  key: number;
  /** Fields every pair of the block agrees on (or nearly): not estimated in this session. */
  fixed: readonly number[];
}

const SESSIONS: readonly Session[] = [
  { name: 'given name + date of birth', key: KEY_GIVEN_DOB, fixed: [F_GIVEN, F_DOB] },
  { name: 'ID', key: KEY_ID, fixed: [F_ID] },
];

export function estimateModel(s: PersonStore, options: EstimateOptions): ModelParams {
  const pairs = randomPairs(s.size, options.randomPairs ?? DEFAULT_RANDOM_PAIRS);
  return estimateFrom(s, options, pairs, countLevels(s, pairs.firsts, pairs.seconds));
}

/**
 * The same estimate, with the random pairs' second half compared elsewhere (`countElsewhere`, a
 * pair worker over the same records): the counts are sums, so the model is the one estimateModel makes.
 */
export async function estimateModelSharing(
  s: PersonStore,
  options: EstimateOptions,
  countElsewhere: (firsts: Uint32Array, seconds: Uint32Array) => Promise<Float64Array[]>,
): Promise<ModelParams> {
  const pairs = randomPairs(s.size, options.randomPairs ?? DEFAULT_RANDOM_PAIRS);
  const half = pairs.firsts.length >> 1;
  const theirs = countElsewhere(pairs.firsts.slice(half), pairs.seconds.slice(half));
  // A failure there must not go unobserved while this thread counts.
  theirs.catch(() => {});
  const counts = countLevels(s, pairs.firsts.subarray(0, half), pairs.seconds.subarray(0, half));
  const other = await theirs;
  counts.forEach((c, f) => {
    for (let k = 0; k < c.length; k++) c[k] = c[k]! + other[f]![k]!;
  });
  return estimateFrom(s, options, pairs, counts);
}

/** Random pairs for u unless the options say otherwise. */
const DEFAULT_RANDOM_PAIRS = 1_000_000;

function estimateFrom(s: PersonStore, options: EstimateOptions, pairs: RandomPairs, levelCountsOfPairs: Float64Array[]): ModelParams {
  const comparer = new PairComparer(s);
  const n = s.size;
  const fields = fieldsOf(s.extras.specs);
  const fieldCount = fields.length;
  const levelCounts = fields.map((field) => field.levels.length + 1);
  const defaults = defaultParamsFor(s.extras.specs);
  const u = uFromCounts(s, levelCountsOfPairs);
  const randomPairCount = pairs.firsts.length;
  const keys = blockingKeys(s);
  const notes: EstimationNotes = { random_pairs: randomPairCount, sessions: [], default_m: [] };
  const mSum = levelCounts.map((count) => new Float64Array(count));
  const weightSum = new Float64Array(fieldCount);
  let firstSession: { lambda: number; visited: number } | null = null;
  const target = options.sessionPairs ?? 400_000;
  const scratch = new BlockingScratch(n);
  for (const session of SESSIONS) {
    const counts = new Map<number, number>();
    const stats = emptyStats();
    // Pairs kept by a hash of the pair: about `target` of them when a block pass makes ~n pairs.
    const keep = Math.min(1, target / Math.max(1, n)) * 2 ** 32;
    let sampled = 0;
    blockingPass(
      n,
      keys[session.key]!,
      options.maxBlockSize,
      (a, b) => {
        if (keep < 2 ** 32 && pairHash(a, b) >= keep) return;
        sampled++;
        const p = comparer.compare(a, b);
        counts.set(p, (counts.get(p) ?? 0) + 1);
      },
      stats,
      scratch,
    );
    if (sampled < MIN_SESSION_PAIRS) continue;
    const active = fields.map((_, f) => !session.fixed.includes(f));
    const levels = new Uint8Array(counts.size * fieldCount);
    const weights = new Float64Array(counts.size);
    let p = 0;
    for (const [pattern, count] of counts) {
      let x = pattern;
      for (let f = 0; f < fieldCount; f++) {
        levels[p * fieldCount + f] = x % 8;
        x = Math.floor(x / 8);
      }
      weights[p++] = count;
    }
    const result = expectationMaximisation({
      levels,
      counts: weights,
      levelCounts,
      active,
      m: defaults.m,
      u,
      lambda: 0.5,
      priorM: defaults.m,
      priorStrength: M_PRIOR_MATCHES,
      priorU: u,
      priorUStrength: U_PRIOR_NON_MATCHES,
    });
    const expectedMatches = result.lambda * sampled;
    for (let f = 0; f < fieldCount; f++) {
      if (!active[f]) continue;
      for (let k = 1; k < levelCounts[f]!; k++) mSum[f]![k] = mSum[f]![k]! + expectedMatches * result.m[f]![k]!;
      weightSum[f] = weightSum[f]! + expectedMatches;
    }
    if (session.key === KEY_GIVEN_DOB) firstSession = { lambda: result.lambda, visited: stats.pairsVisited };
    notes.sessions.push({
      blocking: session.name,
      pairs: stats.pairsVisited,
      sampled,
      patterns: counts.size,
      iterations: result.iterations,
      lambda: Number(result.lambda.toPrecision(6)),
      fields: fields.filter((_, f) => active[f]).map((field) => field.name),
    });
  }
  const m = fields.map((field, f) => {
    if (weightSum[f]! <= 0) {
      notes.default_m.push(field.name);
      return defaults.m[f]!.slice();
    }
    return normalised(Array.from(mSum[f]!, (x) => x / weightSum[f]!));
  });
  let prior = defaultPrior(n);
  if (firstSession) {
    let given = 0;
    for (let k = 1; k <= NAME_AGREES_UP_TO; k++) given += m[F_GIVEN]![k]!;
    const dob = m[F_DOB]![1]! + m[F_DOB]![2]!;
    const matches = (firstSession.lambda * firstSession.visited) / Math.max(1e-6, given * dob);
    prior = clampPrior(matches / ((n * (n - 1)) / 2));
  }
  return { prior, rows: n, m, u, estimated: notes };
}

/** Record pairs for u, each pair's records at the same index of `firsts` and `seconds`. */
interface RandomPairs {
  firsts: Uint32Array;
  seconds: Uint32Array;
}

/**
 * Every pair of a small register, else `maxPairs` pairs drawn at random (seeded), in the order of
 * their first record: the counts are sums, the same in any order, and records read in order are
 * read from memory at half the misses.
 */
export function randomPairs(n: number, maxPairs: number): RandomPairs {
  const all = (n * (n - 1)) / 2;
  if (all <= maxPairs) {
    const firsts = new Uint32Array(all);
    const seconds = new Uint32Array(all);
    let k = 0;
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) {
        firsts[k] = a;
        seconds[k++] = b;
      }
    }
    return { firsts, seconds };
  }
  const random = mulberry32(0x5eed_f5);
  const firsts = new Uint32Array(maxPairs);
  const seconds = new Uint32Array(maxPairs);
  for (let k = 0; k < maxPairs; ) {
    const a = Math.floor(random() * n);
    const b = Math.floor(random() * n);
    if (a === b) continue;
    firsts[k] = a;
    seconds[k++] = b;
  }
  const sorted = radixSortPairs(firsts, seconds, maxPairs, new Uint32Array(maxPairs), new Uint32Array(maxPairs));
  return { firsts: sorted.keys, seconds: sorted.values };
}

/**
 * How many of the pairs (firsts[k], seconds[k]) agree at each level of each field, every field
 * compared on its own (PairComparer's `conditional` false: what u is estimated from).
 */
export function countLevels(s: PersonStore, firsts: Uint32Array, seconds: Uint32Array): Float64Array[] {
  const comparer = new PairComparer(s, false);
  const counts = fieldsOf(s.extras.specs).map((field) => new Float64Array(field.levels.length + 1));
  const levels = comparer.levels;
  for (let k = 0; k < firsts.length; k++) {
    comparer.fill(firsts[k]!, seconds[k]!);
    for (let f = 0; f < levels.length; f++) counts[f]![levels[f]!]!++;
  }
  return counts;
}

/** u per field and level from the random pairs' counts, pulled toward the built-in u. */
function uFromCounts(s: PersonStore, counts: readonly Float64Array[]): number[][] {
  const defaults = defaultParamsFor(s.extras.specs);
  return counts.map((c, f) => {
    let seen = 0;
    for (let k = 1; k < c.length; k++) seen += c[k]!;
    const prior = defaults.u[f]!;
    return normalised(Array.from(c, (x, k) => (k === 0 ? 1 : (x + U_PRIOR_PAIRS * prior[k]!) / (seen + U_PRIOR_PAIRS))));
  });
}

/** A 32-bit hash of a pair of indexes, to sample pairs deterministically. */
function pairHash(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13) ^ b, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x27d4eb2f);
  return (h ^ (h >>> 15)) >>> 0;
}

