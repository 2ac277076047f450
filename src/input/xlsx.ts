// Excel workbooks (.xlsx, .xlsm), read streaming with exceljs' WorkbookReader: the sheet's XML is
// parsed row by row out of the zip, so a 1M-row sheet is never held whole. Which sheet: the first
// that has a row, or the one `sheet` names (by name or 1-based number). Where the header is: the first
// row that binds the pack's fields (`headerScore`), so banner rows above it (CỘNG HÒA XÃ HỘI CHỦ
// NGHĨA VIỆT NAM, the title of the list) are passed over; `headerRow` says it outright.
//
// Cells keep what a steward sees, as text: a date cell in the form the pack declares for the column
// (else ISO), a number as its digits, a formula by its cached result (counted), an error cell
// (#N/A, #VALUE!) as an empty cell with a finding, and a number in a column the pack declares as text
// (an ID, a phone) said as "stored as a number". A row's line is its row number in Excel.

import { stat } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { DqcError } from '../errors.js';
import type { ProblemSink } from './problems.js';
import { normalizeHeader, type ColumnHint, type ReadCounts, type TableReader } from './reader.js';
import { ArrayRow, type SourceRow } from './row.js';
import type { SourceStats } from './source.js';
import { dateCellText, sha256OfFile } from './typed-cells.js';
import { openWorkbookReader, sheetMerges, workbookSheetNames, type MergedRange } from './xlsx-zip.js';

export interface XlsxOptions {
  /** A sheet's name or 1-based number; default: the first sheet that has a row. */
  sheet?: string;
  /** The header's row number in Excel; default: found (headerScore). */
  headerRow?: number;
  /** How many of the pack's fields a row's cells would bind as a header (pack/bind.ts). */
  headerScore?: (cells: readonly string[]) => number;
}

/** Rows searched for the header when it is found rather than given. */
const HEADER_SEARCH_ROWS = 30;

type Sheet = AsyncIterator<ExcelJS.Row>;

interface OpenedSheet {
  name: string;
  rows: Sheet;
  /** The rows read while looking for the header, in order; the header among them. */
  head: ExcelJS.Row[];
  /** The sheet's merged ranges, read when asked (for the header: a merged header cell is read as its value). */
  merges: () => Promise<MergedRange[]>;
}

function unreadable(path: string, reason: string): DqcError {
  return new DqcError('DQC_INPUT_UNREADABLE', { path, reason });
}

/** The cells of a row as exceljs gives them (index 0 unused), values only. */
function valuesOf(row: ExcelJS.Row): unknown[] {
  const values = row.values;
  return Array.isArray(values) ? values.slice(1) : [];
}

/** A value as plain text, for finding the header (no hints yet). */
function plainText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: string; result?: unknown };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if (typeof v.text === 'string') return v.text;
    if ('result' in v) return plainText(v.result);
  }
  return '';
}

/**
 * Whether a row's cells (as exceljs gives them) hold nothing a steward would see: such a row is a
 * blank row, not data. `dqc fix` counts a sheet's data rows with this too (fix/write-workbook.ts).
 */
export function isBlankCells(values: readonly unknown[]): boolean {
  return values.every((v) => plainText(v).trim() === '');
}

/**
 * The number in digits, as Excel shows it in a number format: never 1.23457E+11 (what is lost is
 * lost already), and at most 15 significant digits, as Excel keeps (12345678901234567890 is
 * 12345678901234600000 in Excel, not the double's 12345678901234567168).
 */
function numberText(n: number): string {
  if (!Number.isFinite(n)) return '';
  if (!Number.isInteger(n) || Math.abs(n) >= 1e21) return String(n);
  if (Math.abs(n) < 1e15) return n.toFixed(0);
  const [mantissa, exponent] = Math.abs(n).toPrecision(15).split('e+');
  const digits = mantissa!.replace('.', '');
  return (n < 0 ? '-' : '') + digits.padEnd(Number(exponent) + 1, '0');
}

