import { ByteMemo } from '../../shared/byte-memo.js';

/**
 * Helpers for the byte fast paths (CheckHooks.passes): reading the UTF-8 of a cell a code point at
 * a time, and remembering a verdict per byte sequence (the tokens of names and addresses repeat).
 * A fast path may only pass a cell it reads exactly as the check would read its text, so the
 * reader is strict: a sequence a decoder would turn into U+FFFD is refused, not guessed at.
 */

/**
 * The code point starting at bytes[p] (p < end) and its length in bytes, packed as
 * `codePoint | length << 21`; -1 when the bytes there are not well-formed UTF-8 (a stray
 * continuation byte, an overlong form, a surrogate, a sequence cut by `end`).
 */
export function utf8At(bytes: Uint8Array, p: number, end: number): number {
  const b0 = bytes[p]!;
  if (b0 < 0x80) return b0 | (1 << 21);
  if (b0 < 0xc2) return -1;
  if (b0 < 0xe0) {
    if (p + 1 >= end) return -1;
    const b1 = bytes[p + 1]!;
    if ((b1 & 0xc0) !== 0x80) return -1;
    return (((b0 & 0x1f) << 6) | (b1 & 0x3f)) | (2 << 21);
  }
  if (b0 < 0xf0) {
    if (p + 2 >= end) return -1;
    const b1 = bytes[p + 1]!;
    const b2 = bytes[p + 2]!;
    if ((b1 & 0xc0) !== 0x80 || (b2 & 0xc0) !== 0x80) return -1;
    if ((b0 === 0xe0 && b1 < 0xa0) || (b0 === 0xed && b1 > 0x9f)) return -1;
    return (((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f)) | (3 << 21);
  }
  if (b0 > 0xf4 || p + 3 >= end) return -1;
  const b1 = bytes[p + 1]!;
  const b2 = bytes[p + 2]!;
  const b3 = bytes[p + 3]!;
  if ((b1 & 0xc0) !== 0x80 || (b2 & 0xc0) !== 0x80 || (b3 & 0xc0) !== 0x80) return -1;
  if ((b0 === 0xf0 && b1 < 0x90) || (b0 === 0xf4 && b1 > 0x8f)) return -1;
  return (((b0 & 0x07) << 18) | ((b1 & 0x3f) << 12) | ((b2 & 0x3f) << 6) | (b3 & 0x3f)) | (4 << 21);
}

export const CODE_POINT = 0x1fffff;

/**
 * Code points that are NFC on their own, are starters (canonical combining class 0) and never
 * compose with the one before them: a text of these alone is NFC. U+0080–U+02FF (Latin-1, Latin
 * Extended-A/B with ă đ ơ ư, IPA, spacing modifiers) and U+1E00–U+1EFF (Latin Extended Additional,
 * the toned Vietnamese vowels). The combining marks U+0300– are not among them. The test
 * (test/checks/byte-paths.test.ts) holds every code point and every pair of them to normalize().
 */
export function nfcStable(codePoint: number): boolean {
  return codePoint < 0x300 || (codePoint >= 0x1e00 && codePoint <= 0x1eff);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The number of code points of bytes[start, end) when each is NFC whatever surrounds it (so the
 * cell is its own NFC), else -1 (a character that composition may change, or bytes that are not
 * UTF-8).
 */
export function nfcStableLength(bytes: Uint8Array, start: number, end: number): number {
  let length = 0;
  for (let p = start; p < end; length++) {
    if (bytes[p]! < 0x80) {
      p++;
      continue;
    }
    const read = utf8At(bytes, p, end);
    if (read < 0 || !nfcStable(read & CODE_POINT)) return -1;
    p += read >>> 21;
  }
  return length;
}

/** The text of well-formed UTF-8 bytes[start, end), or null when they are not well-formed. */
export function strictText(bytes: Uint8Array, start: number, end: number): string | null {
  try {
    return strictUtf8.decode(bytes.subarray(start, end));
  } catch {
    return null;
  }
}

export { FNV_PRIME, FNV_SEED } from '../../shared/byte-memo.js';

/**
 * A pure yes/no judgement of a byte sequence, remembered (shared/byte-memo.ts): a hit costs a hash
 * and a compare of the bytes, with no string made.
 */
export class ByteVerdicts {
  private readonly memo: ByteMemo;

  constructor(judge: (bytes: Uint8Array, start: number, end: number) => boolean, maxEntries = 1 << 17) {
    this.memo = new ByteMemo((bytes, start, end) => (judge(bytes, start, end) ? 1 : 0), maxEntries);
  }

  get(bytes: Uint8Array, start: number, end: number): boolean {
    return this.memo.get(bytes, start, end) === 1;
  }

  /** get(), for a caller that has already run FNV-1a (FNV_SEED, FNV_PRIME) over the bytes while reading them. */
  getHashed(bytes: Uint8Array, start: number, end: number, fnv: number): boolean {
    return this.memo.getHashed(bytes, start, end, fnv) === 1;
  }

  /** Byte sequences remembered (for tests). */
  get size(): number {
    return this.memo.size;
  }
}

/** Whether bytes[start, end) are ASCII digits only (true for none). */
export function allDigits(bytes: Uint8Array, start: number, end: number): boolean {
  for (let p = start; p < end; p++) {
    const b = bytes[p]!;
    if (b < 0x30 || b > 0x39) return false;
  }
  return true;
}

/** The number the `count` ASCII digits at bytes[start] make. */
export function digitsValue(bytes: Uint8Array, start: number, count: number): number {
  let value = 0;
  for (let p = start; p < start + count; p++) value = value * 10 + bytes[p]! - 0x30;
  return value;
}

/** The text of ASCII bytes[start, end) (a representative for reportsNothing). */
export function asciiText(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, end));
}
