import { describe, expect, it } from 'vitest';
import { radixSortPairs } from '../../src/shared/radix-sort.js';
import { mulberry32 } from '../../src/shared/random.js';

function sorted(keys: number[]): { keys: number[]; values: number[] } {
  const m = keys.length;
  const out = radixSortPairs(
    Uint32Array.from(keys),
    Uint32Array.from(keys, (_, i) => i),
    m,
    new Uint32Array(m),
    new Uint32Array(m),
  );
  return { keys: Array.from(out.keys.subarray(0, m)), values: Array.from(out.values.subarray(0, m)) };
}

describe('radixSortPairs', () => {
  it('sorts by key and keeps the pairs of one key in the order they came in', () => {
    expect(sorted([5, 0xffffffff, 5, 0, 2 ** 31, 5])).toEqual({
      keys: [0, 5, 5, 5, 2 ** 31, 0xffffffff],
      values: [3, 0, 2, 5, 4, 1],
    });
  });

  it('agrees with a comparison sort on random keys, whichever digits they share', () => {
    const random = mulberry32(7);
    for (const spread of [2 ** 32, 2 ** 11, 7]) {
      const keys = Array.from({ length: 5000 }, () => Math.floor(random() * spread) * Math.floor(2 ** 32 / spread));
      const expected = keys.map((key, i) => ({ key, i })).sort((a, b) => a.key - b.key || a.i - b.i);
      expect(sorted(keys)).toEqual({ keys: expected.map((p) => p.key), values: expected.map((p) => p.i) });
    }
  });

  it('leaves nothing to do for no pairs or one', () => {
    expect(sorted([])).toEqual({ keys: [], values: [] });
    expect(sorted([42])).toEqual({ keys: [42], values: [0] });
  });
});
