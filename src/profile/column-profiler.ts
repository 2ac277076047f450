// Everything dqc profile learns about one column, in one pass and bounded memory: the fill rate
// (exact), distinct count and top values (value-counter.ts), and per value its shape, length,
// type and semantic validators — the analysis, done once per distinct value while the column's
// counts are exact, once per occurrence after that.

import { formatDay } from '../shared/dates.js';
import { isBlank } from '../shared/text.js';
import { DateFormatTracker } from './date-formats.js';
import type { ColumnProfile } from './model.js';
import { dateRoleFromValues, SemanticTracker, type DateRole } from './semantic.js';
import { valueShape } from './shape.js';
import { TypeTracker } from './value-type.js';
import { EXACT_DISTINCT_CAP, ValueCounter, valueKey } from './value-counter.js';

/** Distinct shapes counted per column; shapes after that are only counted as uncounted. */
export const SHAPES_KEPT = 1_000;
/** Shapes listed in a profile. */
export const SHAPES_SHOWN = 10;

// Combining marks NFC may compose with the letter before them (Latin and Vietnamese tones, Hangul jamo, kana voicing).
const COMBINING = /[\u0300-\u036f]|[\u1100-\u11ff]|\u3099|\u309a/;

/** Code points, as the `length` check counts them (after NFC). */
function codePoints(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0xd800 || unit > 0xdbff) count++;
    else if (i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      count++;
      i++;
    } else count++;
  }
  return count;
}

export type ColumnSummary = Omit<ColumnProfile, 'name' | 'position' | 'field'>;

export class ColumnProfiler {
  private rows = 0;
  private filled = 0;
  private readonly counter: ValueCounter;
  private readonly types = new TypeTracker();
  private readonly dates = new DateFormatTracker();
  private readonly semantics = new SemanticTracker();
  private readonly shapes = new Map<string, number>();
  private shapesUncounted = 0;
  private minLength = Infinity;
  private maxLength = -Infinity;

  /** `exactCap`: distinct values counted exactly before the estimates take over (lowered in tests). */
  constructor(exactCap: number = EXACT_DISTINCT_CAP) {
    this.counter = new ValueCounter((value, count) => this.analyse(value, count), exactCap);
  }

  /** One cell of the column, as read (blank cells count towards the rows only). */
  add(text: string): void {
    this.rows++;
    if (isBlank(text)) return;
    this.filled++;
    const { key, long } = valueKey(text);
    if (long) this.analyse(text, 1);
    this.counter.add(key);
  }

  /**
   * The column's profile. `roleFromHeader` is the date role its header or binding names; without
   * one a date column may still be recognised as a date of birth by its values.
   */
  summarize(top: number, today: number, roleFromHeader: DateRole | null): ColumnSummary {
    this.counter.finish();
    const decision = this.types.decide(this.filled, this.dates.best());
    let semantic: ColumnSummary['semantic'] = null;
    if (decision.type === 'date') {
      const role = roleFromHeader ?? dateRoleFromValues(decision.min as number, decision.max as number, today);
      if (role) semantic = { type: role, share: decision.share };
    } else if (decision.type === 'text' || decision.type === 'integer') {
      // Identifier columns without a leading zero (tax codes, BHXH codes of some provinces) read as integers.
      semantic = this.semantics.decide(this.filled, this.counter.distinct().count);
    }
    const isDate = decision.type === 'date';
    const shapes = [...this.shapes]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .slice(0, SHAPES_SHOWN)
      .map(([shape, count]) => ({ shape, count }));
    return {
      rows: this.rows,
      filled: this.filled,
      fillRate: this.rows === 0 ? 0 : this.filled / this.rows,
      type: decision.type,
      typeShare: decision.share,
      dateFormat: decision.dateFormat,
      decimalSeparator: decision.decimalSeparator,
      min: decision.min === null ? null : isDate ? formatDay(decision.min) : decision.min,
      max: decision.max === null ? null : isDate ? formatDay(decision.max) : decision.max,
      length: this.filled === 0 ? null : { min: this.minLength, max: this.maxLength },
      distinct: this.counter.distinct(),
      top: this.counter.top(top),
      shapes,
      shapesUncounted: this.shapesUncounted,
      semantic,
    };
  }

  private analyse(value: string, count: number): void {
    const shape = valueShape(value);
    const seen = this.shapes.get(shape);
    if (seen !== undefined) this.shapes.set(shape, seen + count);
    else if (this.shapes.size < SHAPES_KEPT) this.shapes.set(shape, count);
    else this.shapesUncounted += count;

    // Only combining marks change the length NFC gives; most values have none and skip the normalisation.
    const length = codePoints(COMBINING.test(value) ? value.normalize('NFC') : value);
    if (length < this.minLength) this.minLength = length;
    if (length > this.maxLength) this.maxLength = length;

    const trimmed = value.trim();
    this.types.add(trimmed, count);
    this.dates.add(trimmed, count);
    this.semantics.add(trimmed, count);
  }
}
