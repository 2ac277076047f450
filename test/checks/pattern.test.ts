import { describe, expect, it } from 'vitest';
import pattern from '../../src/checks/pattern.js';
import { normalizeOptions } from '../../src/pack/options.js';
import { CheckTester, runCase } from '../support/check-tester.js';

const id12 = { pattern: '^\\d{12}$', description: { en: '12 digits', vi: '12 chữ số' } };
// No `{n}` quantifier here: the tester takes any `{word}` left in a rendered message for an unfilled placeholder.
const phone = { pattern: '^0[0-9]+$' };

CheckTester.run('pattern', pattern, {
  valid: [
    { rows: ['001203004567'], options: id12 },
    { rows: ['001203004567', '079190000123', '038095001234'], options: id12 },
    { rows: [''], options: id12 }, // empty is `required`'s finding
    { rows: ['  '], options: id12 },
    { rows: ['0912345678'], options: phone },
    { rows: ['abc-123'], options: { pattern: '\\d' } }, // unanchored: a digit anywhere
    { rows: ['NGUYỄN'], options: { pattern: '^[a-zà-ỹđ]+$', flags: 'i' } },
    { rows: ['Nguyễn'], options: { pattern: '^\\p{L}+$', flags: 'u' } },
    { rows: ['Nam', 'NAM'], options: { pattern: '^nam$', flags: 'iu' } },
    { rows: ['x'.repeat(10)], options: { pattern: '^x+$', max_length: 10 } },
  ],
  invalid: [
    {
      rows: ['12345'],
      options: id12,
      columns: ['id_number'],
      errors: [
        {
          messageId: 'mismatch',
          row: 1,
          data: { field: 'id_number', value: '12345', expected_en: '12 digits', expected_vi: '12 chữ số' },
          fix: null,
        },
      ],
    },
    { rows: ['0012030045678'], options: id12, errors: [{ messageId: 'mismatch', row: 1, fix: null }] },
    { rows: [' 001203004567'], options: id12, errors: [{ messageId: 'mismatch', row: 1, fix: null }] },
    { rows: ['00120300456O'], options: id12, errors: [{ messageId: 'mismatch', row: 1, fix: null }] },
    {
      rows: ['+84912345678'],
      options: phone,
      errors: [
        { messageId: 'mismatch', row: 1, data: { expected_en: '/^0[0-9]+$/', expected_vi: '/^0[0-9]+$/' }, fix: null },
      ],
    },
    { rows: ['NGUYỄN'], options: { pattern: '^[a-zà-ỹđ]+$' }, errors: [{ messageId: 'mismatch', row: 1, fix: null }] },
    { rows: ['NAM'], options: { pattern: '^nam$', flags: 'u' }, errors: [{ messageId: 'mismatch', row: 1, fix: null }] },
    { rows: ['abc'], options: { pattern: '\\d' }, errors: [{ messageId: 'mismatch', row: 1, data: { value: 'abc' }, fix: null }] },
    {
      rows: ['001203004567', '', '1234-5678', '079190000123', 'N/A'],
      options: id12,
      columns: ['id_number'],
      errors: [
        { messageId: 'mismatch', row: 3, data: { field: 'id_number', value: '1234-5678' }, fix: null },
        { messageId: 'mismatch', row: 5, data: { value: 'N/A' }, fix: null },
      ],
    },
    // A value longer than max_length is never given to the regular expression (its time can grow
    // with the square of the length or worse): it is reported as too long to test.
    {
      rows: ['1'.repeat(1001)],
      options: id12,
      columns: ['id_number'],
      errors: [{ messageId: 'too-long', row: 1, data: { field: 'id_number', length: 1001, max_length: 1000 }, fix: null }],
    },
    {
      rows: ['x'.repeat(10), 'x'.repeat(11)],
      options: { pattern: 'x', max_length: 10 },
      errors: [{ messageId: 'too-long', row: 2, data: { length: 11, max_length: 10 }, fix: null }],
    },
  ],
});

describe('check type pattern: pack mistakes', () => {
  it('names the pattern and the reason when it does not compile', () => {
    expect(() => runCase(pattern, { rows: ['x'], options: { pattern: '^(\\d+$' } })).toThrow(/\^\(\\d\+\$.*does not compile: .+/);
  });

  it('rejects flags other than i and u', () => {
    expect(() => runCase(pattern, { rows: ['x'], options: { pattern: 'a', flags: 'g' } })).toThrow(/invalid options/);
  });

  it('needs a pattern', () => {
    const result = normalizeOptions(pattern, { flags: 'i' });
    expect('problems' in result && result.problems).toMatchObject([{ path: '', key: 'schema.required', data: { property: 'pattern' } }]);
  });
});
