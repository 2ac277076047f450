import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTypes } from '../../src/checks/index.js';
import { helpDisplayWidth } from '../../src/cli/main.js';
import { dqc, dqcJson, tempDir } from '../support/cli.js';

describe('command line', () => {
  it('shows help in English and in Vietnamese', () => {
    const en = dqc(['check', '--help']);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('Usage: dqc check [options] <inputs...>');
    expect(en.stdout).toContain('--fail-on <severity>');
    const vi = dqc(['check', '--help', '--lang', 'vi']);
    expect(vi.stdout).toContain('Cách dùng: dqc check [tùy chọn]');
    expect(vi.stdout).not.toMatch(/choices|\[options\]|Usage|Options:/);
    expect(vi.stdout).toContain('Tùy chọn:');
    expect(vi.stdout).toContain('bộ quy tắc');
  });

  it('lines up the help’s descriptions in Vietnamese as in English, counting a letter with its marks as one column', () => {
    expect(helpDisplayWidth('Nguye\u0302\u0303n')).toBe(6);
    expect(helpDisplayWidth('Nguyễn')).toBe(6);
    expect(helpDisplayWidth('\u001b[31m[tùy chọn]\u001b[39m')).toBe(10);
    for (const args of [['--help'], ['check', '--help'], ['profile', '--help']]) {
      for (const lang of ['en', 'vi']) {
        const text = dqc([...args, '--lang', lang]).stdout;
        // each block of items: the column where the descriptions start, from the first line of each item
        for (const block of text.split(/\n\n/)) {
          const starts = block
            .split('\n')
            .filter((line) => /^ {2}\S.*\S {2,}\S/.test(line))
            .map((line) => helpDisplayWidth(/^ {2}\S.*?\S {2,}(?=\S)/.exec(line)![0]));
          expect(new Set(starts).size, `${args.join(' ')} --lang ${lang}:\n${block}`).toBeLessThanOrEqual(1);
        }
      }
    }
  });

  it('prints the version', () => {
    const run = dqc(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('answers bad arguments with exit code 2 and a message in the chosen language', () => {
    const unknown = dqc(['check', 'fixtures/population-clean.csv', '--frmat', 'json']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown option --frmat');
    const vi = dqc(['check', 'fixtures/population-clean.csv', '--frmat', 'json', '--lang', 'vi']);
    expect(vi.stderr).toContain('không có tùy chọn --frmat');
    const asOf = dqc(['check', 'fixtures/population-clean.csv', '--as-of', '31/12/2025']);
    expect(asOf.code).toBe(2);
    expect(asOf.stderr).toContain('--as-of: "31/12/2025" is not valid (yyyy-mm-dd)');
    const format = dqc(['check', 'fixtures/population-clean.csv', '--format', 'xml']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--format: "xml" is not valid (console, json, html, markdown, junit)');
    const missing = dqc(['check']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing argument inputs');
  });

  it('exits 2 with the path when an input does not exist, in both languages', () => {
    const en = dqc(['check', 'fixtures/nothing-*.csv']);
    expect(en.code).toBe(2);
    expect(en.stderr.trim()).toBe('dqc: No input matches fixtures/nothing-*.csv');
    const vi = dqc(['check', 'fixtures/nothing.csv', '--lang', 'vi']);
    expect(vi.stderr.trim()).toBe('dqc: Không tìm thấy tệp đầu vào nào khớp với fixtures/nothing.csv');
  });

  it('reads several files and globs in one run', () => {
    const { report, code } = dqcJson(['check', 'fixtures/formats/*.csv', 'fixtures/formats/data.ndjson', '--as-of', '2026-11-01']);
    const paths = report.inputs.map((i: { path: string }) => i.path);
    expect(paths).toContain('fixtures/formats/semicolon.csv');
    expect(paths).toContain('fixtures/formats/data.ndjson');
    expect(paths.length).toBeGreaterThanOrEqual(9);
    expect(report.summary.rows).toBe(report.inputs.reduce((n: number, i: { rows: number }) => n + i.rows, 0));
    // latin1.csv and windows-1258.csv are not UTF-8: reported, so the gate fails
    expect(code).toBe(1);
    expect(report.gate.reasons.some((r: { code: string; data: { file: string } }) => r.code === 'input-problems' && r.data.file.endsWith('latin1.csv'))).toBe(true);
  });

  it('honours --delimiter and --encoding', () => {
    const forced = dqcJson(['check', 'fixtures/formats/semicolon.csv', '--delimiter', ',', '--as-of', '2026-11-01']);
    expect(forced.report.inputs[0].delimiter).toBe(',');
    const latin = dqcJson(['check', 'fixtures/formats/latin1.csv', '--encoding', 'latin1', '--as-of', '2026-11-01']);
    expect(latin.report.inputs[0].encoding).toBe('windows-1252');
    // Nothing undecodable; only the two columns the pack does not know (quoc_tich, ghi_chu).
    expect(latin.report.inputs[0].problems).toEqual([expect.objectContaining({ code: 'header/unknown-column', count: 2 })]);
    const tab = dqcJson(['check', 'fixtures/formats/tab.tsv', '--delimiter', 'tab', '--as-of', '2026-11-01']);
    expect(tab.report.inputs[0].delimiter).toBe('\t');
  });

  it('reports broken inputs as findings, and exits 2 only when part of a file could not be read', () => {
    const ragged = dqcJson(['check', 'fixtures/broken/ragged.csv', '--as-of', '2026-11-01']);
    expect(ragged.code).toBe(1);
    expect(ragged.report.inputs[0].problems[0]).toMatchObject({ code: 'row/inconsistent-columns', count: 2 });
    expect(ragged.report.inputs[0].problems[0].samples[0]).toMatchObject({ line: 3, row: 2, message: 'Row has 4 fields, the header has 5' });
    const unclosed = dqcJson(['check', 'fixtures/broken/unclosed-quote.csv', '--as-of', '2026-11-01']);
    expect(unclosed.code).toBe(2);
    expect(unclosed.report.inputs[0].complete).toBe(false);
    expect(unclosed.report.gate.reasons.map((r: { code: string }) => r.code)).toContain('input-incomplete');
    const text = dqc(['check', 'fixtures/broken/unclosed-quote.csv', '--lang', 'vi']);
    expect(text.code).toBe(2);
    expect(text.stdout).toContain('Dấu ngoặc kép mở ở dòng 4 không được đóng');
  });

  it('never prints a stack trace, even for a directory or an unreadable gzip', () => {
    const dir = tempDir();
    const gz = join(dir, 'bad.csv.gz');
    writeFileSync(gz, Buffer.from([0x1f, 0x8b, 0x08, 0x00, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    for (const input of [dir, gz]) {
      const run = dqc(['check', input]);
      expect(run.code, input).toBe(2);
      expect(run.stderr).toMatch(/^dqc: Cannot read /);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('lists the check types', () => {
    const run = dqc(['checks', '--lang', 'vi']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^required\s+sufficient\s+Trường phải có giá trị/m);
    expect(run.stdout.trim().split('\n')).toHaveLength(Object.keys(checkTypes).length);
    expect(run.stdout).toMatch(/^vn-personal-id\s+true\s+/m);
  });
});
