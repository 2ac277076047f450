import { DIMENSIONS, type Severity } from '../model.js';
import type { InputResult, Report, RuleResult, Scores } from './model.js';

/** How much a rule's pass rate weighs in its dimension's score; info rules are shown, not scored. */
export const SEVERITY_WEIGHT: Record<Severity, number> = { error: 3, warning: 1, info: 0 };

// The epsilon keeps 96.4 (0.964 × 100 = 96.39999…) from flooring to 96.3.
const floor1 = (n: number): number => Math.floor(n * 10 + 1e-9) / 10;

/** The share of its records a rule costs a score: its fail rate, warnings counting a third of errors. */
function cost(rule: RuleResult, failed: number): number {
  return (SEVERITY_WEIGHT[rule.severity] / SEVERITY_WEIGHT.error) * (failed / rule.evaluated);
}

/**
 * A rule that gave one verdict per file (fill-rate, row-count) although the file has several records:
 * its fail rate is a share of files, not of records. The report model has no scope field, so this is
 * read from the counts: evaluated once in each file it ran on.
 */
function wholeFile(rule: RuleResult, dataRows: ReadonlyMap<string, number>): boolean {
  const files = rule.byFile ?? [];
  return files.length > 0 && files.every((entry) => entry.evaluated === 1 && (dataRows.get(entry.file) ?? 0) > 1);
}

/** Whether a rule scores at all: it judged records one by one, looked at some field, and is not info. */
function scores(rule: RuleResult, dataRows: ReadonlyMap<string, number>): boolean {
  return rule.status !== 'skipped' && rule.evaluated > 0 && rule.columns.length > 0 && SEVERITY_WEIGHT[rule.severity] > 0 && !wholeFile(rule, dataRows);
}

/**
 * Score of a dimension = 100 × (1 − the largest cost among the rules that score in it): the pass
 * rate of its worst rule, a warning rule's failures counting a third. No rows pass every rule of a
 * dimension more often than its worst rule passes, so the score is the upper bound of the share of
 * clean records — a mean over rules would let twenty passing rules hide one that fails 16% of the
 * records. A rule scores in its own dimension and in any its check type files findings under
 * (failedByDimension). Rules that bind no column (row-count) or give one verdict for a whole file
 * (fill-rate) judge the file, not its records: they act through the gate and the score's colour and
 * give no score, so a file that binds nothing has none.
 * Null when nothing scores. Overall = the lowest dimension score: the data is as good as its weakest
 * dimension.
 */
export function computeScores(rules: readonly RuleResult[], inputs: readonly Pick<InputResult, 'path' | 'rows' | 'rejected'>[] = []): Scores {
  const dataRows = new Map(inputs.map((input) => [input.path, input.rows - input.rejected]));
  const result = { overall: null } as Scores;
  const present: number[] = [];
  for (const dimension of DIMENSIONS) {
    let worst: number | null = null;
    for (const rule of rules) {
      const failed = rule.failedByDimension[dimension];
      if (failed === undefined || !scores(rule, dataRows)) continue;
      worst = Math.max(worst ?? 0, cost(rule, failed));
    }
    // Rounded down, so that a dimension where anything failed never reads 100.
    const score = worst === null ? null : floor1(100 * (1 - Math.min(1, worst)));
    result[dimension] = score;
    if (score !== null) present.push(score);
  }
  result.overall = present.length === 0 ? null : Math.min(...present);
  return result;
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
