// The workbook's parts read through the zip's central directory (src/input/xlsx-zip.ts): sheets
// come in the order Excel shows their tabs, not the order their parts are stored in; their names are
// known without reading a row; every sheet is read, whichever part the writer stored last. exceljs'
// own streaming pass fails outright on the book below (shared strings stored before the sheets, the
// workbook part after them: "Cannot read properties of undefined (reading 'sheets')"), and now and
// then on any book whose last entry is the workbook part; docs/decisions.md gives the rates.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { openInput } from '../../src/input/open.js';
import { sheetNames } from '../../src/input/xlsx.js';
import { openWorkbookReader } from '../../src/input/xlsx-zip.js';
import type { ArrayRow } from '../../src/input/row.js';
import { tempDir } from '../support/cli.js';

/**
 * Sheets A, B, C (parts sheet1..3) whose tabs Excel shows as C, A, B, stored as Excel stores them
 * (by part name) but with xl/workbook.xml last, as exceljs stores it.
 */
async function reorderedBook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const sheets = ['A', 'B', 'C'].map((name) => {
    const sheet = wb.addWorksheet(name);
    sheet.addRow(['ten', 'so']);
    sheet.addRow([`hàng của ${name}`, 1]);
    return sheet;
  });
  // exceljs writes the tabs by orderNo (not in its types).
  const order = sheets as unknown as { orderNo: number }[];
  [order[2]!.orderNo, order[0]!.orderNo, order[1]!.orderNo] = [0, 1, 2];
  const written = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const restored = new JSZip();
  const names = Object.keys(written.files).filter((name) => !written.files[name]!.dir);
  const stored = [...names.filter((n) => n !== 'xl/workbook.xml').sort(), 'xl/workbook.xml'];
  for (const name of stored) restored.file(name, await written.file(name)!.async('uint8array'));
  const path = join(tempDir(), 'tabs.xlsx');
  writeFileSync(path, await restored.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
  return path;
}

describe('the workbook zip, read by its central directory', () => {
  it('gives every sheet, named, in tab order, with its rows', async () => {
    const path = await reorderedBook();
    const seen: [string, unknown[]][] = [];
    const reader = openWorkbookReader(path, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'emit' });
    for await (const sheet of reader) {
      const rows: unknown[] = [];
      for await (const row of sheet) rows.push((row.values as unknown[]).slice(1));
      seen.push([(sheet as unknown as { name: string }).name, rows]);
    }
    expect(seen).toEqual([
      ['C', [['ten', 'so'], ['hàng của C', 1]]],
      ['A', [['ten', 'so'], ['hàng của A', 1]]],
      ['B', [['ten', 'so'], ['hàng của B', 1]]],
    ]);
  });

  it('lists the sheet names in tab order, and sheet 1 is the first tab', async () => {
    const path = await reorderedBook();
    expect(await sheetNames(path)).toEqual(['C', 'A', 'B']);
    for (const [sheet, name] of [['1', 'C'], ['3', 'B'], ['A', 'A']] as const) {
      const { reader } = await openInput(path, { sheet }, () => {});
      const rows: string[][] = [];
      for await (const row of reader.rows()) rows.push([...(row as ArrayRow).cells]);
      expect([reader.sheet, rows]).toEqual([name, [[`hàng của ${name}`, '1']]]);
    }
  });

  it('reads the same sheets many times over, none lost (exceljs stores xl/workbook.xml last)', async () => {
    const path = join(import.meta.dirname, '../../fixtures/workbooks/danso.xlsx');
    const reads = await Promise.all(Array.from({ length: 20 }, () => sheetNames(path)));
    expect(new Set(reads.map((names) => names.join('|')))).toEqual(new Set(['Dân cư|Tạm trú']));
  });
});
