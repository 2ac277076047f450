// Blocking: only records that share a key are compared. One pass radix-sorts (key hash, record
// index) pairs of 32-bit integers: no Map of blocks, no comparator call per element.

import { fmix32 } from '../hash.js';
import { radixSortPairs } from '../../shared/radix-sort.js';

/** A 32-bit hash of small integers (murmur3's mixing); keys only need to spread, not resist attack. */
export function mixKey(h: number, value: number): number {
  let k = Math.imul(value | 0, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** Mixes a non-negative integer of up to 53 bits (an ID or phone number held as a number). */
export function mixNumber(h: number, value: number): number {
  const high = Math.floor(value / 0x1_0000_0000);
  // value − high × 2^32 is value % 2^32 without a floating remainder (slow past 2^31).
  return mixKey(mixKey(h, value - high * 0x1_0000_0000), high);
}

/** The final avalanche of murmur3: an unsigned 32-bit key hash. */
export const finishKey = fmix32;

export interface BlockingStats {
  /** Blocks larger than the cap, over every pass. */
  cappedBlocks: number;
  /** Pairs inside capped blocks that were not compared (a pair may still have met in another pass). */
  pairsSkipped: number;
  /** Pairs handed to the visitor. */
  pairsVisited: number;
}

export function emptyStats(): BlockingStats {
  return { cappedBlocks: 0, pairsSkipped: 0, pairsVisited: 0 };
}

/** Bits an index into `count` records needs (at least 1). */
function indexBitsFor(count: number): number {
  return Math.max(1, Math.ceil(Math.log2(Math.max(2, count))));
}

/** The buffers of a blocking pass (16 bytes per record), reused from pass to pass. */
export class BlockingScratch {
  readonly keys: Uint32Array;
  readonly records: Uint32Array;
  readonly spareKeys: Uint32Array;
  readonly spareRecords: Uint32Array;

  constructor(readonly count: number) {
    this.keys = new Uint32Array(count);
    this.records = new Uint32Array(count);
    this.spareKeys = new Uint32Array(count);
    this.spareRecords = new Uint32Array(count);
  }
}

/**
 * One blocking pass over records 0..count-1: `keyOf` gives an unsigned 32-bit key hash, or -1 for a
 * record without this key. Every pair inside a block is visited, lower index first; a block larger
 * than `maxBlockSize` is compared only among its first `maxBlockSize` records (lowest indexes) and
 * the rest is counted in `stats`, never dropped silently. Two keys whose hashes collide merge two
 * blocks, which costs comparisons.
 */
export function blockingPass(
  count: number,
  keyOf: (index: number) => number,
  maxBlockSize: number,
  visit: (a: number, b: number) => void,
  stats: BlockingStats,
  scratch: BlockingScratch = new BlockingScratch(count),
): void {
  // Hashes cut to the bits a float64 held beside the record index when passes were sorted that
  // way (32 up to 2 million records, 29 at 10 million): blocks, and so findings, stay what they were.
  const shift = 32 - Math.min(32, 53 - indexBitsFor(count));
  const keys = scratch.keys;
  const records = scratch.records;
  let m = 0;
  for (let i = 0; i < count; i++) {
    const key = keyOf(i);
    if (key < 0) continue;
    keys[m] = shift === 0 ? key : key >>> shift;
    records[m++] = i;
  }
  // Stable: the records of a block stay in index order, so a capped block keeps its lowest indexes.
  const sorted = radixSortPairs(keys, records, m, scratch.spareKeys, scratch.spareRecords);
  const sortedKeys = sorted.keys;
  const sortedRecords = sorted.values;
  let start = 0;
  while (start < m) {
    const block = sortedKeys[start]!;
    let end = start + 1;
    while (end < m && sortedKeys[end] === block) end++;
    const size = end - start;
    if (size > 1) {
      const compared = Math.min(size, maxBlockSize);
      if (size > maxBlockSize) {
        stats.cappedBlocks++;
        stats.pairsSkipped += (size * (size - 1)) / 2 - (compared * (compared - 1)) / 2;
      }
      for (let x = start; x < start + compared; x++) {
        const a = sortedRecords[x]!;
        for (let y = x + 1; y < start + compared; y++) {
          stats.pairsVisited++;
          visit(a, sortedRecords[y]!);
        }
      }
    }
    start = end;
  }
}
