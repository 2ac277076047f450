import { describe, expect, it } from 'vitest';
import { blockingPass, emptyStats, finishKey, mixKey, mixNumber } from '../../src/dedupe/same-person/blocking.js';

function pairs(keys: number[], maxBlockSize: number): { pairs: string[]; stats: ReturnType<typeof emptyStats> } {
  const seen: string[] = [];
  const stats = emptyStats();
  blockingPass(keys.length, (i) => keys[i]!, maxBlockSize, (a, b) => seen.push(`${a}-${b}`), stats);
  return { pairs: seen.sort(), stats };
}

describe('blockingPass', () => {
  it('visits every pair inside a block, lower index first, and nothing across blocks', () => {
    const { pairs: seen, stats } = pairs([7, 9, 7, 7, 9, 3], 100);
    expect(seen).toEqual(['0-2', '0-3', '1-4', '2-3']);
    expect(stats).toEqual({ cappedBlocks: 0, pairsSkipped: 0, pairsVisited: 4 });
  });

  it('leaves out records without a key (-1)', () => {
    expect(pairs([-1, -1, 5, 5], 100).pairs).toEqual(['2-3']);
  });

  it('caps a block over max_block_size to its first records and counts the pairs it skipped', () => {
    const { pairs: seen, stats } = pairs([1, 1, 1, 1, 1, 2, 2], 3);
    // block of 5: C(5,2) = 10 pairs, C(3,2) = 3 compared, 7 skipped; block of 2 untouched
    expect(seen).toEqual(['0-1', '0-2', '1-2', '5-6']);
    expect(stats).toEqual({ cappedBlocks: 1, pairsSkipped: 7, pairsVisited: 4 });
  });

  it('counts every capped block', () => {
    const keys = [...Array<number>(4).fill(10), ...Array<number>(5).fill(20)];
    expect(pairs(keys, 2).stats).toEqual({ cappedBlocks: 2, pairsSkipped: 5 + 9, pairsVisited: 2 });
  });

  it('handles full 32-bit key hashes', () => {
    const key = finishKey(mixNumber(mixKey(1, 42), 84_912_345_678));
    expect(key).toBeGreaterThanOrEqual(0);
    expect(key).toBeLessThan(2 ** 32);
    expect(pairs([key, 0xffffffff, key, 0xffffffff], 10).pairs).toEqual(['0-2', '1-3']);
  });
});
