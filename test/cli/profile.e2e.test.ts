// dqc profile end to end: every semantic column of the clean fixture and of a generated export with
// unusual headers is identified (header → semantic type and field), the JSON validates against
// rules/profile.schema.json, Vietnamese output, exit codes.
import { Ajv } from 'ajv';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, csvRecord, POPULATION_HEADERS, populationRows, type PopulationHeader } from '../../fixtures/generate.js';
import { dqc, dqcJson, ROOT, tempDir } from '../support/cli.js';
import { FIELD_OF_HEADER, NOTES_HEADER, SEMANTIC_OF_HEADER, UNUSUAL_HEADERS, writeUnusualExport } from '../profile/unusual-export.js';

const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(join(ROOT, 'rules/profile.schema.json'), 'utf8')) as object);

interface Column {
  name: string;
  type: string;
  dateFormat: string | null;
  fillRate: number;
  distinct: { count: number; exact: boolean };
  semantic: { type: string; era?: string } | null;
  field: { name: string; by: string } | null;
}

function columnsOf(report: Record<string, unknown>): Map<string, Column> {
  const inputs = report.inputs as { columns: Column[] }[];
  return new Map(inputs[0]!.columns.map((c) => [c.name, c]));
}

const CLEAN = 'fixtures/population-clean.csv';

describe('dqc profile fixtures/population-clean.csv', () => {
  let json: ReturnType<typeof dqcJson>;
  beforeAll(() => {
    json = dqcJson(['profile', CLEAN, '--as-of', AS_OF]);
  }, 60_000);

  it('exits 0 and writes JSON that validates against rules/profile.schema.json', () => {
    expect(json.code).toBe(0);
    expect(validate(json.report), JSON.stringify(validate.errors)).toBe(true);
    expect(json.report).toMatchObject({ profileVersion: 1, asOf: AS_OF, lang: 'en' });
    expect(json.report.inputs[0]).toMatchObject({ path: CLEAN, rows: 200, complete: true, format: 'csv' });
  });

  it('identifies every semantic column: header → semantic type and field', () => {
    const columns = columnsOf(json.report);
    expect([...columns.keys()]).toEqual([...POPULATION_HEADERS]);
    for (const header of POPULATION_HEADERS) {
      const column = columns.get(header)!;
      expect(column.semantic?.type, header).toBe(SEMANTIC_OF_HEADER[header]);
      expect(column.field, header).toEqual({ name: FIELD_OF_HEADER[header], by: 'alias' });
    }
    expect(columns.get('noi_dang_ky_khai_sinh')?.semantic?.era).toBe('pre-2025');
    expect(columns.get('tinh_thanh_pho')?.semantic?.era).toBe('post-2025');
  });

  it('reports types, date formats, fill rates and distinct counts', () => {
    const columns = columnsOf(json.report);
    expect(columns.get('ngay_sinh')).toMatchObject({ type: 'date', dateFormat: 'dd/MM/yyyy', fillRate: 1 });
    expect(columns.get('so_dinh_danh')).toMatchObject({ type: 'text', distinct: { count: 200, exact: true } });
    expect(columns.get('gioi_tinh')?.distinct).toEqual({ count: 2, exact: true });
    expect(columns.get('ngay_chet')?.fillRate).toBeLessThan(0.1);
    const sex = json.report.inputs[0].columns.find((c: Column) => c.name === 'gioi_tinh');
    expect(sex.top.map((t: { value: string }) => t.value).sort()).toEqual(['Nam', 'Nữ']);
    expect(sex.shapes).toEqual([{ shape: 'Aa', count: 200 }]);
  });

  it('prints one block per column on the console, with its field and meaning', () => {
    const run = dqc(['profile', CLEAN, '--as-of', AS_OF]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${CLEAN}: 200 rows, 17 columns, csv, utf-8`);
    expect(run.stdout).toContain('1. so_dinh_danh  → id_number (header is an alias of the pack)');
    expect(run.stdout).toContain('holds personal ID numbers (12 digits) (100% of values)');
    expect(run.stdout).toContain('type date dd/MM/yyyy (100% of values) · holds dates of birth');
    expect(run.stdout).toContain('shapes: dddddddddddd 100%');
    expect(run.stdout).toContain('most frequent: "Nữ" 102, "Nam" 98');
    expect(run.stdout).toContain('17 columns: 17 with a recognised meaning, 17 bound to fields of vn-population');
    expect(run.stderr).toBe('');
  });

  it('speaks Vietnamese with --lang vi', () => {
    const run = dqc(['profile', CLEAN, '--lang', 'vi', '--as-of', AS_OF]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${CLEAN}: 200 dòng, 17 cột`);
    expect(run.stdout).toContain('→ id_number (tên cột là bí danh khai báo trong bộ quy tắc)');
    expect(run.stdout).toContain('chứa số định danh cá nhân (12 số) (100% giá trị)');
    expect(run.stdout).toContain('kiểu ngày tháng dd/MM/yyyy');
    expect(run.stdout).toContain('thường gặp nhất: "Nữ" 102, "Nam" 98');
    // dates in the Vietnamese order, as in the reports
    expect(run.stdout).toContain('từ 08/02/1932 đến 16/11/2020');
    expect(run.stdout).not.toMatch(/\b(holds|rows|filled|shapes)\b/);
  });
});

