// npx tsx bench/unique-keys.ts [N] [--budget BYTES] [--key-index] (default N 10,000,000, the finder's
// default budget): N synthetic 12-digit IDs through RepeatFinder, as `unique` keeps them — no file,
// no text: every 100th key repeats an earlier one (1%), the rest are distinct. Prints one JSON line:
// time to add, time of finish() (the spilled partitions), keys/s, the tables' peak bytes and the
// process's peak RSS (process.resourceUsage().maxRSS), which is what the target bounds
// (100M ≤ 2 GB). --key-index runs the same keys through the table `unique` used before: one
// KeyIndex with 2 fingerprints a key (raw and normalised row), no budget.
// Run each size in its own process: maxRSS never goes down.
import { RepeatFinder, DEFAULT_MEMORY_BUDGET } from '../src/dedupe/repeat-finder.js';
import { KeyIndex } from '../src/dedupe/key-index.js';

const args = process.argv.slice(2);
const budgetAt = args.indexOf('--budget');
const budget = budgetAt >= 0 ? Number(args[budgetAt + 1]) : DEFAULT_MEMORY_BUDGET;
const n = Number(args.find((a, i) => !a.startsWith('--') && (budgetAt < 0 || i !== budgetAt + 1)) ?? 10_000_000);
if (!Number.isInteger(n) || n < 1 || !(budget >= 0)) throw new Error('usage: unique-keys.ts [N] [--budget BYTES]');

/** digitsKey of a 12-digit text: lengths get disjoint ranges (see src/shared/numeric-key.ts). */
const TWELVE_DIGITS = (10 ** 12 - 1) / 9;
/** i-th distinct 12-digit ID: a permutation of 10^11 … 10^12 − 1 (9973 is prime to 9 × 10^11). */
const id = (i: number): number => TWELVE_DIGITS + 100_000_000_000 + ((i * 9973) % 900_000_000_000);

const keyIndex = args.includes('--key-index') ? new KeyIndex({ fingerprints: 2, initialCapacity: 1 << 12 }) : null;
const fingerprints = new Uint32Array([1, 2]);
const finder = new RepeatFinder({ memoryBudget: budget });
let distinct = 0;
let planted = 0;
let atOnce = 0;
let seed = 12345;
const start = process.hrtime.bigint();
for (let ordinal = 0; ordinal < n; ordinal++) {
  let key: number;
  if (ordinal % 100 === 99) {
    // An earlier distinct key, picked by a 32-bit LCG.
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    key = id(seed % distinct);
    planted++;
  } else {
    key = id(distinct++);
  }
  if (keyIndex !== null) {
    if (keyIndex.insertNumber(key, ordinal, fingerprints) >= 0) atOnce++;
  } else if (finder.addNumber(key, ordinal) >= 0) {
    atOnce++;
  }
}
const added = process.hrtime.bigint();
const stats = finder.stats;
let late = 0;
let last = -1;
for await (const batch of finder.finish()) {
  for (let i = 0; i < batch.ordinals.length; i++) {
    if (batch.ordinals[i]! <= last) throw new Error('finish() out of order');
    last = batch.ordinals[i]!;
    late++;
  }
}
const end = process.hrtime.bigint();
if (atOnce + late !== planted) throw new Error(`found ${atOnce} + ${late} repeats of ${planted}`);

const seconds = (from: bigint, to: bigint): number => Math.round(Number(to - from) / 1e7) / 100;
const MB = 2 ** 20;
console.log(
  JSON.stringify({
    structure: keyIndex !== null ? 'KeyIndex, 2 fingerprints' : 'RepeatFinder',
    keys: n,
    repeats: planted,
    budgetMB: Math.round(budget / MB),
    addSeconds: seconds(start, added),
    finishSeconds: seconds(added, end),
    keysPerSecond: Math.round(n / (Number(end - start) / 1e9)),
    repeatsAtOnce: atOnce,
    repeatsFromSpill: late,
    spilledPartitions: stats.spilledPartitions,
    spilledRecords: stats.spilledRecords,
    tablesPeakMB: keyIndex !== null ? null : Math.round(stats.peakBytes / MB),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    node: process.version,
  }),
);
