import { describe, expect, it } from 'vitest';
import date from '../../src/checks/date.js';
import { runCase, CheckTester } from '../support/check-tester.js';

CheckTester.run('date', date, {
  valid: [
    { rows: ['15/06/1990'] },
    { rows: ['29/02/2000', '29/02/2024', '31/12/1999', '01/01/0001'] },
    { rows: ['', ' ', '\u00a0'] }, // blank: `required` judges it
    { rows: ['22/11/2026'] }, // the as-of day itself is not in the future
    { rows: ['23/11/2026'], asOf: '2026-11-23' },
    { rows: ['01/01/2099'], options: { allow_future: true } },
    { rows: ['1990-06-15', '2026-11-22T08:30:00+07:00'], options: { format: 'iso' } },
    { rows: ['1990-06-15'], columns: ['date_of_birth'], formats: { date_of_birth: 'yyyy-MM-dd' } },
    { rows: ['5/6/1990', '05/06/1990'], options: { format: 'd/M/yyyy' } },
    { rows: ['01/01/1900'], options: { earliest: '1900-01-01' } },
    { rows: ['15 Jun 1990'], options: { format: 'dd MMM yyyy' } }, // a format the fast parser leaves to date-fns
  ],
  invalid: [
    {
      rows: ['1990-06-15'],
      columns: ['date_of_birth'],
      errors: [
        {
          messageId: 'invalid-format',
          row: 1,
          data: { field: 'date_of_birth', value: '1990-06-15', format: 'dd/MM/yyyy' },
          fix: null,
        },
      ],
    },
    {
      rows: ['31/02/1990', '29/02/2023', '29/02/1900', '00/01/2000', '31/04/2000', '15/13/2000'],
      errors: [
        { messageId: 'impossible-date', row: 1, data: { field: 'c0', value: '31/02/1990' }, fix: null },
        { messageId: 'impossible-date', row: 2, data: { value: '29/02/2023' }, fix: null },
        { messageId: 'impossible-date', row: 3, fix: null },
        { messageId: 'impossible-date', row: 4, fix: null },
        { messageId: 'impossible-date', row: 5, fix: null },
        { messageId: 'impossible-date', row: 6, fix: null },
      ],
    },
    {
      rows: ['5/6/1990', '15/06/90', '15/06/1990 ', 'ngày 15/06/1990', '15-06-1990', '15/06/1990', 'N/A'],
      errors: [
        { messageId: 'invalid-format', row: 1, data: { value: '5/6/1990', format: 'dd/MM/yyyy' }, fix: null },
        { messageId: 'invalid-format', row: 2, fix: null },
        { messageId: 'invalid-format', row: 3, fix: null },
        { messageId: 'invalid-format', row: 4, fix: null },
        { messageId: 'invalid-format', row: 5, fix: null },
        { messageId: 'invalid-format', row: 7, fix: null },
      ],
    },
    {
      rows: ['23/11/2026', '22/11/2026', '01/01/2099'],
      errors: [
        { messageId: 'in-future', row: 1, data: { value: '23/11/2026', as_of: '22/11/2026' }, fix: null },
        { messageId: 'in-future', row: 3, fix: null },
      ],
    },
    {
      rows: ['2026-01-02'],
      asOf: '2026-01-01',
      columns: ['updated_at'],
      formats: { updated_at: 'yyyy-MM-dd' },
      errors: [{ messageId: 'in-future', row: 1, data: { field: 'updated_at', as_of: '01/01/2026' }, fix: null }],
    },
    {
      rows: ['31/12/1899', '01/01/1900', '01/01/1066'],
      options: { earliest: '1900-01-01' },
      errors: [
        { messageId: 'before-earliest', row: 1, data: { value: '31/12/1899', earliest: '01/01/1900' }, fix: null },
        { messageId: 'before-earliest', row: 3, fix: null },
      ],
    },
    {
      rows: ['2024-02-30', '2024/02/03', '2030-01-01'],
      options: { format: 'iso', earliest: '2000-01-01' },
      errors: [
        { messageId: 'impossible-date', row: 1, fix: null },
        { messageId: 'invalid-format', row: 2, data: { format: 'iso' }, fix: null },
        { messageId: 'in-future', row: 3, fix: null },
      ],
    },
    {
      rows: ['15 Jun 1990', '15/06/1990', '31 Feb 1990'],
      options: { format: 'dd MMM yyyy' },
      // date-fns, which reads formats the fast parser does not know, cannot tell 31 Feb from garbage
      errors: [
        { messageId: 'invalid-format', row: 2, fix: null },
        { messageId: 'invalid-format', row: 3, fix: null },
      ],
    },
    {
      rows: ['15/06/1990 25:00:00', '15/06/1990 23:59:59', '15/06/1990'],
      options: { format: 'dd/MM/yyyy HH:mm:ss' },
      errors: [
        { messageId: 'impossible-date', row: 1, fix: null },
        { messageId: 'invalid-format', row: 3, fix: null },
      ],
    },
  ],
});

describe('date options the schema cannot judge', () => {
  it('refuses an unusable format when the rule is created, not at row time', () => {
    expect(() => runCase(date, { rows: ['x'], options: { format: 'DD/MM/YYYY' } })).toThrow(/unusable date format/);
    expect(() => runCase(date, { rows: ['x'], options: { format: 'dd/MM/yyyy j' } })).toThrow(/unusable date format/);
    expect(() => runCase(date, { rows: ['x'], formats: { c0: 'ngay dd' } })).toThrow(/unusable date format/);
  });
  it('refuses an earliest day that does not exist', () => {
    expect(() => runCase(date, { rows: ['x'], options: { earliest: '1900-02-29' } })).toThrow(/not a real day/);
    expect(() => runCase(date, { rows: ['x'], options: { earliest: '1900' } })).toThrow(/invalid options/);
  });
});