describe('dqc profile on a generated export with unusual headers', () => {
  it('identifies every column by header words and values, not only by alias', () => {
    const dir = tempDir();
    const file = join(dir, 'export.csv');
    writeUnusualExport(file, 400);
    const { code, report } = dqcJson(['profile', file, '--as-of', AS_OF]);
    expect(code).toBe(0);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    const columns = columnsOf(report);
    for (const header of POPULATION_HEADERS) {
      const column = columns.get(UNUSUAL_HEADERS[header])!;
      expect(column.semantic?.type, header).toBe(SEMANTIC_OF_HEADER[header]);
      expect(column.field?.name, header).toBe(FIELD_OF_HEADER[header]);
    }
    const by = (h: PopulationHeader) => columns.get(UNUSUAL_HEADERS[h])?.field?.by;
    expect(by('so_dinh_danh')).toBe('alias'); // "Số định danh" folds to so_dinh_danh
    expect(by('ho_ten')).toBe('header');
    expect(by('so_dien_thoai')).toBe('values'); // "Liên lạc": only the values say phone
    expect(columns.get(UNUSUAL_HEADERS.ngay_cap_nhat)).toMatchObject({ type: 'date', dateFormat: 'yyyy-MM-dd' });
    expect(columns.get(NOTES_HEADER)).toMatchObject({ semantic: null, field: null });
  });

  it('counts past the exact cap with estimates and still identifies the columns (12,000 rows)', { timeout: 60_000 }, () => {
    const dir = tempDir();
    const file = join(dir, 'large.csv');
    const lines = [csvRecord(POPULATION_HEADERS)];
    for (const row of populationRows({ seed: 12_000, count: 12_000, asOf: AS_OF })) lines.push(csvRecord(POPULATION_HEADERS.map((h) => row[h])));
    writeFileSync(file, `${lines.join('\n')}\n`);
    const { code, report } = dqcJson(['profile', file, '--as-of', AS_OF]);
    expect(code).toBe(0);
    const columns = columnsOf(report);
    const ids = columns.get('so_dinh_danh')!;
    expect(ids.distinct.exact).toBe(false);
    expect(Math.abs(ids.distinct.count - 12_000) / 12_000).toBeLessThan(0.025);
    expect(columns.get('gioi_tinh')?.distinct).toEqual({ count: 2, exact: true });
    for (const header of POPULATION_HEADERS) expect(columns.get(header)?.semantic?.type, header).toBe(SEMANTIC_OF_HEADER[header]);
  });
});

