import fillRate from '../../src/checks/fill-rate.js';
import { CheckTester } from '../support/check-tester.js';

const filled = (n: number, empty: number, blank = ''): string[] => [
  ...Array.from({ length: n }, (_, i) => `Kinh ${i}`),
  ...Array.from({ length: empty }, () => blank),
];

CheckTester.run('fill-rate', fillRate, {
  valid: [
    { rows: [] }, // no rows: nothing to judge
    { rows: [], options: { min: 0.5 } },
    { rows: ['Kinh'] },
    { rows: ['Kinh', 'Tày', 'Thái'] },
    { rows: filled(19, 1), options: { min: 0.95 } }, // exactly at the minimum
    { rows: filled(3, 1), options: { min: 0.75 } },
    { rows: ['', '', ''], options: { min: 0 } },
    { rows: filled(1, 1), options: { min: 0.5 } },
    { rows: ['N/A', '0'] }, // placeholders count as filled; `placeholder` judges them
  ],
  invalid: [
    {
      rows: [''],
      columns: ['ethnicity'],
      errors: [
        {
          messageId: 'below-min',
          row: null,
          column: 0,
          data: { field: 'ethnicity', rate: '0.0%', min: '100.0%', filled: 0, rows: 1 },
          fix: null,
        },
      ],
    },
    {
      rows: ['Kinh', ''],
      errors: [{ messageId: 'below-min', row: null, column: 0, data: { rate: '50.0%', filled: 1, rows: 2 }, fix: null }],
    },
    {
      rows: ['Kinh', '   '],
      errors: [{ messageId: 'below-min', row: null, column: 0, data: { rate: '50.0%' }, fix: null }],
    },
    {
      rows: ['Kinh', '\u00a0', '\u200b', 'Tày'],
      errors: [{ messageId: 'below-min', row: null, column: 0, data: { rate: '50.0%', filled: 2, rows: 4 }, fix: null }],
    },
    {
      rows: filled(18, 2),
      options: { min: 0.95 },
      errors: [{ messageId: 'below-min', row: null, column: 0, data: { rate: '90.0%', min: '95.0%' }, fix: null }],
    },
    {
      rows: filled(935, 65),
      options: { min: 0.95 },
      errors: [
        { messageId: 'below-min', row: null, column: 0, data: { rate: '93.5%', min: '95.0%', filled: 935, rows: 1000 }, fix: null },
      ],
    },
    {
      // 99.97% is rounded down: a failing rate must not print as the 100.0% minimum
      rows: filled(2999, 1),
      errors: [{ messageId: 'below-min', row: null, column: 0, data: { rate: '99.9%', min: '100.0%' }, fix: null }],
    },
    {
      rows: filled(1, 2),
      options: { min: 0.5 },
      errors: [{ messageId: 'below-min', row: null, column: 0, data: { rate: '33.3%', min: '50.0%' }, fix: null }],
    },
    {
      rows: ['', '', ''],
      options: { min: 0.001 },
      errors: [{ messageId: 'below-min', row: null, column: 0, data: { rate: '0.0%', min: '0.1%', filled: 0, rows: 3 }, fix: null }],
    },
  ],
});
