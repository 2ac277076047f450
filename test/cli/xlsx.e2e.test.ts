// Excel workbooks end to end (fixtures/workbooks/*, written by fixtures/generate.ts): a workbook of
// the clean population rows under banner rows gives the CSV's per-rule counts for check, profile and
// init and as a reconcile reference; every kind of Excel damage in danso.xlsx gets its finding, on
// the row Excel shows, with the fix where the value can be recovered and review where it cannot;
// sheets and header rows by flag; the mistakes said with exit 2.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { dqc, dqcJson, ROOT, tempDir } from '../support/cli.js';

const FIXTURES = join(ROOT, 'fixtures');
const CLEAN = join(FIXTURES, 'workbooks/population-clean.xlsx');
const DANSO = join(FIXTURES, 'workbooks/danso.xlsx');
const AS_OF = ['--as-of', '2026-11-01'];

type Rule = { id: string; failed: number; evaluated: number; status: string; samples: Sample[] };
type Sample = { row: number; line: number; code: string; fix?: { action: string; value?: string } };
type Problem = { code: string; count: number; samples: { row: number | null; line: number | null; column: string | null }[] };
const counts = (report: Record<string, unknown>) => Object.fromEntries((report.rules as Rule[]).map((r) => [r.id, [r.failed, r.evaluated, r.status]]));
const manifest = JSON.parse(readFileSync(join(FIXTURES, 'workbooks/danso.manifest.json'), 'utf8')) as {
  expected: { row: number; line: number; kind: string; column: string; fix?: string }[];
};

