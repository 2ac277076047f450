// Calendar arithmetic on day numbers (days since 1970-01-01, UTC) for the checks that compute a
// date from others (computed-date) or an age at a date (age-at). No Date object per call.
import { civilFromDays, compileDateParser, dayNumber, daysInMonth, isUsableDateFormat } from '../../shared/dates.js';

/** A calendar offset: whole years and months first (clamped to the month's end), then days. */
export interface DateOffset {
  years?: number;
  months?: number;
  days?: number;
}

/** JSON Schema of a DateOffset (shared by the options of several check types). */
export const OFFSET_SCHEMA = {
  type: 'object',
  properties: {
    years: { type: 'integer', minimum: -200, maximum: 200 },
    months: { type: 'integer', minimum: -2400, maximum: 2400 },
    days: { type: 'integer', minimum: -100000, maximum: 100000 },
  },
  additionalProperties: false,
} as const;

/** `day` moved by whole months; a day past the new month's end becomes its last day (31/01 + 1 month = 28/02). */
export function addMonths(day: number, months: number): number {
  const [y, m, d] = civilFromDays(day);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  return dayNumber(year, month, Math.min(d, daysInMonth(year, month)));
}

export function addOffset(day: number, offset: DateOffset): number {
  return addMonths(day, (offset.years ?? 0) * 12 + (offset.months ?? 0)) + (offset.days ?? 0);
}

/** The offset in whole months (years × 12 + months), for schedules by month. */
export function offsetMonths(offset: DateOffset): number {
  return (offset.years ?? 0) * 12 + (offset.months ?? 0);
}

export function endOfMonth(day: number): number {
  const [y, m] = civilFromDays(day);
  return dayNumber(y, m, daysInMonth(y, m));
}

/** Completed years of a person born on `birth` at `at` (a birthday on 29/02 is reached on 01/03 of other years). */
export function ageInYears(birth: number, at: number): number {
  const [by, bm, bd] = civilFromDays(birth);
  const [ay, am, ad] = civilFromDays(at);
  let age = ay - by;
  if (am < bm || (am === bm && ad < bd)) age--;
  return age;
}

const UNITS = { en: ['y', 'm', 'd'], vi: [' năm', ' tháng', ' ngày'] } as const;

/**
 * Text of an offset for a message, in one language ("10y", "60y 3m"; "10 năm", "60 năm 3 tháng"):
 * a check gives both forms as data, each template names its own.
 */
export function describeOffset(offset: DateOffset, lang: 'en' | 'vi' = 'en'): string {
  const [y, m, d] = UNITS[lang];
  const parts: string[] = [];
  if (offset.years) parts.push(`${offset.years}${y}`);
  if (offset.months) parts.push(`${offset.months}${m}`);
  if (offset.days) parts.push(`${offset.days}${d}`);
  return parts.length === 0 ? `0${d}` : parts.join(' ');
}

/**
 * A reader of a date column: the rule's `format` option, else the pack's format for the column,
 * else ISO. With `yearOnly`, a cell of exactly four digits reads as 1 January of that year (Decree
 * 135/2020/NĐ-CP Art. 3: a date of birth known by its year only counts from 1 January). Null when
 * the text is not a date: the `date` check reports that.
 */
export function dateReader(format: string | undefined, what: string, yearOnly = false): (text: string) => number | null {
  const declared = format ?? 'iso';
  if (!isUsableDateFormat(declared)) throw new Error(`${what}: unusable date format '${declared}'`);
  const parse = compileDateParser(declared);
  return (text) => {
    const trimmed = text.trim();
    if (yearOnly && /^\d{4}$/.test(trimmed)) return dayNumber(Number(trimmed), 1, 1);
    const day = parse(trimmed);
    return typeof day === 'number' ? day : null;
  };
}

/** A key as tables compare it: trimmed, inner spaces collapsed, and upper case unless case matters. */
export function tableKey(text: string, ignoreCase: boolean): string {
  const key = text.trim().replace(/\s+/g, ' ');
  return ignoreCase ? key.toLocaleUpperCase('vi') : key;
}
