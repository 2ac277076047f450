// The committed fixtures are exactly what fixtures/generate.ts writes, and they say what their
// manifests say. The oracle below is a deliberately small, independent reading of part of
// rules/vn-population.json (the generic rules and the simpler Vietnamese ones: tax check digit,
// BHXH/BHYT, CMND, liveness): it guards the fixtures against accidental defects, not dqc's checks.
// The other Vietnamese rules (ID structure and consistency, names, encodings, provinces, phones,
// ethnicity) are compared with the real tool in test/cli/population.e2e.test.ts.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AS_OF,
  POPULATION_HEADERS,
  STATUS_ACTIVE,
  STATUS_DEAD,
  dayNumber,
  generateFixtures,
  parseDmy,
  populationRows,
  type ExpectedFinding,
} from '../fixtures/generate.js';

const fixturesDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const committed = (path: string): Buffer => readFileSync(join(fixturesDir, path));

describe('fixtures/generate.ts', () => {
  let outDir: string;
  let written: string[];

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'dqc-fixtures-'));
    written = await generateFixtures(outDir);
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('writes the expected set of files', () => {
    expect(written).toContain('population-clean.csv');
    expect(written).toContain('formats/expected.json');
    expect(written).toContain('broken/expected.json');
    expect(written).toContain('duplicates.csv');
    expect(written.length).toBe(69); // + workbooks/: population-clean.xlsx, danso.xlsx and its manifest; parquet/: the clean, defects and INT64-ID population files; reconcile-local.csv, reconcile-reference.csv, reconcile.manifest.json, broken/blank-rows.csv, broken/workbook.xlsx; sector/: 6 packs × (clean, defects, two manifests) + the population extract
  });

  it('regenerates every committed fixture byte for byte', () => {
    for (const path of written) {
      const fresh = readFileSync(join(outDir, path));
      const old = committed(path);
      if (path.endsWith('.gz')) {
        // Deflate output may legitimately differ between zlib builds (CPU-specific hashing);
        // the header (OS byte pinned) and the decompressed bytes must not.
        expect(fresh.subarray(0, 10).equals(old.subarray(0, 10)), `${path} header`).toBe(true);
        expect(gunzipSync(fresh).equals(gunzipSync(old)), `${path} content`).toBe(true);
      } else {
        expect(fresh.equals(old), `${path} differs from the committed file: run npm run fixtures`).toBe(true);
      }
    }
  });

  it('streams population rows lazily with unique, structurally consistent IDs', () => {
    const lazy = populationRows({ seed: 1, count: 1_000_000_000, asOf: AS_OF });
    expect(lazy.next().done).toBe(false);

    const ids = new Set<string>();
    const asOfDay = dayNumber(2026, 11, 1);
    let withPhone = 0;
    let dead = 0;
    let recent = 0;
    let withCmnd = 0;
    let bornBefore2000 = 0;
    let withTax = 0;
    let withBhxh = 0;
    let oldCards = 0;
    for (const row of populationRows({ seed: 7, count: 20_000, asOf: AS_OF })) {
      expect(ids.has(row.so_dinh_danh)).toBe(false);
      ids.add(row.so_dinh_danh);
      const [, dd, mm, yyyy] = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(row.ngay_sinh) ?? [];
      const year = Number(yyyy);
      expect(dd && mm && year >= 1930 && year <= 2020).toBe(true);
      const g = Number(row.so_dinh_danh[3]);
      expect(1900 + 100 * Math.floor(g / 2) + Number(row.so_dinh_danh.slice(4, 6))).toBe(year);
      expect(g % 2 === 0 ? 'Nam' : 'Nữ').toBe(row.gioi_tinh);
      expect(row.ho_ten).toBe(row.ho_ten.normalize('NFC'));
      expect(PROVINCES_34.has(row.tinh_thanh_pho), row.tinh_thanh_pho).toBe(true);
      expect(row.so_giay_to).toBe(row.so_dinh_danh);
      if (row.so_cmnd) {
        expect(row.so_cmnd).toMatch(/^\d{9}$/);
        expect(year).toBeLessThan(2000);
        withCmnd++;
      }
      if (row.ma_so_thue) {
        expect(mstValid(row.ma_so_thue), row.ma_so_thue).toBe(true);
        withTax++;
      }
      if (row.ma_so_bhxh) {
        expect(row.ma_so_bhxh).toMatch(/^\d{10}$/);
        expect(row.so_the_bhyt.slice(-10)).toBe(row.ma_so_bhxh);
        expect(row.so_the_bhyt).toMatch(/^(\d{10}|[A-Z]{2}[1-5]\d{12})$/);
        withBhxh++;
        if (row.so_the_bhyt.length === 15) oldCards++;
      } else expect(row.so_the_bhyt).toBe('');
      expect(row.trang_thai).toBe(row.ngay_chet ? row.trang_thai : STATUS_ACTIVE);
      if (row.ngay_chet) expect(['', STATUS_DEAD]).toContain(row.trang_thai);
      if (year < 2000) bornBefore2000++;
      const updated = parseDmy(row.ngay_cap_nhat) as number;
      expect(updated).toBeLessThan(asOfDay);
      if (asOfDay - updated <= 30) recent++;
      if (row.so_dien_thoai) withPhone++;
      if (row.ngay_chet) dead++;
    }
    expect(recent).toBeGreaterThan(0);
    expect(withPhone / 20_000).toBeGreaterThan(0.85);
    expect(dead / 20_000).toBeGreaterThan(0.01);
    expect(dead / 20_000).toBeLessThan(0.05);
    expect(withCmnd / bornBefore2000).toBeCloseTo(0.3, 1);
    expect(withTax / 20_000).toBeGreaterThan(0.35);
    expect(withTax / 20_000).toBeLessThan(0.45);
    expect(withBhxh / 20_000).toBeCloseTo(0.6, 1);
    expect(oldCards / withBhxh).toBeGreaterThan(0.1);
    expect(oldCards / withBhxh).toBeLessThan(0.2);
  });

  it('population-clean.csv has no findings under the pack', () => {
    const rows = readCsv(committed('population-clean.csv').toString('utf8'));
    expect(rows[0]).toEqual([...POPULATION_HEADERS]);
    expect(rows.length - 1).toBe(200);
    expect(oracle(rows.slice(1))).toEqual([]);
    // Every column of the pack is there, so every rule binds: none is skipped.
    expect(POPULATION_HEADERS).toHaveLength(17);
  });

  it('population-defects.csv has exactly the findings its manifest lists', () => {
    const manifest = JSON.parse(committed('population-defects.manifest.json').toString('utf8')) as {
      asOf: string;
      rows: number;
      expected: ExpectedFinding[];
    };
    const rows = readCsv(committed('population-defects.csv').toString('utf8'));
    expect(manifest.asOf).toBe(AS_OF);
    expect(rows.length - 1).toBe(manifest.rows);
    expect(manifest.rows).toBe(500);
    expect(oracle(rows.slice(1))).toEqual(manifest.expected.filter((f) => MODELLED_RULES.has(f.rule)));
    // Every kind is planted at least twice (the fill-rate finding is one per column), on rows
    // spread through the file.
    const perCode = new Map<string, number[]>();
    for (const f of manifest.expected) {
      const key = `${f.rule} ${f.code}`;
      perCode.set(key, [...(perCode.get(key) ?? []), f.row ?? 0]);
    }
    for (const [key, rowsOfKind] of perCode) {
      if (key.startsWith('ethnicity-fill')) continue;
      expect(rowsOfKind.length, key).toBeGreaterThanOrEqual(2);
      expect(Math.max(...rowsOfKind) - Math.min(...rowsOfKind), key).toBeGreaterThan(50);
    }
    // The kinds of the brief, each planted on purpose.
    for (const kind of PLANTED_KINDS) expect(perCode.has(kind), kind).toBe(true);
    // Rows 1 and 2 are clean; every finding is on a row of the file.
    for (const f of manifest.expected) if (f.row !== null) expect(f.row >= 3 && f.row <= 500, key(f)).toBe(true);
    const rules = new Set((JSON.parse(readFileSync(join(fixturesDir, '..', 'rules', 'vn-population.json'), 'utf8')) as { rules: { id: string }[] }).rules.map((r) => r.id));
    for (const f of manifest.expected) expect(rules.has(f.rule), f.rule).toBe(true);
  });

  it('every format fixture reads to the expected table', () => {
    const expected = JSON.parse(committed('formats/expected.json').toString('utf8')) as {
      header: string[];
      rows: string[][];
      latin1: { header: string[]; rows: string[][] };
      files: Record<string, { table: string; format: string; encoding?: string; delimiter?: string; compression?: string }>;
    };
    const main = [expected.header, ...expected.rows];
    for (const [name, spec] of Object.entries(expected.files)) {
      let bytes = committed(`formats/${name}`);
      if (spec.compression === 'gzip') bytes = gunzipSync(bytes);
      const want = spec.table === 'latin1' ? [expected.latin1.header, ...expected.latin1.rows] : main;
      if (spec.format === 'csv') {
        const text = new TextDecoder(spec.encoding === 'latin1' ? 'iso-8859-1' : spec.encoding).decode(bytes);
        // windows-1258 keeps tones as combining marks: NFC makes the text comparable.
        expect(readCsv(text.normalize('NFC'), spec.delimiter), name).toEqual(want);
      } else {
        const text = bytes.toString('utf8');
        const objects: Record<string, string>[] =
          spec.format === 'json' ? JSON.parse(text) : text.trimEnd().split('\n').map((l) => JSON.parse(l));
        expect([Object.keys(objects[0] ?? {}), ...objects.map((o) => Object.values(o))], name).toEqual(want);
      }
    }
    expect(committed('formats/crlf.csv').toString('utf8')).toContain('\r\n');
    expect(committed('formats/bom.csv').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(committed('formats/windows-1258.csv').includes(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
  });

  it('broken fixtures have the problems expected.json describes', () => {
    const line = (name: string, n: number): string => committed(`broken/${name}`).toString('latin1').split('\n')[n - 1] ?? '';
    expect(committed('broken/empty.csv').length).toBe(0);
    expect(line('ragged.csv', 3).split(',').length).toBe(4);
    expect(line('ragged.csv', 5).split(',').length).toBe(6);
    expect(committed('broken/unclosed-quote.csv').toString('utf8').split('\n').length - 1).toBe(6);
    expect(() => readCsv(committed('broken/unclosed-quote.csv').toString('utf8'))).toThrow();
    expect(line('invalid-utf8.csv', 3)).toContain('\u00c3(');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(committed('broken/invalid-utf8.csv'))).toThrow();
    const broken = JSON.parse(committed('broken/expected.json').toString('utf8')) as Record<string, { issues?: { line: number }[] }>;
    const jsonLine = broken['broken.json']?.issues?.[0]?.line ?? 0;
    expect(line('broken.json', jsonLine)).toContain('23/07/2001');
    expect(() => JSON.parse(committed('broken/broken.json').toString('utf8'))).toThrow();
    expect(() => JSON.parse(line('broken.ndjson', 3))).toThrow();
    for (const n of [1, 2, 4]) expect(() => JSON.parse(line('broken.ndjson', n))).not.toThrow();
  });
});

