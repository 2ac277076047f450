// The workbook reader on cells Excel makes: rich text, booleans, hyperlinks, a time of day, blank
// rows inside the table, cells beyond the header; the header found without a pack (the first row
// at least half as wide as the widest, so a banner is passed over).
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openInput } from '../../src/input/open.js';
import type { InputProblem } from '../../src/input/problems.js';
import type { ArrayRow } from '../../src/input/row.js';
import { tempDir } from '../support/cli.js';

async function workbook(build: (sheet: ExcelJS.Worksheet) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('Trang 1'));
  const path = join(tempDir(), 'book.xlsx');
  await wb.xlsx.writeFile(path);
  return path;
}

async function readAll(path: string, hints?: ({ type?: string; format?: string } | undefined)[]) {
  const problems: InputProblem[] = [];
  const { reader } = await openInput(path, {}, (p) => problems.push(p));
  if (hints) reader.setColumnHints?.(hints);
  const rows: { row: number; line: number; cells: readonly string[] }[] = [];
  for await (const row of reader.rows()) rows.push({ row: row.row, line: row.line, cells: (row as ArrayRow).cells });
  return { reader, rows, problems };
}

describe('the workbook reader', () => {
  it('reads the cells Excel makes as the text a steward sees', async () => {
    const path = await workbook((sheet) => {
      sheet.addRow(['DANH SÁCH']);
      sheet.addRow(['ten', 'dang_hoat_dong', 'trang_web', 'luc', 'so']);
      sheet.addRow([{ richText: [{ text: 'Nguyễn ' }, { font: { bold: true }, text: 'An' }] }, true, { text: 'trang', hyperlink: 'https://example.org' }, new Date(Date.UTC(2026, 0, 2, 8, 30, 0)), 0.5]);
      sheet.addRow([]);
      sheet.addRow(['Lê Hoa', false, null, null, 12, 'thừa']);
    });
    const { reader, rows, problems } = await readAll(path);
    expect(reader.header).toEqual(['ten', 'dang_hoat_dong', 'trang_web', 'luc', 'so']);
    expect(reader.sheet).toBe('Trang 1');
    expect(rows).toEqual([
      { row: 1, line: 3, cells: ['Nguyễn An', 'TRUE', 'trang', '2026-01-02T08:30:00', '0.5'] },
      { row: 2, line: 5, cells: ['Lê Hoa', 'FALSE', '', '', '12'] },
    ]);
    expect(problems.map((p) => [p.code, p.line])).toEqual([
      ['row/blank', 4],
      ['row/inconsistent-columns', 5],
    ]);
    expect(reader.counts).toEqual({ rows: 2, rejected: 0, blankRows: 1, complete: true });
  });

  it('says a number in a column the pack declares as text, and writes a date cell in the declared form', async () => {
    const path = await workbook((sheet) => {
      sheet.addRow(['so_dinh_danh', 'ngay_sinh']);
      sheet.addRow([1090012345, new Date(Date.UTC(1990, 1, 1))]);
      sheet.addRow([Number('12345678901234567890'), '01/02/1990']); // past 15 digits, as typed into Excel
    });
    const { rows, problems } = await readAll(path, [{ type: 'string' }, { type: 'date', format: 'dd/MM/yyyy' }]);
    expect(rows.map((r) => r.cells)).toEqual([
      ['1090012345', '01/02/1990'],
      ['12345678901234600000', '01/02/1990'],
    ]);
    expect(problems.map((p) => [p.code, p.line, p.data.lost])).toEqual([
      ['cell/stored-as-number', 2, 'zeros'],
      ['cell/stored-as-number', 3, 'digits'],
    ]);
  });
});
