// The committed fixtures are exactly what fixtures/generate.ts writes, and they say what their
// manifests say. The oracle below is a deliberately small, independent reading of
// rules/vn-population.json: it guards the fixtures against accidental defects, not dqc's checks.
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

  beforeAll(() => {
    outDir = mkdtempSync(join(tmpdir(), 'dqc-fixtures-'));
    written = generateFixtures(outDir);
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('writes the expected set of files', () => {
    expect(written).toContain('population-clean.csv');
    expect(written).toContain('formats/expected.json');
    expect(written).toContain('broken/expected.json');
    expect(written.length).toBe(30);
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
  });

  it('population-clean.csv has no findings under the pack', () => {
    const rows = readCsv(committed('population-clean.csv').toString('utf8'));
    expect(rows[0]).toEqual([...POPULATION_HEADERS]);
    expect(rows.length - 1).toBe(200);
    expect(oracle(rows.slice(1))).toEqual([]);
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
    expect(oracle(rows.slice(1))).toEqual(manifest.expected);
    // Every kind is planted at least twice (the fill-rate finding is one per column).
    const perCode = new Map<string, number>();
    for (const f of manifest.expected) perCode.set(`${f.rule} ${f.code}`, (perCode.get(`${f.rule} ${f.code}`) ?? 0) + 1);
    for (const [key, n] of perCode) if (!key.startsWith('ethnicity-fill')) expect(n, key).toBeGreaterThanOrEqual(2);
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
// Oracle: the pack's rules as the brief defines them, for these fixtures only.

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
      if (!/^\d{12}$/.test(id)) add('id-format', 'pattern/mismatch', row, 'so_dinh_danh');
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
      if (/[^\p{L}\p{M} \u00a0'-]/u.test(name)) add('oracle', 'name-has-other-characters', row, 'ho_ten');
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
    const phone = v('so_dien_thoai');
    if (!isBlank(phone) && !/^0\d{9}$/.test(phone)) add('phone-format', 'pattern/mismatch', row, 'so_dien_thoai');
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
    const deathText = v('ngay_chet');
    if (!isBlank(deathText)) {
      const d = readDate(deathText);
      if (typeof d === 'string') add('death-date-valid', d, row, 'ngay_chet');
      else {
        if (d > asOf) add('death-date-valid', 'date/in-future', row, 'ngay_chet');
        if (dob !== null && d < dob) add('death-after-birth', 'compare/violated', row, 'ngay_chet');
      }
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
