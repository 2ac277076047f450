// Misra–Gries frequent values: the two guarantees the profile relies on, checked on random streams
// against exact counts, and the exact behaviour while every value has a counter.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FrequentValues } from '../../src/profile/frequent.js';

function exactCounts(stream: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of stream) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

describe('FrequentValues', () => {
  it('counts exactly while there are no more values than counters', () => {
    const fv = new FrequentValues(3);
    for (const v of ['Nam', 'Nữ', 'Nam', 'Nam', '']) fv.add(v);
    expect(fv.top(10)).toEqual([
      { value: 'Nam', count: 3, error: 0 },
      { value: '', count: 1, error: 0 },
      { value: 'Nữ', count: 1, error: 0 },
    ]);
  });

  it('keeps every value seen more than n/(capacity+1) times, with count ≤ true ≤ count + error; a value not kept was seen at most error times', () => {
    const stream = fc.array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom('a', 'b', 'c') }, { weight: 5, arbitrary: fc.string({ maxLength: 3 }) }), {
      maxLength: 400,
    });
    fc.assert(
      fc.property(stream, fc.integer({ min: 1, max: 12 }), (values, capacity) => {
        const fv = new FrequentValues(capacity);
        for (const v of values) fv.add(v);
        const exact = exactCounts(values);
        const kept = new Map(fv.top(capacity).map((t) => [t.value, t]));
        for (const [value, count] of exact) {
          if (count > values.length / (capacity + 1)) expect(kept.has(value)).toBe(true);
          const top = kept.get(value);
          if (top) {
            expect(top.count).toBeLessThanOrEqual(count);
            expect(count).toBeLessThanOrEqual(top.count + top.error);
          } else if (kept.size > 0) {
            expect(count).toBeLessThanOrEqual([...kept.values()][0]?.error ?? 0);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('after seeding from exact counts, a value left out is counted within the error', () => {
    const fv = new FrequentValues(2);
    fv.seed(
      new Map([
        ['x', 10],
        ['y', 7],
        ['z', 5],
      ]),
    );
    for (let i = 0; i < 6; i++) fv.add('z');
    const top = fv.top(5);
    // z was seen 11 times; it never got a counter back, so the error must cover all of it.
    expect(top.map((t) => t.value)).toEqual(['x', 'y']);
    expect(top[0]?.error).toBeGreaterThanOrEqual(11);
    expect(top[0]).toMatchObject({ value: 'x', count: 4 });
    expect(10).toBeLessThanOrEqual((top[0]?.count ?? 0) + (top[0]?.error ?? 0));
  });
});
