// Which date format a column is written in. Every candidate is tried on every value (through the
// compiled parsers of src/checks/support/dates.ts, ~0.1 µs each) until it has clearly lost: after
// PRUNE_AFTER values a candidate that read fewer than half of them is dropped, so a column settles
// on one or two parsers. The winner reads the most values; ties go to the earlier candidate, and
// the list puts day-first before month-first (the Vietnamese convention) and zero-padded before
// unpadded. So `05/03/1990` alone is 5 March, and a column switches to MM/dd/yyyy only when some
// value can only be read month-first (`10/14/2013`) and more values read that way than day-first.

import { compileDateParser, type DateParser } from '../shared/dates.js';

export const DATE_CANDIDATES = [
  'dd/MM/yyyy',
  'd/M/yyyy',
  'MM/dd/yyyy',
  'M/d/yyyy',
  'yyyy-MM-dd',
  'iso',
  'dd-MM-yyyy',
  'd-M-yyyy',
  'MM-dd-yyyy',
  'dd.MM.yyyy',
  'd.M.yyyy',
  'yyyy/MM/dd',
  'yyyyMMdd',
  'dd/MM/yyyy HH:mm:ss',
  'dd/MM/yyyy HH:mm',
] as const;

const PRUNE_AFTER = 200;
const MIN_DATE_CHARS = 6;
const MAX_DATE_CHARS = 32;

export interface DateFormatResult {
  format: string;
  /** Values (weighted by their count) the format reads as real days. */
  count: number;
  /** Earliest and latest day read, days since 1970-01-01. */
  min: number;
  max: number;
}

export class DateFormatTracker {
  private readonly parsers: DateParser[] = DATE_CANDIDATES.map((f) => compileDateParser(f));
  private readonly counts = new Float64Array(DATE_CANDIDATES.length);
  private readonly mins = new Float64Array(DATE_CANDIDATES.length).fill(Infinity);
  private readonly maxes = new Float64Array(DATE_CANDIDATES.length).fill(-Infinity);
  private readonly alive: boolean[] = DATE_CANDIDATES.map(() => true);
  private living: number = DATE_CANDIDATES.length;
  private seen = 0;

  /** One trimmed, non-blank value seen `weight` times. */
  add(text: string, weight: number): void {
    this.seen += weight;
    if (this.living === 0) return;
    const first = text.charCodeAt(0);
    if (text.length >= MIN_DATE_CHARS && text.length <= MAX_DATE_CHARS && first >= 48 && first <= 57) {
      for (let i = 0; i < this.parsers.length; i++) {
        if (!this.alive[i]) continue;
        const day = (this.parsers[i] as DateParser)(text);
        if (typeof day !== 'number') continue;
        this.counts[i] = (this.counts[i] as number) + weight;
        if (day < (this.mins[i] as number)) this.mins[i] = day;
        if (day > (this.maxes[i] as number)) this.maxes[i] = day;
      }
    }
    if (this.seen >= PRUNE_AFTER) this.prune();
  }

  /** The format that read the most values (earlier candidates win ties), or null when none read any. */
  best(): DateFormatResult | null {
    let best = -1;
    for (let i = 0; i < this.parsers.length; i++) {
      if (!this.alive[i] || (this.counts[i] as number) === 0) continue;
      if (best < 0 || (this.counts[i] as number) > (this.counts[best] as number)) best = i;
    }
    if (best < 0) return null;
    return {
      format: DATE_CANDIDATES[best] as string,
      count: this.counts[best] as number,
      min: this.mins[best] as number,
      max: this.maxes[best] as number,
    };
  }

  private prune(): void {
    for (let i = 0; i < this.parsers.length; i++) {
      if (this.alive[i] && (this.counts[i] as number) < this.seen / 2) {
        this.alive[i] = false;
        this.living--;
      }
    }
  }
}
