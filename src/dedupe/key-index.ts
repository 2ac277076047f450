// Key → (first row, F uint32 fingerprints), for duplicate detection at national scale. V8's Map and
// Set stop at 2^24 (16,777,216) entries and cost ~100 bytes a key with its string; this table keeps
// no JS string or object per key, only typed arrays, so 100 million keys are a few GB and no GC work.
//
// Open addressing with linear probing, capacity a power of two, doubled before the load factor would
// pass 0.75. A slot is one record in a single Uint32Array — key hi, key lo, row and kind, then the
// fingerprints — so an insert of a new key (the common case) touches one cache line, not one per
// field. Bytes per slot = 8 (key) + 4 (row and key kind) + 4 × F (fingerprints), for the whole
// capacity:
//   F = 0: 12 B/slot;  F = 2: 20 B/slot;  F = 3: 24 B/slot.
//   100M keys → 2^27 slots (load 0.745): F = 0 1.6 GB, F = 2 2.7 GB, F = 3 3.2 GB.
//   10M keys → 2^24 slots (load 0.596): F = 2 336 MB, F = 3 403 MB.
// While doubling, the old and the new arrays live together (1.5× for that moment).
//
// Keys are 64 bits, of two kinds that never compare equal (the kind is stored per slot):
// - numeric: a non-negative integer < 2^53, stored exactly (hi = high 21 bits, lo = low 32 bits),
//   so no collision is possible — the common case, a 12-digit ID;
// - hashed: a 64-bit hash of anything else (see hash.ts): two distinct keys collide with a
//   probability of about n² / 2^65 over n keys (2.7 × 10⁻⁴ for 100M keys).
// The key bit pattern (0xFFFFFFFF, 0xFFFFFFFF) marks an empty slot; a numeric key never has it, and
// a hashed key that does is moved to (0xFFFFFFFF, 0xFFFFFFFE), merging two of 2^64 hash values.

import { fmix32 } from './hash.js';
const EMPTY = 0xffffffff;
const TWO_32 = 4294967296;
const KIND_HASHED = 0x8000_0000;
const MAX_LOAD = 0.75;
/** 2^30 slots hold 805 million keys; past that a typed array would pass V8's length limits. */
const MAX_CAPACITY = 2 ** 30;

export const MAX_NUMERIC_KEY = Number.MAX_SAFE_INTEGER;
/** Rows are stored in 31 bits (the 32nd is the key kind). */
export const MAX_ROW = 0x7fff_ffff;

export interface KeyIndexOptions {
  /** uint32 fingerprints kept per key (default 0). */
  fingerprints?: number;
  /** Slots to start with, rounded up to a power of two (default 1024). */
  initialCapacity?: number;
}

function mix(hi: number, lo: number): number {
  return fmix32((lo ^ Math.imul(hi, 0x9e3779b1)) >>> 0);
}

export class KeyIndex {
  /** uint32 fingerprints per key. */
  readonly fingerprints: number;
  /** uint32 words per slot: hi, lo, row | kind, fingerprints. */
  private readonly stride: number;
  private slots: Uint32Array;
  private mask: number;
  private count = 0;
  private limit: number;

  constructor(options: KeyIndexOptions = {}) {
    const fingerprints = options.fingerprints ?? 0;
    if (!Number.isInteger(fingerprints) || fingerprints < 0 || fingerprints > 16) {
      throw new RangeError(`fingerprints must be an integer 0..16, got ${fingerprints}`);
    }
    this.fingerprints = fingerprints;
    this.stride = 3 + fingerprints;
    let capacity = 16;
    while (capacity < (options.initialCapacity ?? 1024)) capacity *= 2;
    this.slots = new Uint32Array(0);
    this.mask = 0;
    this.limit = 0;
    this.allocate(capacity);
  }

  /** Bytes per slot for F fingerprints: 8 (key) + 4 (row, kind) + 4F. */
  static bytesPerSlot(fingerprints: number): number {
    return 12 + 4 * fingerprints;
  }

  /** Whether `key` can be a numeric key: an integer 0 ≤ key < 2^53. */
  static isNumericKey(key: number): boolean {
    return Number.isSafeInteger(key) && key >= 0;
  }

  get size(): number {
    return this.count;
  }

  get capacity(): number {
    return this.mask + 1;
  }

  /** Bytes held by the table's arrays. */
  get bytes(): number {
    return this.slots.byteLength;
  }

