// The workbook's parts read through the zip's central directory (src/input/xlsx-zip.ts): sheets
// come in the order Excel shows their tabs, not the order their parts are stored in; their names are
// known without reading a row; every sheet is read, whichever part the writer stored last. exceljs'
// own streaming pass fails outright on the book below (shared strings stored before the sheets, the
// workbook part after them: "Cannot read properties of undefined (reading 'sheets')"), and now and
// then on any book whose last entry is the workbook part; docs/decisions.md gives the rates.
import { readFileSync, writeFileSync } from 'node:fs';
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

  it('reads every sheet and row many times over, none lost (exceljs stores xl/workbook.xml last)', async () => {
    const path = join(import.meta.dirname, '../../fixtures/workbooks/danso.xlsx');
    const readAll = async () => {
      const seen: string[] = [];
      for await (const sheet of openWorkbookReader(path, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'emit' })) {
        let rows = 0;
        for await (const row of sheet) rows += row.number > 0 ? 1 : 0;
        seen.push(`${(sheet as unknown as { name: string }).name}:${rows}`);
      }
      return seen.join('|');
    };
    const reads = await Promise.all(Array.from({ length: 20 }, readAll));
    expect(new Set(reads)).toEqual(new Set([reads[0]]));
    expect(reads[0]).toMatch(/^Dân cư:\d+\|Tạm trú:\d+$/);
    expect((await Promise.all(Array.from({ length: 20 }, () => sheetNames(path)))).map((n) => n.join('|'))).toEqual(Array(20).fill('Dân cư|Tạm trú'));
  });

  it('names a worksheet by its own tab when a chartsheet (numbered apart) comes first', async () => {
    const wb = new ExcelJS.Workbook();
    const data = wb.addWorksheet('Data');
    data.addRow(['ma', 'ten']);
    data.addRow(['1', 'An']);
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const book = await zip.file('xl/workbook.xml')!.async('string');
    zip.file('xl/workbook.xml', book.replace('<sheets>', '<sheets><sheet name="Chart1" sheetId="9" r:id="rId99"/>'));
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    const chartRel = '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/>';
    zip.file('xl/_rels/workbook.xml.rels', rels.replace(/(<Relationships[^>]*>)/, `$1${chartRel}`));
    zip.file('xl/chartsheets/sheet1.xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>');
    const path = join(tempDir(), 'chart.xlsx');
    writeFileSync(path, await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    expect(await sheetNames(path)).toEqual(['Data']);
    for (const options of [{}, { sheet: 'Data' }, { sheet: '1' }]) {
      const { reader } = await openInput(path, options, () => {});
      expect([reader.sheet, reader.header]).toEqual(['Data', ['ma', 'ten']]);
    }
  });
});

/** A one-sheet book whose sheet part is the given XML (exceljs writes the rest of the package). */
async function bookWithSheetXml(sheetData: string, after = ''): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Trang 1').addRow(['x']);
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  zip.file(
    'xl/worksheets/sheet1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetData}</sheetData>${after}</worksheet>`,
  );
  const path = join(tempDir(), 'inline.xlsx');
  writeFileSync(path, await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
  return path;
}

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

async function readBook(path: string) {
  const { reader } = await openInput(path, {}, () => {});
  const rows: [number, string[]][] = [];
  for await (const row of reader.rows()) rows.push([row.line, [...(row as ArrayRow).cells]]);
  return { header: reader.header, headerLine: reader.headerLine, rows };
}

