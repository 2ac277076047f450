import { describe, expect, it } from 'vitest';
import { classifyLegacyId, CMND_LAST_VALID_DAY, restoreCmndLeadingZero } from '../../src/vn/cmnd.js';
import { COUNTRIES, countryByIdCode, isBornAbroadCode } from '../../src/vn/countries.js';
import {
  decodePersonalId,
  idPlace,
  isScientificNotation,
  isStructurallyValid,
  normalizeIdDigits,
  parsePersonalId,
  parseSex,
  restoreLeadingZeros,
} from '../../src/vn/personal-id.js';
import { dayNumber } from '../../src/shared/dates.js';

describe('parsePersonalId', () => {
  it('decodes province, century, sex and birth year', () => {
    expect(parsePersonalId('001090012345')).toMatchObject({
      digits: '001090012345',
      placeCode: '001',
      place: { kind: 'province', province: { name: 'Hà Nội' } },
      centuryDigit: 0,
      sex: 'male',
      birthYear: 1990,
      serial: '012345',
    });
    expect(parsePersonalId('038301012345')).toMatchObject({ sex: 'female', birthYear: 2001 });
    expect(parsePersonalId('092162003456')).toMatchObject({ sex: 'female', birthYear: 1962 });
    expect(parsePersonalId('001499000001')).toMatchObject({ sex: 'male', birthYear: 2199 });
    expect(parsePersonalId('001900000001')).toMatchObject({ sex: 'female', birthYear: 2300 });
  });

  it('normalises separators and full-width digits', () => {
    expect(parsePersonalId('001 090 012 345')?.digits).toBe('001090012345');
    expect(parsePersonalId('001.090.012.345')?.digits).toBe('001090012345');
    expect(parsePersonalId('001-090-012-345')?.digits).toBe('001090012345');
    expect(parsePersonalId('\u00a0001090\u200b012345\ufeff')?.digits).toBe('001090012345');
    expect(parsePersonalId('０７９２０３００１２３４')?.digits).toBe('079203001234');
    expect(parsePersonalId('001090012345.0')?.digits).toBe('001090012345');
  });

  it('is null when the text is not 12 digits', () => {
    expect(parsePersonalId('01234567')).toBeNull();
    expect(parsePersonalId('1.23457E+11')).toBeNull();
    expect(parsePersonalId('0010900123456')).toBeNull();
    expect(parsePersonalId('')).toBeNull();
  });

  it('classifies the place code', () => {
    expect(idPlace('046')).toMatchObject({ kind: 'province', province: { code: '46' } });
    expect(idPlace('232')).toEqual({ kind: 'abroad', country: { code: '232', name: 'Nhật Bản', iso2: 'JP' } });
    expect(idPlace('000')).toEqual({ kind: 'unconfirmed' });
    expect(idPlace('003')).toEqual({ kind: 'invalid' });
    expect(idPlace('100')).toEqual({ kind: 'invalid' });
    expect(idPlace('296')).toEqual({ kind: 'invalid' });
  });

  it('judges structure in a year', () => {
    expect(isStructurallyValid(decodePersonalId('001226000001'), 2026)).toBe(true);
    expect(isStructurallyValid(decodePersonalId('001226000001'), 2025)).toBe(false);
    expect(isStructurallyValid(decodePersonalId('003090012345'), 2026)).toBe(false);
    expect(isStructurallyValid(decodePersonalId('295090012345'), 2026)).toBe(true);
  });
});

describe('personal ID helpers', () => {
  it('restores zeros a numeric cell dropped', () => {
    expect(restoreLeadingZeros('1090012345')).toBe('001090012345');
    expect(restoreLeadingZeros('79203001234')).toBe('079203001234');
    expect(restoreLeadingZeros('50090012345')).toBeUndefined(); // 050 is no province
    expect(restoreLeadingZeros('3090012345')).toBeUndefined(); // 003 neither
    expect(restoreLeadingZeros('01090012345')).toBeUndefined(); // a text cell keeps its zeros
    expect(restoreLeadingZeros('123456789')).toBeUndefined();
  });

  it('spots scientific notation', () => {
    expect(isScientificNotation('1.23457E+11')).toBe(true);
    expect(isScientificNotation('1,20300012E+11')).toBe(true);
    expect(isScientificNotation(' 1E11 ')).toBe(true);
    expect(isScientificNotation('001090012345')).toBe(false);
  });

  it('reads sex columns', () => {
    expect(['Nam', 'NAM', 'nam', 'Male', 'M'].map(parseSex)).toEqual(Array(5).fill('male'));
    expect(['Nữ', 'NỮ', 'nu', 'female', 'F'].map(parseSex)).toEqual(Array(5).fill('female'));
    expect(parseSex('Khác')).toBeUndefined();
  });

  it('normalises ID digits without inventing any', () => {
    expect(normalizeIdDigits(' 012,345,678 ')).toBe('012345678');
    expect(normalizeIdDigits('abc')).toBe('abc');
  });
});

describe('born-abroad codes', () => {
  it('has 195 contiguous codes 101-295', () => {
    expect(COUNTRIES).toHaveLength(195);
    expect(COUNTRIES[0]?.code).toBe('101');
    expect(COUNTRIES.at(-1)?.code).toBe('295');
    COUNTRIES.forEach((c, i) => expect(Number(c.code)).toBe(101 + i));
  });

  it('uses the range as the rule', () => {
    expect(isBornAbroadCode('101')).toBe(true);
    expect(isBornAbroadCode('295')).toBe(true);
    expect(isBornAbroadCode('100')).toBe(false);
    expect(isBornAbroadCode('296')).toBe(false);
    expect(isBornAbroadCode('1a1')).toBe(false);
    expect(countryByIdCode('279')?.name).toBe('Trung Quốc');
  });
});

describe('CMND', () => {
  it('classifies legacy ID cells', () => {
    expect(classifyLegacyId('012 345 678')).toEqual({ kind: 'cmnd', digits: '012345678' });
    expect(classifyLegacyId('001090012345')).toEqual({ kind: 'personal-id', digits: '001090012345' });
    expect(classifyLegacyId('12345')).toEqual({ kind: 'other', digits: '12345' });
  });

  it('restores a dropped zero of 8 digits only', () => {
    expect(restoreCmndLeadingZero('12345678')).toBe('012345678');
    expect(restoreCmndLeadingZero('02345678')).toBeUndefined();
    expect(restoreCmndLeadingZero('123456789')).toBeUndefined();
  });

  it('ends CMND validity on 31 Dec 2024', () => {
    expect(CMND_LAST_VALID_DAY).toBe(dayNumber(2024, 12, 31));
  });
});
