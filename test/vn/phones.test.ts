import { describe, expect, it } from 'vitest';
import {
  LANDLINE_AREA_CODES,
  MOBILE_PREFIXES,
  PREFIX_CONVERSION_2018,
  convertOldMobile,
  landlineAreaCode,
  mobileCarrier,
  normalizePhone,
  splitPhones,
  toE164,
} from '../../src/vn/phones.js';

describe('phone tables', () => {
  it('has 36 current mobile prefixes, all distinct, all 0 + 2 digits', () => {
    expect(MOBILE_PREFIXES).toHaveLength(36);
    expect(new Set(MOBILE_PREFIXES.map((p) => p.prefix)).size).toBe(36);
    for (const p of MOBILE_PREFIXES) expect(p.prefix).toMatch(/^0[3-9]\d$/);
  });

  it('agrees with the mobile pattern of the reference (§8)', () => {
    const pattern = /^0(3[2-9]|5[25689]|7[06-9]|8[1-9]|9[0-46-9])$/;
    for (let n = 0; n < 100; n++) {
      const prefix = `0${String(n).padStart(2, '0')}`;
      expect(mobileCarrier(prefix) !== undefined, prefix).toBe(pattern.test(prefix));
    }
  });

  it('has 21 conversions of 2018, each to a current prefix', () => {
    expect(PREFIX_CONVERSION_2018.size).toBe(21);
    for (const [old, now] of PREFIX_CONVERSION_2018) {
      expect(old).toMatch(/^01\d{2}$/);
      expect(mobileCarrier(now), `${old}→${now}`).toBeDefined();
    }
    expect(PREFIX_CONVERSION_2018.get('0169')).toBe('039');
    expect(PREFIX_CONVERSION_2018.get('0120')).toBe('070');
    expect(PREFIX_CONVERSION_2018.get('0199')).toBe('059');
  });

  it('keeps the carrier across the conversion', () => {
    expect(mobileCarrier('039')).toBe('Viettel');
    expect(mobileCarrier('079')).toBe('MobiFone');
    expect(mobileCarrier('083')).toBe('VinaPhone');
    expect(mobileCarrier('056')).toBe('Vietnamobile');
    expect(mobileCarrier('059')).toBe('Gmobile');
    expect(mobileCarrier('087')).toBe('iTel (Indochina Telecom)');
    expect(mobileCarrier('095')).toBeUndefined();
  });

  it('has 63 landline area codes, one per old province, 024 and 028 the only short ones', () => {
    expect(LANDLINE_AREA_CODES.size).toBe(63);
    expect(new Set(LANDLINE_AREA_CODES.values()).size).toBe(63);
    const short = [...LANDLINE_AREA_CODES.keys()].filter((c) => c.length === 3).sort();
    expect(short).toEqual(['024', '028']);
    for (const code of LANDLINE_AREA_CODES.keys()) expect(code).toMatch(/^02\d{1,2}$/);
    expect(LANDLINE_AREA_CODES.get('024')).toBe('Hà Nội');
    expect(LANDLINE_AREA_CODES.get('028')).toBe('Tp. Hồ Chí Minh');
    expect(LANDLINE_AREA_CODES.get('0236')).toBe('Đà Nẵng');
  });

  it('finds the area code of a landline', () => {
    expect(landlineAreaCode('02438253456')).toBe('024');
    expect(landlineAreaCode('02363822123')).toBe('0236');
    expect(landlineAreaCode('02012345678')).toBeUndefined();
  });

  it('converts pre-2018 mobile numbers, keeping the last 7 digits', () => {
    expect(convertOldMobile('01695678945')).toBe('0395678945');
    expect(convertOldMobile('01223456789')).toBe('0773456789');
    expect(convertOldMobile('01301234567')).toBeNull();
    expect(convertOldMobile('0169567894')).toBeNull();
  });
});

