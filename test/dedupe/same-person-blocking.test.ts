import { describe, expect, it } from 'vitest';
import { blockingPass, emptyStats, finishKey, mixKey, mixNumber } from '../../src/dedupe/same-person/blocking.js';
import { blockingKeys, HOUSEHOLD_MAX } from '../../src/dedupe/same-person/blocking-keys.js';
import { NameParser, NO_DAY, PersonStore, SEX_UNKNOWN } from '../../src/dedupe/same-person/records.js';

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

  it('cuts key hashes to 53 bits less the index bits beyond 2 million records, as the float64 sort did', () => {
    const count = 2 ** 21 + 1; // 22 index bits: 31 hash bits
    const keyOf = (i: number) => (i === 5 ? 2 : i === 9 ? 3 : i === 11 ? 4 : -1);
    const seen: string[] = [];
    blockingPass(count, keyOf, 100, (a, b) => seen.push(`${a}-${b}`), emptyStats());
    expect(seen).toEqual(['5-9']);
  });

  it('handles full 32-bit key hashes', () => {
    const key = finishKey(mixNumber(mixKey(1, 42), 84_912_345_678));
    expect(key).toBeGreaterThanOrEqual(0);
    expect(key).toBeLessThan(2 ** 32);
    expect(pairs([key, 0xffffffff, key, 0xffffffff], 10).pairs).toEqual(['0-2', '1-3']);
  });
});

interface Rec {
  given: string;
  family: string;
  dob?: number;
  id?: string;
  place?: string;
}

/** A store of records with names in two columns, as a register bound by role gives them. */
function storeOf(records: readonly Rec[]): PersonStore {
  const store = new PersonStore();
  const names = new NameParser(store.names, 'family-first');
  records.forEach((r, i) => {
    const name = names.parseParts(r.family, '', r.given, false)!;
    store.add({
      file: 0,
      row: i + 1,
      line: i + 2,
      family: name.family,
      middle: name.middle,
      given: name.given,
      flags: 0,
      dob: r.dob ?? 0,
      sex: SEX_UNKNOWN,
      id: r.id === undefined ? NaN : Number(r.id),
      idLength: r.id?.length ?? 0,
      place: r.place ? store.places.intern(r.place, '') : 0,
      phone: NaN,
      updated: NO_DAY,
    });
  });
  return store;
}

/** Whether records 0 and 1 of the store share a key in some pass. */
function meet(records: readonly Rec[]): boolean {
  const s = storeOf(records);
  return blockingKeys(s).some((key) => key(0) !== -1 && key(0) === key(1));
}

describe('blockingKeys', () => {
  const original: Rec = { given: 'julie', family: 'webb', dob: 19630911, id: '8748398', place: '38churchclosewallea4189nt' };

  it.each<[string, Rec, boolean]>([
    ['the same record', { ...original }, true],
    ['names swapped, a wrong day digit, a wrong ID digit, another address', { ...original, given: 'webb', family: 'julie', dob: 19630910, id: '8708398', place: 'elsewhere' }, true],
    ['a slip in the given name, a wrong day digit, a wrong digit in the first part of a 7-digit ID', { ...original, given: 'juli', dob: 19630918, id: '8848398', place: 'elsewhere' }, true],
    ['names swapped, a wrong month digit, a wrong digit in the last part of a 7-digit ID', { ...original, given: 'webb', family: 'julie', dob: 19630211, id: '8748397', place: 'elsewhere' }, true],
    ['both names with a slip, no birthday, no ID, at the same address', { given: 'jullie', family: 'wbeb', place: original.place }, true],
    ['both names with a slip, a wrong day digit, a wrong ID digit, another address', { given: 'jullie', family: 'wbeb', dob: 19630918, id: '8748393', place: 'elsewhere' }, false],
  ])('%s: %s', (_, other, expected) => {
    expect(meet([original, other])).toBe(expected);
  });

  it('brings together a slip in the given name with a wrong birthday digit, or with a wrong serial digit', () => {
    const a: Rec = { given: 'hoa', family: 'nguyen', dob: 19850312, id: '001185012345' };
    expect(meet([a, { ...a, given: 'hoaa', dob: 19850318, id: undefined }])).toBe(true);
    expect(meet([a, { ...a, given: 'hao', dob: 19850512, id: undefined }])).toBe(true);
    expect(meet([a, { ...a, given: 'hoaa', dob: 19890312, id: undefined }])).toBe(true);
    expect(meet([a, { ...a, given: 'hoaa', dob: undefined, id: '001185012346' }])).toBe(true);
    // … but not a slip in the first letter with a wrong birthday digit and no ID
    expect(meet([a, { ...a, given: 'toa', dob: 19850318, id: undefined }])).toBe(false);
  });

  it('keys an address only while few records hold it (a household, not a town)', () => {
    const at = (n: number) => Array.from({ length: n }, (_, i): Rec => ({ given: `given${i}`, family: `family${i}`, place: 'hanoi' }));
    expect(meet(at(HOUSEHOLD_MAX))).toBe(true);
    expect(meet(at(HOUSEHOLD_MAX + 1))).toBe(false);
  });

  it('splits a 12-digit ID after its first six digits, as before, and a 5-digit one not at all', () => {
    const a: Rec = { given: 'an', family: 'nguyen', dob: 19900102, id: '001090012345' };
    expect(meet([a, { ...a, given: 'binh', dob: 19850304, id: '002090012345' }])).toBe(true);
    const b: Rec = { given: 'ann', family: 'lee', dob: 19900102, id: '12345' };
    expect(meet([b, { ...b, given: 'bob', dob: 19850304, id: '22345' }])).toBe(false);
  });
});
