import { describe, expect, it } from 'vitest';
import freshness from '../../src/checks/freshness.js';
import { normalizeOptions } from '../../src/pack/options.js';
import { CheckTester, runCase } from '../support/check-tester.js';

// As-of day in these cases: 2026-11-22 (the tester's default) unless a case says otherwise.
CheckTester.run('freshness', freshness, {
  valid: [
    { rows: ['2026-11-22'], options: { max_dataset_age_days: 365 } },
    { rows: ['2025-11-22', '2026-01-01'], options: { max_age_days: 365 } }, // exactly max_age_days old is still fresh
    // with only the dataset limit, only the newest date is judged
    { rows: ['2025-11-22', '1990-01-01'], options: { max_dataset_age_days: 365 } },
    // blank and unreadable: the `date` check reports those
    { rows: ['', 'không rõ', '2026-02-30', '2026-11-01'], options: { max_dataset_age_days: 365 } },
    { rows: ['01/10/2026'], columns: ['updated_at'], formats: { updated_at: 'dd/MM/yyyy' }, options: { max_dataset_age_days: 365 } },
    { rows: ['2000-01-01', '2026-11-01'], options: { max_age_days: 10000 } },
    { rows: ['2010-01-01', '2026-09-01'], options: { max_dataset_age_days: 90 } },
    { rows: ['2026-08-24'], options: { max_dataset_age_days: 90 } }, // exactly 90 days
    { rows: [], options: { max_dataset_age_days: 90 } }, // no rows: `row-count` judges that
    { rows: ['2026-11-22T10:00:00'], options: { max_age_days: 0, max_dataset_age_days: 0 } },
    { rows: ['2026-12-01'], asOf: '2026-12-01', options: { max_age_days: 0 } },
    // no dataset limit, so no `no-dates`
    { rows: ['', 'N/A'], options: { max_age_days: 30 } },
  ],
  invalid: [
    {
      rows: ['2026-11-23'],
      columns: ['updated_at'],
      options: { max_dataset_age_days: 365 },
      errors: [
        { messageId: 'in-future', row: 1, data: { field: 'updated_at', value: '2026-11-23', as_of: '22/11/2026' }, fix: null },
      ],
    },
    {
      rows: ['2025-11-21', '2026-11-01', '2020-01-01'],
      options: { max_age_days: 365 },
      errors: [
        { messageId: 'stale', row: 1, data: { field: 'c0', value: '2025-11-21', age_days: 366, max_age_days: 365 }, fix: null },
        { messageId: 'stale', row: 3, data: { value: '2020-01-01', age_days: 2517 }, fix: null },
      ],
    },
    {
      rows: ['01/06/2026', '15/06/2026'],
      columns: ['updated_at'],
      formats: { updated_at: 'dd/MM/yyyy' },
      options: { max_dataset_age_days: 90 },
      errors: [
        {
          messageId: 'dataset-stale',
          row: null,
          column: 0,
          data: { field: 'updated_at', newest: '15/06/2026', age_days: 160, max_dataset_age_days: 90 },
          fix: null,
        },
      ],
    },
    {
      // the pack's rule: both limits at once
      rows: ['01/01/2020', '', '01/08/2026', '01/01/2027'],
      options: { format: 'dd/MM/yyyy', max_age_days: 1826, max_dataset_age_days: 90 },
      errors: [
        { messageId: 'stale', row: 1, data: { age_days: 2517, max_age_days: 1826 }, fix: null },
        { messageId: 'in-future', row: 4, data: { value: '01/01/2027' }, fix: null },
        // the future date does not count as the newest: 01/08/2026 is
        { messageId: 'dataset-stale', row: null, column: 0, data: { newest: '01/08/2026', age_days: 113 }, fix: null },
      ],
    },
    {
      rows: ['', 'N/A', '31/02/2026'],
      columns: ['updated_at'],
      options: { format: 'dd/MM/yyyy', max_dataset_age_days: 30 },
      errors: [{ messageId: 'no-dates', row: null, column: 0, data: { field: 'updated_at' }, fix: null }],
    },
    {
      rows: ['2026-11-23', '2027-01-01'],
      options: { max_dataset_age_days: 30 },
      // only future dates: reported per row, and there is no newest past date to judge
      errors: [
        { messageId: 'in-future', row: 1, fix: null },
        { messageId: 'in-future', row: 2, fix: null },
      ],
    },
    {
      rows: ['2026-11-21'],
      options: { max_age_days: 0 },
      errors: [{ messageId: 'stale', row: 1, data: { age_days: 1, max_age_days: 0 }, fix: null }],
    },
    {
      rows: ['2026-11-22'],
      asOf: '2027-03-01',
      options: { max_dataset_age_days: 98 },
      errors: [{ messageId: 'dataset-stale', row: null, column: 0, data: { newest: '22/11/2026', age_days: 99 }, fix: null }],
    },
    {
      rows: ['2026-11-22T23:59:59+07:00', '2026-11-23T00:00:00Z'],
      options: { max_dataset_age_days: 365 },
      errors: [{ messageId: 'in-future', row: 2, fix: null }], // the calendar day as written
    },
  ],
});

describe('freshness options', () => {
  it('rejects a rule with no limit at all', () => {
    const result = normalizeOptions(freshness, { format: 'dd/MM/yyyy' });
    expect('problems' in result && result.problems).toMatchObject([
      { path: '', key: 'schema.required', data: { property: 'max_age_days' } },
      { path: '', key: 'schema.required', data: { property: 'max_dataset_age_days' } },
      { path: '', key: 'schema.other', data: { keyword: 'anyOf', detail: 'must match a schema in anyOf' } },
    ]);
    expect(() => runCase(freshness, { rows: ['2025-11-21'] })).toThrow(/invalid options/);
  });
  it('refuses negative and fractional limits', () => {
    expect(() => runCase(freshness, { rows: [], options: { max_age_days: -1, max_dataset_age_days: 365 } })).toThrow(/invalid options/);
    expect(() => runCase(freshness, { rows: [], options: { max_dataset_age_days: 1.5 } })).toThrow(/invalid options/);
  });
  it('refuses an unusable format when the rule is created', () => {
    expect(() => runCase(freshness, { rows: ['x'], options: { format: 'YYYY-MM-DD', max_dataset_age_days: 365 } })).toThrow(/unusable date format/);
  });
});
