import { describe, expect, it } from 'vitest';
import type { Dimension, Severity } from '../../src/model.js';
import { evaluateGate, exitCodeFor } from '../../src/report/gate.js';
import type { InputResult, RuleResult } from '../../src/report/model.js';
import { computeScores, ruleFails } from '../../src/report/score.js';

function rule(id: string, dimension: Dimension, severity: Severity, failed: number, evaluated: number, status?: RuleResult['status']): RuleResult {
  const failRate = evaluated === 0 ? 0 : failed / evaluated;
  return {
    id,
    check: 'required',
    columns: ['x'],
    dimension,
    severity,
    description: { en: '', vi: '' },
    evaluated,
    failed,
    findings: failed,
    failRate,
    failedByDimension: { [dimension]: failed },
    status: status ?? (failed > 0 ? 'failed' : 'passed'),
    threshold: { maxFailures: null, maxFailRate: null },
    skipped: [],
    samples: [],
  };
}

function input(overrides: Partial<InputResult> = {}): InputResult {
  return {
    path: 'a.csv',
    format: 'csv',
    bytes: 1,
    sha256: '',
    compressed: false,
    encoding: 'utf-8',
    delimiter: ',',
    rows: 100,
    rejected: 0,
    blankRows: 0,
    complete: true,
    columns: [],
    bound: {},
    problems: [],
    ...overrides,
  };
}

describe('scores', () => {
  it('is the pass rate of the worst rule (a warning counting a third), and overall the lowest dimension', () => {
    const scores = computeScores([
      rule('a', 'true', 'error', 10, 100), // costs 0.10
      rule('b', 'true', 'warning', 60, 100), // costs 0.60 / 3 = 0.20
      rule('c', 'true', 'info', 100, 100), // not scored
      rule('d', 'clean', 'error', 0, 100),
      rule('e', 'alive', 'warning', 0, 0, 'skipped'), // skipped: no score
    ]);
    expect(scores.true).toBe(80);
    expect(scores.clean).toBe(100);
    expect(scores.sufficient).toBeNull();
    expect(scores.alive).toBeNull();
    expect(scores.overall).toBe(80);
  });

  it('falls as far as the share of records one rule fails, however many rules pass', () => {
    // 16% of birth dates invalid beside twenty clean rules: a mean over rules would read 99.2.
    const passing = Array.from({ length: 20 }, (_, i) => rule(`ok${i}`, 'true', 'error', 0, 2018));
    const scores = computeScores([...passing, rule('dob-valid', 'true', 'error', 323, 2018)]);
    expect(scores.true).toBe(83.9);
    expect(scores.overall).toBe(83.9);
  });

  it('gives no score for a verdict on the whole file (fill-rate), which is a share of files, not of records', () => {
    const fill = { ...rule('ethnicity-fill', 'sufficient', 'warning', 1, 1), byFile: [{ file: 'a.csv', evaluated: 1, failed: 1, findings: 1 }] };
    const required = { ...rule('id-required', 'sufficient', 'error', 5, 100), byFile: [{ file: 'a.csv', evaluated: 100, failed: 5, findings: 5 }] };
    expect(computeScores([fill, required], [input()]).sufficient).toBe(95);
    expect(computeScores([fill], [input()]).sufficient).toBeNull();
    // a file of one record: one verdict is one record's
    expect(computeScores([fill], [input({ rows: 1 })]).sufficient).toBe(66.6);
  });

  it('never reads 100 when anything failed', () => {
    expect(computeScores([rule('a', 'true', 'error', 1, 1_000_000)]).true).toBe(99.9);
  });

  it('gives no score for rules that bind no column (a file that binds nothing) or that evaluated nothing', () => {
    const rowCount = { ...rule('rows-present', 'sufficient', 'error', 0, 1), columns: [] };
    const skipped = rule('dob-valid', 'true', 'error', 0, 0, 'skipped');
    const scores = computeScores([rowCount, skipped]);
    expect(scores).toEqual({ true: null, sufficient: null, clean: null, alive: null, overall: null });
  });

  it('is null overall when nothing was scored', () => {
    expect(computeScores([]).overall).toBeNull();
  });
});

