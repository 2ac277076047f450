import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dqc, dqcJson, ROOT, tempDir } from '../support/cli.js';

// What a new user meets first: a damaged workbook (its first bytes only), and a CSV saved by Excel
// with blank rows (fixtures/broken/workbook.xlsx, blank-rows.csv; made by fixtures/generate.ts).

const WORKBOOK = join(ROOT, 'fixtures/broken/workbook.xlsx');
const BLANK_ROWS = join(ROOT, 'fixtures/broken/blank-rows.csv');
const CSV = join(ROOT, 'fixtures/broken/ragged.csv');

const dirs: string[] = [];
const scratch = (): string => {
  const dir = tempDir();
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('a workbook is never read as CSV', { timeout: 120_000 }, () => {
  const dir = scratch();
  writeFileSync(join(dir, 'empty.jsonl'), '');
  copyFileSync(WORKBOOK, join(dir, 'book.xlsx'));
  // These first bytes of a workbook are a damaged one: the workbook reader says so.
  const reading: [string, string[], string?][] = [
    ['check', ['check', WORKBOOK]],
    ['profile', ['profile', WORKBOOK]],
    ['reconcile', ['reconcile', CSV, '--reference', WORKBOOK]],
    ['init --from', ['init', '--from', 'book.xlsx'], dir],
  ];

  it.each(reading)('dqc %s reads it as a workbook and stops with exit 2: not a whole workbook', (_name, args, cwd) => {
    const run = dqc(args, { cwd });
    expect(run.code, run.stdout + run.stderr).toBe(2);
    expect(run.stderr).toContain('Cannot read');
    expect(run.stderr).toContain('not a whole workbook (damaged or truncated?)');
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(run.stdout).not.toMatch(/Overall/);
  });

  it('dqc fix reads it as a workbook too, and stops with exit 2 in either language', () => {
    for (const [lang, text] of [['en', 'not a whole workbook (damaged or truncated?)'], ['vi', 'Không đọc được']] as const) {
      const run = dqc(['fix', WORKBOOK, '--fixes', join(dir, 'empty.jsonl'), '-o', join(dir, 'out.csv'), '--lang', lang]);
      expect(run.code, run.stdout + run.stderr).toBe(2);
      expect(run.stderr).toContain(text);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('writes nothing for fix or init', () => {
    expect(existsSync(join(dir, 'out.csv'))).toBe(false);
    expect(existsSync(join(dir, 'dqc.config.json'))).toBe(false);
  });
});

describe('blank rows', { timeout: 120_000 }, () => {
  it('dqc check: blank rows are input warnings with their lines, not data rows with required-field errors', () => {
    const { report } = dqcJson(['check', BLANK_ROWS, '--as-of', '2026-11-01']);
    const input = report.inputs[0];
    expect(input.rows).toBe(3);
    expect(input.blankRows).toBe(4);
    const blank = input.problems.find((p: { code: string }) => p.code === 'row/blank');
    expect(blank).toMatchObject({ severity: 'warning', count: 4 });
    expect(blank.samples.map((s: { line: number }) => s.line)).toEqual([3, 5, 7, 8]);
    const rows = report.rules.flatMap((r: { samples: { row: number | null }[] }) => r.samples.map((s) => s.row));
    expect(rows.every((row: number | null) => row === null || (row >= 1 && row <= 3))).toBe(true);
  });

  it('check → fix: the fix list applies to the rows the check numbered, blank rows copied through', () => {
    const dir = scratch();
    const input = join(dir, 'blank-rows.csv');
    // The third data row, after three blank rows, gets a name the whitespace rule fixes.
    const text = readFileSync(BLANK_ROWS, 'utf8');
    writeFileSync(input, text.replace(',Lê Hoàng Đức,', ',Lê  Hoàng Đức ,'));
    const check = dqc(['check', input, '--as-of', '2026-11-01', '--fixes', join(dir, 'fixes.jsonl'), '--quiet']);
    expect(check.code, check.stderr).not.toBe(2);
    const fixed = dqc(['fix', input, '--fixes', join(dir, 'fixes.jsonl'), '-o', join(dir, 'out.csv')]);
    expect(fixed.code, fixed.stdout + fixed.stderr).toBe(0);
    expect(fixed.stdout).toMatch(/Rows: 3 in = 3 out \+ 0 dropped/);
    expect(fixed.stdout).toMatch(/Fixes: [1-9]\d* applied, 0 conflicts/);
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toBe(text);
    const again = dqcJson(['check', join(dir, 'out.csv'), '--as-of', '2026-11-01']).report.inputs[0];
    expect([again.rows, again.blankRows]).toEqual([3, 4]);
  });
});
