import { Ajv } from 'ajv';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dqc, dqcJson, ROOT, tempDir } from '../support/cli.js';

interface Expected {
  rule: string;
  code: string;
  row: number | null;
  column: string | null;
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'fixtures/population-defects.manifest.json'), 'utf8')) as {
  asOf: string;
  rows: number;
  expected: Expected[];
};
const reportSchema = JSON.parse(readFileSync(join(ROOT, 'rules/report.schema.json'), 'utf8')) as object;
const validateReport = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(reportSchema);

const key = (f: Expected) => `${f.rule} ${f.code} row=${f.row} column=${f.column}`;

describe('dqc check on the generated population exports', () => {
  it('reports nothing on the clean export and passes the gate', () => {
    const { code, report } = dqcJson(['check', 'fixtures/population-clean.csv', '--as-of', manifest.asOf]);
    expect(code).toBe(0);
    expect(report.summary.findings).toBe(0);
    expect(report.gate).toEqual({ passed: true, reasons: [] });
    expect(report.inputs[0].rows).toBe(200);
    expect(report.rules).toHaveLength(35);
    expect(report.rules.every((r: { status: string }) => r.status === 'passed')).toBe(true);
    expect(report.scores).toEqual({ true: 100, sufficient: 100, clean: 100, alive: 100, overall: 100 });
  });

  it('reports exactly the planted defects, at their rows, and fails the gate', () => {
    const { code, report } = dqcJson(['check', 'fixtures/population-defects.csv', '--as-of', manifest.asOf, '--sample', '1000']);
    expect(code).toBe(1);
    expect(report.inputs[0].rows).toBe(manifest.rows);
    const found: Expected[] = report.rules.flatMap((rule: { id: string; samples: { code: string; row: number | null; column: string | null }[] }) =>
      rule.samples.map((s) => ({ rule: rule.id, code: s.code, row: s.row, column: s.column })),
    );
    expect(found.map(key).sort()).toEqual(manifest.expected.map(key).sort());
    expect(report.summary.findings).toBe(manifest.expected.length);
    const failedErrorRules = new Set(manifest.expected.map((e) => e.rule));
    for (const rule of report.rules) expect(rule.status, rule.id).toBe(failedErrorRules.has(rule.id) ? 'failed' : 'passed');
    expect(report.gate.passed).toBe(false);
    expect(report.gate.reasons.map((r: { code: string }) => r.code)).toContain('rule-failed');
  });

  it('writes JSON that matches the published schema, with per-rule counts and samples', () => {
    const { report } = dqcJson(['check', 'fixtures/population-defects.csv', '--as-of', manifest.asOf]);
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
    expect(report.reportVersion).toBe(1);
    const dob = report.rules.find((r: { id: string }) => r.id === 'dob-valid');
    expect(dob).toMatchObject({ check: 'date', dimension: 'true', severity: 'error', evaluated: manifest.rows, failed: 10, status: 'failed' });
    expect(dob.samples).toHaveLength(5); // --sample default
    expect(dob.samples[0]).toMatchObject({ file: 'fixtures/population-defects.csv', column: 'ngay_sinh', field: 'date_of_birth' });
    expect(dob.samples[0].message).toMatch(/date_of_birth/);
    expect(report.inputs[0]).toMatchObject({ encoding: 'utf-8', delimiter: ',', format: 'csv', complete: true });
    expect(report.inputs[0].sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('validates the clean report against the schema too', () => {
    const { report } = dqcJson(['check', 'fixtures/population-clean.csv', '--as-of', manifest.asOf]);
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
  });

  it('speaks Vietnamese with --lang vi, in the console and in the JSON messages', () => {
    const consoleRun = dqc(['check', 'fixtures/population-defects.csv', '--as-of', manifest.asOf, '--lang', 'vi']);
    expect(consoleRun.code).toBe(1);
    expect(consoleRun.stdout).toContain('Không đạt yêu cầu');
    expect(consoleRun.stdout).toContain('bị bỏ trống');
    expect(consoleRun.stdout).not.toContain('Gate failed');
    const { report } = dqcJson(['check', 'fixtures/population-defects.csv', '--as-of', manifest.asOf, '--lang', 'vi']);
    expect(report.lang).toBe('vi');
    const required = report.rules.find((r: { id: string }) => r.id === 'id-required');
    expect(required.samples[0].message).toBe('Số định danh cá nhân bị bỏ trống');
    expect(report.gate.reasons[0].message).toMatch(/quy tắc .* không đạt/);
  });

  it('takes the language from the environment when --lang is not given', () => {
    const run = dqc(['check', 'fixtures/population-clean.csv', '--as-of', manifest.asOf], { env: { LANG: 'vi_VN.UTF-8' } });
    expect(run.stdout).toContain('Đạt yêu cầu');
    const english = dqc(['check', 'fixtures/population-clean.csv', '--as-of', manifest.asOf], { env: { LANG: 'fr_FR.UTF-8' } });
    expect(english.stdout).toContain('Gate passed');
  });

  it('writes the report to -o atomically and prints the console summary beside it', () => {
    const dir = tempDir();
    const out = join(dir, 'report.json');
    const run = dqc(['check', 'fixtures/population-defects.csv', '--as-of', manifest.asOf, '--format', 'json', '-o', out]);
    expect(run.code).toBe(1);
    expect(JSON.parse(readFileSync(out, 'utf8')).reportVersion).toBe(1);
    expect(run.stdout).toContain('Gate failed');
    expect(readdirSync(dir)).toEqual(['report.json']);
    const missingFolder = dqc(['check', 'fixtures/population-clean.csv', '-o', join(dir, 'no-such-folder', 'r.json')]);
    expect(missingFolder.code).toBe(2);
    expect(missingFolder.stderr).toContain('Cannot write');
  });

  it('groups the console report by dimension with the worst rule first and no colour when piped', () => {
    const run = dqc(['check', 'fixtures/population-defects.csv', '--as-of', manifest.asOf]);
    const out = run.stdout;
    expect(out.includes('\u001b[')).toBe(false); // no ANSI colour codes
    const order = ['Đúng · True', 'Đủ · Sufficient', 'Sạch · Clean', 'Sống · Alive'].map((h) => out.indexOf(h));
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
    const trueSection = out.slice(order[0], order[1]);
    // id-valid fails on the most rows (20 of 500), sex-valid on 4.
    expect(trueSection.trimStart().split('\n')[1]).toMatch(/✖ id-valid \[vn-personal-id\] error {2}20 of 500/);
    expect(trueSection.indexOf('dob-valid')).toBeLessThan(trueSection.indexOf('sex-valid'));
    // The third id-valid sample (after the two of the 000000000000 row) is the first malformed ID.
    const malformed = manifest.expected.find((e) => e.code === 'vn-personal-id/id-format') as Expected;
    expect(out).toContain(`row ${malformed.row}, line ${(malformed.row as number) + 1}: id_number '`);
  });

  it('does not modify its input', () => {
    const before = readFileSync(join(ROOT, 'fixtures/population-defects.csv'));
    dqc(['check', 'fixtures/population-defects.csv', '--as-of', manifest.asOf]);
    expect(readFileSync(join(ROOT, 'fixtures/population-defects.csv')).equals(before)).toBe(true);
    expect(existsSync(join(ROOT, 'fixtures/population-defects.csv.tmp'))).toBe(false);
  });
});

describe('the gate and exit codes', () => {
  const asOf = ['--as-of', manifest.asOf];

  it('fails on warnings with --fail-on warning', () => {
    // The clean export passes; a pack that makes the freshness limit tiny produces warnings only.
    const dir = tempDir();
    const pack = join(dir, 'strict.json');
    writeFileSync(
      pack,
      JSON.stringify({ name: 'strict', extends: 'vn-population', rules: [{ id: 'updated-fresh', options: { max_age_days: 10 } }] }),
    );
    const lenient = dqcJson(['check', 'fixtures/population-clean.csv', '--pack', pack, ...asOf]);
    expect(lenient.code).toBe(0);
    expect(lenient.report.summary.warnings).toBeGreaterThan(0);
    const strict = dqcJson(['check', 'fixtures/population-clean.csv', '--pack', pack, ...asOf, '--fail-on', 'warning']);
    expect(strict.code).toBe(1);
    expect(strict.report.gate.reasons).toEqual([
      expect.objectContaining({ code: 'rule-failed', data: expect.objectContaining({ rule: 'updated-fresh', severity: 'warning' }) }),
    ]);
    const counted = dqcJson(['check', 'fixtures/population-clean.csv', '--pack', pack, ...asOf, '--max-warnings', '3']);
    expect(counted.code).toBe(1);
    expect(counted.report.gate.reasons[0]).toMatchObject({ code: 'too-many-warnings', data: { max: 3 } });
  });
});
