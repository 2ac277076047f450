// Expectation maximisation for the two-class Fellegi–Sunter mixture, over distinct comparison
// patterns with their counts (a few hundred thousand pairs make at most a few thousand patterns, so
// an iteration costs microseconds). Conditional independence: given the class, the fields' levels
// are independent. Level 0 of a field (missing) and inactive fields take no part.

import { PROBABILITY_FLOOR } from './model.js';

export interface EmInput {
  /** Levels of each pattern, `fields` a pattern (patterns × fields). */
  levels: Uint8Array;
  /** How many pairs have each pattern. */
  counts: Float64Array;
  /** Levels per field (level 0 included). */
  levelCounts: readonly number[];
  /** Fields estimated here; the others are ignored. */
  active: readonly boolean[];
  /** Starting values: m and u per field and level (index 0 unused), λ the share of matches. */
  m: readonly (readonly number[])[];
  u: readonly (readonly number[])[];
  lambda: number;
  /** Keep u as given (estimated elsewhere, from random pairs) instead of estimating it too. */
  fixU?: boolean;
  /** A Dirichlet prior on each field's m: `priorStrength` pseudo-matches spread as `priorM`. */
  priorM?: readonly (readonly number[])[];
  priorStrength?: number;
  /** The same for u, in pseudo-non-matches. */
  priorU?: readonly (readonly number[])[];
  priorUStrength?: number;
  maxIterations?: number;
  /** Stop when no m, u or λ moves by more than this. */
  tolerance?: number;
}

export interface EmResult {
  m: number[][];
  u: number[][];
  lambda: number;
  iterations: number;
  converged: boolean;
}

export function expectationMaximisation(input: EmInput): EmResult {
  const { levels, counts, levelCounts, active } = input;
  const fields = levelCounts.length;
  const patterns = counts.length;
  const maxIterations = input.maxIterations ?? 500;
  const tolerance = input.tolerance ?? 1e-7;
  const alpha = input.priorStrength ?? 0;
  const beta = input.priorUStrength ?? 0;
  let m = input.m.map((x) => x.slice());
  let u = input.u.map((x) => x.slice());
  let lambda = input.lambda;
  let total = 0;
  for (let p = 0; p < patterns; p++) total += counts[p]!;
  const sm = levelCounts.map((n) => new Float64Array(n));
  const su = levelCounts.map((n) => new Float64Array(n));
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations && total > 0) {
    iterations++;
    for (let f = 0; f < fields; f++) {
      sm[f]!.fill(0);
      su[f]!.fill(0);
    }
    let matches = 0;
    for (let p = 0; p < patterns; p++) {
      let pm = lambda;
      let pu = 1 - lambda;
      const at = p * fields;
      for (let f = 0; f < fields; f++) {
        const k = levels[at + f]!;
        if (k === 0 || !active[f]) continue;
        pm *= m[f]![k]!;
        pu *= u[f]![k]!;
      }
      const w = pm + pu > 0 ? pm / (pm + pu) : 0;
      const c = counts[p]!;
      matches += c * w;
      for (let f = 0; f < fields; f++) {
        const k = levels[at + f]!;
        if (k === 0 || !active[f]) continue;
        sm[f]![k] = sm[f]![k]! + c * w;
        su[f]![k] = su[f]![k]! + c * (1 - w);
      }
    }
    const nextM = m.map((x) => x.slice());
    const nextU = u.map((x) => x.slice());
    for (let f = 0; f < fields; f++) {
      if (!active[f]) continue;
      nextM[f] = reestimate(sm[f]!, input.priorM?.[f], alpha, m[f]!);
      if (!input.fixU) nextU[f] = reestimate(su[f]!, input.priorU?.[f], beta, u[f]!);
    }
    const nextLambda = Math.min(1 - 1e-9, Math.max(1e-9, matches / total));
    let change = Math.abs(nextLambda - lambda);
    for (let f = 0; f < fields; f++) {
      for (let k = 1; k < levelCounts[f]!; k++) {
        change = Math.max(change, Math.abs(nextM[f]![k]! - m[f]![k]!), Math.abs(nextU[f]![k]! - u[f]![k]!));
      }
    }
    m = nextM;
    u = nextU;
    lambda = nextLambda;
    if (change < tolerance) {
      converged = true;
      break;
    }
  }
  return { m, u, lambda, iterations, converged };
}

/** One field's probabilities from expected counts plus pseudo-counts, floored, summing to 1. */
function reestimate(expected: Float64Array, prior: readonly number[] | undefined, strength: number, previous: readonly number[]): number[] {
  const out = new Array<number>(expected.length).fill(0);
  out[0] = 1;
  let sum = 0;
  for (let k = 1; k < expected.length; k++) {
    const x = expected[k]! + (prior ? strength * prior[k]! : 0);
    out[k] = x;
    sum += x;
  }
  if (sum <= 0) return previous.slice();
  let floored = 0;
  for (let k = 1; k < expected.length; k++) {
    out[k] = Math.max(PROBABILITY_FLOOR, out[k]! / sum);
    floored += out[k]!;
  }
  for (let k = 1; k < expected.length; k++) out[k] = out[k]! / floored;
  return out;
}
