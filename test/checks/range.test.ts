import { describe, expect, it } from 'vitest';
import range from '../../src/checks/range.js';
import { runCase, CheckTester } from '../support/check-tester.js';

CheckTester.run('range', range, {
  valid: [
    { rows: ['5'], options: { min: 0, max: 10 } },
    { rows: ['0', '10', '-0', '+3'], options: { min: 0, max: 10 } }, // bounds are inclusive
    { rows: ['', '  '], options: { min: 1 } }, // blank: `required` judges it
    { rows: ['1,234.5', '999', '0.5', '.5'], options: { max: 1234.5 } },
    { rows: ['1.234,5', '12,75'], options: { min: 12.75, max: 1234.5, decimal: ',' } },
    { rows: [' 42 '], options: { min: 42, max: 42 } },
    { rows: ['1000000'] }, // no bounds: only the shape is checked
    { rows: ['01/01/1900', '22/11/2026'], options: { type: 'date', min: '1900-01-01', max: 'today', format: 'dd/MM/yyyy' } },
    { rows: ['2026-11-22T23:59:59'], options: { type: 'date', max: 'today' } },
    { rows: ['15/06/1990'], options: { type: 'date', min: '1990-06-15' }, formats: { c0: 'dd/MM/yyyy' } },
    { rows: ['2030-01-01'], options: { type: 'date', max: 'today' }, asOf: '2030-01-01' },
  ],
  invalid: [
    {
      rows: ['-1'],
      options: { min: 0 },
      errors: [{ messageId: 'below-min', row: 1, data: { field: 'c0', value: '-1', min: 0 }, fix: null }],
    },
    {
      rows: ['150'],
      columns: ['age'],
      options: { min: 0, max: 120 },
      errors: [{ messageId: 'above-max', row: 1, data: { field: 'age', value: '150', max: 120 }, fix: null }],
    },
    {
      rows: ['12', 'abc', '1e3', '', '3,5', '7'],
      options: { min: 10 },
      errors: [
        { messageId: 'unparseable', row: 2, data: { value: 'abc', type: 'number', type_vi: 'số' }, fix: null },
        { messageId: 'unparseable', row: 3, data: { value: '1e3' }, fix: null },
        // a comma is a decimal separator only when declared: '3,5' is not 35 in a '.' column
        { messageId: 'unparseable', row: 5, data: { value: '3,5' }, fix: null },
        { messageId: 'below-min', row: 6, data: { value: '7', min: 10 }, fix: null },
      ],
    },
    {
      rows: ['1.234,5', '1.5', '999,99'],
      options: { max: 1000, decimal: ',' },
      errors: [
        { messageId: 'above-max', row: 1, data: { value: '1.234,5', max: 1000 }, fix: null },
        { messageId: 'unparseable', row: 2, data: { value: '1.5' }, fix: null },
      ],
    },
    {
      rows: ['-', '+', '.', '1,23'],
      errors: [
        { messageId: 'unparseable', row: 1, fix: null },
        { messageId: 'unparseable', row: 2, fix: null },
        { messageId: 'unparseable', row: 3, fix: null },
        { messageId: 'unparseable', row: 4, fix: null },
      ],
    },
    {
      rows: ['31/12/1899', '01/01/1900', '23/11/2026'],
      options: { type: 'date', min: '1900-01-01', max: 'today' },
      formats: { c0: 'dd/MM/yyyy' },
      errors: [
        { messageId: 'below-min', row: 1, data: { value: '31/12/1899', min: '01/01/1900' }, fix: null },
        { messageId: 'above-max', row: 3, data: { value: '23/11/2026', max: '22/11/2026' }, fix: null },
      ],
    },
    {
      rows: ['2024-02-30', '2024-2-3', '2024-02-29'],
      columns: ['issued_on'],
      options: { type: 'date', max: '2024-01-31' },
      errors: [
        { messageId: 'unparseable', row: 1, data: { field: 'issued_on', value: '2024-02-30', type: 'date', type_vi: 'ngày tháng' }, fix: null },
        { messageId: 'unparseable', row: 2, fix: null },
        { messageId: 'above-max', row: 3, data: { max: '31/01/2024' }, fix: null },
      ],
    },
    {
      rows: ['2026-11-20'],
      asOf: '2026-11-19',
      options: { type: 'date', max: 'today' },
      errors: [{ messageId: 'above-max', row: 1, data: { max: '19/11/2026' }, fix: null }],
    },
    {
      rows: ['1/2/2000'],
      options: { type: 'date', min: '2000-03-01', format: 'd/M/yyyy' },
      errors: [{ messageId: 'below-min', row: 1, data: { min: '01/03/2000' }, fix: null }],
    },
  ],
});

describe('range options the schema cannot judge', () => {
  it('refuses a date bound for numbers and a number bound for dates', () => {
    expect(() => runCase(range, { rows: ['1'], options: { min: '2000-01-01' } })).toThrow(/must be a number/);
    expect(() => runCase(range, { rows: ['1'], options: { type: 'date', max: 5 } })).toThrow(/yyyy-MM-dd/);
  });
  it('refuses a day that does not exist, min above max, and an unusable format', () => {
    expect(() => runCase(range, { rows: ['1'], options: { type: 'date', min: '2023-02-29' } })).toThrow(/real/);
    expect(() => runCase(range, { rows: ['1'], options: { min: 5, max: 1 } })).toThrow(/greater/);
    expect(() => runCase(range, { rows: ['1'], options: { type: 'date', format: 'dd/MM/YYYY' } })).toThrow(/format/);
  });
  it('rejects bounds of the wrong shape in the schema', () => {
    expect(() => runCase(range, { rows: ['1'], options: { type: 'date', min: 'yesterday' } })).toThrow(/invalid options/);
  });
});
