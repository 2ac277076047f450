import { createRequire } from 'node:module';

// date-fns reads only the formats the fast parser does not know ('dd MMM yyyy', quoted literals …),
// which few packs use; importing it costs ~130 ms of start-up (its index is ~300 modules, the three
// functions still ~60 ms), so it is loaded on first use, synchronously, from its CommonJS build.
type DateFns = Pick<typeof import('date-fns'), 'format' | 'isValid' | 'parse'>;
let dateFnsLoaded: DateFns | undefined;
function dateFns(): DateFns {
  if (!dateFnsLoaded) {
    const load = createRequire(import.meta.url);
    dateFnsLoaded = {
      format: (load('date-fns/format') as Pick<DateFns, 'format'>).format,
      isValid: (load('date-fns/isValid') as Pick<DateFns, 'isValid'>).isValid,
      parse: (load('date-fns/parse') as Pick<DateFns, 'parse'>).parse,
    };
  }
  return dateFnsLoaded;
}
const parse: DateFns['parse'] = (...args) => dateFns().parse(...args);
const isValid: DateFns['isValid'] = (...args) => dateFns().isValid(...args);
const formatDate: DateFns['format'] = (...args) => dateFns().format(...args);

// Dates are handled as whole days since 1970-01-01 (UTC): data quality rules compare calendar
// days, and integers avoid time-zone surprises and per-cell Date objects.

const MS_PER_DAY = 86_400_000;

/** Why a text is not a date: it does not have the declared shape, or the day does not exist (31/02). */
export type DateFailure = 'format' | 'calendar';
export type DateParser = (text: string) => number | DateFailure;

export function dayNumber(year: number, month: number, day: number): number {
  // Integer arithmetic for a real month (H. Hinnant's days_from_civil): Date.UTC costs ~100 ns and
  // runs for every date cell. Other months (13, 0) keep Date's overflow rules below.
  if (month >= 1 && month <= 12 && Number.isInteger(year) && Number.isInteger(day)) return daysFromCivil(year, month, day);
  return dayNumberByDate(year, month, day);
}

/** Days since 1970-01-01 of a proleptic Gregorian date, month 1..12 (a day past the month's end runs on, as with Date.UTC). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** dayNumber through Date: the reference the integer arithmetic is tested against. */
export function dayNumberByDate(year: number, month: number, day: number): number {
  if (year >= 100) return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
  // Date.UTC reads years 0..99 as 1900..1999; setUTCFullYear does not.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.floor(date.getTime() / MS_PER_DAY);
}

/**
 * Year, month and day of a day number, by integer arithmetic (H. Hinnant's civil_from_days):
 * no Date object and no string per call, for checks that need it on every row.
 */
