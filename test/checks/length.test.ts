import { describe, expect, it } from 'vitest';
import length from '../../src/checks/length.js';
import { normalizeOptions } from '../../src/pack/options.js';
import { CheckTester, runCase } from '../support/check-tester.js';

const hoaNfd = 'Nguyễn Thị Hoà'.normalize('NFD');

CheckTester.run('length', length, {
  valid: [
    { rows: ['Nguyễn Văn An'], options: { min: 2, max: 100 } },
    { rows: ['An'], options: { min: 2 } },
    { rows: ['001203004567'], options: { min: 12, max: 12 } },
    { rows: [''], options: { min: 2 } }, // empty is `required`'s finding
    { rows: ['   '], options: { min: 2 } },
    { rows: [hoaNfd], options: { max: 14 } }, // 14 characters once composed
    { rows: ['𠀧'], options: { max: 1 } }, // one character outside the BMP
    { rows: ['Lê', 'Võ Thị Sáu', 'Tôn Nữ Thị Ninh'], options: { min: 2, max: 20 } },
    { rows: ['anything at all'], options: { min: 0 } }, // min 0, no max
  ],
  invalid: [
    {
      rows: ['A'],
      options: { min: 2 },
      columns: ['full_name'],
      errors: [{ messageId: 'too-short', row: 1, data: { field: 'full_name', value: 'A', length: 1, min: 2 }, fix: null }],
    },
    {
      rows: ['00120300456'],
      options: { min: 12, max: 12 },
      errors: [{ messageId: 'too-short', row: 1, data: { length: 11, min: 12 }, fix: null }],
    },
    {
      rows: ['0012030045678'],
      options: { min: 12, max: 12 },
      errors: [{ messageId: 'too-long', row: 1, data: { value: '0012030045678', length: 13, max: 12 }, fix: null }],
    },
    { rows: [hoaNfd], options: { max: 13 }, errors: [{ messageId: 'too-long', row: 1, data: { length: 14, max: 13 }, fix: null }] },
    { rows: ['Hoà'], options: { min: 4 }, errors: [{ messageId: 'too-short', row: 1, data: { length: 3 }, fix: null }] },
    { rows: ['𠀧𠀧'], options: { max: 1 }, errors: [{ messageId: 'too-long', row: 1, data: { length: 2 }, fix: null }] },
    { rows: [' A '], options: { max: 2 }, errors: [{ messageId: 'too-long', row: 1, data: { length: 3 }, fix: null }] },
    { rows: ['abc'], options: { max: 0 }, errors: [{ messageId: 'too-long', row: 1, data: { length: 3, max: 0 }, fix: null }] },
    {
      rows: ['Nguyễn Văn An', 'B', '', 'Trần Thị Bích Ngọc Phương Thảo', 'Lý'],
      options: { min: 2, max: 20 },
      errors: [
        { messageId: 'too-short', row: 2, data: { length: 1, min: 2 }, fix: null },
        { messageId: 'too-long', row: 4, data: { length: 30, max: 20 }, fix: null },
      ],
    },
  ],
});

describe('check type length: pack mistakes', () => {
  it('rejects min above max', () => {
    expect(() => runCase(length, { rows: ['x'], options: { min: 5, max: 3 } })).toThrow(/min 5 .* max 3/);
  });

  it('rejects negative and fractional limits', () => {
    expect(() => runCase(length, { rows: ['x'], options: { min: -1 } })).toThrow(/invalid options/);
    expect(() => runCase(length, { rows: ['x'], options: { min: 0, max: 2.5 } })).toThrow(/invalid options/);
  });

  it('needs min or max', () => {
    const result = normalizeOptions(length, {});
    expect('problems' in result && result.problems).toMatchObject([
      { path: '', key: 'schema.required', data: { property: 'min' } },
      { path: '', key: 'schema.required', data: { property: 'max' } },
      { path: '', key: 'schema.other', data: { keyword: 'anyOf', detail: 'must match a schema in anyOf' } },
    ]);
  });
});
