// Char-code scans that decide the usual Vietnamese name (NFC letters, single spaces, already in
// the column's case) without normalize(), split(), regexes or a Map lookup per word. They only
// ever answer for names made of PLAIN characters; anything else goes to the general functions in
// names.ts, which stay the reference (test/vn/name-scan.test.ts runs both on the same inputs).

import { VIETNAMESE_VOWELS } from './names.js';

// PLAIN characters: ASCII letters, Đ/đ, the 144 toned and plain vowels, space, hyphen, apostrophes.
// Each is NFC on its own, none combines with another (none is a combining mark), and each lower-
// and upper-cases (Vietnamese locale) to one code unit, so a string of them is NFC and cases unit
// by unit. The table is built from the same predicates and checked for all that, not assumed.
const PLAIN = 1;
const LETTER = 2;
/** Starts a new title-case part after it (names.ts PART_START: white space, hyphen, apostrophes). */
const PART_SEPARATOR = 4;
const TABLE_SIZE = 0x2020; // through U+2019 ’
const FLAGS = new Uint8Array(TABLE_SIZE);
const LOWER = new Uint16Array(TABLE_SIZE);
const UPPER = new Uint16Array(TABLE_SIZE);

(() => {
  const candidates = ["'", '-', ' ', '\u2019', 'Đ', 'đ', ...VIETNAMESE_VOWELS];
  for (let c = 0x41; c <= 0x5a; c++) candidates.push(String.fromCharCode(c), String.fromCharCode(c + 32));
  for (const ch of candidates) {
    const code = ch.charCodeAt(0);
    const lower = ch.toLocaleLowerCase('vi');
    const upper = ch.toLocaleUpperCase('vi');
    if (ch.length !== 1 || code >= TABLE_SIZE || ch.normalize('NFC') !== ch || lower.length !== 1 || upper.length !== 1) continue;
    const letter = /\p{L}/u.test(ch);
    FLAGS[code] = PLAIN | (letter ? LETTER : 0) | (/[\s\-'’]/.test(ch) ? PART_SEPARATOR : 0);
    LOWER[code] = lower.charCodeAt(0);
    UPPER[code] = upper.charCodeAt(0);
  }
})();

/** Whether every unit of `name` is PLAIN (then it is NFC and holds no digit, invalid or look-alike letter). */
export function isPlainName(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= TABLE_SIZE || (FLAGS[c]! & PLAIN) === 0) return false;
  }
  return true;
}

/**
 * For a PLAIN name: whether it equals its title case (names.ts titleCaseVi: lower case, then the
 * first letter of each part upper case), decided unit by unit.
 */
export function isPlainTitleCase(name: string): boolean {
  let partStart = true;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    const flags = FLAGS[c]!;
    if (flags & LETTER) {
      const lower = LOWER[c]!;
      if ((partStart ? UPPER[lower]! : lower) !== c) return false;
    }
    partStart = (flags & PART_SEPARATOR) !== 0;
  }
  return true;
}

/** For a PLAIN name: whether it equals its upper case. */
export function isPlainUpperCase(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (UPPER[c] !== c) return false;
  }
  return true;
}

const THI = [0x74, 0x68, 0x1ecb]; // thị
const VAN = [0x76, 0x103, 0x6e]; // văn

/**
 * names.ts middleNameAgainstSex for a PLAIN name: the first middle word (not the first or the last
 * word) that lower-cases to 'thị' (a man) or 'văn' (a woman), as written, or null. In a PLAIN name
 * the only white space is the space, so words are the runs between spaces.
 */
export function plainMiddleNameAgainstSex(name: string, sex: 'male' | 'female'): string | null {
  const wanted = sex === 'male' ? THI : VAN;
  const length = name.length;
  let words = 0;
  let i = 0;
  // The first word is never a middle word, and neither is the last; a candidate is only returned
  // once another word is seen after it.
  let candidateStart = -1;
  while (i < length) {
    while (i < length && name.charCodeAt(i) === 0x20) i++;
    if (i >= length) break;
    const start = i;
    while (i < length && name.charCodeAt(i) !== 0x20) i++;
    if (candidateStart >= 0) return name.slice(candidateStart, candidateStart + 3);
    words++;
    if (words > 1 && i - start === 3 && LOWER[name.charCodeAt(start)] === wanted[0] && LOWER[name.charCodeAt(start + 1)] === wanted[1] && LOWER[name.charCodeAt(start + 2)] === wanted[2]) {
      candidateStart = start;
    }
  }
  return null;
}

/**
 * isPlainName and the case test (isPlainTitleCase, isPlainUpperCase, none for 'any') of the text
 * whose UTF-8 is bytes[start, end), read from the bytes: true when the name is PLAIN and in that
 * case. PLAIN characters are all below U+2020, so one to three bytes each; any other sequence
 * (malformed or not) answers false.
 */
export function isPlainNameInCase(bytes: Uint8Array, start: number, end: number, wantedCase: 'title' | 'upper' | 'any'): boolean {
  let partStart = true;
  for (let p = start; p < end; ) {
    const b0 = bytes[p]!;
    let c: number;
    if (b0 < 0x80) {
      c = b0;
      p++;
    } else if (b0 >= 0xc2 && b0 < 0xe0 && p + 1 < end && (bytes[p + 1]! & 0xc0) === 0x80) {
      c = ((b0 & 0x1f) << 6) | (bytes[p + 1]! & 0x3f);
      p += 2;
    } else if (b0 >= 0xe1 && b0 <= 0xe2 && p + 2 < end && (bytes[p + 1]! & 0xc0) === 0x80 && (bytes[p + 2]! & 0xc0) === 0x80) {
      // E1 and E2 lead U+1000–U+2FFF, where no overlong form or surrogate can be.
      c = ((b0 & 0x0f) << 12) | ((bytes[p + 1]! & 0x3f) << 6) | (bytes[p + 2]! & 0x3f);
      p += 3;
    } else {
      return false;
    }
    if (c >= TABLE_SIZE) return false;
    const flags = FLAGS[c]!;
    if ((flags & PLAIN) === 0) return false;
    if (flags & LETTER) {
      if (wantedCase === 'title') {
        const lower = LOWER[c]!;
        if ((partStart ? UPPER[lower]! : lower) !== c) return false;
      } else if (wantedCase === 'upper' && UPPER[c] !== c) return false;
    }
    partStart = (flags & PART_SEPARATOR) !== 0;
  }
  return true;
}
