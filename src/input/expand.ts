import { existsSync } from 'node:fs';
import { DqcError } from '../errors.js';
import { sheetPath, splitSheetPath } from './sheet-path.js';
import { tableFileKind } from './table-magic.js';

/**
 * Paths and globs to files, in the order given (each glob's matches sorted). A path that exists is
 * taken as it is, so names with glob characters like `[2025]` still work.
 */
export async function expandInputs(patterns: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const pattern of patterns) {
    if (existsSync(pattern) || splitSheetPath(pattern).sheet !== undefined) {
      files.push(pattern);
      continue;
    }
    // fast-glob is loaded only for a pattern that is no path: most runs name their files.
    const { default: fg } = await import('fast-glob');
    const matches = (await fg(pattern.replace(/\\/g, '/'), { onlyFiles: true, dot: false })).sort();
    if (matches.length === 0) throw new DqcError('DQC_INPUT_NOT_FOUND', { path: pattern });
    files.push(...matches);
  }
  return [...new Set(files)];
}

/**
 * With `--sheet '*'`, every sheet of each workbook as an input of its own (`book.xlsx!Sheet1` …, in
 * the workbook's order); other inputs stay as they are.
 */
export async function expandSheets(inputs: readonly string[], sheet: string | undefined): Promise<string[]> {
  if (sheet !== '*') return [...inputs];
  const out: string[] = [];
  for (const input of inputs) {
    const { file, sheet: named } = splitSheetPath(input);
    if (named !== undefined || (await tableFileKind(file)) !== 'xlsx') {
      out.push(input);
      continue;
    }
    const { sheetNames } = await import('./xlsx.js');
    for (const name of await sheetNames(file)) out.push(sheetPath(file, name));
  }
  return out;
}