describe('cells and headers the writer of a sheet chooses', () => {
  it('reads inline strings as shared ones (what other tools than Excel write)', async () => {
    const path = await bookWithSheetXml(
      `<row r="1">${inline('A1', 'so_dinh_danh')}${inline('B1', 'ho_ten')}</row>` +
        `<row r="2">${inline('A2', '001090012345')}${inline('B2', 'Nguyễn Văn An')}</row>` +
        `<row r="3"><c r="A3" t="inlineStr"><is><t xml:space="preserve"> 079090012345</t></is></c>${inline('B3', 'Trần &amp; Lê')}</row>` +
        `<row r="4">${inline('A4', '001090099999')}<c r="B4" t="inlineStr"><is><r><t xml:space="preserve">Phạm </t></r><r><rPr><b/></rPr><t>Minh</t></r></is></c></row>` +
        // Empty runs written self-closed, a phonetic run too: nothing of them is text.
        `<row r="5">${inline('A5', '001090088888')}<c r="B5" t="inlineStr"><is><r><t xml:space="preserve"/></r><r><rPr><b/></rPr><t>Lan</t></r><r><t/></r><rPh sb="0" eb="1"/></is></c></row>`,
    );
    expect(await readBook(path)).toEqual({
      header: ['so_dinh_danh', 'ho_ten'],
      headerLine: 1,
      rows: [
        [2, ['001090012345', 'Nguyễn Văn An']],
        [3, [' 079090012345', 'Trần & Lê']],
        [4, ['001090099999', 'Phạm Minh']],
        [5, ['001090088888', 'Lan']],
      ],
    });
  });

  it('reads a header merged over two rows as one header: each merged cell is its value', async () => {
    // Row 1: A and B merged down over rows 1–2, "Địa chỉ" merged across C1:D1 over its two parts in row 2.
    const path = await bookWithSheetXml(
      `<row r="1">${inline('A1', 'so_dinh_danh')}${inline('B1', 'ho_ten')}${inline('C1', 'Địa chỉ')}</row>` +
        `<row r="2">${inline('C2', 'tinh')}${inline('D2', 'xa')}</row>` +
        `<row r="3">${inline('A3', '001090012345')}${inline('B3', 'Lê Hoa')}${inline('C3', 'Hà Nội')}${inline('D3', 'Ba Đình')}</row>`,
      '<mergeCells count="3"><mergeCell ref="A1:A2"/><mergeCell ref="B1:B2"/><mergeCell ref="C1:D1"/></mergeCells>',
    );
    expect(await readBook(path)).toEqual({
      header: ['so_dinh_danh', 'ho_ten', 'tinh', 'xa'],
      headerLine: 2,
      rows: [[3, ['001090012345', 'Lê Hoa', 'Hà Nội', 'Ba Đình']]],
    });
  });

  it('passes over a banner merged across the table: merged, it is still one written cell', async () => {
    // The blank row under the header makes the merges be read (it could be a header's second row).
    const path = await bookWithSheetXml(
      `<row r="1">${inline('A1', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')}</row>` +
        `<row r="3">${inline('A3', 'ma')}${inline('B3', 'ten')}${inline('C3', 'ngay')}</row>` +
        `<row r="5">${inline('A5', '1')}${inline('B5', 'An')}${inline('C5', '01/02/1990')}</row>`,
      '<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>',
    );
    expect(await readBook(path)).toEqual({ header: ['ma', 'ten', 'ngay'], headerLine: 3, rows: [[5, ['1', 'An', '01/02/1990']]] });
  });

  it('takes a second header row that merges cover wholly, though Excel wrote no element for it, as header, not a blank row', async () => {
    const path = await bookWithSheetXml(
      `<row r="1">${inline('A1', 'ma')}${inline('B1', 'ten')}</row>` + `<row r="3">${inline('A3', '1')}${inline('B3', 'An')}</row>`,
      '<mergeCells count="2"><mergeCell ref="A1:A2"/><mergeCell ref="B1:B2"/></mergeCells>',
    );
    const problems: string[] = [];
    const { reader } = await openInput(path, {}, (p) => problems.push(p.code));
    const rows: string[][] = [];
    for await (const row of reader.rows()) rows.push([...(row as ArrayRow).cells]);
    expect([reader.header, reader.headerLine, rows, problems]).toEqual([['ma', 'ten'], 2, [['1', 'An']], []]);
  });
});

