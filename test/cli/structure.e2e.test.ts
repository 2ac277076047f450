import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dqc, dqcJson, tempDir } from '../support/cli.js';

// Header drift and structure-only checks as a user meets them: small files of this test's own.

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const ASOF = ['--as-of', '2026-11-01'];
const codes = (report: ReturnType<typeof dqcJson>['report']): string[] =>
  (report.inputs[0].problems as { code: string; severity: string; count: number }[]).map((p) => `${p.code} ${p.severity} ${p.count}`);

describe('dqc check --pack structure', () => {
  it('passes a well-formed CSV of any header, with no rule and no problem', () => {
    const csv = write('any.csv', 'Mã hàng,Tên hàng,Số lượng\nA1,Bút bi,10\nA2,Vở,5\n');
    const { code, report } = dqcJson(['check', csv, '--pack', 'structure', ...ASOF]);
    expect(code).toBe(0);
    expect(report.rules).toEqual([]);
    expect(report.inputs[0].problems).toEqual([]);
    expect(report.gate.passed).toBe(true);
  });

  it('reports only the file\'s structure: blank and repeated names, ragged rows', () => {
    const csv = write('bad.csv', 'a,,a\n1,2,3\n4,5\n6,7,8,9\n');
    const { code, report } = dqcJson(['check', csv, '--pack', 'structure', ...ASOF]);
    expect(code).toBe(1);
    expect(codes(report)).toEqual(['header/blank warning 1', 'header/duplicate warning 1', 'row/inconsistent-columns error 2']);
    expect(report.rules).toEqual([]);
  });

  it('is listed among the shipped packs', () => {
    const shown = dqc(['pack', 'structure']);
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({ packs: [{ name: 'structure' }], columns: {}, rules: [] });
  });
});

describe('header drift', () => {
  // An export whose date of birth header grew a hint, with an STT column.
  const DRIFT = 'STT,so_dinh_danh,ho_ten,Ngay sinh (dd/mm/yyyy)\n1,001090000001,Nguyễn Văn A,01/01/1990\n';

  it('names the columns the default pack does not know, as warnings that do not fail the gate', () => {
    const csv = write('drift.csv', DRIFT);
    const { code, report } = dqcJson(['check', csv, ...ASOF]);
    expect(code).toBe(0);
    expect(codes(report)).toEqual(['header/unknown-column warning 2']);
    expect(report.inputs[0].problems[0].samples.map((s: { column: string }) => s.column)).toEqual(['STT', 'Ngay sinh (dd/mm/yyyy)']);
    const console = dqc(['check', csv, ...ASOF]);
    expect(console.stdout).toContain('Column "Ngay sinh (dd/mm/yyyy)" (column 4) matches no field of the rule packs');
  });

  it('fails the gate when the pack makes header drift an error', () => {
    const csv = write('drift.csv', DRIFT);
    const pack = write('strict.json', JSON.stringify({ name: 'strict', extends: 'vn-population', structure: { unknown_columns: 'error', missing_columns: 'error' } }));
    const { code, report } = dqcJson(['check', csv, '--pack', pack, ...ASOF]);
    expect(code).toBe(1);
    expect(codes(report)).toEqual(['header/unknown-column error 2', 'header/missing-column error 15']);
    expect(report.gate.reasons).toEqual([expect.objectContaining({ code: 'input-problems', data: expect.objectContaining({ count: 17 }) })]);
  });

  it('says a missing column in Vietnamese too', () => {
    const csv = write('drift.csv', DRIFT);
    const pack = write('strict.json', JSON.stringify({ name: 'strict', extends: 'vn-population', structure: { missing_columns: 'warning' } }));
    const run = dqc(['check', csv, '--pack', pack, '--lang', 'vi', ...ASOF]);
    // Under --lang vi a field is named by its pack label (issue 14, item 14).
    expect(run.stdout).toContain('Tệp không có cột nào là trường Ngày sinh (các tên được nhận: date_of_birth, ngay_sinh');
  });

  it('refuses a pack that binds two fields to one header, and two --column of one header', () => {
    const pack = write('clash.json', '{\n  "name": "clash",\n  "extends": "vn-population",\n  "columns": { "ten": { "aliases": ["Họ và tên"] } }\n}\n');
    const run = dqc(['check', 'fixtures/population-clean.csv', '--pack', pack, ...ASOF]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      '/columns/ten/aliases/0 (line 4, column 37): fields "full_name" and "ten" both bind a header named "Họ và tên"',
    );
    const twice = dqc(['check', 'fixtures/population-clean.csv', '--column', 'full_name=X', '--column', 'address=x', ...ASOF]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('--column full_name=X and --column address=x bind two fields to one header');
  });
});