describe('dqc on Excel workbooks', { timeout: 120_000 }, () => {
  it('check: the clean rows under banner rows give the per-rule counts and exit code of the CSV', () => {
    const csv = dqcJson(['check', join(FIXTURES, 'population-clean.csv'), ...AS_OF]);
    const xlsx = dqcJson(['check', CLEAN, ...AS_OF]);
    expect(xlsx.code).toBe(csv.code);
    expect(counts(xlsx.report)).toEqual(counts(csv.report));
    const input = xlsx.report.inputs[0];
    expect([input.format, input.sheet, input.rows, input.problems]).toEqual(['xlsx', 'Danh sách', 200, []]);
  });

  it('check: every kind of Excel damage in danso.xlsx is found on the row Excel shows, with its fix or review', () => {
    const { code, report } = dqcJson(['check', DANSO, ...AS_OF, '--sample', '100']);
    expect(code).toBe(1);
    const samples = (report.rules as Rule[]).flatMap((r) => r.samples);
    const problems = report.inputs[0].problems as Problem[];
    for (const e of manifest.expected) {
      if (e.kind === 'excel-error') {
        const error = problems.find((p) => p.code === 'cell/excel-error');
        expect(error?.samples).toContainEqual(expect.objectContaining({ line: e.line, column: e.column }));
        continue;
      }
      const found = samples.find((s) => s.line === e.line && s.code.endsWith(`/${e.kind}`));
      expect(found, `${e.kind} on line ${e.line}`).toBeDefined();
      expect(found!.row).toBe(e.row);
      if (e.fix) expect(found!.fix).toMatchObject({ action: 'set', value: e.fix });
      else expect(found!.fix?.action).toBe('review');
    }
    // Each number in a text column is said as such, on its line; the formula is counted.
    const numbers = problems.find((p) => p.code === 'cell/stored-as-number');
    expect(numbers?.samples.map((s) => [s.line, s.column])).toEqual([
      [6, 'so_dinh_danh'],
      [7, 'so_dien_thoai'],
      [8, 'so_dinh_danh'],
    ]);
    expect(problems.find((p) => p.code === 'file/formulas')?.count).toBe(1);
    // The date typed as text and the dates in date cells read alike: no date finding.
    expect((report.rules as Rule[]).find((r) => r.id === 'dob-valid')?.failed).toBe(0);
  });

  it('--sheet by number or name, --header-row; a missing sheet or row is exit 2 in either language', () => {
    const second = dqcJson(['check', DANSO, ...AS_OF, '--sheet', '2']);
    expect([second.report.inputs[0].sheet, second.report.inputs[0].rows]).toEqual(['Tạm trú', 5]);
    const byName = dqcJson(['check', DANSO, ...AS_OF, '--sheet', 'Tạm trú']);
    expect(counts(byName.report)).toEqual(counts(second.report));
    const given = dqcJson(['check', DANSO, ...AS_OF, '--header-row', '5']);
    expect(counts(given.report)).toEqual(counts(dqcJson(['check', DANSO, ...AS_OF]).report));
    const missing = dqc(['check', DANSO, '--sheet', 'Nope']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('has no sheet "Nope"; its sheets are: Dân cư, Tạm trú');
    const row = dqc(['check', DANSO, '--header-row', '99', '--lang', 'vi']);
    expect(row.code).toBe(2);
    expect(row.stderr).toContain('không có dòng 99');
    expect(row.stderr).not.toMatch(/\n\s+at /);
  });

  it('profile and init read it as its CSV', () => {
    const columns = (p: { report: Record<string, any> }) => p.report.inputs[0].columns.map((c: { name: string; semantic?: string }) => [c.name, c.semantic]); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(columns(dqcJson(['profile', CLEAN]))).toEqual(columns(dqcJson(['profile', join(FIXTURES, 'population-clean.csv')])));
    const dir = tempDir();
    const init = dqc(['init', '--from', CLEAN], { cwd: dir });
    expect(init.code, init.stderr).toBe(0);
    const check = dqc(['check', CLEAN, ...AS_OF], { cwd: dir });
    expect(check.code, check.stdout + check.stderr).toBe(0);
  });

  it('reconcile: a workbook reference (a title row above the header) gives what the CSV reference gives', async () => {
    const reference = join(FIXTURES, 'reconcile-reference.csv');
    const [header, ...rows] = parse(readFileSync(reference, 'utf8'), { bom: true }) as string[][];
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Trích xuất');
    sheet.addRow(['TRÍCH XUẤT CƠ SỞ DỮ LIỆU QUỐC GIA VỀ DÂN CƯ']);
    sheet.addRow(header);
    for (const row of rows) sheet.addRow(row.map((cell) => (cell === '' ? null : cell)));
    const path = join(tempDir(), 'reference.xlsx');
    await workbook.xlsx.writeFile(path);
    const local = join(FIXTURES, 'reconcile-local.csv');
    const csv = dqcJson(['reconcile', local, '--reference', reference, '--sample', '1000']);
    const xlsx = dqcJson(['reconcile', local, '--reference', path, '--sample', '1000']);
    expect(xlsx.code).toBe(csv.code);
    expect(counts(xlsx.report)).toEqual(counts(csv.report));
  });
});

describe("every sheet as an input: --sheet '*' and book.xlsx!Sheet", { timeout: 120_000 }, () => {
  it('names each input, finding and fix by its sheet; dqc fix takes the same name', () => {
    const dir = tempDir();
    const list = join(dir, 'fixes.csv');
    const { report } = dqcJson(['check', DANSO, ...AS_OF, '--sheet', '*', '--fixes', list]);
    expect((report.inputs as { path: string; sheet: string; rows: number }[]).map((i) => [i.path, i.sheet, i.rows])).toEqual([
      [`${DANSO}!Dân cư`, 'Dân cư', 8],
      [`${DANSO}!Tạm trú`, 'Tạm trú', 5],
    ]);
    const files = new Set((report.rules as Rule[]).flatMap((r) => r.samples.map((s) => (s as Sample & { file: string }).file)));
    expect([...files]).toEqual([`${DANSO}!Dân cư`]);
    expect(readFileSync(list, 'utf8')).toContain(`${DANSO}!Dân cư`);
    const one = dqcJson(['check', `${DANSO}!Tạm trú`, ...AS_OF]);
    expect(one.report.inputs[0].rows).toBe(5);
    const fixed = dqc(['fix', `${DANSO}!Dân cư`, '--fixes', list, '-o', join(dir, 'out.csv')]);
    expect(fixed.code, fixed.stdout + fixed.stderr).toBe(0);
    expect(fixed.stdout).toMatch(/Fixes: 2 applied/);
  });
});

describe('fix lists as workbooks', { timeout: 120_000 }, () => {
  it('--fixes list.xlsx: IDs and values as text cells; dqc fix applies it as it applies the CSV list', async () => {
    const dir = tempDir();
    const input = join(FIXTURES, 'population-defects.csv');
    for (const list of ['fixes.xlsx', 'fixes.csv']) dqc(['check', input, ...AS_OF, '--fixes', join(dir, list), '--quiet']);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, 'fixes.xlsx'));
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['fix_id', 'file', 'row', 'key', 'column', 'action', 'current_value', 'proposed_value', 'rule', 'dimension', 'confidence', 'reason']);
    const csvLines = readFileSync(join(dir, 'fixes.csv'), 'utf8').trim().split('\r\n');
    expect(sheet.actualRowCount).toBe(csvLines.length);
    // An ID with leading zeros is a text cell in a Text-formatted column: Excel keeps it as typed.
    const key = sheet.getRow(2).getCell(4);
    expect([key.type, key.numFmt, typeof key.value]).toEqual([ExcelJS.ValueType.String, '@', 'string']);
    const fromXlsx = dqc(['fix', input, '--fixes', join(dir, 'fixes.xlsx'), '-o', join(dir, 'out-xlsx.csv')]);
    const fromCsv = dqc(['fix', input, '--fixes', join(dir, 'fixes.csv'), '-o', join(dir, 'out-csv.csv')]);
    expect([fromXlsx.code, fromCsv.code], fromXlsx.stderr).toEqual([0, 0]);
    expect(readFileSync(join(dir, 'out-xlsx.csv'), 'utf8')).toBe(readFileSync(join(dir, 'out-csv.csv'), 'utf8'));
  });

  it("reads a steward's accept column back: only the accepted fixes are applied", async () => {
    const dir = tempDir();
    const input = join(FIXTURES, 'population-defects.csv');
    dqc(['check', input, ...AS_OF, '--fixes', join(dir, 'fixes.xlsx'), '--quiet']);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, 'fixes.xlsx'));
    const sheet = workbook.worksheets[0]!;
    const acceptAt = sheet.getRow(1).cellCount + 1;
    sheet.getRow(1).getCell(acceptAt).value = 'accept';
    // The first two `set` fixes accepted (as a steward would: "x" and TRUE), every other one not.
    let accepted = 0;
    for (let r = 2; r <= sheet.actualRowCount; r++) {
      const row = sheet.getRow(r);
      if (row.getCell(6).value === 'set' && accepted < 2) row.getCell(acceptAt).value = accepted++ === 0 ? 'x' : true;
    }
    expect(accepted).toBe(2);
    await workbook.xlsx.writeFile(join(dir, 'reviewed.xlsx'));
    const run = dqc(['fix', input, '--fixes', join(dir, 'reviewed.xlsx'), '-o', join(dir, 'out.csv')]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Fixes: 2 applied/);
  });
});

