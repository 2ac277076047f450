// HyperLogLog: the estimate of a distinct count, checked against the exact count. With 2^14
// registers the standard error is 0.81%; the hash is deterministic, so these figures do not move
// between runs, and the bounds (3 standard errors) hold for any good 64-bit hash.
import { describe, expect, it } from 'vitest';
import { HyperLogLog } from '../../src/profile/hyperloglog.js';

function estimateOf(values: Iterable<string>): number {
  const hll = new HyperLogLog();
  for (const value of values) hll.add(value);
  return hll.estimate();
}

function* numbered(count: number, prefix = ''): Generator<string> {
  for (let i = 0; i < count; i++) yield `${prefix}${i}`;
}

describe('HyperLogLog', () => {
  it('estimates 1,000,000 distinct values within 2.5% (3 standard errors)', { timeout: 30_000 }, () => {
    const estimate = estimateOf(numbered(1_000_000, '0791'));
    expect(Math.abs(estimate - 1_000_000) / 1_000_000).toBeLessThan(0.025);
  });

  it.each([0, 1, 10, 1_000, 20_000])('is within 2%% (or exact for tiny sets) at %i values, thanks to linear counting', (n) => {
    const estimate = estimateOf(numbered(n, 'id-'));
    if (n <= 10) expect(estimate).toBe(n);
    else expect(Math.abs(estimate - n) / n).toBeLessThan(0.02);
  });

  it('is not moved by repeated values', () => {
    const once = estimateOf(numbered(5_000, 'x'));
    const hll = new HyperLogLog();
    for (let round = 0; round < 4; round++) for (const v of numbered(5_000, 'x')) hll.add(v);
    expect(hll.estimate()).toBe(once);
  });

  it('tells values apart by their text, including Vietnamese letters', () => {
    expect(estimateOf(['Nguyễn', 'Nguyên', 'Nguyen', 'Nguyễn'])).toBe(3);
  });

  it('refuses a precision outside 4..16', () => {
    expect(() => new HyperLogLog(3)).toThrow(RangeError);
    expect(() => new HyperLogLog(17)).toThrow(RangeError);
  });
});
