// `dqc fix book.xlsx -o fixed.xlsx`: the workbook again, with the fixes of one sheet applied. Read and
// written streaming (exceljs), sheet by sheet, row by row: every sheet and every value is kept; in the
// fixed sheet, a changed cell gets its new text (a text cell), a dropped row goes (the rows below move
// up), and a column the pack declares as text (an ID, a phone) is written as text cells, so the file
// can be opened and saved in Excel without losing a leading zero. Kept: values, number formats (a
// date stays a date), sheet names. Not kept: other styles, formulas (their last values are written),
// merged cells, charts, images, comments, data validation — `dqc fix` says so.

import { renameSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { DqcError } from '../errors.js';
import { isBlankCells } from '../input/xlsx.js';
import { openWorkbookReader } from '../input/xlsx-zip.js';
import { discardTemp, tempBeside, untrackTemp } from '../shared/temp-files.js';

/** What to do to the fixed sheet: by data row (1-based, as the check numbered them). */
export interface SheetEdits {
  sheet: string;
  /** Excel's row number of the header. */
  headerLine: number;
  /** Column index (0-based) → written as text cells. */
  textColumns: ReadonlySet<number>;
  /** Data row → column index → new text. */
  changes: Map<number, Map<number, string>>;
  drops: Set<number>;
}

/** A cell's value as written: a formula by its last value; everything else as read. */
function valueOf(value: unknown): ExcelJS.CellValue {
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const v = value as { formula?: unknown; sharedFormula?: unknown; result?: unknown };
    if ('formula' in v || 'sharedFormula' in v) return valueOf(v.result ?? null);
  }
  return value as ExcelJS.CellValue;
}

/** The text of a cell for a text column: digits for a number (never 1.23457E+11). */
function asText(value: unknown): unknown {
  if (typeof value === 'number' && Number.isInteger(value) && Math.abs(value) < 1e15) return value.toFixed(0);
  return value;
}

export async function writeFixedWorkbook(file: string, edits: SheetEdits, output: string): Promise<void> {
  const temp = tempBeside(output, '.xlsx');
  try {
    const reader = openWorkbookReader(file, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'emit' });
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: temp, useStyles: true, useSharedStrings: false });
    let number = 0;
    for await (const sheet of reader) {
      number++;
      const name = (sheet as unknown as { name?: string }).name ?? `Sheet${number}`;
      const out = writer.addWorksheet(name);
      const fixing = name === edits.sheet;
      let removed = 0;
      let dataRow = 0;
      for await (const row of sheet) {
        const values = Array.isArray(row.values) ? row.values.slice(1) : [];
        let changes: Map<number, string> | undefined;
        let data = false;
        // Data rows counted as the reader counted them (a row of an error cell alone is blank to it too).
        if (fixing && row.number > edits.headerLine && !isBlankCells(values)) {
          data = true;
          dataRow++;
          if (edits.drops.has(dataRow)) {
            removed++;
            continue;
          }
          changes = edits.changes.get(dataRow);
        }
        const target = out.getRow(row.number - removed);
        values.forEach((value, k) => {
          const source = row.getCell(k + 1);
          const cell = target.getCell(k + 1);
          const changed = changes?.get(k);
          if (changed !== undefined) {
            cell.value = changed;
            cell.numFmt = '@';
          } else if (data && edits.textColumns.has(k)) {
            cell.value = asText(valueOf(value)) as ExcelJS.CellValue;
            cell.numFmt = '@';
          } else {
            cell.value = valueOf(value);
            if (source.numFmt) cell.numFmt = source.numFmt;
          }
        });
        // A changed cell may lie past the row's last value.
        for (const [k, text] of changes ?? []) {
          if (k >= values.length) {
            const cell = target.getCell(k + 1);
            cell.value = text;
            cell.numFmt = '@';
          }
        }
        target.commit();
      }
      out.commit();
    }
    await writer.commit();
    renameSync(temp, output);
    untrackTemp(temp);
  } catch (error) {
    discardTemp(temp);
    if (error instanceof DqcError) throw error;
    throw new DqcError('DQC_OUTPUT_UNWRITABLE', { path: output, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
  }
}
