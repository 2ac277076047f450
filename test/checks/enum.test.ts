import { describe, expect, it } from 'vitest';
import enumCheck from '../../src/checks/enum.js';
import { normalizeOptions } from '../../src/pack/options.js';
import { CheckTester, runCase } from '../support/check-tester.js';

const sex = { values: ['Nam', 'Nữ'] };
const set = (value: string) => ({ action: 'set', value, confidence: 0.95 }) as const;

CheckTester.run('enum', enumCheck, {
  valid: [
    { rows: ['Nam'], options: sex },
    { rows: ['Nam', 'Nữ', 'Nữ', 'Nam'], options: sex },
    { rows: [''], options: sex }, // empty is `required`'s finding
    { rows: [' '], options: sex },
    { rows: ['nữ', 'NAM', 'Nu'], options: { ...sex, fold: true } },
    { rows: ['Nữ'.normalize('NFD')], options: { ...sex, fold: true } },
    { rows: ['Kinh', 'Tày', 'Thái'], options: { values: ['Kinh', 'Tày', 'Thái', 'Mường'] } },
    { rows: ['1', '2'], options: { values: ['1', '2', '3'] } },
    { rows: ['nam'], options: { values: ['Nam', 'NAM'], fold: true } }, // ambiguous fold, still a listed value
  ],
  invalid: [
    {
      rows: ['nam'],
      options: sex,
      columns: ['sex'],
      errors: [{ messageId: 'variant', row: 1, data: { field: 'sex', value: 'nam', canonical: 'Nam' }, fix: set('Nam') }],
    },
    { rows: ['NỮ'], options: sex, errors: [{ messageId: 'variant', row: 1, data: { canonical: 'Nữ' }, fix: set('Nữ') }] },
    { rows: ['Nu'], options: sex, errors: [{ messageId: 'variant', row: 1, fix: set('Nữ') }] },
    { rows: [' Nam '], options: sex, errors: [{ messageId: 'variant', row: 1, fix: set('Nam') }] },
    { rows: ['Nữ'.normalize('NFD')], options: sex, errors: [{ messageId: 'variant', row: 1, fix: set('Nữ') }] },
    {
      rows: ['Male'],
      options: sex,
      columns: ['sex'],
      errors: [{ messageId: 'not-allowed', row: 1, data: { field: 'sex', value: 'Male', allowed: 'Nam, Nữ' }, fix: null }],
    },
    { rows: ['Khác'], options: { ...sex, fold: true }, errors: [{ messageId: 'not-allowed', row: 1, fix: null }] },
    {
      // two listed values fold alike: no single value to fix to
      rows: ['nam'],
      options: { values: ['Nam', 'NAM'] },
      errors: [{ messageId: 'not-allowed', row: 1, data: { allowed: 'Nam, NAM' }, fix: null }],
    },
    {
      rows: ['Nam', 'nu', '', 'F', 'Nữ', 'Nam giới'],
      options: sex,
      errors: [
        { messageId: 'variant', row: 2, data: { value: 'nu', canonical: 'Nữ' }, fix: set('Nữ') },
        { messageId: 'not-allowed', row: 4, data: { value: 'F' }, fix: null },
        { messageId: 'not-allowed', row: 6, data: { value: 'Nam giới' }, fix: null },
      ],
    },
  ],
});

describe('check type enum: pack mistakes', () => {
  it('needs values', () => {
    const result = normalizeOptions(enumCheck, { fold: true });
    expect('problems' in result && result.problems).toMatchObject([{ path: '', key: 'schema.required', data: { property: 'values' } }]);
  });

  it('rejects an empty list', () => {
    expect(() => runCase(enumCheck, { rows: ['x'], options: { values: [] } })).toThrow(/invalid options/);
  });
});
