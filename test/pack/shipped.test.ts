import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AS_OF, csvRecord, POPULATION_HEADERS, populationRows } from '../../fixtures/generate.js';
import { check } from '../../src/index.js';
import { resolvePacks } from '../../src/pack/resolve.js';
import { ROOT } from '../support/cli.js';

describe('the shipped vn-population pack', () => {
  const pack = resolvePacks(['vn-population']);

  it('loads, and every rule has a description in both languages', () => {
    expect(pack.rules.length).toBeGreaterThanOrEqual(30);
    for (const rule of pack.rules) {
      expect(rule.description?.en, rule.id).toMatch(/\w/);
      expect(rule.description?.vi, rule.id).toMatch(/\w/);
    }
  });

  it('is documented one line per rule in rules/README.md', () => {
    const readme = readFileSync(join(ROOT, 'rules/README.md'), 'utf8');
    for (const rule of pack.rules) {
      const line = readme.split('\n').find((l) => l.startsWith(`| \`${rule.id}\` |`));
      expect(line, rule.id).toBeDefined();
      expect(line).toContain(`\`${rule.check}\``);
      expect(line).toContain(`| ${rule.severity} |`);
    }
  });

  it('binds the aliases the issue names', () => {
    const aliases = (field: string) => pack.columns[field]?.aliases ?? [];
    expect(aliases('id_number')).toEqual(expect.arrayContaining(['so_dinh_danh', 'so_dinh_danh_ca_nhan', 'so_cccd', 'cccd', 'so_can_cuoc', 'id_number']));
    expect(aliases('full_name')).toEqual(expect.arrayContaining(['ho_ten', 'ho_va_ten', 'full_name']));
    expect(aliases('date_of_birth')).toEqual(expect.arrayContaining(['ngay_sinh', 'date_of_birth']));
    expect(aliases('sex')).toEqual(expect.arrayContaining(['gioi_tinh', 'sex', 'gender']));
    expect(aliases('ethnicity')).toEqual(expect.arrayContaining(['dan_toc', 'ethnicity']));
    expect(aliases('birth_registration_place')).toEqual(expect.arrayContaining(['noi_dang_ky_khai_sinh', 'birth_registration_place']));
    expect(aliases('phone')).toEqual(expect.arrayContaining(['so_dien_thoai', 'dien_thoai', 'phone']));
    expect(aliases('updated_at')).toEqual(expect.arrayContaining(['ngay_cap_nhat', 'updated_at']));
    expect(aliases('date_of_death')).toEqual(expect.arrayContaining(['ngay_chet', 'ngay_mat', 'date_of_death']));
  });

  it('reports spaces around a date of birth as spaces (dob-whitespace), and judges the date itself (dob-valid)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dqc-test-'));
    try {
      const file = join(dir, 'dob-spaces.csv');
      const rows = [...populationRows({ seed: 15, count: 4, asOf: AS_OF })];
      rows[1]!.ngay_sinh = ` ${rows[1]!.ngay_sinh} `;
      rows[2]!.ngay_sinh = ' 31/02/1990';
      writeFileSync(file, [POPULATION_HEADERS, ...rows.map((r) => POPULATION_HEADERS.map((h) => r[h]))].map((v) => csvRecord(v)).join('\n') + '\n');
      const report = await check([file], { asOf: AS_OF, threads: 1 });
      const samples = (id: string) => report.rules.find((r) => r.id === id)?.samples.map((s) => [s.row, s.code]);
      expect(samples('dob-whitespace')).toEqual([
        [2, 'whitespace/untrimmed'],
        [3, 'whitespace/untrimmed'],
      ]);
      expect(samples('dob-valid')).toEqual([[3, 'date/impossible-date']]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports spaces around a date of death as spaces (death-date-whitespace): the date rule judges it trimmed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dqc-test-'));
    try {
      const file = join(dir, 'death-spaces.csv');
      const rows = [...populationRows({ seed: 16, count: 3, asOf: AS_OF })];
      for (const row of rows) row.ngay_chet = '';
      rows[1]!.ngay_chet = ' 12/03/2020 ';
      rows[1]!.trang_thai = 'Đã chết';
      writeFileSync(file, [POPULATION_HEADERS, ...rows.map((r) => POPULATION_HEADERS.map((h) => r[h]))].map((v) => csvRecord(v)).join('\n') + '\n');
      const report = await check([file], { asOf: AS_OF, threads: 1 });
      const samples = (id: string) => report.rules.find((r) => r.id === id)?.samples.map((s) => [s.row, s.code]);
      expect(samples('death-date-whitespace')).toEqual([[2, 'whitespace/untrimmed']]);
      expect(samples('death-date-valid')).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports an empty sex cell (a field of the population database, Law 26/2023 Art. 9)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dqc-test-'));
    try {
      const file = join(dir, 'sex-blank.csv');
      const rows = [...populationRows({ seed: 14, count: 6, asOf: AS_OF })];
      rows[1]!.gioi_tinh = '';
      rows[4]!.gioi_tinh = ' ';
      writeFileSync(file, [POPULATION_HEADERS, ...rows.map((r) => POPULATION_HEADERS.map((h) => r[h]))].map((v) => csvRecord(v)).join('\n') + '\n');
      const report = await check([file], { asOf: AS_OF, threads: 1 });
      const rule = report.rules.find((r) => r.id === 'sex-required');
      expect(rule?.severity).toBe('error');
      expect(rule?.samples.map((s) => [s.row, s.code])).toEqual([
        [2, 'required/empty'],
        [5, 'required/empty'],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
