import { DIMENSIONS, type Severity } from '../model.js';
import type { Report, RuleResult, Scores } from './model.js';

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

/**
 * The order every report lists rules in: failed rules first, then by the score they cost (severity
 * weight × fail rate), then by fail rate and severity; skipped rules last.
 */
export function byImpact(a: RuleResult, b: RuleResult): number {
  const rank = (r: RuleResult) => (r.status === 'failed' ? 0 : r.status === 'passed' ? 1 : 2);
  const cost = (r: RuleResult) => SEVERITY_WEIGHT[r.severity] * r.failRate;
  return rank(a) - rank(b) || cost(b) - cost(a) || b.failRate - a.failRate || SEVERITY_WEIGHT[b.severity] - SEVERITY_WEIGHT[a.severity] || a.id.localeCompare(b.id);
}

export function rulesByImpact(report: Pick<Report, 'rules'>): RuleResult[] {
  return [...report.rules].sort(byImpact);
}

/** A rule fails when it goes past any limit it sets; with none set, a single failure fails it. */
export function ruleFails(failed: number, failRate: number, maxFailures: number | null, maxFailRate: number | null): boolean {
  if (maxFailures === null && maxFailRate === null) return failed > 0;
  return (maxFailures !== null && failed > maxFailures) || (maxFailRate !== null && failRate > maxFailRate);
}
