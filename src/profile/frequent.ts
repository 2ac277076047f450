// Frequent values in bounded memory: Misra–Gries (1982). At most `capacity` counters; a value
// without one takes a free counter, and when none is free every counter is decremented instead
// (counters reaching 0 are freed). Each such round removes `capacity` + 1 occurrences from the
// totals, so there are at most n / (capacity + 1) rounds: amortised O(1) per value, even for a
// column where every value is new (an ID), where a heap-based summary pays O(log capacity) each
// time. Guarantees: a kept value's true count is between its counter and counter + `error` (the
// number of rounds, plus the largest count seeding dropped); a value not kept was seen at most
// `error` times; without seeding, every value more frequent than n / (capacity + 1) is kept.

export interface TopValue {
  value: string;
  /** A lower bound of the value's count; exact when `error` is 0. */
  count: number;
  /** The true count is at most `count + error`. */
  error: number;
}

export class FrequentValues {
  private readonly counts = new Map<string, number>();
  private error = 0;

  constructor(readonly capacity: number) {
    if (capacity < 1) throw new RangeError('FrequentValues needs at least one counter');
  }

  /**
   * Starts from exact counts (the largest `capacity` of them are kept). A value left out was seen at
   * most as often as the largest count left out: that much is added to the error of every count.
   */
  seed(exact: Iterable<[string, number]>): void {
    const sorted = [...exact].sort((a, b) => b[1] - a[1]);
    for (const [value, count] of sorted.slice(0, this.capacity)) this.counts.set(value, count);
    this.error += sorted[this.capacity]?.[1] ?? 0;
  }

  add(value: string): void {
    const count = this.counts.get(value);
    if (count !== undefined) {
      this.counts.set(value, count + 1);
      return;
    }
    if (this.counts.size < this.capacity) {
      this.counts.set(value, 1);
      return;
    }
    this.error++;
    for (const [key, n] of this.counts) {
      if (n <= 1) this.counts.delete(key);
      else this.counts.set(key, n - 1);
    }
  }

  /** The `k` largest counters, largest first (ties by value, for a deterministic order). */
  top(k: number): TopValue[] {
    return [...this.counts]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .slice(0, k)
      .map(([value, count]) => ({ value, count, error: this.error }));
  }
}
