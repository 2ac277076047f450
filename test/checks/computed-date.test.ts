import { describe, expect, it } from 'vitest';
import computedDate from '../../src/checks/computed-date.js';
import { CheckTester, runCase } from '../support/check-tester.js';

const DMY = 'dd/MM/yyyy';
// expiry = issue + validity of the class, by the era of the issue date (Law 36/2024 Art. 57(5); Circular 12/2017 Art. 17)
const LICENCE = {
  columns: ['expiry', 'issued', 'class'],
  formats: { expiry: DMY, issued: DMY },
  options: {
    eras: [
      { until: '2024-12-31', by: { A1: 'none', B2: { years: 10 }, B1: 'skip', C: { years: 5 } } },
      { from: '2025-01-01', by: { A1: 'none', B: { years: 10 }, C: { years: 5 } } },
    ],
    tolerance_days: 1,
    unknown_key: 'report',
  },
};
// retirement: the month the age of the roadmap year is reached, at its end (Labour Code 2019 Art. 169; Decree 135/2020 Art. 3-4)
const RETIREMENT = {
  columns: ['retirement', 'dob', 'sex'],
  formats: { retirement: DMY, dob: DMY },
  options: {
    schedule: [
      { from_year: 1900, by: { Nam: { years: 60 }, Nữ: { years: 55 } } },
      { from_year: 2021, by: { Nam: { years: 60, months: 3 }, Nữ: { years: 55, months: 4 } } },
      { from_year: 2022, by: { Nam: { years: 60, months: 6 }, Nữ: { years: 55, months: 8 } } },
      { from_year: 2023, by: { Nam: { years: 60, months: 9 }, Nữ: { years: 56 } } },
    ],
    end_of_month: true,
    year_only: true,
  },
};
// a child's card ends by the 72nd month; born before 30 Sep: 30 Sep of that year (Decree 146/2018 Art. 13(2))
const UNDER_SIX = {
  columns: ['card_to', 'dob', 'card_from'],
  formats: { card_to: DMY, dob: DMY, card_from: DMY },
  options: { offset: { months: 72 }, end_of_month: true, floor_month_day: '09-30', operator: '<=', only_before: 2 },
};

