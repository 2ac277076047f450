import { describe, expect, it } from 'vitest';
import { MST_WEIGHTS, compactCode, mstCheckDigit, parseTaxCode } from '../../src/vn/tax-code.js';

// Published as valid ("found online") in arthurdejong/python-stdnum tests/test_vn_mst.doctest.
const PUBLISHED_VALID = [
  '01.00.112.437',
  '0100112437011',
  '0100233488',
  '0101245486',
  '0102641429-066',
  '0102721191-001',
  '0106713191',
  '0200747399',
  '0302082048',
  '0311 916 028',
  '0312 68 78 78 - 001',
  '0314409058-002',
  '0401 443 048',
  '1300440846-008',
  '2000102580-005',
  '3603718156',
  '5800199577-002',
  '8037630690',
  '8463763902',
];

describe('MST check digit (vn-reference.md §3.1)', () => {
  it('uses the weights of python-stdnum', () => {
    expect(MST_WEIGHTS).toEqual([31, 29, 23, 19, 17, 13, 7, 5, 3]);
  });

  it('computes the worked examples of the reference by hand', () => {
    // 0·31+1·29+0·23+0·19+2·17+3·13+3·7+4·5+8·3 = 167; 167 mod 11 = 2; 10 − 2 = 8
    expect(mstCheckDigit('010023348')).toBe(8);
    // 337 mod 11 = 7; 10 − 7 = 3: 0312345678 is invalid, 0312345673 valid
    expect(mstCheckDigit('031234567')).toBe(3);
  });

  it('maps S mod 11 = 10 to 0 and has no digit for S mod 11 = 0', () => {
    // 1·29 + 1·3 = 32, 32 mod 11 = 10 → 0
    expect(mstCheckDigit('010000001')).toBe(0);
    // 1·31 + 1·29 + 1·5 = 65, 65 mod 11 = 10 → 0
    expect(mstCheckDigit('110000010')).toBe(0);
    // 1·29 = 29, 29 mod 11 = 7 → 3
    expect(mstCheckDigit('010000000')).toBe(3);
    // S = 0 and S = 3·31 + 1·23 + 1·5 = 121 = 11·11: the digit would be 10, never issued
    expect(mstCheckDigit('000000000')).toBeNull();
    expect(mstCheckDigit('301000010')).toBeNull();
  });

  it('accepts every published valid code', () => {
    for (const code of PUBLISHED_VALID) expect(parseTaxCode(code).ok, code).toBe(true);
  });
});

describe('parseTaxCode', () => {
  it('writes 10 digits plainly and a branch with a dash', () => {
    expect(parseTaxCode('0100233488')).toEqual({ ok: true, kind: 'enterprise', canonical: '0100233488' });
    expect(parseTaxCode('01.00.112.437')).toEqual({ ok: true, kind: 'enterprise', canonical: '0100112437' });
    expect(parseTaxCode('0312 68 78 78 - 001')).toEqual({ ok: true, kind: 'branch', canonical: '0312687878-001' });
    expect(parseTaxCode('0100112437011')).toEqual({ ok: true, kind: 'branch', canonical: '0100112437-011' });
  });

  it('reads 12 digits as a personal ID', () => {
    expect(parseTaxCode('001089012345')).toEqual({ ok: true, kind: 'personal-id', canonical: '001089012345' });
    expect(parseTaxCode('079 195 000 123')).toEqual({ ok: true, kind: 'personal-id', canonical: '079195000123' });
  });

  it('names what is wrong', () => {
    expect(parseTaxCode('12345')).toEqual({ ok: false, problem: 'format' });
    expect(parseTaxCode('VV34567890')).toEqual({ ok: false, problem: 'format' });
    expect(parseTaxCode('01002334881')).toEqual({ ok: false, problem: 'format' });
    // 12 digits, but written as a branch code with a short suffix: not a personal ID
    expect(parseTaxCode('0100233488-01')).toEqual({ ok: false, problem: 'format' });
    expect(parseTaxCode('0100000008')).toEqual({ ok: false, problem: 'serial-zero' });
    expect(parseTaxCode('0100233480')).toEqual({ ok: false, problem: 'check-digit' });
    expect(parseTaxCode('0312345678')).toEqual({ ok: false, problem: 'check-digit' });
    expect(parseTaxCode('0314409058-000')).toEqual({ ok: false, problem: 'branch-suffix' });
    expect(parseTaxCode('0314409059-002')).toEqual({ ok: false, problem: 'check-digit' });
  });
});

describe('compactCode', () => {
  it('drops separators, a leading apostrophe, and maps full-width digits', () => {
    expect(compactCode(' 0100 233.488 ')).toBe('0100233488');
    expect(compactCode('0100233488\u00a0–\u00a0001')).toBe('0100233488001');
    expect(compactCode("'0100233488")).toBe('0100233488');
    expect(compactCode('\uff10\uff11\uff10\uff10')).toBe('0100');
    expect(compactCode('hn 12')).toBe('hn12');
  });
});
