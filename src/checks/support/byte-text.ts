import { grown } from '../../shared/grow.js';

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

export const FNV_SEED = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/**
 * A pure yes/no judgement of a byte sequence, remembered: a hit costs a hash and a compare of the
 * bytes, with no string made. Open addressing over parallel arrays and one byte arena; emptied
 * when `maxEntries` sequences are kept, which bounds memory on input whose tokens never repeat.
 */
export class ByteVerdicts {
  // Four int32 a slot, side by side so that a probe reads one cache line: the finished hash, the
  // offset of the bytes in the arena + 1 (0: an empty slot), their length, the verdict (0 or 1).
  private table = new Int32Array(4 << 12);
  private mask = (1 << 12) - 1;
  private arena = new Uint8Array(1 << 16);
  private arenaUsed = 0;
  private count = 0;

  constructor(
    private readonly judge: (bytes: Uint8Array, start: number, end: number) => boolean,
    private readonly maxEntries = 1 << 17,
  ) {}

  get(bytes: Uint8Array, start: number, end: number): boolean {
    let h = FNV_SEED;
    for (let p = start; p < end; p++) h = Math.imul(h ^ bytes[p]!, FNV_PRIME);
    return this.getHashed(bytes, start, end, h);
  }

  /** get(), for a caller that has already run FNV-1a (FNV_SEED, FNV_PRIME) over the bytes while reading them. */
  getHashed(bytes: Uint8Array, start: number, end: number, fnv: number): boolean {
    const length = end - start;
    let h = fnv ^ length;
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
    const { table, mask, arena } = this;
    let slot = h & mask;
    for (;;) {
      const at = slot << 2;
      const offset = table[at + 1]! - 1;
      if (offset < 0) break;
      if (table[at] === h && table[at + 2] === length) {
        let k = 0;
        while (k < length && arena[offset + k] === bytes[start + k]) k++;
        if (k === length) return table[at + 3] === 1;
      }
      slot = (slot + 1) & mask;
    }
    const verdict = this.judge(bytes, start, end);
    this.add(h, bytes, start, end, verdict);
    return verdict;
  }

  private add(h: number, bytes: Uint8Array, start: number, end: number, verdict: boolean): void {
    const length = end - start;
    if (this.count >= this.maxEntries) this.clear();
    if (this.arenaUsed + length > this.arena.length) this.arena = grown(this.arena, Math.max(this.arena.length * 2, this.arenaUsed + length));
    this.arena.set(bytes.subarray(start, end), this.arenaUsed);
    this.place(h, this.arenaUsed, length, verdict ? 1 : 0);
    this.arenaUsed += length;
    this.count++;
    // Half full at most: probes stay short.
    if (this.count * 2 > this.mask + 1) {
      const old = this.table;
      this.table = new Int32Array(old.length * 2);
      this.mask = this.mask * 2 + 1;
      for (let at = 0; at < old.length; at += 4) if (old[at + 1] !== 0) this.place(old[at]!, old[at + 1]! - 1, old[at + 2]!, old[at + 3]!);
    }
  }

  private place(h: number, offset: number, length: number, verdict: number): void {
    let slot = h & this.mask;
    while (this.table[(slot << 2) + 1] !== 0) slot = (slot + 1) & this.mask;
    const at = slot << 2;
    this.table[at] = h;
    this.table[at + 1] = offset + 1;
    this.table[at + 2] = length;
    this.table[at + 3] = verdict;
  }

  private clear(): void {
    this.table.fill(0);
    this.count = 0;
    this.arenaUsed = 0;
  }

  /** Byte sequences remembered (for tests). */
  get size(): number {
    return this.count;
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
