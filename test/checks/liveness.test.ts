import { describe, expect, it } from 'vitest';
import liveness from '../../src/checks/liveness.js';
import { CheckTester, runCase } from '../support/check-tester.js';

const review = (confidence: number) => ({ action: 'review', confidence }) as const;
const cols = ['ngay_mat', 'trang_thai', 'ngay_sinh'];

CheckTester.run('liveness', liveness, {
  valid: [
    { rows: [['', 'đang hoạt động', '15/06/1990']], columns: cols },
    { rows: [['12/03/2020', 'đã chết', '15/06/1940']], columns: cols },
    { rows: [['12/03/2020', '', '15/06/1940'], ['', '', '']], columns: cols },
    { rows: [['12/03/2020', 'Đã mất', ''], ['', 'còn sống', '01/01/1950']], columns: cols },
    { rows: ['01/01/2001', '', '15/06/2015'] }, // one column: a date of death alone
    { rows: [['', '1', '23/11/1906']] }, // 119 years old on the as-of day
    { rows: [['', '', '22/11/1906']] }, // 120 today: not above 120
    { rows: [['', 'active', '01/01/1950']], absent: [1] },
    { rows: [['12/03/2020', 'inactive', '01/01/1950']] },
    { rows: [['', '', '01/01/1890']], options: { max_age: 140 } },
    { rows: [['N/A', 'active', '01/01/1890']] }, // not a date: the `date` check reports it
    { rows: [['', '', '31/02/1890']] }, // not a real date: the `date` check reports it
    { rows: [['2020-03-12', '', '1950-01-01']], columns: cols, formats: { ngay_mat: 'yyyy-MM-dd', ngay_sinh: 'yyyy-MM-dd' } },
    { rows: [['2020-03-12', 'Inactive', '1950-01-01']], options: { format: 'iso' } },
    { rows: [['22/11/2026', '', '01/01/1950']] }, // died on the as-of day
    { rows: [['15/06/1990', '', '15/06/1990']] }, // died on the day of birth
    { rows: [['', 'Hoạt động', '01/01/2030']] }, // a future birth date is the `date` check's finding
    { rows: [['12/03/2020', 'Y', '01/01/1950']], options: { active_values: ['A'] } },
  ],
  invalid: [
    {
      rows: [['12/03/2020', 'đang hoạt động', '15/06/1940']],
      columns: cols,
      errors: [
        {
          messageId: 'dead-but-active',
          row: 1,
          column: 1,
          data: { field: 'ngay_mat', value: '12/03/2020', status_field: 'trang_thai', status: 'đang hoạt động' },
          fix: review(0.9),
        },
      ],
    },
    {
      rows: [['12/03/2020', 'Active'], ['01/01/2019', 'CÒN SỐNG'], ['01/01/2019', 'Dang hoat dong'], ['01/01/2019', '1'], ['01/01/2019', 'alive']],
      errors: [
        { messageId: 'dead-but-active', row: 1, column: 1, fix: review(0.9) },
        { messageId: 'dead-but-active', row: 2, column: 1, data: { status: 'CÒN SỐNG' }, fix: review(0.9) },
        { messageId: 'dead-but-active', row: 3, column: 1, fix: review(0.9) },
        { messageId: 'dead-but-active', row: 4, column: 1, fix: review(0.9) },
        { messageId: 'dead-but-active', row: 5, column: 1, fix: review(0.9) },
      ],
    },
    {
      rows: [['12/03/2020', 'A'], ['12/03/2020', 'active']],
      options: { active_values: ['A'] },
      errors: [{ messageId: 'dead-but-active', row: 1, column: 1, fix: review(0.9) }],
    },
    {
      rows: [['', 'đang hoạt động', '01/01/1900']],
      columns: cols,
      errors: [
        {
          messageId: 'too-old',
          row: 1,
          column: 2,
          data: { field: 'ngay_mat', birth_field: 'ngay_sinh', birth: '01/01/1900', age: 126, max_age: 120 },
          fix: review(0.8),
        },
      ],
    },
    {
      // 121 on the as-of day (22/11/2026); the day before the 121st birthday is still 120
      rows: [['', '', '22/11/1905'], ['', '', '23/11/1905'], ['', '', '01/01/1800']],
      errors: [
        { messageId: 'too-old', row: 1, column: 2, data: { age: 121 }, fix: review(0.8) },
        { messageId: 'too-old', row: 3, column: 2, data: { age: 226 }, fix: review(0.8) },
      ],
    },
    {
      rows: [['', '', '01/01/1920'], ['', '', '01/01/1930']],
      options: { max_age: 100 },
      errors: [{ messageId: 'too-old', row: 1, column: 2, data: { age: 106, max_age: 100 }, fix: review(0.8) }],
    },
    {
      // the status column is absent from the file: only the age matters
      rows: [['', 'x', '01/01/1890']],
      absent: [1],
      errors: [{ messageId: 'too-old', row: 1, column: 2, fix: review(0.8) }],
    },
    {
      rows: [['12/03/1930', '', '15/06/1940']],
      columns: cols,
      errors: [
        {
          messageId: 'death-before-birth',
          row: 1,
          data: { field: 'ngay_mat', value: '12/03/1930', birth_field: 'ngay_sinh', birth: '15/06/1940' },
          fix: null,
        },
      ],
    },
    {
      rows: [['14/06/1990', '', '15/06/1990'], ['16/06/1990', '', '15/06/1990']],
      errors: [{ messageId: 'death-before-birth', row: 1, fix: null }],
    },
    {
      rows: [['23/11/2026', '', '01/01/1950']],
      columns: cols,
      errors: [{ messageId: 'death-in-future', row: 1, data: { field: 'ngay_mat', value: '23/11/2026', as_of: '22/11/2026' }, fix: null }],
    },
    {
      rows: ['01/01/2030', '01/01/2020', '31/12/2099'],
      errors: [
        { messageId: 'death-in-future', row: 1, fix: null },
        { messageId: 'death-in-future', row: 3, fix: null },
      ],
    },
    {
      rows: [['2027-01-01', 'active', '2028-01-01']],
      options: { format: 'iso' },
      errors: [
        { messageId: 'death-in-future', row: 1, fix: null },
        { messageId: 'death-before-birth', row: 1, fix: null },
        { messageId: 'dead-but-active', row: 1, column: 1, fix: review(0.9) },
      ],
    },
    {
      rows: [['2020-03-12', 'active', '1890-01-01'], ['', '', '1890-01-01']],
      columns: cols,
      formats: { ngay_mat: 'yyyy-MM-dd', ngay_sinh: 'yyyy-MM-dd' },
      errors: [
        { messageId: 'dead-but-active', row: 1, column: 1, fix: review(0.9) },
        { messageId: 'too-old', row: 2, column: 2, fix: review(0.8) },
      ],
    },
    {
      // each date column reads its own declared format
      rows: [['12/03/2020', 'còn sống', '1950-01-01'], ['', '', '1890-06-15']],
      columns: cols,
      formats: { ngay_sinh: 'yyyy-MM-dd' },
      errors: [
        { messageId: 'dead-but-active', row: 1, column: 1, fix: review(0.9) },
        { messageId: 'too-old', row: 2, column: 2, data: { age: 136 }, fix: review(0.8) },
      ],
    },
    {
      rows: [['', 'đang hoạt động', '15/06/1990'], ['05/05/2025', 'đang hoạt động', '15/06/1990'], ['', '', '15/06/1890'], ['', '', '']],
      asOf: '2025-01-01',
      errors: [
        { messageId: 'death-in-future', row: 2, data: { as_of: '01/01/2025' }, fix: null },
        { messageId: 'dead-but-active', row: 2, column: 1, fix: review(0.9) },
        { messageId: 'too-old', row: 3, column: 2, data: { age: 134 }, fix: review(0.8) },
      ],
    },
  ],
});

describe('liveness options the schema cannot judge', () => {
  it('refuses an unusable date format when the rule is created', () => {
    expect(() => runCase(liveness, { rows: ['x'], options: { format: 'DD/MM/YYYY' } })).toThrow(/unusable date format/);
  });
  it('rejects a max_age that is not a whole number of years', () => {
    expect(() => runCase(liveness, { rows: ['x'], options: { max_age: 110.5 } })).toThrow(/invalid options/);
  });
});
