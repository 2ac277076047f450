import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bindColumns } from '../../src/pack/bind.js';
import { resolvePacks } from '../../src/pack/resolve.js';
import { CLASSES_2025_FROM, LICENCE_CLASSES_2025, LICENCE_CLASSES_PRE_2025, type LicenceClass } from '../../src/vn/licence-classes.js';
import { ROOT } from '../support/cli.js';

// The headers issue 17 names for each pack, as a steward's export writes them.
const HEADERS: Record<string, string[]> = {
  'vn-driving-licence': ['Số GPLX', 'Hạng', 'Ngày cấp', 'Ngày hết hạn', 'Ngày trúng tuyển', 'Nơi cấp', 'Trạng thái', 'Số định danh cá nhân', 'Họ và tên', 'Ngày sinh', 'Giới tính'],
  'vn-health-insurance': ['Mã số BHXH', 'Mã thẻ BHYT', 'Giá trị từ', 'Giá trị đến', 'Mã nơi KCB ban đầu', 'Số định danh cá nhân', 'Họ và tên', 'Ngày sinh', 'Giới tính'],
};
const SNAKE: Record<string, string[]> = {
  'vn-driving-licence': ['so_gplx', 'hang', 'ngay_cap', 'ngay_het_han', 'ngay_trung_tuyen', 'noi_cap', 'trang_thai', 'so_dinh_danh_ca_nhan', 'ho_va_ten', 'ngay_sinh', 'gioi_tinh'],
  'vn-health-insurance': ['ma_so_bhxh', 'ma_the_bhyt', 'gia_tri_tu', 'gia_tri_den', 'ma_noi_kcb_ban_dau', 'so_dinh_danh_ca_nhan', 'ho_va_ten', 'ngay_sinh', 'gioi_tinh'],
};
const ENGLISH: Record<string, string[]> = {
  'vn-driving-licence': ['licence_number', 'licence_class', 'issue_date', 'expiry_date', 'test_date', 'issuing_authority', 'status', 'id_number', 'full_name', 'date_of_birth', 'sex'],
  'vn-health-insurance': ['social_insurance', 'health_insurance', 'card_valid_from', 'card_valid_to', 'primary_care_facility', 'id_number', 'full_name', 'date_of_birth', 'sex'],
};

describe.each(Object.keys(HEADERS))('the shipped %s pack', (name) => {
  const pack = resolvePacks([name]);
  const own = JSON.parse(readFileSync(join(ROOT, 'rules', `${name}.json`), 'utf8')) as { extends: string; rules: { id: string }[] };

  it('extends vn-population and describes every rule in both languages', () => {
    expect(own.extends).toBe('vn-population');
    expect(pack.packs.map((p) => p.name)).toEqual(['vn-population', name]);
    for (const rule of pack.rules) {
      expect(rule.description?.en, rule.id).toMatch(/\w/);
      expect(rule.description?.vi, rule.id).toMatch(/\w/);
    }
  });

  it('binds the headers of the issue in Vietnamese, snake_case and English, each to its field', () => {
    const fields = (headers: string[]) => {
      const bound = [...bindColumns(headers, pack.columns).entries()];
      return headers.map((_, i) => bound.find(([, at]) => at === i)?.[0]);
    };
    const english = ENGLISH[name]!;
    expect(fields(HEADERS[name]!)).toEqual(english);
    expect(fields(SNAKE[name]!)).toEqual(english);
    expect(fields(english)).toEqual(english);
  });

  it('is documented one line per rule of its own in rules/README.md', () => {
    const readme = readFileSync(join(ROOT, 'rules/README.md'), 'utf8');
    const section = readme.slice(readme.indexOf(`## \`${name}\``));
    for (const { id } of own.rules) {
      const rule = pack.rules.find((r) => r.id === id);
      const line = section.split('\n').find((l) => l.startsWith(`| \`${id}\` |`));
      expect(line, id).toBeDefined();
      if (rule) {
        expect(line).toContain(`\`${rule.check}\``);
        expect(line).toContain(`| ${rule.severity} |`);
      } else expect(line).toContain('| off |');
    }
  });
});

describe('vn-driving-licence tables', () => {
  const pack = resolvePacks(['vn-driving-licence']);
  const options = (id: string) => pack.rules.find((r) => r.id === id)!.options as { eras: { from?: string; until?: string; by: Record<string, unknown> }[] };
  const spec = (c: LicenceClass) =>
    c.validity === 'none' ? 'none' : 'skip' in c.validity ? 'skip' : c.validity.years.length === 1 ? { years: c.validity.years[0] } : c.validity.years.map((years) => ({ years }));

  it('expiry-by-class carries src/vn/licence-classes.ts, era by era', () => {
    const [early, late, current] = options('expiry-by-class').eras;
    expect(current!.from).toBe(CLASSES_2025_FROM);
    expect(current!.by).toEqual(Object.fromEntries(LICENCE_CLASSES_2025.map((c) => [c.code, spec(c)])));
    expect(late!.by).toEqual(Object.fromEntries(LICENCE_CLASSES_PRE_2025.map((c) => [c.code, spec(c)])));
    // Before 2018 a 5-year A4/B2 is accepted too (the cut-over of Circular 12/2017 is UNVERIFIED).
    expect(early!.by).toEqual({ ...late!.by, A4: [{ years: 5 }, { years: 10 }], B2: [{ years: 5 }, { years: 10 }] });
  });

  it('test-age-by-class carries the minimum ages; FE, UNVERIFIED, only in a warning rule', () => {
    const [old, current] = options('test-age-by-class').eras;
    expect(current!.by).toEqual(Object.fromEntries(LICENCE_CLASSES_2025.map((c) => [c.code, { min: c.minAge }])));
    expect(old!.by).toEqual(Object.fromEntries(LICENCE_CLASSES_PRE_2025.filter((c) => !c.unverified).map((c) => [c.code, { min: c.minAge }])));
    const fe = pack.rules.find((r) => r.id === 'test-age-fe')!;
    expect(fe.severity).toBe('warning');
  });

  it('class-valid-for-era knows exactly the classes of each era', () => {
    const [old, current] = options('class-valid-for-era').eras;
    expect(Object.keys(current!.by)).toEqual(LICENCE_CLASSES_2025.map((c) => c.code));
    expect(Object.keys(old!.by)).toEqual(LICENCE_CLASSES_PRE_2025.map((c) => c.code));
  });
});
