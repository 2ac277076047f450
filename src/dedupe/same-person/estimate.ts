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
  const comparer = new PairComparer(s);
  const n = s.size;
  const fields = fieldsOf(s.extras.specs);
  const fieldCount = fields.length;
  const levelCounts = fields.map((field) => field.levels.length + 1);
  const defaults = defaultParamsFor(s.extras.specs);
  const { u, pairs: randomPairs } = estimateU(s, new PairComparer(s, false), options.randomPairs ?? 1_000_000);
  const keys = blockingKeys(s);
  const notes: EstimationNotes = { random_pairs: randomPairs, sessions: [], default_m: [] };
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

/** u per field and level from random pairs (all pairs of a small register), pulled toward the built-in u. */
export function estimateU(s: PersonStore, comparer: PairComparer, maxPairs: number): { u: number[][]; pairs: number } {
  const n = s.size;
  const fields = fieldsOf(s.extras.specs);
  const defaults = defaultParamsFor(s.extras.specs);
  const counts = fields.map((field) => new Float64Array(field.levels.length + 1));
  const levels = comparer.levels;
  const count = (a: number, b: number): void => {
    comparer.fill(a, b);
    for (let f = 0; f < levels.length; f++) counts[f]![levels[f]!]!++;
  };
  const all = (n * (n - 1)) / 2;
  let pairs = 0;
  if (all <= maxPairs) {
    for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) count(a, b);
    pairs = all;
  } else {
    // Drawn first, then compared in the order of their first record: the counts are sums, the same
    // in any order, and a record read in order is read from memory at half the misses.
    const random = mulberry32(0x5eed_f5);
    const firsts = new Uint32Array(maxPairs);
    const seconds = new Uint32Array(maxPairs);
    while (pairs < maxPairs) {
      const a = Math.floor(random() * n);
      const b = Math.floor(random() * n);
      if (a === b) continue;
      firsts[pairs] = a;
      seconds[pairs++] = b;
    }
    const sorted = radixSortPairs(firsts, seconds, pairs, new Uint32Array(pairs), new Uint32Array(pairs));
    for (let k = 0; k < pairs; k++) count(sorted.keys[k]!, sorted.values[k]!);
  }
  const u = fields.map((_, f) => {
    const c = counts[f]!;
    let seen = 0;
    for (let k = 1; k < c.length; k++) seen += c[k]!;
    const prior = defaults.u[f]!;
    return normalised(Array.from(c, (x, k) => (k === 0 ? 1 : (x + U_PRIOR_PAIRS * prior[k]!) / (seen + U_PRIOR_PAIRS))));
  });
  return { u, pairs };
}

/** A 32-bit hash of a pair of indexes, to sample pairs deterministically. */
function pairHash(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13) ^ b, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x27d4eb2f);
  return (h ^ (h >>> 15)) >>> 0;
}