describe('rule thresholds', () => {
  it.each([
    [0, 0, null, null, false],
    [1, 0.01, null, null, true],
    [5, 0.05, 5, null, false],
    [6, 0.06, 5, null, true],
    [6, 0.006, null, 0.01, false],
    [20, 0.02, null, 0.01, true],
    [6, 0.006, 5, 0.01, true], // any limit passed fails the rule
    [3, 0.03, 5, 0.01, true],
    [3, 0.003, 5, 0.01, false],
  ])('failed=%s rate=%s max_failures=%s max_fail_rate=%s → fails=%s', (failed, rate, maxFailures, maxFailRate, fails) => {
    expect(ruleFails(failed, rate, maxFailures, maxFailRate)).toBe(fails);
  });
});

describe('gate', () => {
  const options = { failOn: 'error' as const, maxWarnings: null };
  const scores = (over: Partial<Record<Dimension | 'overall', number | null>> = {}) => ({
    true: 100,
    sufficient: 100,
    clean: 100,
    alive: 100,
    overall: 100,
    ...over,
  });

  it('passes with failed warning rules under the default --fail-on error', () => {
    const gate = evaluateGate([rule('w', 'clean', 'warning', 3, 10)], scores(), [input()], {}, options);
    expect(gate).toEqual({ passed: true, reasons: [] });
  });

  it('fails on a failed error rule, naming it', () => {
    const gate = evaluateGate([rule('e', 'true', 'error', 2, 10)], scores(), [input()], {}, options);
    expect(gate.reasons).toEqual([{ code: 'rule-failed', data: { rule: 'e', severity: 'error', failed: 2, evaluated: 10 } }]);
  });

  it('fails a warning rule with --fail-on warning, never an info rule', () => {
    const rules = [rule('w', 'clean', 'warning', 3, 10), rule('i', 'clean', 'info', 3, 10)];
    const gate = evaluateGate(rules, scores(), [input()], {}, { failOn: 'warning', maxWarnings: null });
    expect(gate.reasons.map((r) => r.data.rule)).toEqual(['w']);
  });

  it('counts warnings from rules and input problems against --max-warnings', () => {
    const problems = [{ code: 'header/blank' as const, severity: 'warning' as const, count: 2, samples: [] }];
    const rules = [rule('w', 'clean', 'warning', 3, 10)];
    expect(evaluateGate(rules, scores(), [input({ problems })], {}, { failOn: 'error', maxWarnings: 5 }).passed).toBe(true);
    const gate = evaluateGate(rules, scores(), [input({ problems })], {}, { failOn: 'error', maxWarnings: 4 });
    expect(gate.reasons).toEqual([{ code: 'too-many-warnings', data: { count: 5, max: 4 } }]);
  });

  it('applies per-dimension and overall minimum scores from the pack', () => {
    const thresholds = { dimensions: { clean: { min_score: 95 } }, min_overall_score: 99 };
    const gate = evaluateGate([], scores({ clean: 94.5, overall: 98 }), [input()], thresholds, options);
    expect(gate.reasons).toEqual([
      { code: 'dimension-below-min', data: { dimension: 'clean', score: 94.5, min: 95 } },
      { code: 'overall-below-min', data: { score: 98, min: 99 } },
    ]);
  });

  it('fails on input errors and on incomplete inputs', () => {
    const problems = [{ code: 'row/inconsistent-columns' as const, severity: 'error' as const, count: 3, samples: [] }];
    const gate = evaluateGate([], scores(), [input({ problems, complete: false })], {}, options);
    expect(gate.reasons).toEqual([
      { code: 'input-incomplete', data: { file: 'a.csv' } },
      { code: 'input-problems', data: { file: 'a.csv', count: 3 } },
    ]);
  });
});

describe('exit codes', () => {
  it.each([
    [true, true, 0],
    [false, true, 1],
    [false, false, 2],
    [true, false, 2],
  ])('gate passed=%s, inputs complete=%s → %s', (passed, complete, code) => {
    expect(exitCodeFor({ gate: { passed, reasons: [] }, inputs: [input({ complete })] })).toBe(code);
  });
});

describe('rules that file findings under several dimensions', () => {
  it('score in each of them', () => {
    const phone = { ...rule('phone', 'true', 'error', 30, 100), failedByDimension: { true: 10, alive: 20 } };
    const scores = computeScores([phone]);
    expect(scores.true).toBe(90);
    expect(scores.alive).toBe(80);
    expect(scores.clean).toBeNull();
  });
});
