// Vietnamese personal names: which characters they may hold and how they are cased.
// Source: ../shared/domain/vn-reference.md §4.3 (họ – chữ đệm – tên; letters incl. every toned
// vowel and Đ/đ, space, apostrophe for minority names, hyphen; one case per column, title case per
// syllable; Thị/Văn against sex is a weak, UNVERIFIED heuristic) and §4.1 (Đ look-alikes).

import { isVietnameseSyllable } from './legacy-encoding.js';
import { parseSex } from './personal-id.js';

const TONE_MARKS = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];

/** Every Vietnamese vowel with every tone, lower and upper case, NFC: 12 × 6 × 2 = 144 letters. */
export const VIETNAMESE_VOWELS: ReadonlySet<string> = (() => {
  const set = new Set<string>();
  for (const vowel of 'aăâeêioôơuưy') {
    for (const mark of TONE_MARKS) {
      const letter = (vowel + mark).normalize('NFC');
      set.add(letter);
      set.add(letter.toUpperCase());
    }
  }
  return set;
})();

/** A letter of a Vietnamese name: a toned or plain vowel, Đ/đ, or an ASCII letter (f j w z in minority and foreign names). */
export function isVietnameseNameLetter(ch: string): boolean {
  return /^[A-Za-z]$/.test(ch) || ch === 'Đ' || ch === 'đ' || VIETNAMESE_VOWELS.has(ch);
}

/** Letters that look like Đ/đ but are not (§4.1): Ð U+00D0 is CP1258's 0xD0 read as CP1252. */
export const D_CONFUSABLES: ReadonlyMap<string, string> = new Map([
  ['\u00d0', 'Đ'],
  ['\u00f0', 'đ'],
  ['\u0189', 'Đ'],
  ['\u0256', 'đ'],
]);

/** Separators inside a name after which a new capital starts: space, hyphen, apostrophe (H'Mông, Y-Moan). */
const PART_START = /(^|[\s\-'’])(\p{L})/gu;

/**
 * Title case per syllable, Vietnamese-aware: 'NGUYỄN VĂN AN' → 'Nguyễn Văn An',
 * 'đặng thị ánh' → 'Đặng Thị Ánh', "h'hen niê" → "H'Hen Niê". The input is read as NFC.
 */
export function titleCaseVi(name: string): string {
  return name
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .replace(PART_START, (_, sep: string, letter: string) => sep + letter.toLocaleUpperCase('vi'));
}

export type NameCase = 'title' | 'upper' | 'lower' | 'mixed';

/** The case style of a name; a name with no cased letter counts as title case. */
export function nameCase(name: string): NameCase {
  const nfc = name.normalize('NFC');
  const upper = nfc.toLocaleUpperCase('vi');
  const lower = nfc.toLocaleLowerCase('vi');
  if (nfc === titleCaseVi(nfc)) return 'title';
  if (nfc === upper) return 'upper';
  if (nfc === lower) return 'lower';
  return 'mixed';
}

export interface NameParts {
  family: string;
  middle: string[];
  given: string;
}

/**
 * Splits a full name into họ, chữ đệm, tên by position. A suggestion only (§4.3): double family
 * names (Nguyễn Phạm …) and some minority names do not follow the pattern.
 */
export function splitFullName(name: string): NameParts | null {
  const words = name.normalize('NFC').trim().split(/\s+/).filter((w) => w.length > 0);
  if (words.length < 2) return null;
  return { family: words[0] as string, middle: words.slice(1, -1), given: words[words.length - 1] as string };
}

/** The sex a value of a sex column means, or null when it is not one of the usual words. */
export function sexOf(value: string): 'male' | 'female' | null {
  return parseSex(value) ?? null;
}

/**
 * The chữ đệm that usually goes with the other sex: 'Thị' for a man, 'Văn' for a woman, or null.
 * UNVERIFIED and weak (§4.3): both occur with either sex, so callers report it as a hint only.
 */
export function middleNameAgainstSex(fullName: string, sex: 'male' | 'female'): string | null {
  const parts = splitFullName(fullName);
  if (!parts) return null;
  const wanted = sex === 'male' ? 'thị' : 'văn';
  const found = parts.middle.find((w) => w.toLocaleLowerCase('vi') === wanted);
  return found ?? null;
}

// Onsets of standard Vietnamese spelling (§4.1). The syllable model in legacy-encoding.ts accepts any
// short cluster because minority names have Kp, Ml, Hr …; a name word with another onset (Vvy,
// Dduy, Ntân) is far more often a typing slip than a real name.
const STANDARD_ONSET = /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?[aeiouy]/;
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** A well-formed Vietnamese syllable with a standard onset: 'Nam', 'Nguyễn', 'Ngọc'; not 'Nm', 'Namm', 'Vvy'. */
export function isStandardSyllable(word: string): boolean {
  if (!isVietnameseSyllable(word)) return false;
  return STANDARD_ONSET.test(word.toLowerCase().normalize('NFD').replace(COMBINING_MARKS, ''));
}
