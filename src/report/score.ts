import { DIMENSIONS, type Severity } from '../model.js';
import type { RuleResult, Scores } from './model.js';

/** How much a rule's pass rate weighs in its dimension's score; info rules are shown, not scored. */
export const SEVERITY_WEIGHT: Record<Severity, number> = { error: 3, warning: 1, info: 0 };

const round1 = (n: number): number => Math.round(n * 10) / 10;

/**
 * Score of a dimension = 100 × the severity-weighted mean pass rate (1 − fail rate) of the evaluated
 * rules that score in it; null when there are none. A rule scores in its own dimension and in any its
 * check type files findings under (failedByDimension). Overall = mean of the dimensions with a score.
 */
export function computeScores(rules: readonly RuleResult[]): Scores {
  const scores = { overall: null } as Scores;
  const present: number[] = [];
  for (const dimension of DIMENSIONS) {
    let weight = 0;
    let sum = 0;
    for (const rule of rules) {
      const failed = rule.failedByDimension[dimension];
      if (failed === undefined || rule.status === 'skipped' || rule.evaluated === 0) continue;
      const w = SEVERITY_WEIGHT[rule.severity];
      weight += w;
      sum += w * (1 - (rule.evaluated === 0 ? 0 : failed / rule.evaluated));
    }
    const score = weight === 0 ? null : round1((100 * sum) / weight);
    scores[dimension] = score;
    if (score !== null) present.push(score);
  }
  scores.overall = present.length === 0 ? null : round1(present.reduce((a, b) => a + b, 0) / present.length);
  return scores;
}

/** A rule fails when it goes past any limit it sets; with none set, a single failure fails it. */
export function ruleFails(failed: number, failRate: number, maxFailures: number | null, maxFailRate: number | null): boolean {
  if (maxFailures === null && maxFailRate === null) return failed > 0;
  return (maxFailures !== null && failed > maxFailures) || (maxFailRate !== null && failRate > maxFailRate);
}
