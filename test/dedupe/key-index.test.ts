import { describe, expect, it } from 'vitest';
import { Hash64, hash64 } from '../../src/dedupe/hash.js';
import { KeyIndex, MAX_NUMERIC_KEY, MAX_ROW } from '../../src/dedupe/key-index.js';
import { random } from '../support/random.js';

/** Every key starts probing at slot 0: the worst case of slot-index collisions. */
class OneBucketIndex extends KeyIndex {
  protected override bucket(): number {
    return 0;
  }
}

describe('KeyIndex', () => {
  it('returns -1 for a new key and the slot of an existing one, keeping the first row', () => {
    const index = new KeyIndex({ fingerprints: 2 });
    expect(index.insertNumber(1203004567, 7, [11, 22])).toBe(-1);
    const slot = index.insertNumber(1203004567, 9, [33, 44]);
    expect(slot).toBeGreaterThanOrEqual(0);
    expect(index.rowAt(slot)).toBe(7);
    expect(index.fingerprintAt(slot, 0)).toBe(11);
    expect(index.fingerprintAt(slot, 1)).toBe(22);
    expect(index.size).toBe(1);
    expect(index.getNumber(1203004567)).toBe(slot);
    expect(index.getNumber(1203004568)).toBe(-1);
  });

  it('holds key 0, 2^53 − 1 and 2^32 ± 1 exactly', () => {
    const index = new KeyIndex();
    const keys = [0, 1, MAX_NUMERIC_KEY, MAX_NUMERIC_KEY - 1, 2 ** 32, 2 ** 32 - 1, 2 ** 32 + 1, 999_999_999_999];
    keys.forEach((key, row) => expect(index.insertNumber(key, row)).toBe(-1));
    keys.forEach((key, row) => expect(index.rowAt(index.getNumber(key))).toBe(row));
    expect(index.size).toBe(keys.length);
  });

  it('refuses numbers that are not exact non-negative integers', () => {
    const index = new KeyIndex();
    for (const key of [-1, 0.5, 2 ** 53, Number.NaN, Infinity]) {
      expect(() => index.insertNumber(key, 1)).toThrow(RangeError);
      expect(index.getNumber(key)).toBe(-1);
    }
    expect(() => index.insertNumber(1, MAX_ROW + 1)).toThrow(RangeError);
    expect(index.insertNumber(1, MAX_ROW)).toBe(-1);
    expect(index.rowAt(index.getNumber(1))).toBe(MAX_ROW);
  });

  it('never mixes a numeric key with a hashed key of the same 64 bits', () => {
    const index = new KeyIndex();
    expect(index.insertNumber(5, 1)).toBe(-1); // hi 0, lo 5
    expect(index.insertHash(0, 5, 2)).toBe(-1);
    expect(index.size).toBe(2);
    expect(index.rowAt(index.getNumber(5))).toBe(1);
    expect(index.rowAt(index.getHash(0, 5))).toBe(2);
  });

  it('accepts the hash that looks like an empty slot', () => {
    const index = new KeyIndex();
    expect(index.insertHash(0xffffffff, 0xffffffff, 3)).toBe(-1);
    expect(index.rowAt(index.getHash(0xffffffff, 0xffffffff))).toBe(3);
    expect(index.size).toBe(1);
  });

  it('finds every key when all of them probe from the same slot, across growth', () => {
    const index = new OneBucketIndex({ fingerprints: 1, initialCapacity: 16 });
    for (let k = 0; k < 2000; k++) expect(index.insertNumber(k * 7919, k, [k ^ 0xabcdef])).toBe(-1);
    const wrong: number[] = [];
    for (let k = 0; k < 2000; k++) {
      const slot = index.insertNumber(k * 7919, 99_999, [0]);
      if (index.rowAt(slot) !== k || index.fingerprintAt(slot, 0) !== (k ^ 0xabcdef)) wrong.push(k);
    }
    expect(wrong).toEqual([]);
    expect(index.getNumber(7918)).toBe(-1);
    expect(index.size).toBe(2000);
    expect(index.capacity).toBe(4096);
  });

  it('doubles before passing a load of 0.75 and states its bytes', () => {
    const index = new KeyIndex({ fingerprints: 3, initialCapacity: 16 });
    expect(KeyIndex.bytesPerSlot(3)).toBe(24);
    expect(index.bytes).toBe(16 * 24);
    const capacities = new Set<number>();
    let maxLoad = 0;
    for (let k = 0; k < 98_000; k++) {
      index.insertNumber(k, k);
      maxLoad = Math.max(maxLoad, index.size / index.capacity);
      capacities.add(index.capacity);
    }
    expect(maxLoad).toBeLessThanOrEqual(0.75);
    expect([...capacities]).toEqual(Array.from({ length: 14 }, (_, i) => 16 * 2 ** i)); // 16 … 131072
    expect(index.bytes).toBe(131_072 * 24);
  });

  it('keeps 3 million keys through 12 doublings', () => {
    const n = 3_000_000;
    const index = new KeyIndex({ fingerprints: 1 });
    const base = 1_000_000_000_000 - n; // 12-digit IDs
    for (let k = 0; k < n; k++) index.insertNumber(base + k, k, [k]);
    expect(index.size).toBe(n);
    expect(index.capacity).toBe(2 ** 22);
    expect(index.bytes).toBe(2 ** 22 * KeyIndex.bytesPerSlot(1));
    for (let k = 0; k < n; k += 997) {
      const slot = index.getNumber(base + k);
      expect(index.rowAt(slot)).toBe(k);
      expect(index.fingerprintAt(slot, 0)).toBe(k);
    }
    expect(index.insertNumber(base + n - 1, 0)).toBeGreaterThanOrEqual(0);
    expect(index.getNumber(base - 1)).toBe(-1);
  });

  it('agrees with a Map on 200,000 random numeric and hashed keys with repeats', () => {
    const next = random(20261122);
    const index = new KeyIndex({ fingerprints: 1 });
    const reference = new Map<string, number>();
    const wrong: string[] = [];
    for (let row = 0; row < 200_000; row++) {
      const small = next() % 50_000; // forces repeats
      if (next() % 2 === 0) {
        const key = small * 1_000_003;
        const slot = index.insertNumber(key, row, [row]);
        const first = reference.get(`n${key}`);
        if (first === undefined) reference.set(`n${key}`, row);
        if ((slot < 0 ? undefined : index.rowAt(slot)) !== first) wrong.push(`n${key}@${row}`);
      } else {
        const [hi, lo] = hash64(`key ${small}`);
        const slot = index.insertHash(hi, lo, row, [row]);
        const first = reference.get(`h${small}`);
        if (first === undefined) reference.set(`h${small}`, row);
        if ((slot < 0 ? undefined : index.fingerprintAt(slot, 0)) !== first) wrong.push(`h${small}@${row}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(index.size).toBe(reference.size);
  });
});

describe('Hash64', () => {
  it('separates values without joining them', () => {
    const h = new Hash64();
    const of = (...parts: string[]) => {
      h.reset();
      for (const part of parts) h.text(part);
      return [h.hi, h.lo];
    };
    expect(of('ab', 'c')).not.toEqual(of('a', 'bc'));
    expect(of('a', '')).not.toEqual(of('', 'a'));
    expect(of('')).not.toEqual(of('', ''));
    expect(of('Nguyễn Văn An', '15/06/1990')).toEqual(of('Nguyễn Văn An', '15/06/1990'));
  });

  it('has no 64-bit collision, and no more 32-bit ones than chance, on 300,000 IDs', () => {
    const halves = [new Set<number>(), new Set<number>()];
    const full = new Set<string>();
    const n = 300_000;
    for (let k = 0; k < n; k++) {
      const [hi, lo] = hash64(`0792${String(k).padStart(8, '0')}`);
      halves[0]!.add(hi);
      halves[1]!.add(lo);
      full.add(`${hi}:${lo}`);
    }
    expect(full.size).toBe(n);
    // Expected 32-bit collisions among 300k: n² / 2^33 ≈ 10.5.
    for (const half of halves) expect(n - half.size).toBeLessThan(40);
  });
});
