// A fix list as an Excel workbook: the same columns as the CSV list, every ID, value and key as a
// text cell in columns formatted as Text (`@`), so opening the list in Excel, editing it and saving
// it loses no leading zero and no digit past the 15th — which the CSV list does unless imported as
// text. A steward may add an `accept` column, as to the CSV list; `dqc fix --fixes list.xlsx` reads it.
// Written streaming (exceljs' WorkbookWriter) from the JSON lines the list was first written as.

import { createReadStream, renameSync } from 'node:fs';
import { createInterface } from 'node:readline';
import ExcelJS from 'exceljs';
import { discardTemp, tempBeside, untrackTemp } from '../shared/temp-files.js';
import { FIX_FIELDS, type FixRecord } from './model.js';

/** Columns kept as numbers: the row and the confidence; every other one is text. */
const NUMBER_FIELDS = new Set<string>(['row', 'confidence']);
const WIDTHS: Partial<Record<string, number>> = { fix_id: 20, file: 28, key: 16, column: 18, current_value: 28, proposed_value: 28, rule: 24, reason: 80 };

/** Writes `target` (atomically: a temp file beside it, renamed) from the JSON lines of `jsonl`. */
export async function writeWorkbookList(jsonl: string, target: string): Promise<void> {
  const temp = tempBeside(target, '.xlsx');
  try {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: temp, useStyles: true, useSharedStrings: false });
    const sheet = workbook.addWorksheet('fixes', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = FIX_FIELDS.map((key) => ({
      header: key,
      key,
      width: WIDTHS[key] ?? 12,
      ...(NUMBER_FIELDS.has(key) ? {} : { style: { numFmt: '@' } }),
    }));
    const lines = createInterface({ input: createReadStream(jsonl, 'utf8'), crlfDelay: Infinity });
    for await (const line of lines) {
      if (line === '') continue;
      const record = JSON.parse(line) as FixRecord;
      const cells: Record<string, string | number | null> = {};
      for (const field of FIX_FIELDS) cells[field] = record[field];
      sheet.addRow(cells).commit();
    }
    sheet.commit();
    await workbook.commit();
    renameSync(temp, target);
    untrackTemp(temp);
  } catch (error) {
    discardTemp(temp);
    throw error;
  }
}
