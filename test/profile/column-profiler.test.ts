// One column, end to end: what the profile says must not depend on whether the column stayed
// under the exact-count cap (analysis per distinct value) or went over it (estimates, analysis per
// occurrence). The cap is lowered here so a few thousand rows cross it.
import { describe, expect, it } from 'vitest';
import { todayDay } from '../../src/shared/dates.js';
import { ColumnProfiler } from '../../src/profile/column-profiler.js';
import { LONG_VALUE_CHARS, ValueCounter } from '../../src/profile/value-counter.js';

function profile(values: readonly string[], cap?: number) {
  const profiler = new ColumnProfiler(cap);
  for (const v of values) profiler.add(v);
  return profiler.summarize(5, todayDay(), null);
}

/** Valid-looking personal IDs: Hà Nội code 001, century digit 0/1, a serial. */
function ids(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `001${i % 2}${String(80 + (i % 20)).padStart(2, '0')}${String(i).padStart(6, '0')}`);
}

describe('ColumnProfiler', () => {
  it('fill rate, distinct count, top values, shapes and length of a small column', () => {
    const result = profile(['Nam', 'Nữ', '', ' ', 'Nam', 'Nam', 'Nu\u0303']);
    expect(result).toMatchObject({
      rows: 7,
      filled: 5,
      fillRate: 5 / 7,
      type: 'text',
      distinct: { count: 3, exact: true },
      top: [
        { value: 'Nam', count: 3, error: 0 },
        { value: 'Nu\u0303', count: 1, error: 0 },
        { value: 'Nữ', count: 1, error: 0 },
      ],
      shapes: [{ shape: 'Aa', count: 5 }],
      // 'Nũ' written decomposed is 2 characters once composed, as the length check counts it.
      length: { min: 2, max: 3 },
      semantic: { type: 'sex', share: 1 },
    });
  });

  it('says the same about a column whether or not it crossed the exact cap', () => {
    const values = ids(3_000);
    const exact = profile(values);
    const estimated = profile(values, 500);
    expect(exact.distinct).toEqual({ count: 3_000, exact: true });
    expect(estimated.distinct.exact).toBe(false);
    expect(Math.abs(estimated.distinct.count - 3_000) / 3_000).toBeLessThan(0.02);
    for (const key of ['rows', 'filled', 'type', 'typeShare', 'shapes', 'length', 'semantic'] as const) {
      expect(estimated[key], key).toEqual(exact[key]);
    }
    expect(exact.semantic?.type).toBe('personal-id');
  });

  it('keeps a value repeated in an otherwise distinct column among the top values after the switch', () => {
    const values = ids(3_000);
    for (let i = 0; i < 3_000; i += 20) values[i] = '000000000000';
    const result = profile(values, 500);
    expect(result.top[0]?.value).toBe('000000000000');
    const count = result.top[0]?.count ?? 0;
    const error = result.top[0]?.error ?? 0;
    expect(count).toBeLessThanOrEqual(150);
    expect(150).toBeLessThanOrEqual(count + error);
  });

  it('reads a date column: type, format, range; 90% of the values must be dates', () => {
    const days = ['14/10/2013', '28/11/1949', '05/03/1990', '01/02/2003', '12/12/1962', '30/04/1975', '02/09/1945', '19/08/1980', '07/05/1954'];
    expect(profile([...days, '', 'không rõ'])).toMatchObject({
      type: 'date',
      dateFormat: 'dd/MM/yyyy',
      typeShare: 0.9,
      min: '1945-09-02',
      max: '2013-10-14',
    });
    expect(profile([...days.slice(1), 'không rõ', '?']).type).toBe('text');
  });

  it('gives a date column the role named for it, else a date of birth only for decades of past days', () => {
    const profiler = new ColumnProfiler();
    for (const v of ['2026-10-09', '2025-12-24', '2024-01-02']) profiler.add(v);
    expect(profiler.summarize(5, todayDay(), 'updated-date').semantic).toEqual({ type: 'updated-date', share: 1 });
    expect(profile(['2026-10-09', '2025-12-24', '2024-01-02']).semantic).toBeNull();
    expect(profile(['1950-10-09', '1975-12-24', '2004-01-02']).semantic).toEqual({ type: 'date-of-birth', share: 1 });
  });

  it('profiles an empty column', () => {
    expect(profile(['', '', '  '])).toMatchObject({ rows: 3, filled: 0, fillRate: 0, type: 'empty', length: null, semantic: null, top: [], shapes: [] });
  });

  it('does not keep long values whole: a 1 MB cell is counted by a clipped key', () => {
    const big = 'x'.repeat(1_000_000);
    const result = profile([big, big, 'short']);
    expect(result.distinct).toEqual({ count: 2, exact: true });
    expect(result.top[0]?.count).toBe(2);
    expect(result.top[0]?.value.length).toBeLessThan(LONG_VALUE_CHARS);
    expect(result.length).toEqual({ min: 5, max: 1_000_000 });
  });
});

describe('ValueCounter', () => {
  it('analyses each occurrence exactly once, before and after the switch', () => {
    let analysed = 0;
    const counter = new ValueCounter((_, count) => {
      analysed += count;
    }, 10);
    for (let i = 0; i < 1_000; i++) counter.add(`v${i % 50}`);
    counter.finish();
    expect(analysed).toBe(1_000);
    expect(counter.isExact).toBe(false);
  });

  it('defers analysis to one call per distinct value while it is exact', () => {
    const calls: [string, number][] = [];
    const counter = new ValueCounter((value, count) => calls.push([value, count]), 10);
    for (const v of ['a', 'b', 'a', 'a']) counter.add(v);
    expect(calls).toEqual([]);
    counter.finish();
    expect(calls).toEqual([
      ['a', 3],
      ['b', 1],
    ]);
  });
});
