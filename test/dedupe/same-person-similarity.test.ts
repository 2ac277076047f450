import { describe, expect, it } from 'vitest';
import {
  compareDates,
  foldWord,
  jaroWinkler,
  oneDigitOff,
  PairMemo,
  toneNeutralKey,
  withinOneEdit,
} from '../../src/dedupe/same-person/similarity.js';

describe('jaroWinkler', () => {
  it.each([
    // Winkler (1990) and the usual textbook values
    ['martha', 'marhta', 0.961],
    ['dwayne', 'duane', 0.84],
    ['dixon', 'dicksonx', 0.813],
    ['crate', 'trace', 0.733],
    ['jellyfish', 'smellyfish', 0.896],
    ['huong', 'huogn', 0.953],
    ['an', 'anh', 0.911],
  ])('%s / %s ≈ %d', (a, b, expected) => {
    expect(jaroWinkler(a, b)).toBeCloseTo(expected, 3);
    expect(jaroWinkler(b, a)).toBeCloseTo(expected, 3);
  });

  it('is 1 for equal strings and 0 for nothing in common or one empty side', () => {
    expect(jaroWinkler('nguyen', 'nguyen')).toBe(1);
    expect(jaroWinkler('', '')).toBe(1);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    expect(jaroWinkler('abc', '')).toBe(0);
  });

  it('gives the same value on strings longer than 32 characters', () => {
    const a = 'nguyen thi thu huong nguyen thi thu huong';
    const b = 'nguyen thi thu huogn nguyen thi thu huong';
    expect(jaroWinkler(a, b)).toBeGreaterThan(0.95);
    expect(jaroWinkler(a, b)).toBeLessThan(1);
  });
});

describe('withinOneEdit', () => {
  it.each([
    ['huong', 'huong', true],
    ['huong', 'huonh', true], // substitution
    ['huong', 'huogn', true], // neighbours swapped
    ['huong', 'hung', true], // deletion
    ['thanh', 'thanhh', true], // insertion
    ['huong', 'hugno', false],
    ['an', 'binh', false],
  ])('%s / %s → %s', (a, b, expected) => {
    expect(withinOneEdit(a, b)).toBe(expected);
    expect(withinOneEdit(b, a)).toBe(expected);
  });
});

describe('toneNeutralKey and foldWord', () => {
  it('gives Hoà and Hòa, NFC and NFD one key', () => {
    expect(toneNeutralKey('Hoà')).toBe('hoa2');
    expect(toneNeutralKey('Hòa')).toBe('hoa2');
    expect(toneNeutralKey('Hòa'.normalize('NFD'))).toBe('hoa2');
    expect(toneNeutralKey('Thuỷ')).toBe(toneNeutralKey('Thủy'));
  });

  it('keeps vowel marks and đ, so Hưng and Hùng differ', () => {
    expect(toneNeutralKey('Hưng')).toBe('hưng');
    expect(toneNeutralKey('Hùng')).toBe('hung2');
    expect(toneNeutralKey('Đặng')).toBe('đăng5');
  });

  it('folds to ASCII letters', () => {
    expect(foldWord('Nguyễn')).toBe('nguyen');
    expect(foldWord('ĐẶNG')).toBe('dang');
    expect(foldWord("H'Hen")).toBe('hhen');
  });
});

describe('compareDates', () => {
  it.each([
    [19900102, 19900102, 'exact'],
    [19900102, 19900201, 'swapped'],
    [19900102, 19900105, 'one-digit'],
    [19900102, 19910102, 'one-digit'],
    [19500214, 19800214, 'one-digit-decade'],
    [19900102, 19900315, 'same-year'],
    [19900102, 19650102, 'different'],
  ] as const)('%d / %d → %s', (a, b, expected) => {
    expect(compareDates(a, b)).toBe(expected);
  });

  it('reads equal dates as swapped when only one was read with day and month exchanged', () => {
    expect(compareDates(19901225, 19901225, false, true)).toBe('swapped');
    expect(compareDates(19901225, 19901225, true, true)).toBe('exact');
  });
});

describe('oneDigitOff', () => {
  it('counts leading zeros as digits', () => {
    expect(oneDigitOff(1_090_012_345, 1_090_012_346, 12)).toBe(true);
    expect(oneDigitOff(1_090_012_345, 101_090_012_345, 12)).toBe(true);
    expect(oneDigitOff(1_090_012_345, 1_090_012_354, 12)).toBe(false);
    expect(oneDigitOff(1_090_012_345, 1_090_012_345, 12)).toBe(false);
  });
});

describe('PairMemo', () => {
  it('remembers a level for a pair in either order, and nothing for another pair', () => {
    const memo = new PairMemo(100);
    expect(memo.get(3, 7)).toBe(-1);
    memo.set(7, 3, 5);
    expect(memo.get(3, 7)).toBe(5);
    expect(memo.get(7, 3)).toBe(5);
    expect(memo.get(3, 8)).toBe(-1);
    memo.set(0, 0, 0);
    expect(memo.get(0, 0)).toBe(0);
  });

  it('grows past its first table, and starts again empty once it holds `capacity` pairs', () => {
    const capacity = 5000;
    const memo = new PairMemo(capacity);
    for (let k = 0; k < capacity; k++) memo.set(k, 2_000_000_000 - k, k % 200);
    for (let k = 0; k < capacity; k++) expect(memo.get(2_000_000_000 - k, k)).toBe(k % 200);
    // the table is full: the next pair empties it first
    for (let k = capacity; k < 2 * capacity; k++) memo.set(k, k + 1, 1);
    expect(memo.get(0, 2_000_000_000)).toBe(-1);
    expect(memo.get(2 * capacity - 1, 2 * capacity)).toBe(1);
  });
});