  /**
   * Inserts a numeric key with its first row and fingerprints, unless present. Returns -1 when the
   * key is new, else the slot of the existing key (read it with rowAt/fingerprintAt; a slot stays
   * valid until the next insert of a new key, which may move everything).
   */
  insertNumber(key: number, row: number, fingerprints?: ArrayLike<number>): number {
    if (!KeyIndex.isNumericKey(key)) throw new RangeError(`not a numeric key: ${key}`);
    return this.insert(Math.floor(key / TWO_32), key >>> 0, 0, row, fingerprints);
  }

  /** insertNumber for a hashed key (hi, lo: uint32 halves of a 64-bit hash). */
  insertHash(hi: number, lo: number, row: number, fingerprints?: ArrayLike<number>): number {
    hi >>>= 0;
    lo >>>= 0;
    if (hi === EMPTY && lo === EMPTY) lo = EMPTY - 1;
    return this.insert(hi, lo, KIND_HASHED, row, fingerprints);
  }

  /** Slot of a numeric key, or -1. */
  getNumber(key: number): number {
    if (!KeyIndex.isNumericKey(key)) return -1;
    return this.find(Math.floor(key / TWO_32), key >>> 0, 0);
  }

  /** Slot of a hashed key, or -1. */
  getHash(hi: number, lo: number): number {
    hi >>>= 0;
    lo >>>= 0;
    if (hi === EMPTY && lo === EMPTY) lo = EMPTY - 1;
    return this.find(hi, lo, KIND_HASHED);
  }

  rowAt(slot: number): number {
    return (this.slots[slot * this.stride + 2] ?? 0) & MAX_ROW;
  }

  fingerprintAt(slot: number, i: number): number {
    return this.slots[slot * this.stride + 3 + i] ?? 0;
  }

  /**
   * The slot a key starts probing from, before masking. Overridable so tests can force every key
   * into one bucket; production code never subclasses (the call stays monomorphic and inlined).
   */
  protected bucket(hi: number, lo: number): number {
    return mix(hi, lo);
  }

  private find(hi: number, lo: number, kind: number): number {
    const slots = this.slots;
    const stride = this.stride;
    const mask = this.mask;
    let i = this.bucket(hi, lo) & mask;
    for (;;) {
      const at = i * stride;
      const kh = slots[at]!;
      const kl = slots[at + 1]!;
      if (kh === EMPTY && kl === EMPTY) return -1;
      if (kh === hi && kl === lo && ((slots[at + 2]! & KIND_HASHED) >>> 0) === kind) return i;
      i = (i + 1) & mask;
    }
  }

  private insert(hi: number, lo: number, kind: number, row: number, fingerprints?: ArrayLike<number>): number {
    if (!(row >= 0 && row <= MAX_ROW && Number.isInteger(row))) throw new RangeError(`row out of range: ${row}`);
    if (this.count >= this.limit) this.grow();
    const slots = this.slots;
    const stride = this.stride;
    const mask = this.mask;
    let i = this.bucket(hi, lo) & mask;
    let at = i * stride;
    for (;;) {
      const kh = slots[at]!;
      const kl = slots[at + 1]!;
      if (kh === EMPTY && kl === EMPTY) break;
      if (kh === hi && kl === lo && ((slots[at + 2]! & KIND_HASHED) >>> 0) === kind) return i;
      i = (i + 1) & mask;
      at = i * stride;
    }
    slots[at] = hi;
    slots[at + 1] = lo;
    slots[at + 2] = (row | kind) >>> 0;
    if (fingerprints) {
      for (let f = 0; f < this.fingerprints; f++) slots[at + 3 + f] = fingerprints[f] ?? 0;
    }
    this.count++;
    return -1;
  }

  private allocate(capacity: number): void {
    if (capacity > MAX_CAPACITY) throw new RangeError(`key index full: more than ${MAX_CAPACITY * MAX_LOAD} keys`);
    const stride = this.stride;
    const slots = new Uint32Array(stride * capacity);
    for (let at = 0; at < slots.length; at += stride) {
      slots[at] = EMPTY;
      slots[at + 1] = EMPTY;
    }
    this.slots = slots;
    this.mask = capacity - 1;
    this.limit = Math.floor(capacity * MAX_LOAD);
  }

  private grow(): void {
    const old = this.slots;
    const stride = this.stride;
    this.allocate((this.mask + 1) * 2);
    const slots = this.slots;
    const mask = this.mask;
    for (let from = 0; from < old.length; from += stride) {
      const hi = old[from]!;
      const lo = old[from + 1]!;
      if (hi === EMPTY && lo === EMPTY) continue;
      let i = this.bucket(hi, lo) & mask;
      while (!(slots[i * stride] === EMPTY && slots[i * stride + 1] === EMPTY)) i = (i + 1) & mask;
      const to = i * stride;
      for (let w = 0; w < stride; w++) slots[to + w] = old[from + w]!;
    }
  }
}