/** Opens a workbook: its sheet chosen and its header found now; the data rows as they are asked for. */
export async function openXlsxReader(path: string, options: XlsxOptions, report: ProblemSink): Promise<{ reader: TableReader; stats: SourceStats }> {
  const bytes = (await stat(path)).size;
  const workbook = openWorkbookReader(path, {
    sharedStrings: 'cache',
    // Styles tell a date from a number (a date cell is a number with a date format).
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  let opened: OpenedSheet;
  try {
    opened = await openSheet(workbook, options.sheet, path, Math.max(HEADER_SEARCH_ROWS, options.headerRow ?? 0));
  } catch (error) {
    if (error instanceof DqcError) throw error;
    // The unzipper's own words (FILE_ENDED, invalid signature …) vary with where the file is cut.
    throw unreadable(path, `Excel: not a whole workbook (damaged or truncated?): ${(error as Error).message}`);
  }
  if (options.headerRow !== undefined && !opened.head.some((row) => row.number === options.headerRow)) {
    const last = opened.head.at(-1)?.number ?? 0;
    throw new DqcError('DQC_HEADER_ROW_NOT_FOUND', { path, sheet: opened.name, row: options.headerRow, last });
  }
  // Merged cells are read only for a header that has a gap (a blank name, or a blank row under it):
  // reading them means inflating the whole sheet once more (7 s of a 1M-row sheet).
  let texts = mergedTexts(opened.head, []);
  let headerRows = findHeader(opened.head, texts, [], options);
  if (hasGap(opened.head, texts, headerRows)) {
    // A sheet damaged past its first rows: its merges are lost, and reading its rows says where.
    const merges = await opened.merges().catch(() => []);
    if (merges.length > 0) {
      texts = mergedTexts(opened.head, merges);
      headerRows = findHeader(opened.head, texts, merges, options);
    }
  }
  const header = normalizeHeader(opened.head.length > 0 ? headerNames(texts, headerRows) : [], report, opened.head[headerRows.at]?.number ?? 1);
  // Where the header ends (its second row, in a two-row header): data rows are below it.
  const headerLine = Math.max(opened.head[headerRows.end]?.number ?? 1, headerRows.bottom);
  // Rows above the header (banners, titles, blank rows) and a two-row header's second row are not data.
  const pending = opened.head.slice(headerRows.end + 1);
  let hints: readonly (ColumnHint | undefined)[] = [];
  const counts: ReadCounts = { rows: 0, rejected: 0, blankRows: 0, complete: true };
  const stats: SourceStats = { path, bytes, sha256: '', compressed: true, encoding: 'utf-8' };
  let formulas = 0;

  function cellText(value: unknown, k: number, line: number): string {
    if (value === null || value === undefined) return '';
    if (typeof value === 'string') return value;
    if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
    if (value instanceof Date) return dateCellText(value, hints[k]?.format, 'if-any');
    if (typeof value === 'number') {
      const text = numberText(value);
      // An ID, a phone or a code typed as a number: its leading zeros (and any digit past the 15th) are gone.
      if (hints[k]?.type === 'string' && Number.isInteger(value)) {
        report({ code: 'cell/stored-as-number', line, row: counts.rows, column: header[k] ?? null, data: { column: header[k] ?? '', value: text, lost: text.length > 15 ? 'digits' : 'zeros' } });
      }
      return text;
    }
    const v = value as { richText?: { text: string }[]; text?: string; result?: unknown; error?: string; formula?: string; sharedFormula?: string };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if (typeof v.error === 'string') return errorCell(v.error, k, line);
    if ('formula' in v || 'sharedFormula' in v || 'result' in v) {
      formulas++;
      const result = v.result as unknown;
      if (result !== null && typeof result === 'object' && typeof (result as { error?: unknown }).error === 'string') {
        return errorCell((result as { error: string }).error, k, line);
      }
      return cellText(result, k, line);
    }
    if (typeof v.text === 'string') return v.text; // a hyperlink
    return '';
  }

  function errorCell(error: string, k: number, line: number): string {
    report({ code: 'cell/excel-error', line, row: counts.rows, column: header[k] ?? null, data: { column: header[k] ?? '', error } });
    return '';
  }

  // Excel writes no row element for a blank row: a gap in the numbers is as many blank rows, said as
  // the same sheet saved as CSV would have them.
  let lastLine = headerLine;

  function toRow(row: ExcelJS.Row): SourceRow | null {
    const values = valuesOf(row);
    const line = row.number;
    for (let gap = lastLine + 1; gap < line; gap++) {
      counts.blankRows++;
      report({ code: 'row/blank', line: gap, row: null, column: null, data: { line: gap } });
    }
    lastLine = line;
    if (isBlankCells(values)) {
      counts.blankRows++;
      report({ code: 'row/blank', line, row: null, column: null, data: { line } });
      return null;
    }
    counts.rows++;
    const width = header.length;
    const beyond = values.slice(width).filter((v) => plainText(v) !== '').length;
    if (beyond > 0) {
      report({ code: 'row/inconsistent-columns', line, row: counts.rows, column: null, data: { found: width + beyond, expected: width } });
    }
    const cells = new Array<string>(width);
    for (let k = 0; k < width; k++) cells[k] = cellText(values[k], k, line);
    return new ArrayRow(counts.rows, line, cells);
  }

  async function* rows(): AsyncGenerator<SourceRow> {
    try {
      for (const row of pending) {
        const read = toRow(row);
        if (read) yield read;
      }
      for (;;) {
        const next = await opened.rows.next();
        if (next.done) break;
        const read = toRow(next.value);
        if (read) yield read;
      }
    } catch (error) {
      if (error instanceof DqcError) throw error;
      counts.complete = false;
      const line = counts.rows + headerLine + 1;
      report({ code: 'file/parse-error', line, row: null, column: null, data: { line, reason: `Excel: ${(error as Error).message}` } });
    }
    if (formulas > 0) report({ code: 'file/formulas', line: null, row: null, column: null, data: { count: formulas } });
    if (counts.rows === 0 && counts.complete) report({ code: header.length === 0 ? 'file/empty' : 'file/no-data-rows', line: null, row: null, column: null, data: {} });
    stats.sha256 = await sha256OfFile(path);
  }

  const reader: TableReader = {
    format: 'xlsx',
    delimiter: null,
    header,
    counts,
    sheet: opened.name,
    headerLine,
    rows,
    setColumnHints(given) {
      hints = given;
    },
  };
  return { reader, stats };
}

/**
 * The sheet to read, with its first rows (up to the header search): the named one, or the first
 * with a row. Sheets before it are read through and dropped (a streaming reader cannot jump).
 */
async function openSheet(workbook: ExcelJS.stream.xlsx.WorkbookReader, wanted: string | undefined, path: string, searchRows: number): Promise<OpenedSheet> {
  const names: string[] = [];
  let number = 0;
  for await (const sheet of workbook) {
    number++;
    const name = (sheet as unknown as { name?: string }).name ?? `Sheet${number}`;
    names.push(name);
    const rows = sheet[Symbol.asyncIterator]();
    const chosen = wanted === undefined || wanted === name || wanted === String(number);
    if (!chosen) {
      for (let next = await rows.next(); !next.done; next = await rows.next());
      continue;
    }
    const merges = () => sheetMerges(sheet);
    const head: ExcelJS.Row[] = [];
    while (head.length < searchRows) {
      const next = await rows.next();
      if (next.done) break;
      head.push(next.value);
    }
    if (head.length === 0 && wanted === undefined) continue; // an empty sheet: the next one
    return { name, rows, head, merges };
  }
  if (names.length === 0) throw unreadable(path, 'Excel: not a whole workbook (damaged or truncated?): it holds no sheet');
  if (wanted !== undefined) throw new DqcError('DQC_SHEET_NOT_FOUND', { path, sheet: wanted, sheets: names.join(', ') });
  return { name: names[0] ?? 'Sheet1', rows: emptyRows(), head: [], merges: () => Promise.resolve([]) };
}

async function* emptyRowsGenerator(): AsyncGenerator<ExcelJS.Row> {}
function emptyRows(): Sheet {
  return emptyRowsGenerator();
}

/** Where the header is among the first rows: its first row and, when merged cells run down from it, its last. */
interface HeaderRows {
  at: number;
  end: number;
  /** The last row the header's merged cells cover (Excel's number): a row it covers is never data, written or not. */
  bottom: number;
}

/**
 * The header among the first rows: the row `headerRow` names; else the row that binds the most of
 * the pack's fields (the first of equals), so the sub-row of a two-row header wins over the row of
 * groups above it; else, with no pack or nothing bound, the first row at least half as wide as the
 * widest, counting the cells as written (a banner merged across the table is one cell). Cells merged
 * down from the header row (a two-row header) make the rows they cover part of the header.
 */
function findHeader(head: readonly ExcelJS.Row[], texts: readonly string[][], merges: readonly MergedRange[], options: XlsxOptions): HeaderRows {
  if (head.length === 0) return { at: 0, end: 0, bottom: 0 };
  const at = headerStart(head, texts, options);
  const top = head[at]!.number;
  const bottom = Math.max(top, ...merges.filter((m) => m.top === top).map((m) => m.bottom));
  let end = at;
  while (end + 1 < head.length && head[end + 1]!.number <= bottom) end++;
  return { at, end, bottom };
}

function headerStart(head: readonly ExcelJS.Row[], texts: readonly string[][], options: XlsxOptions): number {
  if (options.headerRow !== undefined) return Math.max(0, head.findIndex((row) => row.number === options.headerRow));
  if (options.headerScore) {
    const scores = texts.map((cells) => options.headerScore!(cells));
    const best = Math.max(...scores);
    if (best > 0) return scores.indexOf(best);
  }
  const widths = head.map((row) => valuesOf(row).filter((v) => plainText(v).trim() !== '').length);
  const widest = Math.max(...widths);
  return Math.max(0, widths.findIndex((w) => w > 0 && w * 2 >= widest));
}

/**
 * Whether the header found may be part of a merged one: a blank name among the table's columns
 * (a cell covered by a merge is blank), or a blank row right under it (the second row of a header
 * merged down over two rows).
 */
function hasGap(head: readonly ExcelJS.Row[], texts: readonly string[][], { at }: HeaderRows): boolean {
  const header = texts[at];
  if (!header) return false;
  const width = Math.max(0, ...texts.map((cells) => cells.length));
  for (let k = 0; k < width; k++) if (!header[k]?.trim()) return true;
  const below = texts[at + 1];
  return below !== undefined && (head[at + 1]!.number > head[at]!.number + 1 || below.every((cell) => !cell.trim()));
}

/** The first rows as text, each merged range's value in every cell it covers. */
function mergedTexts(head: readonly ExcelJS.Row[], merges: readonly MergedRange[]): string[][] {
  const texts = head.map((row) => valuesOf(row).map(plainText));
  const index = new Map(head.map((row, i) => [row.number, i]));
  for (const m of merges) {
    const from = index.get(m.top);
    const value = from === undefined ? '' : (texts[from]![m.left - 1] ?? '');
    if (value === '') continue;
    for (let r = m.top; r <= m.bottom; r++) {
      const cells = texts[index.get(r) ?? -1];
      if (!cells) continue;
      for (let c = m.left; c <= m.right; c++) if (!cells[c - 1]) cells[c - 1] = value;
    }
  }
  return texts.map((cells) => Array.from(cells, (cell) => cell ?? ''));
}

/** The header's names: per column, the lowest of the header's rows that names it. */
function headerNames(texts: readonly string[][], { at, end }: HeaderRows): string[] {
  const rows = texts.slice(at, end + 1);
  const width = Math.max(0, ...rows.map((cells) => cells.length));
  return Array.from({ length: width }, (_, k) => rows.reduce((name, cells) => (cells[k] ? cells[k]! : name), ''));
}

/** The names of a workbook's sheets, in tab order, from its workbook part alone (no row is read). */
export async function sheetNames(path: string): Promise<string[]> {
  let names: string[];
  try {
    names = await workbookSheetNames(path);
  } catch (error) {
    throw unreadable(path, `Excel: not a whole workbook (damaged or truncated?): ${(error as Error).message}`);
  }
  if (names.length === 0) throw unreadable(path, 'Excel: not a whole workbook (damaged or truncated?): it holds no sheet');
  return names;
}
