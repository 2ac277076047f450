import { describe, expect, it } from 'vitest';
import ageAt from '../../src/checks/age-at.js';
import { CheckTester, runCase } from '../support/check-tester.js';

const DMY = 'dd/MM/yyyy';
// minimum age at the test by class and era (Law 36/2024 Art. 59(1); Law 23/2008 Art. 60)
const LICENCE = {
  columns: ['dob', 'test_date', 'class'],
  formats: { dob: DMY, test_date: DMY },
  options: {
    eras: [
      { until: '2024-12-31', by: { B2: { min: 18 }, E: { min: 27 } } },
      { from: '2025-01-01', by: { B: { min: 18 }, D: { min: 27 } } },
    ],
  },
};

CheckTester.run('age-at', ageAt, {
  valid: [
    { ...LICENCE, rows: [['02/04/2007', '02/04/2025', 'B'], ['01/01/1990', '02/04/2025', 'D'], ['01/01/1990', '02/04/2020', 'E'], ['', '02/04/2025', 'B']] },
    { ...LICENCE, rows: [['02/04/2010', '02/04/2025', 'B2'], ['02/04/2010', '02/04/2025', ''], ['x', '02/04/2025', 'B']] }, // B2 is not a 2025 class: another rule
    { rows: [['2000-01-01', '2018-01-01']], options: { min: 18 } },
    { rows: [['2008-02-29', '2026-03-01']], options: { min: 18 } },
    { rows: [['1990', '2008-01-01']], options: { min: 18, year_only: true } },
    { rows: [['1960-05-01', '2020-04-30']], options: { max: 59 } },
  ],
  invalid: [
    {
      ...LICENCE,
      rows: [['03/04/2007', '02/04/2025', 'B'], ['01/01/2000', '02/04/2025', 'd'], ['01/01/1995', '02/04/2020', 'E']],
      errors: [
        {
          messageId: 'too-young-for',
          row: 1,
          column: 1,
          data: { event_field: 'test_date', value: '02/04/2025', birth_value: '03/04/2007', age: 17, min: 18, key_field: 'class', key: 'B' },
          fix: null,
        },
        { messageId: 'too-young-for', row: 2, column: 1, data: { age: 25, min: 27, key: 'd' }, fix: null },
        { messageId: 'too-young-for', row: 3, column: 1, data: { age: 25, min: 27 }, fix: null },
      ],
    },
    {
      rows: [['2008-03-01', '2026-02-28'], ['2030-01-01', '2026-01-01']],
      columns: ['dob', 'recruited'],
      options: { min: 18 },
      errors: [
        { messageId: 'too-young', row: 1, column: 1, data: { age: 17, min: 18, event_field: 'recruited' }, fix: null },
        { messageId: 'too-young', row: 2, column: 1, data: { age: -4 }, fix: null },
      ],
    },
    {
      rows: [['1960-04-30', '2020-04-30']],
      options: { max: 59 },
      errors: [{ messageId: 'too-old', row: 1, column: 1, data: { age: 60, max: 59 }, fix: null }],
    },
    {
      rows: [['1960-04-30', '2020-04-30', 'D']],
      options: { by: { D: { max: 57 } } },
      errors: [{ messageId: 'too-old-for', row: 1, column: 1, data: { age: 60, max: 57, key: 'D' }, fix: null }],
    },
  ],
});

describe('age-at setup', () => {
  it('refuses min over max, two sources and a key table without a key column', () => {
    expect(() => runCase(ageAt, { rows: [['a', 'b']], options: { min: 30, max: 20 } })).toThrow(/more than max/);
    expect(() => runCase(ageAt, { rows: [['a', 'b']], options: { min: 18, by: { A: { min: 1 } } } })).toThrow(/exactly one/);
    expect(() => runCase(ageAt, { rows: [['a', 'b']], options: { by: { A: { min: 1 } } } })).toThrow(/third column/);
  });
});