describe('dqc profile --format html', () => {
  const csv = [
    'so_dinh_danh,ho_ten,<script>alert(1)</script>',
    '001085012345,Nguyễn Văn An,x',
    '001085012345,Nguyễn Văn An,y',
    '079190000001,Lê Thị Hoa,x',
  ].join('\n');

  it('writes a self-contained page; repeated ID numbers and names are masked, data is escaped', () => {
    const dir = tempDir();
    const file = join(dir, 'ids.csv');
    writeFileSync(file, `${csv}\n`);
    const run = dqc(['profile', file, '--format', 'html', '--lang', 'vi']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^<!DOCTYPE html>/);
    expect(run.stdout).toContain('<h1>Hồ sơ dữ liệu</h1>');
    expect(run.stdout).toContain('<code class="value">001******345</code> 2');
    expect(run.stdout).toContain('<code class="value">Nguyễn V** A*</code> 2');
    expect(run.stdout).not.toContain('001085012345');
    expect(run.stdout).not.toContain('Văn An');
    expect(run.stdout).not.toContain('<script>');
    expect(run.stdout).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('--no-mask shows them, and says the page holds personal data', () => {
    const dir = tempDir();
    const file = join(dir, 'ids.csv');
    writeFileSync(file, `${csv}\n`);
    const run = dqc(['profile', file, '--format', 'html', '--no-mask']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('<code class="value">001085012345</code> 2');
    expect(run.stdout).toContain('<code class="value">Nguyễn Văn An</code> 2');
    expect(run.stdout).toContain('shown in full (--no-mask)');
  });
});

describe('dqc profile exit codes and options', () => {
  it('exits 2 with a message naming a missing file, and no stack trace', () => {
    const run = dqc(['profile', 'fixtures/no-such-file.csv']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('dqc: No input matches fixtures/no-such-file.csv\n');
    expect(run.stdout).toBe('');
  });

  it('exits 2 when part of a file could not be read, and says so in the profile', () => {
    const run = dqc(['profile', 'fixtures/broken/unclosed-quote.csv']);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('Part of the file could not be read');
    expect(run.stdout).toContain('file/unclosed-quote (1)');
  });

  it.each([
    [['--format', 'junit'], '--format: "junit" is not valid (console, json, html)'],
    [['--top', 'ten'], '--top: "ten" is not valid (0 … 1000)'],
  ])('refuses %j with exit 2', (args, message) => {
    const run = dqc(['profile', CLEAN, ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });

  it('writes the profile to -o atomically and --top limits the values listed', () => {
    const dir = tempDir();
    const out = join(dir, 'profile.json');
    const run = dqc(['profile', CLEAN, '--format', 'json', '-o', out, '--top', '3', '--quiet']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    const profile = JSON.parse(readFileSync(out, 'utf8'));
    expect(validate(profile)).toBe(true);
    expect(profile.settings.top).toBe(3);
    expect(Math.max(...profile.inputs[0].columns.map((c: { top: unknown[] }) => c.top.length))).toBe(3);
  });
});

describe('dqc profile shows data, never obeys it', () => {
  it('escapes controls and bidi overrides of headers and values in the console; writes dates the reader’s way on the page', () => {
    const dir = tempDir();
    const file = join(dir, 'hostile.csv');
    const name = 'Nguyễn\u001b[2J An\u202e';
    const rows = Array.from({ length: 4 }, (_, i) => `${name},0${i + 1}/02/2020`);
    writeFileSync(file, `ho_ten\u001b]0;x\u0007,ngay\u009b\n${rows.join('\n')}\n`);
    for (const lang of ['en', 'vi']) {
      const run = dqc(['profile', file, '--lang', lang]);
      expect(run.code).toBe(0);
      // eslint-disable-next-line no-control-regex -- looking for control characters is the point
      expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      expect(run.stdout).toContain('ho_ten␛]0;x␇');
      expect(run.stdout).toContain('ngay<U+009B>');
      expect(run.stdout).toContain('<U+202E>');
    }
    const page = join(dir, 'profile.html');
    expect(dqc(['profile', file, '--lang', 'vi', '--format', 'html', '-o', page]).code).toBe(0);
    expect(readFileSync(page, 'utf8')).toContain('01/02/2020 – 04/02/2020');
  });
});