function readCsv(text: string, delimiter = ','): string[][] {
  return parse(text, { delimiter, relax_column_count: false }) as string[][];
}

// ---------------------------------------------------------------------------------------------
// Oracle: part of the pack's rules as the brief defines them, for these fixtures only.

const key = (f: ExpectedFinding): string => `${f.rule} ${f.code} row=${f.row} column=${f.column}`;

const MODELLED_RULES = new Set([
  'rows-present', 'id-required', 'id-placeholder', 'id-unique', 'name-required', 'name-nfc', 'name-whitespace',
  'dob-required', 'dob-placeholder', 'dob-valid', 'sex-valid', 'ethnicity-fill', 'birthplace-required',
  'cmnd-valid', 'id-document-current', 'tax-code-valid', 'social-insurance-valid', 'health-insurance-valid',
  'updated-fresh', 'death-date-valid', 'liveness',
]);

const PLANTED_KINDS = [
  'id-valid vn-personal-id/id-format', 'id-valid vn-personal-id/id-separators', 'id-valid vn-personal-id/id-excel-leading-zero',
  'id-valid vn-personal-id/id-scientific-notation', 'id-valid vn-personal-id/id-province-code', 'id-valid vn-personal-id/id-century',
  'id-valid vn-personal-id/id-birth-year-future', 'id-consistency vn-personal-id/id-birth-year-mismatch',
  'id-consistency vn-personal-id/id-sex-mismatch', 'id-consistency vn-personal-id/id-province-mismatch',
  'cmnd-valid vn-cmnd/cmnd-format', 'id-document-current vn-cmnd/cmnd-expired', 'tax-code-valid vn-tax-code/tax-check-digit',
  'tax-code-valid vn-tax-code/tax-format', 'tax-code-valid vn-tax-code/tax-not-canonical', 'phone-valid vn-phone/phone-not-canonical',
  'phone-valid vn-phone/phone-old-11-digit', 'phone-valid vn-phone/phone-excel-leading-zero', 'phone-valid vn-phone/phone-unknown-prefix',
  'birthplace-valid vn-province/not-a-province', 'birthplace-valid vn-province/province-variant',
  'residence-province-valid vn-province/old-province', 'ethnicity-valid vn-ethnicity/variant', 'ethnicity-valid vn-ethnicity/other-name',
  'ethnicity-valid vn-ethnicity/not-an-ethnic-group', 'name-valid vn-person-name/digit', 'name-valid vn-person-name/invalid-character',
  'name-valid vn-person-name/wrong-case', 'name-middle-sex vn-person-name/middle-name-sex', 'name-encoding vn-text-encoding/tcvn3',
  'name-encoding vn-text-encoding/vni', 'name-encoding vn-text-encoding/mojibake', 'address-encoding vn-text-encoding/tcvn3',
  'address-encoding vn-text-encoding/vni', 'address-encoding vn-text-encoding/mojibake', 'social-insurance-valid vn-bhxh/bhxh-format',
  'health-insurance-valid vn-bhyt/bhyt-format', 'health-insurance-valid vn-bhyt/bhyt-bhxh-mismatch', 'liveness liveness/dead-but-active',
  'liveness liveness/too-old', 'liveness liveness/death-before-birth', 'liveness liveness/death-in-future',
];

