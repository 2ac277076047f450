// String and date similarity for same-person matching. Names are compared syllable by syllable
// after folding (../shared/domain/vn-reference.md §4.1–4.3): NFC and NFD, diacritics and the
// tone-mark placement (Hoà/Hòa) must not make two spellings of one name differ.

import { foldText } from '../../vn/fold.js';

/**
 * Jaro-Winkler similarity (Winkler 1990): Jaro plus a bonus of 0.1 per common leading character
 * (at most 4). 1 for equal strings, 0 when nothing matches; two empty strings are equal.
 */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  // Names are short: a 32-bit mask per side avoids allocating flag arrays for every pair.
  if (la > 32 || lb > 32) return jaroWinklerLong(a, b, window);
  let matchedA = 0;
  let matchedB = 0;
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    const ch = a.charCodeAt(i);
    for (let j = lo; j <= hi; j++) {
      if ((matchedB & (1 << j)) === 0 && b.charCodeAt(j) === ch) {
        matchedA |= 1 << i;
        matchedB |= 1 << j;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let j = 0;
  for (let i = 0; i < la; i++) {
    if ((matchedA & (1 << i)) === 0) continue;
    while ((matchedB & (1 << j)) === 0) j++;
    if (a.charCodeAt(i) !== b.charCodeAt(j)) transpositions++;
    j++;
  }
  return winkler(a, b, (matches / la + matches / lb + (matches - transpositions / 2) / matches) / 3);
}

function jaroWinklerLong(a: string, b: string, window: number): number {
  const flagsA = new Uint8Array(a.length);
  const flagsB = new Uint8Array(b.length);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(b.length - 1, i + window);
    for (let j = lo; j <= hi; j++) {
      if (!flagsB[j] && b.charCodeAt(j) === a.charCodeAt(i)) {
        flagsA[i] = 1;
        flagsB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    if (!flagsA[i]) continue;
    while (!flagsB[j]) j++;
    if (a.charCodeAt(i) !== b.charCodeAt(j)) transpositions++;
    j++;
  }
  return winkler(a, b, (matches / a.length + matches / b.length + (matches - transpositions / 2) / matches) / 3);
}

function winkler(a: string, b: string, jaro: number): number {
  let prefix = 0;
  const max = Math.min(4, a.length, b.length);
  while (prefix < max && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** True when one substitution, insertion, deletion or swap of two neighbours turns a into b (or they are equal). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // transposition
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

// Tone marks (huyền, sắc, hỏi, ngã, nặng); the vowel marks ˆ ˘ and the horn stay part of the letter.
const TONE_DIGIT: Readonly<Record<string, string>> = { '\u0300': '2', '\u0301': '1', '\u0309': '3', '\u0303': '4', '\u0323': '5' };
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const NOT_NAME_LETTER = /[^\p{L}\p{M}\p{N}]/gu;

/**
 * The style-neutral key of one name word (§4.1): lower case, tone mark dropped and its number
 * appended, every other mark kept. 'Hoà' and 'Hòa' (and NFD spellings) give 'hoa2'; 'Hưng' and
 * 'Hùng' stay different ('hưng', 'hung2').
 */
export function toneNeutralKey(word: string): string {
  const nfd = word.normalize('NFD').toLowerCase().replace(NOT_NAME_LETTER, '');
  let tone = '';
  const bare = nfd.replace(TONE_MARKS, (mark) => {
    tone = TONE_DIGIT[mark] ?? '';
    return '';
  });
  return bare.normalize('NFC') + tone;
}

/** One name word folded: ASCII lower case letters and digits only ('Nguyễn' → 'nguyen', "H'Hen" → 'hhen'). */
export function foldWord(word: string): string {
  return foldText(word).replace(/[^a-z0-9]/g, '');
}

export type DateAgreement = 'exact' | 'swapped' | 'one-digit' | 'one-digit-decade' | 'same-year' | 'different';

/**
 * How two dates of birth agree, as yyyymmdd integers. `swappedA`/`swappedB` mark a date that only
 * read as a date with day and month exchanged (15/25/1990 in a dd/MM column).
 */
export function compareDates(a: number, b: number, swappedA = false, swappedB = false): DateAgreement {
  if (a === b) return swappedA === swappedB ? 'exact' : 'swapped';
  const ya = Math.floor(a / 10_000);
  const yb = Math.floor(b / 10_000);
  const ma = Math.floor(a / 100) % 100;
  const mb = Math.floor(b / 100) % 100;
  const da = a % 100;
  const db = b % 100;
  if (ya === yb && ma === db && da === mb) return 'swapped';
  // One wrong key on the 8 digits: exactly one decimal position differs. A wrong decade or century
  // is told apart: it also describes a parent and a child born on the same day of the year.
  let diff = 0;
  let position = 0;
  for (let x = a, y = b, k = 0; k < 8; k++, x = Math.floor(x / 10), y = Math.floor(y / 10)) {
    if (x % 10 !== y % 10) {
      diff++;
      position = k;
    }
  }
  if (diff === 1) return position >= 5 ? 'one-digit-decade' : 'one-digit';
  return ya === yb ? 'same-year' : 'different';
}

/**
 * Whether two identifiers held as numbers differ by one digit (one wrong key). Both must have the
 * same number of digits; leading zeros count as digits (`length`).
 */
export function oneDigitOff(a: number, b: number, length: number): boolean {
  let diff = 0;
  for (let k = 0; k < length && diff <= 1; k++) {
    if (a % 10 !== b % 10) diff++;
    a = Math.floor(a / 10);
    b = Math.floor(b / 10);
  }
  return diff === 1;
}

/**
 * The levels of unordered pairs of ids (non-negative 32-bit integers), remembered in an
 * open-addressing table of typed arrays: a lookup boxes no number and allocates nothing, as a Map
 * keyed by a 52-bit pair number did (a few lookups on every candidate pair). Its table doubles from
 * a small one until it has 2 × `capacity` slots or more; once that one is half full, it starts again
 * empty (about `capacity` pairs or up to twice as many, never more).
 */
export class PairMemo {
  private lows = new Int32Array(MEMO_START);
  private highs = new Int32Array(MEMO_START);
  /** level + 1; 0 is an empty slot. */
  private levels = new Uint8Array(MEMO_START);
  private count = 0;

  constructor(private readonly capacity: number) {}

  /** The level remembered for the pair, −1 when none is. */
  get(a: number, b: number): number {
    const low = a < b ? a : b;
    const high = a < b ? b : a;
    const mask = this.levels.length - 1;
    for (let slot = pairSlot(low, high) & mask; ; slot = (slot + 1) & mask) {
      const level = this.levels[slot]!;
      if (level === 0) return -1;
      if (this.lows[slot] === low && this.highs[slot] === high) return level - 1;
    }
  }

  /** Remembers a pair not remembered yet (levels 0–254). */
  set(a: number, b: number, level: number): void {
    if (2 * (this.count + 1) > this.levels.length) {
      if (this.levels.length >= 2 * this.capacity) this.clear();
      else this.rehash(this.levels.length * 2);
    }
    const low = a < b ? a : b;
    const high = a < b ? b : a;
    const mask = this.levels.length - 1;
    let slot = pairSlot(low, high) & mask;
    while (this.levels[slot] !== 0) slot = (slot + 1) & mask;
    this.lows[slot] = low;
    this.highs[slot] = high;
    this.levels[slot] = level + 1;
    this.count++;
  }

  private clear(): void {
    this.levels.fill(0);
    this.count = 0;
  }

  private rehash(size: number): void {
    const { lows, highs, levels } = this;
    this.lows = new Int32Array(size);
    this.highs = new Int32Array(size);
    this.levels = new Uint8Array(size);
    this.count = 0;
    for (let slot = 0; slot < levels.length; slot++) if (levels[slot] !== 0) this.set(lows[slot]!, highs[slot]!, levels[slot]! - 1);
  }
}

/** Slots a PairMemo starts with. */
const MEMO_START = 1024;

/** A 32-bit hash of an ordered pair of ids (murmur3's finaliser over a mix of the two). */
function pairSlot(low: number, high: number): number {
  let h = Math.imul(low, 0x9e3779b1) ^ Math.imul(high + 0x7f4a7c15, 0x85ebca6b);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
