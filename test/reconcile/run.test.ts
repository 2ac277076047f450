import { Ajv } from 'ajv';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DqcError } from '../../src/errors.js';
import { resolvePacks } from '../../src/pack/resolve.js';
import { runReconcile, type ReconcileOptions } from '../../src/reconcile/run.js';
import { formatJson } from '../../src/report/formatters/json.js';
import type { Report } from '../../src/report/model.js';
import type { Finding } from '../../src/model.js';
import { tempDir } from '../support/cli.js';

const pack = resolvePacks(['vn-population']);
const dir = tempDir('dqc-reconcile-');
const file = (name: string, lines: string[]): string => {
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
};
const run = (inputs: string[], reference: string, extra: Partial<ReconcileOptions> = {}) =>
  runReconcile({ inputs, reference, pack, asOfDay: 20_000, sampleSize: 100, gate: { failOn: 'error', maxWarnings: null }, ...extra });

const samples = (report: Report) =>
  report.rules.flatMap((r) => r.samples.map((s) => ({ rule: r.id, code: s.code, file: s.file, row: s.row, column: s.column, fix: s.fix, data: s.data })));

const LOCAL_HEADER = 'so_dinh_danh,ho_ten,ngay_sinh,gioi_tinh,noi_dang_ky_khai_sinh,trang_thai,ngay_chet';
const REF_HEADER = 'SO_DINH_DANH,HO_VA_TEN,NGAY_SINH,GIOI_TINH,NOI_DANG_KY_KHAI_SINH,NGAY_CHET';

