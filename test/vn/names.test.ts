import { describe, expect, it } from 'vitest';
import {
  D_CONFUSABLES,
  VIETNAMESE_VOWELS,
  isVietnameseNameLetter,
  middleNameAgainstSex,
  nameCase,
  sexOf,
  splitFullName,
  titleCaseVi,
} from '../../src/vn/names.js';

describe('Vietnamese letters', () => {
  it('has 12 vowels × 6 tones × 2 cases, all single NFC code points', () => {
    expect(VIETNAMESE_VOWELS.size).toBe(144);
    for (const v of VIETNAMESE_VOWELS) expect([...v]).toHaveLength(1);
    for (const v of ['ễ', 'Ự', 'ỵ', 'Ỷ', 'ặ', 'Ằ', 'ở', 'a', 'Y']) expect(VIETNAMESE_VOWELS.has(v)).toBe(true);
  });

  it('accepts Vietnamese and ASCII letters, not look-alikes or other scripts', () => {
    for (const ch of ['Đ', 'đ', 'ư', 'Ơ', 'f', 'J', 'w', 'z']) expect(isVietnameseNameLetter(ch)).toBe(true);
    for (const ch of ['Ð', 'ð', 'ö', 'ñ', '1', ' ', '-', '阮', 'Н']) expect(isVietnameseNameLetter(ch)).toBe(false);
    expect(D_CONFUSABLES.get('Ð')).toBe('Đ');
  });
});

describe('titleCaseVi', () => {
  it('capitalises each syllable, also after hyphen and apostrophe', () => {
    expect(titleCaseVi('NGUYỄN VĂN AN')).toBe('Nguyễn Văn An');
    expect(titleCaseVi('đặng thị ánh')).toBe('Đặng Thị Ánh');
    expect(titleCaseVi("KSOR H'HEN")).toBe("Ksor H'Hen");
    expect(titleCaseVi('y-moan niê')).toBe('Y-Moan Niê');
    expect(titleCaseVi('ưng hoàng phúc')).toBe('Ưng Hoàng Phúc');
  });

  it('returns NFC', () => {
    expect(titleCaseVi('NGUYỄN'.normalize('NFD'))).toBe('Nguyễn');
  });
});

describe('nameCase', () => {
  it('classifies the case style', () => {
    expect(nameCase('Nguyễn Văn An')).toBe('title');
    expect(nameCase('NGUYỄN VĂN AN')).toBe('upper');
    expect(nameCase('nguyễn văn an')).toBe('lower');
    expect(nameCase('NguyỄn văn An')).toBe('mixed');
  });
});

describe('splitFullName and the middle-name hint', () => {
  it('splits by position', () => {
    expect(splitFullName(' Nguyễn  Phạm Thuỳ Dương ')).toEqual({ family: 'Nguyễn', middle: ['Phạm', 'Thuỳ'], given: 'Dương' });
    expect(splitFullName('Lan')).toBeNull();
  });

  it('reads the usual sex words', () => {
    expect(sexOf('Nam')).toBe('male');
    expect(sexOf(' NỮ ')).toBe('female');
    expect(sexOf('F')).toBe('female');
    expect(sexOf('1')).toBeNull();
  });

  it('finds Thị for a man and Văn for a woman, only as a middle name', () => {
    expect(middleNameAgainstSex('Nguyễn Thị Hoa', 'male')).toBe('Thị');
    expect(middleNameAgainstSex('Nguyễn Thị Hoa', 'female')).toBeNull();
    expect(middleNameAgainstSex('Trần Văn Lan', 'female')).toBe('Văn');
    expect(middleNameAgainstSex('Lê Thị', 'male')).toBeNull();
    expect(middleNameAgainstSex('Nguyễn Thi Hoa', 'male')).toBeNull();
  });
});
