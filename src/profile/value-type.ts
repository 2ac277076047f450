// The storage type of a column: what its values are as data, before what they mean. A type is
// chosen when at least TYPE_SHARE of the non-blank values fit it (the rest are what a steward
// wants to see, not a reason to call a date column text); otherwise the column is text.
// A digit string with a leading zero (an ID, a phone number) is text: the zero matters, and
// reading it as a number loses it, which is the most common damage a spreadsheet does to an export.

import { numberParser, type NumberParser } from '../shared/numbers.js';
import { foldText } from '../vn/fold.js';
import type { DateFormatResult } from './date-formats.js';

export const TYPE_SHARE = 0.9;
/** A few leading-zero values in a number column are allowed (a stray '07') before it counts as codes. */
const CODE_SHARE_ALLOWED = 0.01;
/** yyyyMMdd is also an 8-digit number: it is a date only when its years are plausible. */
const COMPACT_DATE_YEARS = [1900, 2100] as const;

export type ValueType = 'empty' | 'boolean' | 'date' | 'integer' | 'decimal' | 'text';

const BOOLEAN_WORDS = new Set(['true', 'false', 'yes', 'no', 'y', 'n', 't', 'f', 'co', 'khong', 'dung', 'sai']);
const INTEGER = /^[+-]?\d+$/;
const DECIMAL_POINT = /^[+-]?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d*\.\d+)$/;
const DECIMAL_COMMA = /^[+-]?(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d*,\d+)$/;
const parsePoint: NumberParser = numberParser('.');
const parseComma: NumberParser = numberParser(',');

class Range {
  min = Infinity;
  max = -Infinity;
  add(n: number | null): void {
    if (n === null || !Number.isFinite(n)) return;
    if (n < this.min) this.min = n;
    if (n > this.max) this.max = n;
  }
  /** [min, max], or nulls when no number was seen. */
  get bounds(): { min: number | null; max: number | null } {
    return this.min <= this.max ? { min: this.min, max: this.max } : { min: null, max: null };
  }
}

export interface TypeDecision {
  type: ValueType;
  /** Share of the non-blank values that fit the type (1 for text). */
  share: number;
  dateFormat: string | null;
  decimalSeparator: '.' | ',' | null;
  min: number | null;
  max: number | null;
}

/** Counts, over trimmed non-blank values with their weights, how many fit each type. */
export class TypeTracker {
  private booleans = 0;
  private integers = 0;
  /** Digit strings with a leading zero. */
  private codes = 0;
  private points = 0;
  private commas = 0;
  private readonly integerRange = new Range();
  private readonly pointRange = new Range();
  private readonly commaRange = new Range();

  add(text: string, weight: number): void {
    const first = text.charCodeAt(0);
    const numeric = (first >= 48 && first <= 57) || first === 43 || first === 45 || first === 46 || first === 44;
    if (!numeric) {
      if (text.length <= 5 && BOOLEAN_WORDS.has(foldText(text))) this.booleans += weight;
      return;
    }
    if (INTEGER.test(text)) {
      const digits = text.replace(/^[+-]/, '');
      if (digits.length > 1 && digits.startsWith('0')) {
        this.codes += weight;
        return;
      }
      this.integers += weight;
      const n = Number(text);
      this.integerRange.add(n);
      this.pointRange.add(n);
      this.commaRange.add(n);
      return;
    }
    if (DECIMAL_POINT.test(text)) {
      this.points += weight;
      this.pointRange.add(parsePoint(text));
    }
    if (DECIMAL_COMMA.test(text)) {
      this.commas += weight;
      this.commaRange.add(parseComma(text));
    }
  }

  decide(nonBlank: number, date: DateFormatResult | null): TypeDecision {
    const none = { dateFormat: null, decimalSeparator: null, min: null, max: null };
    if (nonBlank === 0) return { type: 'empty', share: 0, ...none };
    const enough = (count: number) => count >= TYPE_SHARE * nonBlank;
    if (enough(this.booleans)) return { type: 'boolean', share: this.booleans / nonBlank, ...none };
    if (date && enough(date.count) && plausibleDate(date)) {
      return { type: 'date', share: date.count / nonBlank, dateFormat: date.format, decimalSeparator: null, min: date.min, max: date.max };
    }
    const numbers = this.integers + this.codes;
    if (enough(numbers) && this.codes <= CODE_SHARE_ALLOWED * numbers) {
      return { type: 'integer', share: this.integers / nonBlank, dateFormat: null, decimalSeparator: null, ...this.integerRange.bounds };
    }
    // '1.234' fits both separators; more values decide, and a tie goes to the point of program exports.
    const separator = this.commas > this.points ? ',' : '.';
    const decimals = separator === ',' ? this.commas : this.points;
    if (decimals > 0 && enough(this.integers + decimals)) {
      const range = separator === ',' ? this.commaRange : this.pointRange;
      return { type: 'decimal', share: (this.integers + decimals) / nonBlank, dateFormat: null, decimalSeparator: separator, ...range.bounds };
    }
    return { type: 'text', share: 1, ...none };
  }
}

function plausibleDate(date: DateFormatResult): boolean {
  if (date.format !== 'yyyyMMdd') return true;
  const year = (day: number) => new Date(day * 86_400_000).getUTCFullYear();
  return year(date.min) >= COMPACT_DATE_YEARS[0] && year(date.max) <= COMPACT_DATE_YEARS[1];
}