/** The 34 provinces from 1 July 2025 (Resolution 202/2025/QH15), as the pack spells them. */
const PROVINCES_34 = new Set([
  'Hà Nội', 'Cao Bằng', 'Tuyên Quang', 'Điện Biên', 'Lai Châu', 'Sơn La', 'Lào Cai', 'Thái Nguyên', 'Lạng Sơn', 'Quảng Ninh',
  'Bắc Ninh', 'Phú Thọ', 'Hải Phòng', 'Hưng Yên', 'Ninh Bình', 'Thanh Hóa', 'Nghệ An', 'Hà Tĩnh', 'Quảng Trị', 'Huế', 'Đà Nẵng',
  'Quảng Ngãi', 'Gia Lai', 'Khánh Hòa', 'Đắk Lắk', 'Lâm Đồng', 'Đồng Nai', 'Hồ Chí Minh', 'Tây Ninh', 'Đồng Tháp', 'Vĩnh Long',
  'An Giang', 'Cần Thơ', 'Cà Mau',
]);

/** MST check digit (vn-reference.md §3.1): 10 − (Σ wᵢ·dᵢ mod 11), weights 31 29 23 19 17 13 7 5 3; a remainder of 0 is never issued. */
function mstValid(code: string): boolean {
  if (!/^\d{10}$/.test(code)) return false;
  const weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];
  const rest = weights.reduce((sum, w, i) => sum + w * Number(code[i]), 0) % 11;
  return rest !== 0 && 10 - rest === Number(code[9]);
}

