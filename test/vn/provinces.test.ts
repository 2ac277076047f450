import { describe, expect, it } from 'vitest';
import {
  findProvince,
  hasProvincePrefix,
  ID_PROVINCE_CODES,
  idCodesForPlace,
  isOfficialSpelling,
  newProvinceByCode,
  newProvinceOf,
  oldProvinceByCode,
  PROVINCES_2025,
  PROVINCES_PRE_2025,
  provinceByIdCode,
  provinceKey,
  sameNameForm,
  toneNeutral,
} from '../../src/vn/provinces.js';

describe('province tables', () => {
  it('has 63 provinces before 2025 (57 tỉnh + 6 thành phố) and 34 after (28 + 6)', () => {
    expect(PROVINCES_PRE_2025).toHaveLength(63);
    expect(PROVINCES_PRE_2025.filter((p) => p.type === 'Thành phố')).toHaveLength(6);
    expect(PROVINCES_2025).toHaveLength(34);
    expect(PROVINCES_2025.filter((p) => p.type === 'Thành phố')).toHaveLength(6);
    expect(new Set(PROVINCES_PRE_2025.map((p) => p.code)).size).toBe(63);
  });

  it('has 63 ID province codes, each 0 + the GSO code', () => {
    expect(ID_PROVINCE_CODES.size).toBe(63);
    for (const p of PROVINCES_PRE_2025) expect(p.idCode).toBe(`0${p.code}`);
    expect(ID_PROVINCE_CODES.has('003')).toBe(false);
    expect(ID_PROVINCE_CODES.has('097')).toBe(false);
  });

  it('merges every old province into exactly one new province, keeping one member code', () => {
    const merged = PROVINCES_2025.flatMap((p) => p.mergedFrom);
    expect(merged).toHaveLength(63);
    expect(new Set(merged).size).toBe(63);
    for (const p of PROVINCES_2025) expect(p.mergedFrom).toContain(p.code);
    expect(PROVINCES_2025.filter((p) => p.mergedFrom.length === 1)).toHaveLength(11);
  });

  it('maps old provinces to new ones', () => {
    expect(newProvinceOf(oldProvinceByCode('15')!).name).toBe('Lào Cai');
    expect(newProvinceOf(oldProvinceByCode('24')!).name).toBe('Bắc Ninh');
    expect(newProvinceOf(oldProvinceByCode('77')!).name).toBe('Hồ Chí Minh');
    expect(newProvinceOf(oldProvinceByCode('93')!).code).toBe('92');
    expect(newProvinceByCode('68')!.mergedFrom).toEqual(['60', '67', '68']);
    expect(newProvinceByCode('02')).toBeUndefined();
  });

  it('looks up ID codes', () => {
    expect(provinceByIdCode('001')!.name).toBe('Hà Nội');
    expect(provinceByIdCode('079')!.name).toBe('Hồ Chí Minh');
    expect(provinceByIdCode('046')!.code).toBe('46');
    expect(provinceByIdCode('101')).toBeUndefined();
  });
});

describe('province names', () => {
  it('folds away prefixes, case, diacritics and tone placement', () => {
    expect(provinceKey('Tỉnh Hoà Bình')).toBe('hoabinh');
    expect(provinceKey('HÒA BÌNH')).toBe('hoabinh');
    expect(provinceKey('Thành phố Hồ Chí Minh')).toBe('hochiminh');
    expect(provinceKey('TP.HCM')).toBe('hcm');
    expect(provinceKey('TP Cần Thơ')).toBe('cantho');
    expect(provinceKey('T. Hà Nam')).toBe('hanam');
    expect(provinceKey('Thanh Hóa')).toBe('thanhhoa');
    expect(provinceKey('Tây Ninh')).toBe('tayninh');
  });

  it('finds provinces in either list, spelling variants included', () => {
    expect(findProvince('pre-2025', 'Bắc Cạn')).toMatchObject({ code: '06', name: 'Bắc Kạn', variant: true });
    expect(findProvince('pre-2025', 'Thừa Thiên - Huế')).toMatchObject({ code: '46', name: 'Thừa Thiên Huế', type: 'Tỉnh' });
    expect(findProvince('pre-2025', 'Huế')).toMatchObject({ code: '46', name: 'Huế', type: 'Thành phố' });
    expect(findProvince('pre-2025', 'Bà Rịa Vũng Tàu')?.code).toBe('77');
    expect(findProvince('pre-2025', 'Kontum')?.code).toBe('62');
    expect(findProvince('post-2025', 'tphcm')?.code).toBe('79');
    expect(findProvince('post-2025', 'Yên Bái')).toBeUndefined();
    expect(findProvince('post-2025', 'Thừa Thiên Huế')).toBeUndefined();
    expect(findProvince('pre-2025', 'Hà Tây')).toBeUndefined();
  });

  it('tells official spellings, with either tone placement', () => {
    expect(isOfficialSpelling('pre-2025', 'Hoà Bình')).toBe(true);
    expect(isOfficialSpelling('pre-2025', 'Hòa Bình')).toBe(true);
    expect(isOfficialSpelling('pre-2025', 'Tỉnh Thừa Thiên Huế')).toBe(true);
    expect(isOfficialSpelling('post-2025', 'Thành phố Huế')).toBe(true);
    expect(isOfficialSpelling('pre-2025', 'Tỉnh Hà Nội')).toBe(false);
    expect(isOfficialSpelling('pre-2025', 'HÀ NỘI')).toBe(false);
    expect(isOfficialSpelling('post-2025', 'Thừa Thiên Huế')).toBe(false);
  });

  it('compares tone placement, case and prefixes only', () => {
    expect(toneNeutral('Hoà')).toBe(toneNeutral('Hòa'));
    expect(toneNeutral('Thuỷ')).toBe(toneNeutral('Thủy'));
    expect(toneNeutral('Hoà')).not.toBe(toneNeutral('Hoa'));
    expect(sameNameForm('TP. HỒ CHÍ MINH', 'Hồ Chí Minh')).toBe(true);
    expect(sameNameForm('tỉnh khánh hoà', 'Khánh Hòa')).toBe(true);
    expect(sameNameForm('Bà Rịa-Vũng Tàu', 'Bà Rịa - Vũng Tàu')).toBe(true);
    expect(sameNameForm('Ha Noi', 'Hà Nội')).toBe(false);
    expect(hasProvincePrefix('TP.HCM')).toBe(true);
    expect(hasProvincePrefix('Thanh Hóa')).toBe(false);
    expect(hasProvincePrefix('Tây Ninh')).toBe(false);
  });

  it('gives the ID codes a place of birth registration stands for, through the merge map', () => {
    expect([...idCodesForPlace('Hà Nội')!]).toEqual(['001']);
    expect([...idCodesForPlace('Yên Bái')!]).toEqual(['015']);
    // both an old name (010) and the 2025 province that took in Yên Bái (015)
    expect([...idCodesForPlace('Lào Cai')!].sort()).toEqual(['010', '015']);
    expect([...idCodesForPlace('Thành phố Hồ Chí Minh')!].sort()).toEqual(['074', '077', '079']);
    expect([...idCodesForPlace('Xã Tân Hiệp, Huyện Phú Giáo, Tỉnh Bình Dương')!]).toEqual(['074']);
    expect(idCodesForPlace('Nhật Bản')).toBeUndefined();
  });
});
