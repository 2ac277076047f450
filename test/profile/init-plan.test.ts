// dqc init's plan, without the command line: names, suggested rules, and a config that resolves as
// a pack and binds every column of the file it came from.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AS_OF } from '../../fixtures/generate.js';
import { isoDay } from '../../src/shared/dates.js';
import { configName, fieldName, planConfig } from '../../src/init/plan.js';
import { patternOfShape, suggestRules } from '../../src/init/suggest.js';
import { bindColumns } from '../../src/pack/bind.js';
import { resolvePacks } from '../../src/pack/resolve.js';
import type { ColumnProfile } from '../../src/profile/model.js';
import { runProfile } from '../../src/profile/run.js';
import { tempDir } from '../support/cli.js';
import { FIELD_OF_HEADER, NOTES_HEADER, UNUSUAL_HEADERS, writeUnusualExport } from './unusual-export.js';

const pack = resolvePacks(['vn-population']);
const today = isoDay(AS_OF) as number;

async function profileOf(csv: string) {
  const dir = tempDir();
  const path = join(dir, 'input.csv');
  writeFileSync(path, csv);
  const profile = await runProfile({ inputs: [path], pack, top: 20, today });
  return profile.inputs[0]!;
}

function column(input: { columns: ColumnProfile[] }, name: string): ColumnProfile {
  const found = input.columns.find((c) => c.name === name);
  if (!found) throw new Error(`no column ${name}`);
  return found;
}

describe('names', () => {
  it.each([
    ['exports/Dân cư 2025.csv', 'dan-cu-2025'],
    ['data.ndjson.gz', 'data'],
    ['___.csv', 'local'],
    [null, 'local'],
  ])('configName(%j) = %j', (path, name) => {
    expect(configName(path)).toBe(name);
    expect(name).toMatch(/^[a-z0-9][a-z0-9._-]*$/);
  });

  it.each([
    ['Mã hộ gia đình', 5, [], 'ma_ho_gia_dinh'],
    ['Ghi chú', 1, ['ghi_chu'], 'ghi_chu_2'],
    ['2025 thu nhập', 3, [], 'col_2025_thu_nhap'],
    ['***', 7, [], 'column_7'],
  ])('fieldName(%j) = %j', (header, position, taken, name) => {
    expect(fieldName(header, position, new Set(taken))).toBe(name);
    expect(name).toMatch(/^[a-z][a-z0-9_]*$/);
  });

  it.each([
    ['dddd-dddd', '^\\d{4}-\\d{4}$'],
    ['d.d', '^\\d\\.\\d$'],
    ['(ddd) ddd', '^\\(\\d{3}\\) \\d{3}$'],
    ['Aa dd', null],
    ['---', null],
  ])('patternOfShape(%j) = %j', (shape, pattern) => {
    expect(patternOfShape(shape)).toBe(pattern);
    if (pattern) expect(new RegExp(pattern).test(shape.replace(/d/g, '7').replace(/Aa/g, 'Xy'))).toBe(true);
  });
});

