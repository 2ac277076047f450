import { grown } from './grow.js';

/** Where a cell's text lies as UTF-8: bytes[start, end) (checks/define.ts RowView.bytes). */
export interface CellBytes {
  bytes: Uint8Array;
  start: number;
  end: number;
}

export const FNV_SEED = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/**
 * A pure function of a byte sequence to a 32-bit integer, remembered: a hit costs a hash and a
 * compare of the bytes, with no string made (a cell's bytes as a reader holds them). Open
 * addressing over parallel arrays and one byte arena; emptied when `maxEntries` sequences are kept,
 * which bounds memory on input whose values never repeat.
 */
export class ByteMemo {
  // Four int32 a slot, side by side so that a probe reads one cache line: the finished hash, the
  // offset of the bytes in the arena + 1 (0: an empty slot), their length, the value.
  private table = new Int32Array(4 << 12);
  private mask = (1 << 12) - 1;
  private arena = new Uint8Array(1 << 16);
  private arenaUsed = 0;
  private count = 0;

  constructor(
    private readonly compute: (bytes: Uint8Array, start: number, end: number) => number,
    private readonly maxEntries = 1 << 17,
    /** Called when the memo empties itself, for a caller whose values index a table of its own. */
    private readonly onClear?: () => void,
  ) {}

  get(bytes: Uint8Array, start: number, end: number): number {
    let h = FNV_SEED;
    for (let p = start; p < end; p++) h = Math.imul(h ^ bytes[p]!, FNV_PRIME);
    return this.getHashed(bytes, start, end, h);
  }

  /** get(), for a caller that has already run FNV-1a (FNV_SEED, FNV_PRIME) over the bytes while reading them. */
  getHashed(bytes: Uint8Array, start: number, end: number, fnv: number): number {
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
        if (k === length) return table[at + 3]!;
      }
      slot = (slot + 1) & mask;
    }
    // Emptied before the new value is made, so that a caller's own table (onClear) starts again first.
    if (this.count >= this.maxEntries) this.clear();
    const value = this.compute(bytes, start, end) | 0;
    this.add(h, bytes, start, end, value);
    return value;
  }

  private add(h: number, bytes: Uint8Array, start: number, end: number, value: number): void {
    const length = end - start;
    if (this.arenaUsed + length > this.arena.length) this.arena = grown(this.arena, Math.max(this.arena.length * 2, this.arenaUsed + length));
    this.arena.set(bytes.subarray(start, end), this.arenaUsed);
    this.place(h, this.arenaUsed, length, value);
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

  private place(h: number, offset: number, length: number, value: number): void {
    let slot = h & this.mask;
    while (this.table[(slot << 2) + 1] !== 0) slot = (slot + 1) & this.mask;
    const at = slot << 2;
    this.table[at] = h;
    this.table[at + 1] = offset + 1;
    this.table[at + 2] = length;
    this.table[at + 3] = value;
  }

  private clear(): void {
    this.table.fill(0);
    this.count = 0;
    this.arenaUsed = 0;
    this.onClear?.();
  }

  /** Byte sequences remembered (for tests). */
  get size(): number {
    return this.count;
  }
}