describe('a sheet whose XML is cut inside an inline string', () => {
  it('is read up to it, then said as a parse error (the rows before it kept)', async () => {
    // Past the rows the header is looked for in (a cut among them is an unreadable workbook, exit 2).
    const good = Array.from({ length: 40 }, (_, i) => `<row r="${i + 2}">${inline(`A${i + 2}`, String(i))}${inline(`B${i + 2}`, 'An')}</row>`);
    const path = await bookWithSheetXml(
      `<row r="1">${inline('A1', 'ma')}${inline('B1', 'ten')}</row>${good.join('')}` + `<row r="42"><c r="A42" t="inlineStr"><is><t>${'x'.repeat(3_000_000)}`,
    );
    const problems: string[] = [];
    const { reader } = await openInput(path, {}, (p) => problems.push(p.code));
    const rows: string[][] = [];
    for await (const row of reader.rows()) rows.push([...(row as ArrayRow).cells]);
    expect(rows).toEqual(Array.from({ length: 40 }, (_, i) => [String(i), 'An']));
    expect(problems).toContain('file/parse-error');
    expect(reader.counts.complete).toBe(false);
  });
});

describe('a sheet whose compressed data is damaged', () => {
  // With a blank row under the header, the merged cells are looked for first, through the damage too.
  it.each([0, 1])('is read up to the damage, then said as a parse error, never a hang (%i blank rows under the header)', async (blank) => {
    const at = (i: number) => i + 2 + blank;
    const rows = Array.from({ length: 3000 }, (_, i) => `<row r="${at(i)}">${inline(`A${at(i)}`, String(i))}${inline(`B${at(i)}`, `Nguyễn Văn ${(i * 7919) % 10007}`)}</row>`);
    const path = await bookWithSheetXml(`<row r="1">${inline('A1', 'ma')}${inline('B1', 'ten')}</row>${rows.join('')}`);
    const bytes = readFileSync(path);
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    const header = bytes.indexOf(Buffer.concat([Buffer.from('PK\x03\x04', 'latin1')]), 0);
    let local = header;
    while (local >= 0 && !bytes.subarray(local + 30, local + 30 + name.length).equals(name)) local = bytes.indexOf(Buffer.from('PK\x03\x04', 'latin1'), local + 4);
    expect(local).toBeGreaterThanOrEqual(0);
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const end = bytes.indexOf(Buffer.from('PK', 'latin1'), start + 2000);
    bytes.fill(0xff, Math.floor((start + end) / 2), Math.floor((start + end) / 2) + 64);
    const damaged = join(tempDir(), 'damaged.xlsx');
    writeFileSync(damaged, bytes);
    const problems: string[] = [];
    const { reader } = await openInput(damaged, {}, (p) => problems.push(p.code));
    let read = 0;
    for await (const row of reader.rows()) read += row.width > 0 ? 1 : 0;
    expect(read).toBeGreaterThan(30);
    expect(read).toBeLessThan(3000);
    expect(problems).toContain('file/parse-error');
    expect(reader.counts.complete).toBe(false);
  });
});

describe('text across the inflated chunks of a part', () => {
  const name = (i: number) => `Nguyễn Thị Hồng Nhung số ${i} ở Thừa Thiên Huế`;

  it('decodes a character whose bytes two chunks share (shared strings)', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Dân cư');
    sheet.addRow(['ho_ten']);
    for (let i = 0; i < 20_000; i++) sheet.addRow([name(i)]);
    const path = join(tempDir(), 'names.xlsx');
    await wb.xlsx.writeFile(path);
    const { rows } = await readBook(path);
    expect(rows.length).toBe(20_000);
    expect(rows.filter(([line, [cell]]) => cell !== name(line - 2)).slice(0, 3)).toEqual([]);
  });

  it('joins rich inline strings that chunk boundaries cut anywhere', async () => {
    const cell = (i: number) =>
      `<row r="${i + 2}"><c r="A${i + 2}" t="inlineStr"><is><r><t xml:space="preserve">${name(i).slice(0, 7)}</t></r>` +
      `<r><rPr><b/></rPr><t>${name(i).slice(7)}</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></is></c></row>`;
    const path = await bookWithSheetXml(`<row r="1">${inline('A1', 'ho_ten')}</row>` + Array.from({ length: 5_000 }, (_, i) => cell(i)).join(''));
    const { rows } = await readBook(path);
    expect(rows.length).toBe(5_000);
    expect(rows.filter(([line, [text]]) => text !== name(line - 2)).slice(0, 3)).toEqual([]);
  });
});