describe('dqc fix on a workbook', { timeout: 120_000 }, () => {
  it('check → fix: the fixed sheet as CSV, the lost leading zeros put back; checked again, those findings are gone', () => {
    const dir = tempDir();
    const list = join(dir, 'fixes.csv');
    dqc(['check', DANSO, ...AS_OF, '--fixes', list, '--quiet']);
    const out = join(dir, 'danso.csv');
    const run = dqc(['fix', DANSO, '--fixes', list, '-o', out]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Rows: 8 in = 8 out \+ 0 dropped/);
    const recovered = manifest.expected.filter((e) => e.fix);
    expect(run.stdout).toContain(`Fixes: ${recovered.length} applied`);
    const lines = readFileSync(out, 'utf8').replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines).toHaveLength(9);
    for (const e of recovered) expect(lines[e.row], e.kind).toContain(e.fix!);
    const again = dqcJson(['check', out, ...AS_OF, '--sample', '100']).report;
    const codes = (again.rules as Rule[]).flatMap((r) => r.samples.map((s) => s.code));
    expect(codes.filter((c) => c.endsWith('excel-leading-zero'))).toEqual([]);
    expect(codes).toContain('vn-personal-id/id-digits-rounded'); // for a person to take from the source
  });

  it('-o fixed.xlsx: the workbook again, every sheet kept, the fixed IDs and phones as text; checked again, clean of them', async () => {
    const dir = tempDir();
    const list = join(dir, 'fixes.csv');
    dqc(['check', DANSO, ...AS_OF, '--fixes', list, '--quiet']);
    const out = join(dir, 'fixed.xlsx');
    const run = dqc(['fix', DANSO, '--fixes', list, '-o', out]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('styles, formulas (their last values are written), merged cells, charts, images and comments are not kept');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Dân cư', 'Tạm trú']);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    for (const e of manifest.expected.filter((x) => x.fix)) {
      const column = (sheet.getRow(5).values as unknown[]).indexOf(e.column);
      const cell = sheet.getRow(e.line).getCell(column);
      expect([cell.value, cell.numFmt], e.kind).toEqual([e.fix, '@']);
    }
    const again = dqcJson(['check', out, ...AS_OF, '--sample', '100']).report;
    const codes = (again.rules as Rule[]).flatMap((r) => r.samples.map((s) => s.code));
    expect(codes.filter((c) => c.endsWith('excel-leading-zero'))).toEqual([]);
    expect((again.inputs[0].problems as Problem[]).map((p) => p.code)).not.toContain('cell/stored-as-number');
    // The date cells stay dates: the date rule finds nothing, as before.
    expect((again.rules as Rule[]).find((r) => r.id === 'dob-valid')?.failed).toBe(0);
  });

  it('-o fixed.xlsx counts data rows as the check did: a row of an error cell alone is blank to both', async () => {
    const dir = tempDir();
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Dân cư');
    sheet.addRow(['so_dinh_danh', 'ho_ten']);
    sheet.addRow(['079090012345', 'Lê Thị Hoa']);
    sheet.addRow([{ error: '#N/A' }, null]);
    sheet.addRow([12149536287, 'Trần Văn Bình']); // leading zero lost: the check proposes 012149536287
    const input = join(dir, 'book.xlsx');
    await book.xlsx.writeFile(input);
    const list = join(dir, 'fixes.csv');
    dqc(['check', input, ...AS_OF, '--fixes', list, '--quiet']);
    expect(readFileSync(list, 'utf8')).toContain('012149536287');
    const out = join(dir, 'fixed.xlsx');
    const run = dqc(['fix', input, '--fixes', list, '-o', out]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const fixed = new ExcelJS.Workbook();
    await fixed.xlsx.readFile(out);
    const rows = fixed.worksheets[0]!;
    expect([rows.getRow(3).getCell(1).value, rows.getRow(4).getCell(1).value]).toEqual([{ error: '#N/A' }, '012149536287']);
  });

  it('refuses another output kind, in either language', () => {
    const dir = tempDir();
    const list = join(dir, 'fixes.csv');
    dqc(['check', DANSO, ...AS_OF, '--fixes', list, '--quiet']);
    const run = dqc(['fix', DANSO, '--fixes', list, '-o', join(dir, 'out.ods'), '--lang', 'vi']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('hãy cho -o một trong hai loại đó');
  });
});
