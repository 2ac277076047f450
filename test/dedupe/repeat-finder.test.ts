import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DqcError } from '../../src/errors.js';
import { MAX_ORDINAL, RepeatFinder, type RepeatFinderOptions } from '../../src/dedupe/repeat-finder.js';
import { liveTemps, removeLiveTemps } from '../../src/shared/temp-files.js';
import { random } from '../support/random.js';

/** A key of either kind, as the Map below tells them apart. */
type Key = { kind: 'number'; value: number } | { kind: 'hash'; hi: number; lo: number };
const name = (key: Key): string => (key.kind === 'number' ? `n${key.value}` : `h${key.hi}:${key.lo}`);

/**
 * `count` keys drawn from `distinct` possible ones (so about count/distinct repeats each), numeric
 * 12-digit IDs and hashes mixed, some of them colliding on the 64 bits of the other kind.
 */
function keys(count: number, distinct: number, seed: number): Key[] {
  const next = random(seed);
  const out: Key[] = [];
  for (let i = 0; i < count; i++) {
    const k = next() % distinct;
    if (k % 3 === 0) out.push({ kind: 'hash', hi: Math.floor(k / 7), lo: k * 2654435761 });
    else if (k % 3 === 1) out.push({ kind: 'number', value: 100_000_000_000 + k * 9973 });
    // The bit pattern of numeric key k as a hash: must not match it.
    else out.push({ kind: 'hash', hi: 0, lo: k });
  }
  return out;
}

/** Every repeat as [ordinal, first ordinal], by a plain Map. */
function expected(list: Key[], ordinals: number[]): [number, number][] {
  const first = new Map<string, number>();
  const pairs: [number, number][] = [];
  list.forEach((key, i) => {
    const seen = first.get(name(key));
    if (seen === undefined) first.set(name(key), ordinals[i]!);
    else pairs.push([ordinals[i]!, seen]);
  });
  return pairs;
}

interface Outcome {
  atOnce: [number, number][];
  late: [number, number][];
  finder: RepeatFinder;
  stats: RepeatFinder['stats'];
}

async function run(list: Key[], ordinals: number[], options: RepeatFinderOptions): Promise<Outcome> {
  const finder = new RepeatFinder(options);
  const atOnce: [number, number][] = [];
  list.forEach((key, i) => {
    const ordinal = ordinals[i]!;
    const first = key.kind === 'number' ? finder.addNumber(key.value, ordinal) : finder.addHash(key.hi, key.lo, ordinal);
    if (first >= 0) atOnce.push([ordinal, first]);
  });
  const stats = finder.stats;
  const late: [number, number][] = [];
  for await (const batch of finder.finish()) {
    expect(batch.firsts.length).toBe(batch.ordinals.length);
    for (let i = 0; i < batch.ordinals.length; i++) late.push([batch.ordinals[i]!, batch.firsts[i]!]);
  }
  return { atOnce, late, finder, stats };
}

/** Increasing ordinals with gaps, the first 0. */
function ordinalsFor(count: number, seed: number): number[] {
  const next = random(seed);
  const out: number[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    out.push(at);
    at += 1 + (next() % 3);
  }
  return out;
}

const byOrdinal = (a: [number, number], b: [number, number]): number => a[0] - b[0];

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'repeat-finder-'));
});
afterEach(() => {
  // A failed test must not leave its files listed for the next one's checks.
  removeLiveTemps();
  rmSync(dir, { recursive: true, force: true });
});

