// Blocking: only records that share a key are compared. One pass sorts (key hash, record index)
// packed into one float64, so a pass needs 8 bytes per record and a native numeric sort, no
// Map of blocks and no comparator call per element.

/** A 32-bit hash of small integers (murmur3's mixing); keys only need to spread, not resist attack. */
import { fmix32 } from '../hash.js';
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
  return mixKey(mixKey(h, value % 0x1_0000_0000), Math.floor(value / 0x1_0000_0000));
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

/**
 * One blocking pass over records 0..count-1: `keyOf` gives an unsigned 32-bit key hash, or -1 for a
 * record without this key. Every pair inside a block is visited, lower index first; a block larger
 * than `maxBlockSize` is compared only among its first `maxBlockSize` records (lowest indexes) and
 * the rest is counted in `stats`, never dropped silently.
 *
 * Hashes are truncated to 53 − index bits (32 bits up to 2 million records, 26 bits at 100 million):
 * two keys that collide only merge two blocks, which costs comparisons, never a wrong match.
 */
export function blockingPass(
  count: number,
  keyOf: (index: number) => number,
  maxBlockSize: number,
  visit: (a: number, b: number) => void,
  stats: BlockingStats,
  scratch: Float64Array = new Float64Array(count),
): void {
  const indexBits = indexBitsFor(count);
  const hashBits = Math.min(32, 53 - indexBits);
  const scale = 2 ** indexBits;
  let m = 0;
  for (let i = 0; i < count; i++) {
    const key = keyOf(i);
    if (key < 0) continue;
    const hash = hashBits === 32 ? key : key >>> (32 - hashBits);
    scratch[m++] = hash * scale + i;
  }
  const sorted = scratch.subarray(0, m).sort();
  let start = 0;
  while (start < m) {
    const block = Math.floor(sorted[start]! / scale);
    let end = start + 1;
    while (end < m && Math.floor(sorted[end]! / scale) === block) end++;
    const size = end - start;
    if (size > 1) {
      const compared = Math.min(size, maxBlockSize);
      if (size > maxBlockSize) {
        stats.cappedBlocks++;
        stats.pairsSkipped += (size * (size - 1)) / 2 - (compared * (compared - 1)) / 2;
      }
      for (let x = start; x < start + compared; x++) {
        const a = sorted[x]! % scale;
        for (let y = x + 1; y < start + compared; y++) {
          stats.pairsVisited++;
          visit(a, sorted[y]! % scale);
        }
      }
    }
    start = end;
  }
}
