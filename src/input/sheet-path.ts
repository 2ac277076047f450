import { existsSync } from 'node:fs';

// A workbook's sheet as an input of its own: `danso.xlsx!Dân cư` (Excel's own way of naming a sheet
// of a file). The name is the input's identity everywhere after: in reports, in findings and in the
// fix list's `file`, so `dqc fix 'danso.xlsx!Dân cư'` finds its fixes.

/** The file and the sheet of an input path: a path that exists is a file; else `file!sheet` when the file exists. */
export function splitSheetPath(path: string): { file: string; sheet?: string } {
  if (existsSync(path)) return { file: path };
  const bang = path.lastIndexOf('!');
  if (bang > 0 && existsSync(path.slice(0, bang))) return { file: path.slice(0, bang), sheet: path.slice(bang + 1) };
  return { file: path };
}

/** `file!sheet`, the input path of one sheet. */
export function sheetPath(file: string, sheet: string): string {
  return `${file}!${sheet}`;
}