describe('RepeatFinder', () => {
  it('tells every repeat at once, with its first ordinal, when nothing spills', async () => {
    const list = keys(60_000, 20_000, 7);
    const ordinals = ordinalsFor(list.length, 3);
    const want = expected(list, ordinals);
    expect(want.length).toBeGreaterThan(30_000);
    const { atOnce, late, stats } = await run(list, ordinals, { tempDirectory: dir });
    expect(atOnce).toEqual(want);
    expect(late).toEqual([]);
    expect(stats.spilledPartitions).toBe(0);
    expect(stats.keys).toBe(list.length - want.length);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('finds the same repeats, each once, when a tiny budget spills partitions to disk', async () => {
    const list = keys(80_000, 40_000, 11);
    const ordinals = ordinalsFor(list.length, 5);
    const want = expected(list, ordinals);
    const budget = 384 * 1024;
    const { atOnce, late, stats } = await run(list, ordinals, { tempDirectory: dir, memoryBudget: budget });
    // Some partitions stayed in memory, some went to disk: both paths are in play.
    expect(stats.spilledPartitions).toBeGreaterThan(1);
    expect(stats.spilledPartitions).toBeLessThan(stats.partitions);
    expect(stats.spilledRecords).toBeGreaterThan(0);
    expect(atOnce.length).toBeGreaterThan(0);
    expect(late.length).toBeGreaterThan(0);
    // finish() hands its repeats over in ordinal order.
    expect(late).toEqual([...late].sort(byOrdinal));
    expect([...atOnce, ...late].sort(byOrdinal)).toEqual(want);
    // Tables within the budget; spill buffers (6 KB a spilled partition) come on top.
    expect(stats.peakBytes).toBeLessThanOrEqual(budget + stats.spilledPartitions * 6 * 1024);
    expect(readdirSync(dir)).toEqual([]);
    expect(liveTemps()).toEqual([]);
  });

  it('fits keys in a budget that holds them only at a load of 0.8–0.9, by even shares, without spilling', async () => {
    // 200k keys × 12 bytes at a load of 0.8 is exactly 3 MB: the tables must share the budget evenly
    // and fill past 0.8 (doubling would overshoot it and spill).
    const finder = new RepeatFinder({ tempDirectory: dir, memoryBudget: 3_000_000, partitionBits: 4 });
    let repeats = 0;
    for (let i = 0; i < 200_000; i++) if (finder.addNumber(100_000_000_000 + i * 7919, i) >= 0) repeats++;
    expect(repeats).toBe(0);
    expect(finder.stats).toMatchObject({ keys: 200_000, spilledPartitions: 0 });
    expect(finder.stats.peakBytes).toBeLessThanOrEqual(3_000_000);
    expect(finder.addNumber(100_000_000_000 + 5 * 7919, 200_000)).toBe(5);
    finder.close();
    // Under 0.9 it cannot fit: some partitions go to disk.
    const tight = new RepeatFinder({ tempDirectory: dir, memoryBudget: 2_500_000, partitionBits: 4 });
    for (let i = 0; i < 200_000; i++) tight.addNumber(100_000_000_000 + i * 7919, i);
    expect(tight.stats.spilledPartitions).toBeGreaterThan(0);
    expect(tight.stats.peakBytes).toBeLessThanOrEqual(2_500_000 + 16 * 6 * 1024);
    tight.close();
  });

  it('spills everything under a zero budget and still finds every repeat, in order', async () => {
    const list = keys(30_000, 5_000, 13);
    const ordinals = ordinalsFor(list.length, 9);
    const { atOnce, late, stats } = await run(list, ordinals, { tempDirectory: dir, memoryBudget: 0, partitionBits: 4 });
    expect(stats.partitions).toBe(16);
    expect(stats.spilledPartitions).toBe(16);
    expect(atOnce).toEqual([]);
    expect(late).toEqual(expected(list, ordinals));
    // More than one batch, so the batches follow each other in order too.
    expect(late.length).toBeGreaterThan(4096);
  });

  it('works with one partition, and spills it past the budget', async () => {
    const list = keys(20_000, 8_000, 17);
    const ordinals = ordinalsFor(list.length, 1);
    const { atOnce, late, stats } = await run(list, ordinals, { tempDirectory: dir, memoryBudget: 64 * 1024, partitionBits: 0 });
    expect(stats.spilledPartitions).toBe(1);
    expect(atOnce.length).toBeGreaterThan(0);
    expect([...atOnce, ...late].sort(byOrdinal)).toEqual(expected(list, ordinals));
  });

  it('never takes a numeric key for a hashed key of the same 64 bits, in memory or spilled', async () => {
    for (const memoryBudget of [undefined, 0]) {
      const finder = new RepeatFinder({ tempDirectory: dir, memoryBudget });
      expect(finder.addNumber(5, 1)).toBe(-1); // hi 0, lo 5
      expect(finder.addHash(0, 5, 2)).toBe(-1);
      expect(finder.addNumber(2 ** 32 + 7, 3)).toBe(-1); // hi 1, lo 7
      expect(finder.addHash(1, 7, 4)).toBe(-1);
      const numberAgain = finder.addNumber(5, 5);
      const hashAgain = finder.addHash(0, 5, 6);
      const late: number[][] = [];
      for await (const batch of finder.finish()) for (let i = 0; i < batch.ordinals.length; i++) late.push([batch.ordinals[i]!, batch.firsts[i]!]);
      if (memoryBudget === undefined) {
        expect([numberAgain, hashAgain, late]).toEqual([1, 2, []]);
      } else {
        expect([numberAgain, hashAgain, late]).toEqual([-1, -1, [[5, 1], [6, 2]]]);
      }
    }
  });

  it('keeps numeric keys exact up to 2^53 − 1 and hashed keys on all 64 bits', async () => {
    const finder = new RepeatFinder({ tempDirectory: dir });
    const big = Number.MAX_SAFE_INTEGER;
    expect(finder.addNumber(big, 0)).toBe(-1);
    expect(finder.addNumber(big - 1, 1)).toBe(-1);
    expect(finder.addHash(0xffffffff, 0xffffffff, 2)).toBe(-1);
    expect(finder.addHash(0xffffffff, 0xfffffffe, 3)).toBe(-1);
    expect(finder.addNumber(big, 4)).toBe(0);
    expect(finder.addHash(0xffffffff, 0xffffffff, 5)).toBe(2);
    expect(finder.addHash(-1, -2, 6)).toBe(3); // int32 halves are read as uint32
    finder.close();
  });

  it('refuses ordinals that do not increase or do not fit, and keys that are not numeric', () => {
    const finder = new RepeatFinder({ tempDirectory: dir });
    expect(finder.addNumber(1, 10)).toBe(-1);
    expect(() => finder.addNumber(2, 10)).toThrow(RangeError);
    expect(() => finder.addNumber(2, 9)).toThrow(RangeError);
    expect(() => finder.addNumber(2, 10.5)).toThrow(RangeError);
    expect(() => finder.addNumber(2, MAX_ORDINAL + 1)).toThrow(RangeError);
    for (const key of [-1, 0.5, 2 ** 53, Number.NaN]) expect(() => finder.addNumber(key, 11)).toThrow(RangeError);
    expect(finder.addNumber(1, MAX_ORDINAL)).toBe(10);
    expect(() => new RepeatFinder({ partitionBits: 9 })).toThrow(RangeError);
    finder.close();
  });

  it('removes its temporary files when the caller stops reading the repeats early', async () => {
    const finder = new RepeatFinder({ tempDirectory: dir, memoryBudget: 0 });
    for (let i = 0; i < 20_000; i++) finder.addNumber(i % 5_000, i);
    expect(readdirSync(dir).length).toBeGreaterThan(0);
    expect(liveTemps().length).toBeGreaterThan(0);
    let batches = 0;
    await expect(async () => {
      for await (const batch of finder.finish()) {
        batches++;
        expect(batch.ordinals.length).toBeGreaterThan(0);
        throw new Error('the caller failed');
      }
    }).rejects.toThrow('the caller failed');
    expect(batches).toBe(1);
    expect(readdirSync(dir)).toEqual([]);
    expect(liveTemps()).toEqual([]);
    expect(() => finder.addNumber(1, 30_000)).toThrow();
  });

  it('takes no key once finish() is called, even before its repeats are read', () => {
    const finder = new RepeatFinder({ tempDirectory: dir });
    finder.addNumber(1, 0);
    const repeats = finder.finish();
    expect(() => finder.addNumber(1, 1)).toThrow('add after finish');
    expect(() => finder.finish()).toThrow('finish twice');
    void repeats;
    finder.close();
  });

  it('removes its temporary files on close() without finish()', () => {
    const finder = new RepeatFinder({ tempDirectory: dir, memoryBudget: 0 });
    for (let i = 0; i < 10_000; i++) finder.addNumber(i, i);
    expect(readdirSync(dir).length).toBeGreaterThan(0);
    finder.close();
    finder.close();
    expect(readdirSync(dir)).toEqual([]);
    expect(liveTemps()).toEqual([]);
  });

  it('fails as an operational error, leaving no file, when the spill folder cannot be written', () => {
    const finder = new RepeatFinder({ tempDirectory: join(dir, 'missing'), memoryBudget: 0 });
    let error: unknown;
    try {
      for (let i = 0; i < 100; i++) finder.addNumber(i, i);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DqcError);
    expect((error as DqcError).code).toBe('DQC_OUTPUT_UNWRITABLE');
    expect((error as DqcError).data.reason).toBe('ENOENT');
    expect(liveTemps()).toEqual([]);
  });

  it('fails as an operational error, removing what it wrote, when a spill file disappears before finish()', async () => {
    const finder = new RepeatFinder({ tempDirectory: dir, memoryBudget: 0, partitionBits: 1 });
    for (let i = 0; i < 5_000; i++) finder.addNumber(i % 100, i);
    for (const file of readdirSync(dir)) rmSync(join(dir, file));
    await expect(async () => {
      for await (const batch of finder.finish()) expect(batch).toBeUndefined();
    }).rejects.toMatchObject({ code: 'DQC_OUTPUT_UNWRITABLE' });
    expect(readdirSync(dir)).toEqual([]);
    expect(liveTemps()).toEqual([]);
  });
});