describe('runReconcile', () => {
  it('finds nothing when both sides say the same things, however they spell them', async () => {
    const local = file('same-local.csv', [
      LOCAL_HEADER,
      '001085012345,NGUYỄN  VĂN AN,12/03/1985,Nam,TP. Hà Nội,Đang hoạt động,',
      '079192004561,Trần Thị Hoà,05/11/1992,nữ,Thành phố Hồ Chí Minh,Đang hoạt động,',
      '"038 201 000789",Lê Hoàng Đức,20/07/2001,Nam,Thanh Hóa,Đã chết,01/02/2025',
    ]);
    const ref = file('same-ref.csv', [
      REF_HEADER,
      '079192004561,Trần Thị Hòa,1992-11-05,Nữ,Hồ Chí Minh,',
      '001085012345,Nguyễn Văn An,1985-03-12,Nam,Hà Nội,',
      '038201000789,Lê Hoàng Đức,2001-07-20,Nam,Thanh Hoá,2025-02-01',
    ]);
    const report = await run([local], ref);
    expect(samples(report)).toEqual([]);
    expect(report.gate).toEqual({ passed: true, reasons: [] });
    expect(report.rules.map((r) => r.id)).not.toContain('missing-locally');
    expect(report.rules.find((r) => r.id === 'field-mismatch')).toMatchObject({
      evaluated: 3,
      status: 'passed',
      columns: ['full_name', 'date_of_birth', 'sex', 'birth_registration_place', 'date_of_death'],
    });
    expect(report.inputs.map((i) => i.path)).toEqual([local, ref]);
    expect(report.summary).toMatchObject({ files: 2, rows: 6, findings: 0 });
    expect(report.scores.overall).toBe(100);
  });

  it('writes a report that matches the published JSON schema', async () => {
    const local = file('schema-local.csv', [LOCAL_HEADER, '001085012345,Nguyen Van An,12/03/1985,Nam,Hà Nội,,', ',Lê Văn B,01/01/1990,Nam,Huế,,']);
    const ref = file('schema-ref.csv', [REF_HEADER, '001085012345,Nguyễn Văn An,1985-03-12,Nam,Hà Nội,', '046090000001,Lê Văn B,1990-01-01,Nam,Huế,']);
    const report = await run([local], ref, { expectComplete: true });
    const schema = JSON.parse(readFileSync(resolve('rules/report.schema.json'), 'utf8')) as object;
    const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
    for (const lang of ['en', 'vi'] as const) {
      const json = JSON.parse(formatJson(report, { lang, color: false }));
      expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    }
    expect(samples(report).map((s) => s.code).sort()).toEqual(['reconcile/field-mismatch', 'reconcile/key-blank', 'reconcile/missing-locally']);
  });

  it('numbers rows per file and names the file of the first record of a repeated key', async () => {
    const a = file('multi-a.csv', [LOCAL_HEADER, '001085012345,Nguyễn Văn An,12/03/1985,Nam,Hà Nội,,']);
    const b = file('multi-b.csv', [LOCAL_HEADER, '079192004561,Trần Thị Hoà,05/11/1992,Nữ,Hồ Chí Minh,,', '001085012345,Nguyễn Văn An,12/03/1985,Nam,Hà Nội,,']);
    const ref = file('multi-ref.csv', [REF_HEADER, '001085012345,Nguyễn Văn An,1985-03-12,Nữ,Hà Nội,', '079192004561,Trần Thị Hoà,1992-11-05,Nam,Hồ Chí Minh,']);
    const report = await run([a, b], ref);
    expect(samples(report)).toEqual([
      expect.objectContaining({ code: 'reconcile/field-mismatch', file: a, row: 1, column: 'gioi_tinh', fix: { action: 'set', value: 'Nữ', confidence: 1 } }),
      expect.objectContaining({ code: 'reconcile/field-mismatch', file: b, row: 1, column: 'gioi_tinh', fix: { action: 'set', value: 'Nam', confidence: 1 } }),
      expect.objectContaining({ code: 'reconcile/duplicate-key-local', file: b, row: 2, data: expect.objectContaining({ first_row: 1, first_file: a }) }),
    ]);
  });

  it('proposes a hashed (non-digit) ID by name and date of birth, and counts several candidates', async () => {
    const local = file('hashed-local.csv', [
      LOCAL_HEADER,
      'B1234568,Phạm Thị Mai,03/02/1975,Nữ,Nghệ An,,',
      'X0000001,Hồ Văn Tuấn,22/12/1975,Nam,Bình Định,,',
    ]);
    const ref = file('hashed-ref.csv', [
      REF_HEADER,
      'B1234567,Phạm Thị Mai,1975-02-03,Nữ,Nghệ An,',
      'C7654321,Hồ Văn Tuấn,1975-12-22,Nam,Bình Định,',
      'C7654322,Ho Van Tuan,1975-12-22,Nam,Bình Định,',
    ]);
    const report = await run([local], ref);
    expect(samples(report).map((s) => [s.row, s.code, s.fix, s.data.candidates])).toEqual([
      [1, 'reconcile/not-in-reference', { action: 'set', value: 'B1234567', confidence: 0.9 }, 1],
      [2, 'reconcile/not-in-reference', { action: 'review', confidence: 0 }, 2],
    ]);
  });

  it('does not overwrite a record with another person under the same ID', async () => {
    const local = file('other-local.csv', [LOCAL_HEADER, '001085012346,Nguyễn Văn An,12/03/1985,Nam,Hà Nội,,']);
    const ref = file('other-ref.csv', [REF_HEADER, '001085012346,Trần Thị Bích,1990-07-01,Nữ,Hà Nội,', '001085012345,Nguyễn Văn An,1985-03-12,Nam,Hà Nội,']);
    const report = await run([local], ref);
    expect(samples(report).map((s) => [s.code, s.fix])).toEqual([
      ['reconcile/another-person', { action: 'set', value: '001085012345', confidence: 0.9 }],
    ]);
  });

  it('without a date-of-death column here, a death in the reference is a review on the status', async () => {
    const local = file('nodeath-local.csv', ['so_dinh_danh,ho_ten,ngay_sinh,trang_thai', '001085012345,Nguyễn Văn An,12/03/1985,Đang hoạt động', '001085012346,Lê Văn B,12/03/1985,Đã chết']);
    const ref = file('nodeath-ref.csv', [REF_HEADER, '001085012345,Nguyễn Văn An,1985-03-12,Nam,Hà Nội,2025-01-02', '001085012346,Lê Văn B,1985-03-12,Nam,Hà Nội,2025-01-03']);
    const report = await run([local], ref);
    expect(samples(report).map((s) => [s.row, s.code, s.column, s.fix, s.data])).toEqual([
      [1, 'reconcile/deceased-in-reference', 'trang_thai', { action: 'review', confidence: 0 }, { field: 'date_of_death', canonical: '02/01/2025' }],
    ]);
    // Sex and place are compared only where both sides have them.
    expect(report.rules.find((r) => r.id === 'field-mismatch')?.columns).toEqual(['full_name', 'date_of_birth']);
  });

  it('skips what the reference cannot say: no date of death, no death finding', async () => {
    const local = file('skip-local.csv', [LOCAL_HEADER, '001085012345,Nguyễn Văn An,12/03/1985,Nam,Hà Nội,Đã chết,01/01/2025']);
    const ref = file('skip-ref.csv', ['SO_DINH_DANH,HO_VA_TEN', '001085012345,Nguyễn Văn An']);
    const report = await run([local], ref);
    const deceased = report.rules.find((r) => r.id === 'deceased-in-reference');
    expect(deceased).toMatchObject({ status: 'skipped', skipped: [{ file: ref, missingColumns: ['date_of_death'] }] });
    expect(report.rules.find((r) => r.id === 'another-person')).toMatchObject({ status: 'skipped' });
    expect(samples(report)).toEqual([]);
  });

  it('streams every finding with its row key', async () => {
    const local = file('stream-local.csv', [LOCAL_HEADER, '001085012345,Nguyen Van An,12/03/1985,Nam,Hà Nội,,']);
    const ref = file('stream-ref.csv', [REF_HEADER, '001085012345,Nguyễn Văn An,1985-03-12,Nam,Hà Nội,', ',Lê Văn B,1990-01-01,Nam,Huế,']);
    const seen: Finding[] = [];
    await run([local], ref, { onFinding: (finding) => void seen.push(finding) });
    expect(seen.map((f) => [f.rule, f.code, f.file, f.row, f.severity, f.dimension, f.key])).toEqual([
      ['key-blank', 'reconcile/reference-key-blank', ref, 2, 'error', 'sufficient', ''],
      ['field-mismatch', 'reconcile/field-mismatch', local, 1, 'error', 'true', '001085012345'],
    ]);
  });

  it.each([
    ['the inputs', 'unbound-local.csv', ['ma,ten', '1,A'], 'unbound-ref-ok.csv', [REF_HEADER, '1,A,,,,'], '--column'],
    ['the reference', 'unbound-local-ok.csv', [LOCAL_HEADER, '1,A,,,,,'], 'unbound-ref.csv', ['ma,ten', '1,A'], '--reference-column'],
  ])('refuses a file of %s that binds no column to the key (exit code 2)', async (_, localName, localLines, refName, refLines, option) => {
    const local = file(localName, localLines);
    const ref = file(refName, refLines);
    const error = await run([local], ref).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DqcError);
    expect(error).toMatchObject({ code: 'DQC_KEY_NOT_BOUND', data: { field: 'id_number', option, columns: 'ma, ten' }, location: { line: 1 } });
  });

  it('refuses to report on an export that changed between its two readings (exit code 2)', async () => {
    // Progress is reported every 65,536 rows: with 40,000 rows here and 30,000 in the reference, the
    // first report comes while the reference is read, between the two readings of the export.
    const ids = (n: number, from: number) => Array.from({ length: n }, (_, i) => `${String(from + i).padStart(12, '0')},An`);
    const local = file('changing-local.csv', ['so_dinh_danh,ho_ten', ...ids(40_000, 1)]);
    const ref = file('changing-ref.csv', ['so_dinh_danh,ho_ten', ...ids(30_000, 1)]);
    const error = await run([local], ref, { onProgress: () => appendFileSync(local, '999999999999,Bình\n') }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'DQC_INPUT_CHANGED', data: { path: local } });
  });

  it('refuses a key field no pack declares', async () => {
    const local = file('key-local.csv', [LOCAL_HEADER]);
    await expect(run([local], local, { keyField: 'passport' })).rejects.toMatchObject({ code: 'DQC_USAGE' });
  });

  it('matches on another field with --key', async () => {
    const local = file('phone-local.csv', ['so_dien_thoai,ho_ten', '0912345678,Nguyen Van An']);
    const ref = file('phone-ref.csv', ['so_dien_thoai,ho_ten', '0912345678,Nguyễn Văn An']);
    const report = await run([local], ref, { keyField: 'phone' });
    expect(samples(report).map((s) => [s.code, s.fix?.value])).toEqual([['reconcile/field-mismatch', 'Nguyễn Văn An']]);
  });

  it('reads JSON on either side', async () => {
    const local = join(dir, 'local.json');
    writeFileSync(local, JSON.stringify([{ so_dinh_danh: '001085012345', ho_ten: 'Nguyễn Văn An', ngay_sinh: '12/03/1985' }]));
    const ref = join(dir, 'ref.ndjson');
    writeFileSync(ref, `${JSON.stringify({ id_number: '001085012345', full_name: 'Nguyễn Văn An', date_of_birth: '1985-03-21' })}\n`);
    const report = await run([local], ref);
    expect(samples(report).map((s) => [s.code, s.column, s.fix?.value])).toEqual([['reconcile/field-mismatch', 'ngay_sinh', '21/03/1985']]);
  });
});

describe('library reconcile()', () => {
  it('reconciles the fixture pair like the CLI, with the reference given as a path', async () => {
    const { reconcile } = await import('../../src/index.js');
    const manifest = JSON.parse(readFileSync(resolve('fixtures/reconcile.manifest.json'), 'utf8')) as { expected: unknown[]; asOf: string };
    const report = await reconcile(['fixtures/reconcile-local.csv'], {
      reference: 'fixtures/reconcile-reference.csv',
      asOf: manifest.asOf,
      expectComplete: true,
    });
    expect(report.summary.findings).toBe(manifest.expected.length);
    expect(report.asOf).toBe(manifest.asOf);
  });

  it('refuses a reference glob that matches several files', async () => {
    const { reconcile } = await import('../../src/index.js');
    await expect(reconcile(['fixtures/reconcile-local.csv'], { reference: 'fixtures/reconcile-*.csv' })).rejects.toMatchObject({
      code: 'DQC_USAGE',
      details: [{ key: 'reconcile.reference-one-file', data: { count: 2 } }],
    });
  });
});