export function civilFromDays(dayNumber: number): [year: number, month: number, day: number] {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** ISO yyyy-MM-dd of a day number. */
export function formatDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The UTC calendar day of a moment. */
export function todayDay(now: Date = new Date()): number {
  return Math.floor(now.getTime() / MS_PER_DAY);
}

type Token =
  | { kind: 'num'; field: 'y' | 'M' | 'd' | 'H' | 'm' | 's'; min: number; max: number }
  | { kind: 'lit'; text: string };

const FAST_TOKENS: Record<string, Token> = {
  yyyy: { kind: 'num', field: 'y', min: 4, max: 4 },
  MM: { kind: 'num', field: 'M', min: 2, max: 2 },
  M: { kind: 'num', field: 'M', min: 1, max: 2 },
  dd: { kind: 'num', field: 'd', min: 2, max: 2 },
  d: { kind: 'num', field: 'd', min: 1, max: 2 },
  HH: { kind: 'num', field: 'H', min: 2, max: 2 },
  mm: { kind: 'num', field: 'm', min: 2, max: 2 },
  ss: { kind: 'num', field: 's', min: 2, max: 2 },
};

/** Splits a date-fns style format into the tokens the fast parser knows, or null if it has others. */
function tokenize(format: string): Token[] | null {
  const tokens: Token[] = [];
  let i = 0;
  while (i < format.length) {
    const ch = format[i] as string;
    if (/[A-Za-z]/.test(ch)) {
      let j = i;
      while (format[j] === ch) j++;
      const token = FAST_TOKENS[format.slice(i, j)];
      if (!token) return null;
      tokens.push(token);
      i = j;
    } else if (ch === "'") {
      return null; // quoted literals: leave to date-fns
    } else {
      tokens.push({ kind: 'lit', text: ch });
      i++;
    }
  }
  return tokens;
}

/**
 * A format whose numbers all have a fixed width (dd/MM/yyyy, yyyyMMdd, yyyy-MM-dd HH:mm:ss) read
 * by position: the text must have the format's length, its literals where they belong and digits
 * everywhere else, which is exactly when the general parser below reads it (each number takes
 * exactly its width, so the lengths add up). Null for other formats.
 */
function compileFixed(tokens: Token[]): DateParser | null {
  const fields = 'yMdHms';
  const literal: number[] = [];
  const field: number[] = [];
  /** Where a number starts: a field written twice keeps its last value, as in the general reader. */
  const starts: boolean[] = [];
  for (const token of tokens) {
    if (token.kind === 'lit') {
      for (let i = 0; i < token.text.length; i++) {
        literal.push(token.text.charCodeAt(i));
        field.push(-1);
        starts.push(false);
      }
    } else {
      if (token.min !== token.max) return null;
      for (let i = 0; i < token.min; i++) {
        literal.push(-1);
        field.push(fields.indexOf(token.field));
        starts.push(i === 0);
      }
    }
  }
  if (!field.includes(0) || !field.includes(1) || !field.includes(2)) return null;
  const length = literal.length;
  const values = new Int32Array(6);
  return (text) => {
    if (text.length !== length) return 'format';
    values.fill(0);
    for (let i = 0; i < length; i++) {
      const code = text.charCodeAt(i);
      const f = field[i] as number;
      if (f < 0) {
        if (code !== literal[i]) return 'format';
        continue;
      }
      const digit = code - 48;
      if (digit < 0 || digit > 9) return 'format';
      values[f] = (starts[i] ? 0 : (values[f] as number) * 10) + digit;
    }
    const y = values[0] as number;
    const M = values[1] as number;
    const d = values[2] as number;
    if (y < 1 || M < 1 || M > 12 || d < 1 || d > daysInMonth(y, M) || (values[3] as number) > 23 || (values[4] as number) > 59 || (values[5] as number) > 59) {
      return 'calendar';
    }
    return dayNumber(y, M, d);
  };
}

/** The general token reader: numbers of 1 or 2 digits (d, M) as well as fixed ones. */
export function compileTokens(format: string): DateParser | null {
  const tokens = tokenize(format);
  return tokens ? compileGeneral(tokens) : null;
}

function compileFast(tokens: Token[]): DateParser {
  return compileFixed(tokens) ?? compileGeneral(tokens);
}

function compileGeneral(tokens: Token[]): DateParser {
  return (text) => {
    let pos = 0;
    let y = -1;
    let M = -1;
    let d = -1;
    let H = 0;
    let m = 0;
    let s = 0;
    for (const token of tokens) {
      if (token.kind === 'lit') {
        if (!text.startsWith(token.text, pos)) return 'format';
        pos += token.text.length;
        continue;
      }
      let value = 0;
      let width = 0;
      while (width < token.max && pos < text.length) {
        const c = text.charCodeAt(pos) - 48;
        if (c < 0 || c > 9) break;
        value = value * 10 + c;
        pos++;
        width++;
      }
      if (width < token.min) return 'format';
      if (token.field === 'y') y = value;
      else if (token.field === 'M') M = value;
      else if (token.field === 'd') d = value;
      else if (token.field === 'H') H = value;
      else if (token.field === 'm') m = value;
      else s = value;
    }
    if (pos !== text.length || y < 0 || M < 0 || d < 0) return 'format';
    if (y < 1 || M < 1 || M > 12 || d < 1 || d > daysInMonth(y, M) || H > 23 || m > 59 || s > 59) return 'calendar';
    return dayNumber(y, M, d);
  };
}

// ISO 8601 / RFC 3339: `T`, `t` or a space before the time; a decimal fraction after `.` or `,`; a
// zone `Z`/`z` or an offset of hours with or without minutes (+07, +0700, +07:00).
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?(?:[Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;

/** `iso`: yyyy-MM-dd with an optional time and zone, the calendar day as written. */
const parseIso: DateParser = (text) => {
  const match = ISO_DATE.exec(text);
  if (!match) return 'format';
  const y = Number(match[1]);
  const M = Number(match[2]);
  const d = Number(match[3]);
  const H = Number(match[4] ?? 0);
  const m = Number(match[5] ?? 0);
  const s = Number(match[6] ?? 0);
  if (y < 1 || M < 1 || M > 12 || d < 1 || d > daysInMonth(y, M) || H > 23 || m > 59 || s > 59) return 'calendar';
  return dayNumber(y, M, d);
};

const REFERENCE_DATE = new Date(2000, 0, 1);

/** date-fns for formats the fast parser does not know ('dd MMM yyyy', quoted literals …). */
function compileDateFns(format: string): DateParser {
  return (text) => {
    let parsed: Date;
    try {
      parsed = parse(text, format, REFERENCE_DATE);
    } catch {
      // A check must not throw at row time; isUsableDateFormat should have refused such a format.
      return 'format';
    }
    if (!isValid(parsed)) return 'format';
    return dayNumber(parsed.getFullYear(), parsed.getMonth() + 1, parsed.getDate());
  };
}

const cache = new Map<string, DateParser>();

/**
 * A parser for one declared format, compiled once per rule: a per-cell date-fns `parse` costs
 * ~4 µs, the compiled one ~0.1 µs (DESIGN.md, "What costs what"). Formats are date-fns tokens;
 * `iso` means yyyy-MM-dd with an optional time.
 */
export function compileDateParser(format: string): DateParser {
  let parser = cache.get(format);
  if (!parser) {
    const tokens = format === 'iso' ? null : tokenize(format);
    parser = format === 'iso' ? parseIso : tokens ? compileFast(tokens) : compileDateFns(format);
    cache.set(format, parser);
  }
  return parser;
}

// date-fns prints a console warning for week-year (Y) and day-of-year (D) tokens before it throws;
// in a data export they are always a slip for y and d, so they are refused before date-fns sees them.
const QUOTED = /'(''|[^'])*('|$)/g;

/** True when a parser compiled from the format can read days (and date-fns will not throw on it). */
export function isUsableDateFormat(format: string): boolean {
  if (format === 'iso') return true;
  // The fast parser reads no day without a year, a month and a day ('' and 'dd/MM' used to pass).
  const tokens = tokenize(format);
  if (tokens) return (['y', 'M', 'd'] as const).every((f) => tokens.some((t) => t.kind === 'num' && t.field === f));
  if (/[DY]/.test(format.replace(QUOTED, ''))) return false;
  // date-fns only meets a bad token once every token before it has matched, so parsing '' proves
  // nothing; a round trip through the format's own output walks every token.
  try {
    return isValid(parse(formatDate(REFERENCE_DATE, format), format, REFERENCE_DATE));
  } catch {
    return false;
  }
}

/** dd/MM/yyyy of a day number: how dates are written in messages. */
export function formatDayDmy(day: number): string {
  const iso = formatDay(day);
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** The day of a strict yyyy-MM-dd text (option values), or null when it is not a real day. */
export function isoDay(text: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const day = parseIso(text);
  return typeof day === 'number' ? day : null;
}

/**
 * A date written in another form than the declared one, read where it can be (only for a text the
 * declared parser refused, so nothing here runs for a well-formed date):
 * - `day`: one reading, the same whatever the writer meant — ISO `yyyy-MM-dd` (with a time and a
 *   zone), year first (1942/7/10, 1942-7-10), day and month unpadded or in the other order when only one
 *   order gives a real day (26/5/2024, 5/26/2024) or both give the same (7/7/2024), an Excel serial
 *   in a plausible range;
 * - `ambiguous`: day and month could be either way round (5/6/2024): the two days;
 * - null: no reading (a two-digit year, text, an impossible day).
 */
export type OtherDateForm =
  | { kind: 'day'; day: number; form: 'iso' | 'year-first' | 'day-month' | 'month-day' | 'excel-serial' }
  | { kind: 'ambiguous'; days: [number, number] }
  | null;

const YEAR_FIRST = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
const DAY_MONTH = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/;
const SERIAL = /^[1-9]\d{1,4}$/;
/** Excel's serial of 1900-03-01 (its day 60 is the 29 Feb 1900 that never was) and of 2099-12-31. */
const SERIAL_MIN = 61;
const SERIAL_MAX = 73_050;
/** Day number of Excel's serial 0 for serials from 61 on (1899-12-30). */
const SERIAL_EPOCH = -25_569;

function realDay(y: number, M: number, d: number): number | null {
  return y >= 1 && M >= 1 && M <= 12 && d >= 1 && d <= daysInMonth(y, M) ? dayNumber(y, M, d) : null;
}

export function readOtherDateForm(text: string): OtherDateForm {
  const iso = parseIso(text);
  if (typeof iso === 'number') return { kind: 'day', day: iso, form: 'iso' };
  const yearFirst = YEAR_FIRST.exec(text);
  if (yearFirst) {
    const day = realDay(Number(yearFirst[1]), Number(yearFirst[3]), Number(yearFirst[4]));
    return day === null ? null : { kind: 'day', day, form: 'year-first' };
  }
  const dayMonth = DAY_MONTH.exec(text);
  if (dayMonth) {
    const a = Number(dayMonth[1]);
    const b = Number(dayMonth[3]);
    const y = Number(dayMonth[4]);
    const dayFirst = realDay(y, b, a);
    const monthFirst = realDay(y, a, b);
    if (dayFirst !== null && monthFirst !== null && dayFirst !== monthFirst) return { kind: 'ambiguous', days: [dayFirst, monthFirst] };
    if (dayFirst !== null) return { kind: 'day', day: dayFirst, form: 'day-month' };
    return monthFirst === null ? null : { kind: 'day', day: monthFirst, form: 'month-day' };
  }
  if (SERIAL.test(text)) {
    const serial = Number(text);
    if (serial >= SERIAL_MIN && serial <= SERIAL_MAX) return { kind: 'day', day: SERIAL_EPOCH + serial, form: 'excel-serial' };
  }
  return null;
}

/**
 * The day written in a declared date format, or null when the format has a time of day (a date alone
 * cannot fill it) or its own parser would not read the text back as that day.
 */
export function formatDayAs(day: number, format: string): string | null {
  const [y, M, d] = civilFromDays(day);
  let text: string;
  if (format === 'iso') text = `${String(y).padStart(4, '0')}-${String(M).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  else {
    const tokens = tokenize(format);
    if (tokens) {
      if (tokens.some((t) => t.kind === 'num' && (t.field === 'H' || t.field === 'm' || t.field === 's'))) return null;
      text = tokens
        .map((t) => (t.kind === 'lit' ? t.text : String(t.field === 'y' ? y : t.field === 'M' ? M : d).padStart(t.min, '0')))
        .join('');
    } else {
      if (/[HhmsSaAkKbBX]/.test(format.replace(QUOTED, ''))) return null;
      try {
        text = formatDate(new Date(y, M - 1, d), format);
      } catch {
        return null;
      }
    }
  }
  return compileDateParser(format)(text) === day ? text : null;
}
