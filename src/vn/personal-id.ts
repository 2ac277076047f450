// The 12-digit personal identification number (số định danh cá nhân): `PPP G YY RRRRRR`, no check
// digit (vn-reference.md §1.1; Decree 137/2015/NĐ-CP Art. 13, Circular 07/2016/TT-BCA, Circular
// 59/2021/TT-BCA). Pure functions: the checks, dedupe and the generator share them.

import { memoize } from '../shared/memo.js';
import { isAsciiDigits } from '../shared/text.js';
import { foldText } from './fold.js';
import { countryByIdCode, isBornAbroadCode, type Country } from './countries.js';
import { provinceByIdCode, type OldProvince } from './provinces.js';

export type Sex = 'male' | 'female';

/** Where digits 1-3 say the birth was registered. */
export type IdPlace =
  | { readonly kind: 'province'; readonly province: OldProvince }
  /** 101-295; the country is the UNVERIFIED digitisation's (information only). */
  | { readonly kind: 'abroad'; readonly country: Country | undefined }
  /** `000`, said to mean Việt Nam by one unconfirmed source (§1.4): neither valid nor invalid. */
  | { readonly kind: 'unconfirmed' }
  | { readonly kind: 'invalid' };

export interface PersonalId {
  /** The 12 digits. */
  readonly digits: string;
  /** Digits 1-3. */
  readonly placeCode: string;
  readonly place: IdPlace;
  /** Digit 4: century and sex (0/1 1900s male/female, 2/3 2000s … 8/9 2300s). */
  readonly centuryDigit: number;
  readonly sex: Sex;
  readonly birthYear: number;
  /** Digits 7-12, a random range. */
  readonly serial: string;
}

// Written between digit groups, or left over by copy and paste: spaces (NBSP included), dots,
// commas (a numeric cell shown with thousands separators), dashes, soft hyphens, zero-width characters.
const SEPARATORS = /[\s\u00a0\u00ad\u200b-\u200d\u2060\ufeff.,\-\u2010-\u2015]/g;
const FULL_WIDTH_DIGIT = /[\uff10-\uff19]/g;
// A number exported as a float: `1090012345.0`.
const FLOAT_TAIL = /^(\d{8,})[.,]0+$/;
const SCIENTIFIC = /^[+]?\d+(?:[.,]\d+)?e\+?\d+$/i;

/** The text without separators and with full-width digits made ASCII; digits only if it was an ID. */
export function normalizeIdDigits(text: string): string {
  if (isAsciiDigits(text)) return text; // already only digits: nothing below would change it
  const ascii = text.replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48)).trim();
  const float = FLOAT_TAIL.exec(ascii);
  return float ? (float[1] as string) : ascii.replace(SEPARATORS, '');
}

/** `1.23457E+11`: a spreadsheet showed the number in scientific notation and the digits are lost. */
export function isScientificNotation(text: string): boolean {
  if (isAsciiDigits(text)) return false; // no exponent mark
  return SCIENTIFIC.test(text.trim());
}

/** The place code of digits 1-3. */
export function idPlace(code: string): IdPlace {
  return code.length === 3 && isAsciiDigits(code) ? (PLACE_BY_CODE[Number(code)] as IdPlace) : placeOfCode(code);
}

function placeOfCode(code: string): IdPlace {
  const province = provinceByIdCode(code);
  if (province) return { kind: 'province', province };
  if (isBornAbroadCode(code)) return { kind: 'abroad', country: countryByIdCode(code) };
  if (code === '000') return { kind: 'unconfirmed' };
  return { kind: 'invalid' };
}

// The place of each of the 1,000 three-digit codes, decided once (the objects are read-only):
// decoding an ID then makes no place object and looks up no Map.
const PLACE_BY_CODE: readonly IdPlace[] = Array.from({ length: 1000 }, (_, n) => placeOfCode(String(n).padStart(3, '0')));

/** Decodes 12 digits (the caller has checked the shape). */
export function decodePersonalId(digits: string): PersonalId {
  if (digits.length === 12 && isAsciiDigits(digits)) {
    // The same fields as below, read from the char codes.
    const centuryDigit = digits.charCodeAt(3) - 48;
    return {
      digits,
      placeCode: digits.slice(0, 3),
      place: PLACE_BY_CODE[(digits.charCodeAt(0) - 48) * 100 + (digits.charCodeAt(1) - 48) * 10 + digits.charCodeAt(2) - 48] as IdPlace,
      centuryDigit,
      sex: centuryDigit % 2 === 0 ? 'male' : 'female',
      birthYear: 1900 + 100 * Math.floor(centuryDigit / 2) + (digits.charCodeAt(4) - 48) * 10 + digits.charCodeAt(5) - 48,
      serial: digits.slice(6),
    };
  }
  const placeCode = digits.slice(0, 3);
  const centuryDigit = Number(digits[3]);
  return {
    digits,
    placeCode,
    place: idPlace(placeCode),
    centuryDigit,
    sex: centuryDigit % 2 === 0 ? 'male' : 'female',
    birthYear: 1900 + 100 * Math.floor(centuryDigit / 2) + Number(digits.slice(4, 6)),
    serial: digits.slice(6),
  };
}

/**
 * Normalises (separators, full-width digits) and decodes a personal ID number; null when the text
 * is not 12 digits. Decoding says nothing of validity: see `place.kind` and `birthYear`.
 */
export function parsePersonalId(text: string): PersonalId | null {
  const digits = normalizeIdDigits(text);
  return digits.length === 12 && isAsciiDigits(digits) ? decodePersonalId(digits) : null;
}

/** The structural rules of §1.7 (1-3) for a decoded ID, judged in a year. */
export function isStructurallyValid(id: PersonalId, asOfYear: number): boolean {
  return (id.place.kind === 'province' || id.place.kind === 'abroad') && id.birthYear <= asOfYear;
}

/**
 * The 12 digits a number stripped of its leading zeros stood for: Excel reads `001090012345` as the
 * number 1090012345. Undefined unless the digits are 10 or 11 long, did not start with 0 (a text
 * cell keeps its zeros) and the padded number has a province code.
 */
export function restoreLeadingZeros(digits: string): string | undefined {
  if (!/^[1-9]\d{9,10}$/.test(digits)) return undefined;
  const padded = digits.padStart(12, '0');
  return provinceByIdCode(padded.slice(0, 3)) ? padded : undefined;
}

const SEX_WORDS: ReadonlyMap<string, Sex> = new Map([
  ['nam', 'male'],
  ['nu', 'female'],
  ['male', 'male'],
  ['female', 'female'],
  ['m', 'male'],
  ['f', 'female'],
]);

/**
 * A sex column's value ('Nam'/'Nữ', folded; also male/female, M/F); undefined when unrecognised.
 * A sex column holds a handful of distinct values: each is folded once.
 */
const parseSexFolded = memoize((text) => SEX_WORDS.get(foldText(text)), 1_000);
export function parseSex(text: string): Sex | undefined {
  // The two canonical spellings (NFC) are most cells: no lookup, no string hash.
  if (text === 'Nam') return 'male';
  if (text === 'Nữ') return 'female';
  return parseSexFolded(text);
}
