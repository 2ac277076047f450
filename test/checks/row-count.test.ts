import rowCount from '../../src/checks/row-count.js';
import { describe, expect, it } from 'vitest';
import { CheckTester, runCase } from '../support/check-tester.js';

const rows = (n: number): string[] => Array.from({ length: n }, (_, i) => String(i));

CheckTester.run('row-count', rowCount, {
  valid: [
    { rows: ['a'] },
    { rows: rows(3) },
    { rows: [''] }, // an empty row is a row; `required` judges its cells
    { rows: [], options: { min: 0 } },
    { rows: rows(5), options: { min: 5, max: 5 } },
    { rows: rows(2), options: { max: 10 } },
    { rows: rows(10), options: { min: 1, max: 10 } },
    { rows: [], options: { min: 0, max: 0 } },
    { rows: rows(100), options: { min: 100 } },
  ],
  invalid: [
    { rows: [], errors: [{ messageId: 'too-few', row: null, data: { rows: 0, min: 1 }, fix: null }] },
    { rows: rows(4), options: { min: 5 }, errors: [{ messageId: 'too-few', row: null, data: { rows: 4, min: 5 }, fix: null }] },
    { rows: rows(11), options: { max: 10 }, errors: [{ messageId: 'too-many', row: null, data: { rows: 11, max: 10 }, fix: null }] },
    { rows: ['x'], options: { min: 0, max: 0 }, errors: [{ messageId: 'too-many', row: null, data: { rows: 1, max: 0 }, fix: null }] },
    { rows: rows(2), options: { min: 3, max: 4 }, errors: [{ messageId: 'too-few', row: null, fix: null }] },
    { rows: rows(5), options: { min: 3, max: 4 }, errors: [{ messageId: 'too-many', row: null, data: { rows: 5 }, fix: null }] },
    { rows: [], options: { min: 2 }, errors: [{ messageId: 'too-few', row: null, data: { rows: 0, min: 2 }, fix: null }] },
    { rows: rows(1000), options: { max: 999 }, errors: [{ messageId: 'too-many', row: null, data: { rows: 1000 }, fix: null }] },
  ],
});

describe('row-count options', () => {
  it('refuses negative and fractional bounds, and min above max', () => {
    expect(() => runCase(rowCount, { rows: [], options: { min: -1 } })).toThrow(/invalid options/);
    expect(() => runCase(rowCount, { rows: [], options: { max: 1.5 } })).toThrow(/invalid options/);
    expect(() => runCase(rowCount, { rows: [], options: { min: 3, max: 2 } })).toThrow(/greater than max/);
  });
});
