import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bindColumns } from '../../src/pack/bind.js';
import { resolvePacks } from '../../src/pack/resolve.js';
import { CLASSES_2025_FROM, LICENCE_CLASSES_2025, LICENCE_CLASSES_PRE_2025, type LicenceClass } from '../../src/vn/licence-classes.js';
import { ROOT } from '../support/cli.js';

// Labour Code 45/2019 Art. 169(2) by year, in months (men, women): ../shared/domain/data/sector/retirement-age-roadmap.csv.
const ROADMAP: readonly (readonly [number, number, number])[] = [
  [2020, 720, 660], [2021, 723, 664], [2022, 726, 668], [2023, 729, 672], [2024, 732, 676], [2025, 735, 680], [2026, 738, 684],
  [2027, 741, 688], [2028, 744, 692], [2029, 744, 696], [2030, 744, 700], [2031, 744, 704], [2032, 744, 708], [2033, 744, 712],
  [2034, 744, 716], [2035, 744, 720], [2040, 744, 720],
];

// The headers issue 17 names for each pack, as a steward's export writes them.
const HEADERS: Record<string, string[]> = {
  'vn-driving-licence': ['Số GPLX', 'Hạng', 'Ngày cấp', 'Ngày hết hạn', 'Ngày trúng tuyển', 'Nơi cấp', 'Trạng thái', 'Số định danh cá nhân', 'Họ và tên', 'Ngày sinh', 'Giới tính'],
  'vn-health-insurance': ['Mã số BHXH', 'Mã thẻ BHYT', 'Giá trị từ', 'Giá trị đến', 'Mã nơi KCB ban đầu', 'Số định danh cá nhân', 'Họ và tên', 'Ngày sinh', 'Giới tính'],
  'vn-civil-servants': ['Số định danh cá nhân', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Mã ngạch', 'Mã chức danh', 'Ngày tuyển dụng', 'Trạng thái', 'Cơ quan'],
  'vn-birth-registration': ['Số định danh', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Nơi đăng ký khai sinh', 'Ngày đăng ký', 'Số định danh mẹ', 'Số định danh cha', 'Ngày sinh mẹ', 'Ngày sinh cha'],
  'vn-death-registration': ['Số định danh', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Ngày chết', 'Ngày đăng ký khai tử', 'Nơi đăng ký khai tử'],
  'vn-vehicle-registration': ['Biển số', 'Loại xe', 'Màu biển', 'Số khung', 'Số máy', 'Ngày đăng ký', 'Nơi đăng ký', 'Số định danh chủ xe', 'Tên chủ xe', 'Trạng thái'],
};
const SNAKE: Record<string, string[]> = {
  'vn-driving-licence': ['so_gplx', 'hang', 'ngay_cap', 'ngay_het_han', 'ngay_trung_tuyen', 'noi_cap', 'trang_thai', 'so_dinh_danh_ca_nhan', 'ho_va_ten', 'ngay_sinh', 'gioi_tinh'],
  'vn-health-insurance': ['ma_so_bhxh', 'ma_the_bhyt', 'gia_tri_tu', 'gia_tri_den', 'ma_noi_kcb_ban_dau', 'so_dinh_danh_ca_nhan', 'ho_va_ten', 'ngay_sinh', 'gioi_tinh'],
  'vn-civil-servants': ['so_dinh_danh_ca_nhan', 'ho_va_ten', 'ngay_sinh', 'gioi_tinh', 'ma_ngach', 'ma_chuc_danh', 'ngay_tuyen_dung', 'trang_thai', 'co_quan'],
  'vn-birth-registration': ['so_dinh_danh', 'ho_va_ten', 'ngay_sinh', 'gioi_tinh', 'noi_dang_ky_khai_sinh', 'ngay_dang_ky', 'so_dinh_danh_me', 'so_dinh_danh_cha', 'ngay_sinh_me', 'ngay_sinh_cha'],
  'vn-death-registration': ['so_dinh_danh', 'ho_va_ten', 'ngay_sinh', 'gioi_tinh', 'ngay_chet', 'ngay_dang_ky_khai_tu', 'noi_dang_ky_khai_tu'],
  'vn-vehicle-registration': ['bien_so', 'loai_xe', 'mau_bien', 'so_khung', 'so_may', 'ngay_dang_ky', 'noi_dang_ky', 'so_dinh_danh_chu_xe', 'ten_chu_xe', 'trang_thai'],
};
const ENGLISH: Record<string, string[]> = {
  'vn-driving-licence': ['licence_number', 'licence_class', 'issue_date', 'expiry_date', 'test_date', 'issuing_authority', 'status', 'id_number', 'full_name', 'date_of_birth', 'sex'],
  'vn-health-insurance': ['social_insurance', 'health_insurance', 'card_valid_from', 'card_valid_to', 'primary_care_facility', 'id_number', 'full_name', 'date_of_birth', 'sex'],
  'vn-civil-servants': ['id_number', 'full_name', 'date_of_birth', 'sex', 'grade_code', 'title_code', 'recruitment_date', 'status', 'agency'],
  'vn-birth-registration': ['id_number', 'full_name', 'date_of_birth', 'sex', 'birth_registration_place', 'registration_date', 'mother_id', 'father_id', 'mother_date_of_birth', 'father_date_of_birth'],
  'vn-death-registration': ['id_number', 'full_name', 'date_of_birth', 'sex', 'date_of_death', 'death_registration_date', 'death_registration_place'],
  'vn-vehicle-registration': ['plate', 'vehicle_type', 'plate_colour', 'chassis_number', 'engine_number', 'registration_date', 'registration_place', 'id_number', 'full_name', 'status'],
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

describe('vn-vehicle-registration tables', () => {
  it('src/vn/plates.ts holds the 81 codes in use and the 8 unused of plate-province-codes.csv', async () => {
    const { PLATE_CODES, UNUSED_PLATE_CODES } = await import('../../src/vn/plates.js');
    expect(PLATE_CODES.size).toBe(81);
    expect([...UNUSED_PLATE_CODES].sort()).toEqual(['13', '42', '44', '45', '46', '87', '91', '96']);
    expect(PLATE_CODES.get('80')).toEqual({ code: '80', pre2025: null, post2025: null });
    // Hà Nội 29–33 + 40; HCMC 41, 50–59 and, from 1 July 2025, 61 and 72 (reference §2.3).
    const hanoi = [...PLATE_CODES.values()].filter((c) => c.post2025 === '01').map((c) => c.code);
    expect(hanoi).toEqual(['29', '30', '31', '32', '33', '40']);
    const hcmc = [...PLATE_CODES.values()].filter((c) => c.post2025 === '79').map((c) => c.code);
    expect(hcmc).toEqual(['41', '50', '51', '52', '53', '54', '55', '56', '57', '58', '59', '61', '72']);
    for (let code = 11; code <= 99; code++) expect(PLATE_CODES.has(String(code)) !== UNUSED_PLATE_CODES.has(String(code)), String(code)).toBe(true);
  });
});

describe('vn-civil-servants tables', () => {
  it('active-after-retirement carries retirement-age-roadmap.csv, 60 / 55 before 2021', () => {
    const pack = resolvePacks(['vn-civil-servants']);
    const { schedule } = pack.rules.find((r) => r.id === 'active-after-retirement')!.options as { schedule: { from_year: number; by: Record<string, { years: number; months?: number }> }[] };
    const months = (o: { years: number; months?: number }) => o.years * 12 + (o.months ?? 0);
    for (const [year, male, female] of ROADMAP) {
      const step = [...schedule].reverse().find((s) => s.from_year <= year)!;
      expect([months(step.by.Nam!), months(step.by['Nữ']!)], String(year)).toEqual([male, female]);
    }
    expect(schedule[0]).toEqual({ from_year: 1900, by: { Nam: { years: 60 }, Nữ: { years: 55 } } });
  });

  it('title-code-known reads the 70 codes shipped in rules/lists/', () => {
    const pack = resolvePacks(['vn-civil-servants']);
    const path = pack.rules.find((r) => r.id === 'title-code-known')!.options.path as string;
    expect(path).toBe(join(ROOT, 'rules', 'lists', 'vien-chuc-title-codes.csv'));
    expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(71);
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

describe('a pack\'s reconcile roles', () => {
  it('locate the reference pack as extends does, and keep the fields the pack names', () => {
    const pack = resolvePacks(['vn-driving-licence']);
    expect(pack.reconcile).toEqual({
      reference_pack: join(ROOT, 'rules', 'vn-population.json'),
      event_date: 'issue_date',
      active_field: 'status',
      active_values: ['Còn hiệu lực'],
    });
    expect(resolvePacks(['vn-population']).reconcile).toBeUndefined();
  });

  it('refuse a role naming a field no pack declares, with a suggestion', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dqc-roles-'));
    writeFileSync(join(dir, 'p.json'), JSON.stringify({ name: 'p', extends: 'vn-driving-licence', reconcile: { event_date: 'isue_date' } }));
    expect(() => resolvePacks([join(dir, 'p.json')], tmpdir())).toThrow(expect.objectContaining({ code: 'DQC_PACK_INVALID' }));
    try {
      resolvePacks([join(dir, 'p.json')], tmpdir());
    } catch (error) {
      expect(JSON.stringify(error)).toMatch(/isue_date/);
      expect(JSON.stringify((error as { details?: unknown }).details)).toMatch(/issue_date/);
    }
  });

  it('a later pack overrides one role and keeps the others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dqc-roles-'));
    writeFileSync(join(dir, 'p.json'), JSON.stringify({ name: 'p', extends: 'vn-driving-licence', reconcile: { active_values: ['Còn hiệu lực', 'Còn hạn'] } }));
    const pack = resolvePacks([join(dir, 'p.json')], tmpdir());
    expect(pack.reconcile?.event_date).toBe('issue_date');
    expect(pack.reconcile?.active_values).toEqual(['Còn hiệu lực', 'Còn hạn']);
  });
});
