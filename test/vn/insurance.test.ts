import { describe, expect, it } from 'vitest';
import { BHYT_OBJECT_CODES, readBhxh, readBhyt } from '../../src/vn/insurance.js';

describe('BHYT beneficiary groups (UNVERIFIED list)', () => {
  it('has 44 two-letter codes', () => {
    expect(BHYT_OBJECT_CODES.size).toBe(44);
    for (const code of BHYT_OBJECT_CODES.keys()) expect(code).toMatch(/^[A-Z]{2}$/);
  });

  it('describes common groups', () => {
    expect(BHYT_OBJECT_CODES.get('DN')).toBe('NLĐ trong doanh nghiệp');
    expect(BHYT_OBJECT_CODES.get('HS')).toBe('Học sinh');
    expect(BHYT_OBJECT_CODES.get('TE')).toBe('Trẻ em dưới 6 tuổi');
    expect(BHYT_OBJECT_CODES.get('GD')).toBe('Hộ gia đình');
    expect(BHYT_OBJECT_CODES.has('ZZ')).toBe(false);
  });
});

describe('readBhxh', () => {
  it('reads 10 digits, with or without separators', () => {
    expect(readBhxh('0123456789')).toEqual({ ok: true, code: '0123456789', leadingZero: false });
    expect(readBhxh('79 2345 6789')).toEqual({ ok: true, code: '7923456789', leadingZero: false });
    expect(readBhxh('01.2345.6789')).toEqual({ ok: true, code: '0123456789', leadingZero: false });
  });

  it('adds the 0 a spreadsheet dropped from 9 digits', () => {
    expect(readBhxh('123456789')).toEqual({ ok: true, code: '0123456789', leadingZero: true });
  });

  it('refuses other shapes', () => {
    expect(readBhxh('12345678')).toEqual({ ok: false });
    expect(readBhxh('01234567890')).toEqual({ ok: false });
    expect(readBhxh('DN4010123456789')).toEqual({ ok: false });
    expect(readBhxh('chưa có')).toEqual({ ok: false });
  });
});

describe('readBhyt', () => {
  it('reads the new 10-digit form as the BHXH code', () => {
    expect(readBhyt('0123456789')).toEqual({
      ok: true,
      card: { form: 'new', number: '0123456789', bhxh: '0123456789', leadingZero: false },
    });
    expect(readBhyt('123456789')).toMatchObject({ ok: true, card: { number: '0123456789', leadingZero: true } });
  });

  it('splits the old 15-character form', () => {
    expect(readBhyt('DN4010123456789')).toEqual({
      ok: true,
      card: {
        form: 'old',
        number: 'DN4010123456789',
        objectCode: 'DN',
        benefitLevel: 4,
        province: '01',
        bhxh: '0123456789',
        leadingZero: false,
      },
    });
    expect(readBhyt('hs 4 79 7923456789')).toMatchObject({ ok: true, card: { number: 'HS4797923456789', objectCode: 'HS' } });
  });

  it('refuses a benefit level outside 1–5 and other shapes', () => {
    expect(readBhyt('DN6010123456789')).toEqual({ ok: false, problem: 'benefit-level', benefitLevel: '6' });
    expect(readBhyt('DN0010123456789')).toEqual({ ok: false, problem: 'benefit-level', benefitLevel: '0' });
    expect(readBhyt('DN401012345678')).toEqual({ ok: false, problem: 'format' });
    expect(readBhyt('D4010123456789')).toEqual({ ok: false, problem: 'format' });
    expect(readBhyt('12345678')).toEqual({ ok: false, problem: 'format' });
  });
});
