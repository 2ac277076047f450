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

/** The text of well-formed UTF-8 bytes[start, end), or null when they are not well-formed. */
export function strictText(bytes: Uint8Array, start: number, end: number): string | null {
  try {
    return strictUtf8.decode(bytes.subarray(start, end));
  } catch {
    return null;
  }
}

/**
 * A pure yes/no judgement of a byte sequence, remembered: a hit costs a hash and a compare of the
 * bytes, with no string made. Open addressing over parallel arrays and one byte arena; emptied
 * when `maxEntries` sequences are kept, which bounds memory on input whose tokens never repeat.
 */
export class ByteVerdicts {
  private slots = new Int32Array(1 << 12); // entry + 1, 0 = empty
  private mask = (1 << 12) - 1;
  private hashes = new Int32Array(1 << 11);
  private offsets = new Int32Array(1 << 11);
  private lengths = new Int32Array(1 << 11);
  private verdicts = new Uint8Array(1 << 11);
  private arena = new Uint8Array(1 << 16);
  private arenaUsed = 0;
  private count = 0;

  constructor(
    private readonly judge: (bytes: Uint8Array, start: number, end: number) => boolean,
    private readonly maxEntries = 1 << 17,
  ) {}

  get(bytes: Uint8Array, start: number, end: number): boolean {
    const length = end - start;
    let h = 0x811c9dc5 ^ length;
    for (let p = start; p < end; p++) h = Math.imul(h ^ bytes[p]!, 0x01000193);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
    const { slots, mask, arena } = this;
    let slot = h & mask;
    for (;;) {
      const entry = slots[slot]! - 1;
      if (entry < 0) break;
      if (this.hashes[entry] === h && this.lengths[entry] === length) {
        const offset = this.offsets[entry]!;
        let k = 0;
        while (k < length && arena[offset + k] === bytes[start + k]) k++;
        if (k === length) return this.verdicts[entry] === 1;
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
    if (this.count >= this.hashes.length) {
      const n = this.hashes.length * 2;
      this.hashes = grown(this.hashes, n);
      this.offsets = grown(this.offsets, n);
      this.lengths = grown(this.lengths, n);
      this.verdicts = grown(this.verdicts, n);
    }
    const entry = this.count++;
    this.arena.set(bytes.subarray(start, end), this.arenaUsed);
    this.hashes[entry] = h;
    this.offsets[entry] = this.arenaUsed;
    this.lengths[entry] = length;
    this.verdicts[entry] = verdict ? 1 : 0;
    this.arenaUsed += length;
    // Half full at most: probes stay short.
    if (this.count * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    else this.place(entry);
  }

  private place(entry: number): void {
    let slot = this.hashes[entry]! & this.mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
    this.slots[slot] = entry + 1;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    for (let entry = 0; entry < this.count; entry++) this.place(entry);
  }

  private clear(): void {
    this.slots.fill(0);
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
