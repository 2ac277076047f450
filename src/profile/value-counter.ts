// Distinct count and most frequent values of one column in bounded memory. Up to EXACT_DISTINCT_CAP
// distinct values are counted exactly in a Map (most columns of an export never leave this stage:
// sex, province, status, dates of a commune); past it the column switches to a HyperLogLog for the
// distinct count and a Misra–Gries summary for the top values, seeded from the exact counts.
//
// The analysis of a value (its type, shape, date formats, semantic validators) is handed to
// `analyse(value, count)` exactly once per occurrence: while counts are exact it is deferred and
// done once per distinct value with its count, which makes a column of 1M rows and 60 provinces
// cost 60 analyses; after the switch every occurrence is analysed as it comes.

import { hash64 } from '../dedupe/hash.js';
import { HyperLogLog } from './hyperloglog.js';
import { FrequentValues, type TopValue } from './frequent.js';

export const EXACT_DISTINCT_CAP = 10_000;
/** Counters of the top-value summary after the switch: values seen more than 1/1000 of the rows are kept. */
export const TOP_COUNTERS = 1_000;
/** Values longer than this are keyed by a prefix and a hash: a 1 MB cell must not be kept 10,000 times. */
export const LONG_VALUE_CHARS = 256;
const LONG_PREFIX_CHARS = 200;
/** Marks a key that stands for a long value (U+FFFF is a noncharacter: text does not hold it). */
const LONG_MARK = '\uffff';

export type Analyse = (value: string, count: number) => void;

export interface DistinctCount {
  count: number;
  /** False once the HyperLogLog estimate (±0.81 % standard error) replaced the exact count. */
  exact: boolean;
}

/** The key a value is counted under; long values also say that the caller must analyse them itself. */
export function valueKey(value: string): { key: string; long: boolean } {
  if (value.length <= LONG_VALUE_CHARS) return { key: value, long: false };
  const [hi, lo] = hash64(value);
  return { key: `${LONG_MARK}${value.slice(0, LONG_PREFIX_CHARS)}…#${hi.toString(16)}${lo.toString(16)}`, long: true };
}

/** The text a key shows as in a report. */
export function displayValue(key: string): string {
  return key.startsWith(LONG_MARK) ? key.slice(1, key.lastIndexOf('#')) : key;
}

export class ValueCounter {
  private exact: Map<string, number> | null = new Map();
  private hll: HyperLogLog | null = null;
  private summary: FrequentValues | null = null;

  constructor(
    private readonly analyse: Analyse,
    private readonly cap: number = EXACT_DISTINCT_CAP,
  ) {}

  /** One occurrence; a long value (see valueKey) is analysed by the caller, never here. */
  add(key: string): void {
    if (this.exact) {
      this.exact.set(key, (this.exact.get(key) ?? 0) + 1);
      if (this.exact.size > this.cap) this.overflow(this.exact);
      return;
    }
    (this.hll as HyperLogLog).add(key);
    (this.summary as FrequentValues).add(key);
    if (!key.startsWith(LONG_MARK)) this.analyse(key, 1);
  }

  /** Analyses what is still waiting (the whole column when it stayed exact). Call once, at the end. */
  finish(): void {
    if (!this.exact) return;
    for (const [key, count] of this.exact) if (!key.startsWith(LONG_MARK)) this.analyse(key, count);
  }

  get isExact(): boolean {
    return this.exact !== null;
  }

  distinct(): DistinctCount {
    if (this.exact) return { count: this.exact.size, exact: true };
    return { count: (this.hll as HyperLogLog).estimate(), exact: false };
  }

  /** The k most frequent values, largest count first, ties in code-unit order. */
  top(k: number): TopValue[] {
    if (this.summary) return this.summary.top(k).map((t) => ({ ...t, value: displayValue(t.value) }));
    const entries = [...(this.exact as Map<string, number>)];
    entries.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return entries.slice(0, k).map(([value, count]) => ({ value: displayValue(value), count, error: 0 }));
  }

  private overflow(exact: Map<string, number>): void {
    const hll = new HyperLogLog();
    const summary = new FrequentValues(TOP_COUNTERS);
    for (const [key, count] of exact) {
      hll.add(key);
      if (!key.startsWith(LONG_MARK)) this.analyse(key, count);
    }
    summary.seed(exact);
    this.exact = null;
    this.hll = hll;
    this.summary = summary;
  }
}