const isBlank = (s: string): boolean => /^[\s\u200b-\u200d\u2060\ufeff]*$/.test(s);
const PLACEHOLDERS = new Set(['n/a', 'na', '#n/a', '-', '--', '.', '?', '0', 'null', 'none', 'x', '00/00/0000', '01/01/1900', '1900-01-01']);
const isPlaceholder = (s: string): boolean => PLACEHOLDERS.has(s.trim().toLowerCase()) || /^(\d)\1{5,}$/.test(s.trim());

type DateResult = number | 'date/invalid-format' | 'date/impossible-date';
function readDate(s: string): DateResult {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(s);
  if (!m) return 'date/invalid-format';
  return parseDmy(s) ?? 'date/impossible-date';
}

function oracle(rows: string[][]): ExpectedFinding[] {
  const asOf = dayNumber(2026, 11, 1);
  const earliest = dayNumber(1900, 1, 1);
  const col = (name: string): number => POPULATION_HEADERS.indexOf(name as (typeof POPULATION_HEADERS)[number]);
  const out: ExpectedFinding[] = [];
  const add = (rule: string, code: string, row: number | null, column: string | null): void => void out.push({ rule, code, row, column });
  const seenIds = new Set<string>();
  let ethnicityFilled = 0;
  let newestUpdate = -Infinity;

  rows.forEach((cells, i) => {
    const row = i + 1;
    const v = (name: string): string => cells[col(name)] ?? '';
    const id = v('so_dinh_danh');
    if (isBlank(id)) add('id-required', 'required/empty', row, 'so_dinh_danh');
    else {
      if (isPlaceholder(id)) add('id-placeholder', 'placeholder/placeholder', row, 'so_dinh_danh');
      if (seenIds.has(id)) add('id-unique', 'unique/duplicate', row, 'so_dinh_danh');
      seenIds.add(id);
    }
    const name = v('ho_ten');
    if (isBlank(name)) add('name-required', 'required/empty', row, 'ho_ten');
    else {
      if (name !== name.normalize('NFC')) add('name-nfc', 'unicode-nfc/not-nfc', row, 'ho_ten');
      if (name !== name.trim()) add('name-whitespace', 'whitespace/untrimmed', row, 'ho_ten');
      if (/ {2}/.test(name)) add('name-whitespace', 'whitespace/repeated-space', row, 'ho_ten');
      if (/[\u00a0\u00ad\u200b-\u200d\u2060\ufeff]/.test(name)) add('name-whitespace', 'whitespace/invisible-char', row, 'ho_ten');
    }
    const dobText = v('ngay_sinh');
    let dob: number | null = null;
    if (isBlank(dobText)) add('dob-required', 'required/empty', row, 'ngay_sinh');
    else {
      if (isPlaceholder(dobText)) add('dob-placeholder', 'placeholder/placeholder', row, 'ngay_sinh');
      const d = readDate(dobText);
      if (typeof d === 'string') add('dob-valid', d, row, 'ngay_sinh');
      else if (d > asOf) add('dob-valid', 'date/in-future', row, 'ngay_sinh');
      else if (d < earliest) add('dob-valid', 'date/before-earliest', row, 'ngay_sinh');
      if (typeof d === 'number') dob = d;
    }
    const sex = v('gioi_tinh');
    if (!isBlank(sex) && sex !== 'Nam' && sex !== 'Nữ') {
      add('sex-valid', ['nam', 'nữ'].includes(sex.toLowerCase()) ? 'enum/variant' : 'enum/not-allowed', row, 'gioi_tinh');
    }
    if (!isBlank(v('dan_toc'))) ethnicityFilled++;
    if (isBlank(v('noi_dang_ky_khai_sinh'))) add('birthplace-required', 'required/empty', row, 'noi_dang_ky_khai_sinh');
    const updatedText = v('ngay_cap_nhat');
    if (!isBlank(updatedText)) {
      const u = readDate(updatedText);
      if (typeof u === 'string') add('oracle', 'updated-not-a-date', row, 'ngay_cap_nhat');
      else {
        newestUpdate = Math.max(newestUpdate, u);
        if (u > asOf) add('updated-fresh', 'freshness/in-future', row, 'ngay_cap_nhat');
        else if (asOf - u > 1826) add('updated-fresh', 'freshness/stale', row, 'ngay_cap_nhat');
      }
    }
    const cmnd = v('so_cmnd');
    if (!isBlank(cmnd) && !/^(\d{9}|\d{12})$/.test(cmnd)) add('cmnd-valid', 'vn-cmnd/cmnd-format', row, 'so_cmnd');
    // A 9-digit CMND as the document in use is out of date after 31/12/2024.
    if (/^\d{9}$/.test(v('so_giay_to'))) add('id-document-current', 'vn-cmnd/cmnd-expired', row, 'so_giay_to');
    else if (!/^\d{12}$/.test(v('so_giay_to'))) add('oracle', 'document-not-an-id', row, 'so_giay_to');
    const tax = v('ma_so_thue');
    if (!isBlank(tax) && !mstValid(tax)) {
      const compact = tax.replace(/[\s.]/g, '');
      if (!/^\d{10}$/.test(compact)) add('tax-code-valid', 'vn-tax-code/tax-format', row, 'ma_so_thue');
      else if (!mstValid(compact)) add('tax-code-valid', 'vn-tax-code/tax-check-digit', row, 'ma_so_thue');
      else add('tax-code-valid', 'vn-tax-code/tax-not-canonical', row, 'ma_so_thue');
    }
    const bhxh = v('ma_so_bhxh');
    if (!isBlank(bhxh) && !/^\d{10}$/.test(bhxh)) add('social-insurance-valid', 'vn-bhxh/bhxh-format', row, 'ma_so_bhxh');
    const card = v('so_the_bhyt');
    if (!isBlank(card)) {
      if (!/^(\d{10}|[A-Z]{2}[1-5]\d{12})$/.test(card)) add('health-insurance-valid', 'vn-bhyt/bhyt-format', row, 'so_the_bhyt');
      else if (/^\d{10}$/.test(bhxh) && card.slice(-10) !== bhxh) add('health-insurance-valid', 'vn-bhyt/bhyt-bhxh-mismatch', row, 'so_the_bhyt');
    }
    const deathText = v('ngay_chet');
    if (!isBlank(deathText)) {
      const d = readDate(deathText);
      if (typeof d === 'string') add('death-date-valid', d, row, 'ngay_chet');
      else {
        if (d > asOf) {
          add('death-date-valid', 'date/in-future', row, 'ngay_chet');
          add('liveness', 'liveness/death-in-future', row, 'ngay_chet');
        }
        if (dob !== null && d < dob) add('liveness', 'liveness/death-before-birth', row, 'ngay_chet');
        if (v('trang_thai') === STATUS_ACTIVE) add('liveness', 'liveness/dead-but-active', row, 'trang_thai');
      }
    } else if (dob !== null && dob <= asOf) {
      // Whole years from birth to the as-of day.
      const [by, bm, bd] = dobText.split('/').reverse().map(Number) as [number, number, number];
      const age = 2026 - by - (bm * 100 + bd > 11 * 100 + 1 ? 1 : 0);
      if (age > 120) add('liveness', 'liveness/too-old', row, 'ngay_sinh');
    }
  });
  if (rows.length < 1) add('rows-present', 'row-count/too-few', null, null);
  if (ethnicityFilled / rows.length < 0.95) add('ethnicity-fill', 'fill-rate/below-min', null, 'dan_toc');
  const newestNotFuture = Math.max(...rows.map((r) => readDate(r[col('ngay_cap_nhat')] ?? '')).filter((d): d is number => typeof d === 'number' && d <= asOf));
  if (asOf - newestNotFuture > 90 || asOf - newestUpdate > 90) add('updated-fresh', 'freshness/dataset-stale', null, 'ngay_cap_nhat');
  return out.sort(
    (a, b) =>
      (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) ||
      (a.row ?? 0) - (b.row ?? 0) ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}
