import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dqc, dqcJson, tempDir } from '../support/cli.js';

const DEFECTS = 'fixtures/population-defects.csv';
const AS_OF = ['--as-of', '2026-11-01'];

describe('dqc check --threads', { timeout: 120_000 }, () => {
  it('writes the same report and a byte-identical fix list on 1, 2 and 4 threads', () => {
    const dir = tempDir();
    const outputs = [1, 2, 4].map((threads) => {
      const report = join(dir, `report-${threads}.json`);
      const fixes = join(dir, `fixes-${threads}.csv`);
      const result = dqc(['check', DEFECTS, ...AS_OF, '--threads', String(threads), '--fixes', fixes, '-q', '-f', 'json', '-o', report]);
      expect(result.code).toBe(1); // the defects fail the gate
      expect(result.stderr).toBe('');
      const { startedAt: _s, durationMs: _d, ...rest } = JSON.parse(readFileSync(report, 'utf8'));
      return { report: rest, fixes: readFileSync(fixes) };
    });
    const [one, ...others] = outputs;
    expect(one!.fixes.toString('utf8').split('\n').length).toBeGreaterThan(50);
    for (const other of others) {
      expect(other.report).toEqual(one!.report);
      expect(other.fixes.equals(one!.fixes)).toBe(true);
    }
  });

  // Rows a reader rejects are rows of the file: summary.rows counts them (rows = checked + rejected).
  it.each([
    ['fixtures/broken/not-objects.json', 3, 3],
    ['fixtures/broken/broken.ndjson', 4, 1],
    ['fixtures/broken/ragged.csv', 5, 0],
  ])('counts every row of %s, rejected ones included, on 1 and 2 threads', (file, rows, rejected) => {
    for (const threads of ['1', '2']) {
      const { report } = dqcJson(['check', file, '--threads', threads]);
      expect(report.summary.rows).toBe(rows);
      expect(report.inputs[0].rows).toBe(rows);
      expect(report.inputs[0].rejected).toBe(rejected);
    }
  });

  it.each(['0', 'two', '65'])('refuses --threads %s with exit 2 and a message naming the option', (value) => {
    const result = dqc(['check', DEFECTS, '--threads', value]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--threads');
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});
