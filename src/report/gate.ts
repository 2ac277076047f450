import { DIMENSIONS, type Dimension } from '../model.js';
import type { Thresholds } from '../pack/types.js';
import type { Gate, GateReason, InputResult, Report, RuleResult, Scores } from './model.js';

export interface GateOptions {
  /** `warning`: a failed warning rule fails the gate too. */
  failOn: 'error' | 'warning';
  /** Fail when warning findings (rules and input problems) exceed this. */
  maxWarnings: number | null;
}

/** Whether a failed rule fails the gate: an error rule always, a warning rule with `--fail-on warning`. */
export function failsGate(rule: Pick<RuleResult, 'status' | 'severity'>, failOn: GateOptions['failOn']): boolean {
  if (rule.status !== 'failed') return false;
  return rule.severity === 'error' || (rule.severity === 'warning' && failOn === 'warning');
}

/** The gate verdict: a pure function of the results, the pack thresholds and the flags. */
export function evaluateGate(
  rules: readonly RuleResult[],
  scores: Scores,
  inputs: readonly InputResult[],
  thresholds: Thresholds,
  options: GateOptions,
): Gate {
  const reasons: GateReason[] = [];
  for (const input of inputs) {
    if (!input.complete) reasons.push({ code: 'input-incomplete', data: { file: input.path } });
    const errors = input.problems.filter((p) => p.severity === 'error').reduce((n, p) => n + p.count, 0);
    if (errors > 0) reasons.push({ code: 'input-problems', data: { file: input.path, count: errors } });
  }
  for (const rule of rules) {
    if (failsGate(rule, options.failOn)) {
      reasons.push({ code: 'rule-failed', data: { rule: rule.id, severity: rule.severity, failed: rule.failed, evaluated: rule.evaluated } });
    }
  }
  for (const dimension of DIMENSIONS) {
    const min = thresholds.dimensions?.[dimension]?.min_score;
    const score = scores[dimension];
    if (min !== undefined && score !== null && score < min) {
      reasons.push({ code: 'dimension-below-min', data: { dimension, score, min } });
    }
  }
  const minOverall = thresholds.min_overall_score;
  if (minOverall !== undefined && scores.overall !== null && scores.overall < minOverall) {
    reasons.push({ code: 'overall-below-min', data: { score: scores.overall, min: minOverall } });
  }
  if (options.maxWarnings !== null) {
    const warnings =
      rules.filter((r) => r.severity === 'warning').reduce((n, r) => n + r.findings, 0) +
      inputs.flatMap((i) => i.problems).filter((p) => p.severity === 'warning').reduce((n, p) => n + p.count, 0);
    if (warnings > options.maxWarnings) reasons.push({ code: 'too-many-warnings', data: { count: warnings, max: options.maxWarnings } });
  }
  return { passed: reasons.length === 0, reasons };
}

/** 0 the gate passed, 1 it failed, 2 the run could not be done completely (an input was not fully read). */
export function exitCodeFor(report: Pick<Report, 'gate' | 'inputs'>): 0 | 1 | 2 {
  if (report.inputs.some((input) => !input.complete)) return 2;
  return report.gate.passed ? 0 : 1;
}

export type ScoreVerdict = 'passed' | 'warned' | 'failed' | 'none';

/**
 * What a score's colour says, taken from the gate, not from a fixed scale of numbers: `failed` when
 * the dimension holds a rule that fails the gate or is under its pack minimum (overall: the gate
 * failed), `warned` when it holds a failed rule that does not fail the gate, `none` without a score.
 */
export function scoreVerdict(report: Pick<Report, 'rules' | 'scores' | 'gate' | 'settings'>, key: Dimension | 'overall'): ScoreVerdict {
  if (report.scores[key] === null) return 'none';
  const inDimension = (rule: RuleResult) => key === 'overall' || rule.dimension === key || (rule.failedByDimension[key] ?? 0) > 0;
  if (key === 'overall' ? !report.gate.passed : report.gate.reasons.some((r) => r.code === 'dimension-below-min' && r.data.dimension === key)) return 'failed';
  const failed = report.rules.filter((rule) => rule.status === 'failed' && inDimension(rule));
  if (failed.some((rule) => failsGate(rule, report.settings.failOn))) return 'failed';
  return failed.length > 0 ? 'warned' : 'passed';
}
