import { describe, expect, it } from 'vitest';
import date from '../../src/checks/date.js';
import { runCase, CheckTester } from '../support/check-tester.js';

const set = (value: string) => ({ action: 'set', value, confidence: 0.95 }) as const;
const review = { action: 'review', confidence: 0.5 } as const;

CheckTester.run('date', date, {
  valid: [
    { rows: ['15/06/1990'] },
    { rows: ['29/02/2000', '29/02/2024', '31/12/1999', '01/01/0001'] },
    { rows: ['', ' ', '\u00a0'] }, // blank: `required` judges it
    { rows: ['22/11/2026'] }, // the as-of day itself is not in the future
    { rows: ['23/11/2026'], asOf: '2026-11-23' },
    { rows: ['01/01/2099'], options: { allow_future: true } },
    { rows: ['1990-06-15', '2026-11-22T08:30:00+07:00'], options: { format: 'iso' } },
    // `iso` takes a time and a zone as ISO 8601 / RFC 3339 write them
    { rows: ['2026-11-22t08:30:00z', '2026-11-22T08:30+07', '2026-11-22T08:30:00,5Z', '2026-11-22 08:30:00-0500'], options: { format: 'iso' } },
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
          fix: set('15/06/1990'),
        },
      ],
    },
    {
      // Other forms that read one way only get the declared form: ISO (with a time and a zone), year
      // first, unpadded, day and month in the other order where only that gives a real day, an Excel
      // serial (1969-09-18); a day and month that could be either way round are a review.
      rows: ['1942-07-10', '1942-07-10T00:00:00+07:00', '1942/7/10', '26/5/2024', '5/26/2024', '7/7/2024', '26.5.2024', '25464', '5/6/2024', '12/1/2024'],
      errors: [
        { messageId: 'invalid-format', row: 1, data: { value: '1942-07-10' }, fix: set('10/07/1942') },
        { messageId: 'invalid-format', row: 2, fix: set('10/07/1942') },
        { messageId: 'invalid-format', row: 3, fix: set('10/07/1942') },
        { messageId: 'invalid-format', row: 4, fix: set('26/05/2024') },
        { messageId: 'invalid-format', row: 5, fix: { action: 'set', value: '26/05/2024', confidence: 0.9 } },
        { messageId: 'invalid-format', row: 6, fix: set('07/07/2024') },
        { messageId: 'invalid-format', row: 7, fix: set('26/05/2024') },
        { messageId: 'invalid-format', row: 8, data: { value: '25464' }, fix: { action: 'set', value: '18/09/1969', confidence: 0.8 } },
        { messageId: 'invalid-format', row: 9, fix: review },
        { messageId: 'invalid-format', row: 10, fix: review },
      ],
    },
    {
      // A reading the rule would refuse anyway (in the future, before earliest) is for a human; a
      // number out of Excel's plausible range (before 1900-03-01, after 2099) is not read as a serial.
      rows: ['2030-01-01', '1850-01-01', '60', '73051', '7', '1/2/24', '31/2/2024'],
      options: { earliest: '1900-01-01' },
      errors: [
        { messageId: 'invalid-format', row: 1, fix: review },
        { messageId: 'invalid-format', row: 2, fix: review },
        { messageId: 'invalid-format', row: 3, fix: null },
        { messageId: 'invalid-format', row: 4, fix: null },
        { messageId: 'invalid-format', row: 5, fix: null },
        { messageId: 'invalid-format', row: 6, fix: null },
        { messageId: 'invalid-format', row: 7, fix: null },
      ],
    },
    {
      // Padded, month first: no month 26, but a real day the other way round (a day above 12)
      rows: ['05/26/2024', '12/13/2030', '31/04/2000'],
      errors: [
        { messageId: 'impossible-date', row: 1, fix: { action: 'set', value: '26/05/2024', confidence: 0.9 } },
        { messageId: 'impossible-date', row: 2, fix: review },
        { messageId: 'impossible-date', row: 3, fix: null },
      ],
    },
    {
      // Spaces around a date are the whitespace rule's finding: the date itself is judged.
      rows: [' 15/06/1990', '15/06/1990 ', '\u00a031/02/1990', ' 01/01/2099 ', ' 1990-06-15 '],
      errors: [
        { messageId: 'impossible-date', row: 3, fix: null },
        { messageId: 'in-future', row: 4, fix: null },
        { messageId: 'invalid-format', row: 5, fix: set('15/06/1990') },
      ],
    },
    {
      rows: ['15/06/1990', '1990-6-15', '25464'],
      options: { format: 'yyyy-MM-dd' },
      errors: [
        { messageId: 'invalid-format', row: 1, fix: set('1990-06-15') },
        { messageId: 'invalid-format', row: 2, fix: set('1990-06-15') },
        { messageId: 'invalid-format', row: 3, fix: { action: 'set', value: '1969-09-18', confidence: 0.8 } },
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
        { messageId: 'invalid-format', row: 1, data: { value: '5/6/1990', format: 'dd/MM/yyyy' }, fix: review },
        { messageId: 'invalid-format', row: 2, fix: null },
        { messageId: 'invalid-format', row: 4, fix: null },
        { messageId: 'invalid-format', row: 5, fix: set('15/06/1990') },
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
        { messageId: 'invalid-format', row: 2, data: { format: 'iso' }, fix: set('2024-02-03') },
        { messageId: 'in-future', row: 3, fix: null },
      ],
    },
    {
      rows: ['15 Jun 1990', '15/06/1990', '31 Feb 1990'],
      options: { format: 'dd MMM yyyy' },
      // date-fns, which reads formats the fast parser does not know, cannot tell 31 Feb from garbage
      errors: [
        { messageId: 'invalid-format', row: 2, fix: set('15 Jun 1990') },
        { messageId: 'invalid-format', row: 3, fix: null },
      ],
    },
    {
      rows: ['15/06/1990 25:00:00', '15/06/1990 23:59:59', '15/06/1990'],
      options: { format: 'dd/MM/yyyy HH:mm:ss' },
      // the day alone cannot fill the declared time of day: a human completes it
      errors: [
        { messageId: 'impossible-date', row: 1, fix: null },
        { messageId: 'invalid-format', row: 3, fix: review },
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