describe('suggestRules', () => {
  it('a full column of distinct codes of one shape: required, unique, pattern', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `HS-${String(1000 + i)}`);
    const input = await profileOf(`Mã hồ sơ\n${rows.join('\n')}\n`);
    const rules = suggestRules(column(input, 'Mã hồ sơ'), 'Mã hồ sơ', AS_OF).map((s) => [s.suffix, s.check, s.options]);
    expect(rules).toEqual([
      ['required', 'required', undefined],
      ['unique', 'unique', undefined],
    ]);
    // 'HS' is letters: the shape is Add-dddd, no pattern of digits only.
  });

  it('digits of one shape get a pattern; a short repeated list an enum; a partly filled column a fill rate', async () => {
    const lines = ['Mã bưu chính,Loại hộ,Ghi chú'];
    for (let i = 0; i < 40; i++) lines.push(`${String(100000 + i * 7)},${['Thường trú', 'Tạm trú'][i % 2]},${i % 4 === 0 ? '' : 'x'}`);
    const input = await profileOf(`${lines.join('\n')}\n`);
    const of = (name: string) => suggestRules(column(input, name), name, AS_OF).map((s) => [s.suffix, s.check, s.options]);
    expect(of('Mã bưu chính')).toEqual([
      ['required', 'required', undefined],
      ['unique', 'unique', undefined],
      ['pattern', 'pattern', { pattern: '^\\d{6}$', description: { en: 'the shape dddddd', vi: 'dạng dddddd' } }],
    ]);
    expect(of('Loại hộ')).toEqual([
      ['required', 'required', undefined],
      ['values', 'enum', { values: ['Thường trú', 'Tạm trú'] }],
    ]);
    expect(of('Ghi chú')).toEqual([
      ['fill', 'fill-rate', { min: 0.75 }],
      ['values', 'enum', { values: ['x'] }],
    ]);
  });

  it("a column's meaning brings its check type; dates their format, and future days when it had some", async () => {
    const lines = ['SĐT người thân,Hạn thẻ'];
    for (let i = 0; i < 12; i++) lines.push(`09${String(12345670 + i)},${i % 2 ? '2030-01-15' : '2024-05-01'}`);
    const input = await profileOf(`${lines.join('\n')}\n`);
    const phone = suggestRules(column(input, 'SĐT người thân'), 'SĐT người thân', AS_OF);
    expect(phone.map((s) => s.check)).toEqual(['vn-phone', 'required']);
    expect(phone[0]?.description).toEqual({
      en: 'Suggested by dqc init: "SĐT người thân" holds phone numbers.',
      vi: 'Đề xuất của dqc init: cột "SĐT người thân" chứa số điện thoại.',
    });
    const expiry = suggestRules(column(input, 'Hạn thẻ'), 'Hạn thẻ', AS_OF);
    expect(expiry[0]).toMatchObject({ check: 'date', options: { allow_future: true } });
  });
});

describe('planConfig', () => {
  it('declares aliases, date formats and new fields so that the pack binds every column of the file', async () => {
    const dir = tempDir();
    const file = join(dir, 'export.csv');
    writeUnusualExport(file, 200);
    const input = (await runProfile({ inputs: [file], pack, top: 20, today })).inputs[0]!;
    const plan = planConfig(input, { ref: 'vn-population', pack }, { schema: './pack.schema.json', path: 'export.csv', today: AS_OF });

    expect(plan.config.extends).toBe('vn-population');
    expect(plan.config.columns?.updated_at).toEqual({ aliases: ['Cập nhật lần cuối'], format: 'yyyy-MM-dd' });
    expect(plan.config.columns?.phone).toEqual({ aliases: ['Liên lạc'] });
    // Headers the pack already binds by alias need nothing.
    expect(plan.config.columns?.status).toBeUndefined();
    expect(plan.added).toEqual([{ header: NOTES_HEADER, field: 'ghi_chu', type: 'text' }]);
    expect(plan.rules.every((r) => r.severity === 'warning' && r.column === 'ghi_chu')).toBe(true);
    expect(plan.packRules).toEqual({ bound: pack.rules.length, skipped: 0 });

    const configPath = join(dir, 'dqc.config.json');
    writeFileSync(configPath, JSON.stringify(plan.config));
    const resolved = resolvePacks([configPath]);
    const bound = bindColumns(input.columns.map((c) => c.name), resolved.columns);
    for (const [header, field] of Object.entries(FIELD_OF_HEADER)) {
      expect(bound.get(field), field).toBe(input.columns.findIndex((c) => c.name === UNUSUAL_HEADERS[header as keyof typeof UNUSUAL_HEADERS]));
    }
    expect(bound.get('ghi_chu')).toBe(input.columns.length - 1);
    expect(resolved.columns.updated_at?.format).toBe('yyyy-MM-dd');
  });

  it('writes a starter that only extends the pack when no file is given', () => {
    const plan = planConfig(null, { ref: 'vn-population', pack }, { schema: './s.json', path: null, today: AS_OF });
    expect(Object.keys(plan.config)).toEqual(['$schema', 'name', 'description', 'extends']);
    expect(plan.config.description.vi).toContain('kế thừa vn-population');
  });
});