describe('normalizePhone', () => {
  const cases: [string, string, string[]][] = [
    ['0912345678', '0912345678', []],
    ['0912 345 678', '0912345678', ['separators']],
    ['0912.345.678', '0912345678', ['separators']],
    ['(024) 3825 3456', '02438253456', ['separators']],
    ['\uff10\uff19\uff18\uff17\uff16\uff15\uff14\uff13\uff12\uff11', '0987654321', ['separators']],
    ["'0912345678", '0912345678', ['separators']],
    ['+84912345678', '0912345678', ['country-code']],
    ['84912345678', '0912345678', ['country-code']],
    ['0084 912 345 678', '0912345678', ['separators', 'country-code']],
    ['+84 (0) 912 345 678', '0912345678', ['separators', 'country-code', 'trunk-zero']],
    ['+842438253456', '02438253456', ['country-code']],
    ['01695678945', '0395678945', ['converted-2018']],
    ['+841695678945', '0395678945', ['country-code', 'converted-2018']],
    ['912345678', '0912345678', ['leading-zero']],
    ['2438253456', '02438253456', ['leading-zero']],
    ['1695678945', '0395678945', ['leading-zero', 'converted-2018']],
  ];
  for (const [text, national, changes] of cases) {
    it(`reads ${JSON.stringify(text)} as ${national}`, () => {
      const phone = normalizePhone(text);
      expect(phone.ok && phone.national).toBe(national);
      expect(phone.changes).toEqual(changes);
    });
  }

  it('tells mobile from landline and names the carrier or province', () => {
    expect(normalizePhone('0867123456')).toMatchObject({ ok: true, kind: 'mobile', owner: 'Viettel', prefix: '086' });
    expect(normalizePhone('02363822123')).toMatchObject({ ok: true, kind: 'landline', owner: 'Đà Nẵng', prefix: '0236' });
    expect(normalizePhone('01223456789')).toMatchObject({ ok: true, prefix: '077', oldPrefix: '0122', owner: 'MobiFone' });
  });

  const problems: [string, string, string?][] = [
    ['abc', 'format'],
    ['0912345678 ext 12', 'format'],
    ['0912345678/0987654321', 'format'],
    ['+1 415 555 0100', 'foreign'],
    ['0033612345678', 'foreign'],
    ['+0912345678', 'format'],
    ['0000000000', 'unknown-prefix', '000'],
    ['091234567', 'length'],
    ['09123456789', 'length'],
    ['0241234567', 'length'],
    ['12345', 'length'],
    ['0412345678', 'unknown-prefix', '041'],
    ['0951234567', 'unknown-prefix', '095'],
    ['01301234567', 'unknown-prefix', '0130'],
    ['02012345678', 'unknown-prefix', '0201'],
  ];
  for (const [text, problem, prefix] of problems) {
    it(`refuses ${JSON.stringify(text)}: ${problem}`, () => {
      const phone = normalizePhone(text);
      expect(phone.ok).toBe(false);
      if (!phone.ok) {
        expect(phone.problem).toBe(problem);
        expect(phone.prefix).toBe(prefix);
      }
    });
  }
});

describe('toE164 and splitPhones', () => {
  it('writes E.164 without the trunk 0', () => {
    expect(toE164('0912345678')).toBe('+84912345678');
    expect(toE164('02438253456')).toBe('+842438253456');
  });

  it('finds two or more numbers in one cell', () => {
    expect(splitPhones('0912345678; 0987654321')).toEqual(['0912345678', '0987654321']);
    expect(splitPhones('0912345678 / 0987654321')).toEqual(['0912345678', '0987654321']);
    expect(splitPhones('0912345678 0987654321')).toEqual(['0912345678', '0987654321']);
    expect(splitPhones('0912345678 và 0983 456 789')).toEqual(['0912345678', '0983456789']);
    expect(splitPhones('0912 345 678')).toBeNull();
    expect(splitPhones('0912345678, abc')).toBeNull();
    expect(splitPhones('0912345678')).toBeNull();
  });
});