CheckTester.run('computed-date', computedDate, {
  valid: [
    { ...LICENCE, rows: [['02/04/2035', '02/04/2025', 'B'], ['', '02/04/2025', 'A1'], ['03/04/2030', '02/04/2025', 'C'], ['01/04/2030', '02/04/2025', 'C']] },
    { ...LICENCE, rows: [['01/01/2029', '01/01/2019', 'B2'], ['01/01/2060', '01/01/2019', 'B1'], ['', '', 'B'], ['x', '02/04/2025', 'B']] },
    { ...LICENCE, rows: [['01/01/2029', '01/01/2019', '']] }, // no class: the class rule says so
    { ...LICENCE, options: { ...LICENCE.options, unknown_key: 'ignore' }, rows: [['01/01/2035', '02/04/2025', 'B2']] },
    { rows: [['2030-05-01', '2025-05-01']], options: { offset: { years: 5 } } },
    { rows: [['2030-05-01', '2025-05-01']], options: { offset: [{ years: 5 }, { years: 10 }] } },
    { rows: [['2035-05-01', '2025-05-01']], options: { offset: [{ years: 5 }, { years: 10 }] } },
    { rows: [['2024-02-29', '2023-02-28']], options: { offset: { years: 1 }, operator: '>=' } },
    { rows: [['2024-02-29', '2020-02-29']], options: { offset: { years: 4 } } },
    // 1961-05-10, man: 2021 needs 60y3m, reached in August 2021
    { ...RETIREMENT, rows: [['31/08/2021', '10/05/1961', 'Nam'], ['31/05/2020', '10/05/1960', 'Nam']] },
    // woman born 15/03/1967: 55y8m, the 2022 age, is reached in November 2022; year-only 1966 → 1 Jan 1966: 55y4m in May 2021
    { ...RETIREMENT, rows: [['30/11/2022', '15/03/1967', 'Nữ'], ['31/05/2021', '1966', 'Nữ'], ['', '1966', 'Nữ']] },
    { ...UNDER_SIX, rows: [['30/09/2031', '15/03/2025', '15/03/2025'], ['31/12/2031', '10/12/2025', '10/12/2025'], ['31/12/2040', '10/12/2025', '01/01/2032']] },
    { rows: [['2020-01-01', '2000-01-01', 'đang công tác']], options: { offset: { years: 60 }, against: 'as-of' }, columns: ['dob', 'status'] },
    { rows: [['1950-01-01', 'nghỉ hưu']], options: { offset: { years: 60 }, against: 'as-of', when: { column: 1, values: ['Đang công tác'] } } },
  ],
  invalid: [
    {
      ...LICENCE,
      rows: [['02/04/2030', '02/04/2025', 'B'], ['02/04/2035', '02/04/2025', 'A1'], ['02/04/2035', '02/04/2025', 'B2'], ['05/04/2030', '02/04/2025', 'c']],
      errors: [
        {
          messageId: 'mismatch',
          row: 1,
          data: { field: 'expiry', value: '02/04/2030', base_field: 'issued', base_value: '02/04/2025', offset: '10y', expected: '02/04/2035' },
          fix: { action: 'set', value: '02/04/2035', confidence: 0.6 },
        },
        { messageId: 'unexpected-date', row: 2, data: { key_field: 'class', key: 'A1', value: '02/04/2035' }, fix: { action: 'clear', confidence: 0.6 } },
        { messageId: 'unknown-key', row: 3, column: 2, data: { key: 'B2', base_value: '02/04/2025' }, fix: null },
        { messageId: 'mismatch', row: 4, data: { expected: '02/04/2030', offset: '5y' }, fix: { action: 'set', value: '02/04/2030', confidence: 0.6 } },
      ],
    },
    {
      rows: [['2031-05-01', '2025-05-01']],
      options: { offset: [{ years: 5 }, { years: 10 }] },
      errors: [{ messageId: 'mismatch', row: 1, data: { expected: '2030-05-01 | 2035-05-01', offset: '5y | 10y' }, fix: { action: 'review', confidence: 0 } }],
    },
    {
      ...RETIREMENT,
      rows: [['31/05/2021', '10/05/1961', 'Nam'], ['10/05/2021', '10/05/1961', 'Nam'], ['31/12/2020', '1966', 'Nữ']],
      errors: [
        { messageId: 'mismatch', row: 1, data: { expected: '31/08/2021', offset: '60y 3m', offset_vi: '60 năm 3 tháng' }, fix: { action: 'set', value: '31/08/2021', confidence: 0.6 } },
        { messageId: 'mismatch', row: 2, fix: { action: 'set', value: '31/08/2021', confidence: 0.6 } },
        { messageId: 'mismatch', row: 3, data: { expected: '31/05/2021', offset: '55y 4m' }, fix: { action: 'set', value: '31/05/2021', confidence: 0.6 } },
      ],
    },
    {
      ...UNDER_SIX,
      rows: [['31/12/2031', '15/03/2025', '15/03/2025'], ['31/01/2032', '10/12/2025', '01/01/2026']],
      errors: [
        { messageId: 'too-late', row: 1, data: { expected: '30/09/2031', value: '31/12/2031' }, fix: { action: 'set', value: '30/09/2031', confidence: 0.6 } },
        { messageId: 'too-late', row: 2, data: { expected: '31/12/2031' }, fix: { action: 'set', value: '31/12/2031', confidence: 0.6 } },
      ],
    },
    {
      rows: [['2025-01-01', '2025-01-01']],
      options: { offset: { days: 30 }, operator: '>=' },
      errors: [{ messageId: 'too-early', row: 1, data: { expected: '2025-01-31' }, fix: { action: 'set', value: '2025-01-31', confidence: 0.6 } }],
    },
    {
      rows: [['1960-01-01', 'Đang công tác'], ['1960-01-01', 'nghỉ hưu']],
      columns: ['dob', 'status'],
      asOf: '2026-11-22',
      options: { offset: { years: 60 }, against: 'as-of', when: { column: 1, values: ['đang công tác'] } },
      errors: [{ messageId: 'passed', row: 1, data: { base_field: 'dob', expected: '2020-01-01', as_of: '22/11/2026' }, fix: null }],
    },
  ],
});

describe('computed-date setup', () => {
  it('refuses a rule without exactly one source of offsets, or whose columns do not fit', () => {
    expect(() => runCase(computedDate, { rows: [['a', 'b']], options: {} })).toThrow(/exactly one/);
    expect(() => runCase(computedDate, { rows: [['a', 'b']], options: { offset: { years: 1 }, by: { A: { years: 1 } } } })).toThrow(/exactly one/);
    expect(() => runCase(computedDate, { rows: [['a', 'b']], options: { by: { A: { years: 1 } } } })).toThrow(/key column/);
    expect(() => runCase(computedDate, { rows: [['a', 'b']], options: { offset: { years: 1 }, only_before: 4 } })).toThrow(/not one of/);
    expect(() => runCase(computedDate, { rows: [['a', 'b']], options: { offset: { years: 1 }, floor_month_day: '02-30' } })).toThrow(/not a day/);
  });
});
