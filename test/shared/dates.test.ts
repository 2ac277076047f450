// Differential test of the compiled date parsers against date-fns `parse` + `isValid`, the oracle.
// Our parser is deliberately stricter in exactly two ways, asserted below rather than skipped:
//  1. widths: date-fns reads 1..n digits for a token of n letters ('1/1/99' is a date for
//     dd/MM/yyyy, year 99); we want exactly n for dd, MM, yyyy, HH, mm, ss (d and M take 1 or 2);
//  2. trailing white space: date-fns ignores it ('01/01/2000 '), we refuse it.
// Everything else must agree: which strings are dates, and which day they are.
import { isValid, parse } from 'date-fns';
import { describe, expect, it } from 'vitest';
import {
  compileDateParser,
  daysInMonth,
  dayNumber,
  formatDay,
  formatDayDmy,
  isoDay,
  isUsableDateFormat,
} from '../../src/shared/dates.js';

const FORMATS = ['dd/MM/yyyy', 'd/M/yyyy', 'yyyy-MM-dd', 'dd-MM-yyyy', 'dd/MM/yyyy HH:mm:ss'] as const;
type Format = (typeof FORMATS)[number];
const REFERENCE = new Date(2000, 0, 1);
const TOKEN = /yyyy|MM|mm|HH|ss|dd|M|d/g;
const WIDTH: Record<string, number> = { yyyy: 4, MM: 2, mm: 2, HH: 2, ss: 2, dd: 2, M: 1, d: 1 };

interface Parts {
  y: string;
  M: string;
  d: string;
  H: string;
  m: string;
  s: string;
}
const FIELD: Record<string, keyof Parts> = { yyyy: 'y', MM: 'M', M: 'M', dd: 'd', d: 'd', HH: 'H', mm: 'm', ss: 's' };

function render(format: Format, parts: Parts): string {
  return format.replace(TOKEN, (token) => parts[FIELD[token] as keyof Parts]);
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** Exactly the shape our parser wants; and the shape date-fns takes (1..n digits, trailing space). */
function shapes(format: Format): { strict: RegExp; lenient: RegExp; tokens: string[] } {
  const tokens = format.match(TOKEN) ?? [];
  const literals = format.split(TOKEN).map(escape);
  const build = (digits: (token: string) => string, tail: string): RegExp =>
    new RegExp(`^${literals.map((lit, i) => lit + (i < tokens.length ? `(${digits(tokens[i] as string)})` : '')).join('')}${tail}$`);
  return {
    strict: build((t) => (WIDTH[t] === 1 ? '\\d{1,2}' : `\\d{${WIDTH[t]}}`), ''),
    lenient: build((t) => `\\d{1,${Math.max(2, WIDTH[t] as number)}}`, '\\s*'),
    tokens,
  };
}

// mulberry32: a deterministic generator, so a failure names the same string on every run.
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function generate(format: Format, seed: number): string[] {
  const next = random(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T;
  const unpadded = format.startsWith('d/');
  const parts = (y: number, M: number, d: number, H = 0, m = 0, s = 0): Parts => ({
    y: pad(y, 4),
    M: unpadded && next() < 0.5 ? String(M) : pad(M, 2),
    d: unpadded && next() < 0.5 ? String(d) : pad(d, 2),
    H: pad(H, 2),
    m: pad(m, 2),
    s: pad(s, 2),
  });
  const year = (): number => (next() < 0.1 ? int(1, 999) : int(1900, 2100));
  const valid = (): string => {
    const y = year();
    const M = int(1, 12);
    return render(format, parts(y, M, int(1, daysInMonth(y, M)), int(0, 23), int(0, 59), int(0, 59)));
  };
  const out: string[] = [];

  for (let i = 0; i < 300; i++) out.push(valid());
  // any day 0..33 of any month 0..13: 31/04, 00/01, 13th months and the like
  for (let i = 0; i < 300; i++) out.push(render(format, parts(year(), int(0, 13), int(0, 33), int(0, 25), int(0, 61), int(0, 61))));
  for (const y of [4, 100, 400, 1600, 1700, 1800, 1900, 1996, 2000, 2023, 2024, 2100, 2400]) {
    out.push(render(format, parts(y, 2, 29)), render(format, parts(y, 2, 28)), render(format, parts(y, 2, 30)));
  }
  for (const M of [4, 6, 9, 11]) out.push(render(format, parts(2000, M, 31)), render(format, parts(2000, M, 30)));
  out.push(render(format, parts(2000, 1, 0)), render(format, parts(2000, 0, 1)), render(format, parts(0, 1, 1)));
  out.push(render(format, parts(2000, 1, 32)), render(format, parts(9999, 12, 31)), render(format, parts(1, 1, 1)));
  // one digit where two are wanted; two- and three-digit years; a five-digit year
  for (let i = 0; i < 60; i++) {
    const p = parts(year(), int(1, 12), int(1, 28), int(0, 23), int(0, 59), int(0, 59));
    const field = pick(['y', 'M', 'd', 'H', 'm', 's'] as const);
    if (field === 'y') p.y = pick([String(int(0, 99)), pad(int(0, 99), 2), String(int(100, 999)), String(int(10000, 99999))]);
    else p[field] = String(int(0, 9));
    out.push(render(format, p));
  }
  if (format.includes('HH')) {
    out.push(render(format, parts(2000, 1, 1, 24)), render(format, parts(2000, 1, 1, 23, 60)), render(format, parts(2000, 1, 1, 23, 59, 60)));
    out.push('01/01/2000 23:59', '01/01/2000', '01/01/2000T10:00:00', '01/01/2000  10:00:00');
  }
  // mutations of valid strings: letters, extra characters, missing parts, other separators
  const mutations: ((text: string) => string)[] = [
    (t) => ` ${t}`,
    (t) => `${t} `,
    (t) => `${t}\t`,
    (t) => `${t}x`,
    (t) => `${t}0`,
    (t) => `0${t}`,
    (t) => `ngày ${t}`,
    (t) => t.slice(0, int(0, t.length - 1)),
    (t) => t.slice(1),
    (t) => {
      const i = int(0, t.length - 1);
      return t.slice(0, i) + pick(['a', 'O', 'l', 'Z', 'đ', '.', '/', '-', ' ']) + t.slice(i + 1);
    },
    (t) => {
      const i = int(0, t.length - 1);
      return t.slice(0, i) + t.slice(i + 1);
    },
    (t) => t.replace(/[/-]/, pick(['.', '-', '/', ' ', '//'])),
    (t) => t.replace(/\d+/, ''),
    (t) => t.replace(/\d/, '\uff11'), // a full-width digit
  ];
  for (let i = 0; i < 400; i++) out.push(pick(mutations)(valid()));
  out.push('', ' ', 'N/A', 'null', '0', 'ab/cd/efgh', '--', '//', '1', '20000101', '2000-1-1', '1/1/2000', '01/01/2000');
  return out;
}

function oracle(text: string, format: Format): string | null {
  const date = parse(text, format, REFERENCE);
  if (!isValid(date)) return null;
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)}`;
}

describe('compileDateParser agrees with date-fns', () => {
  FORMATS.forEach((format, index) => {
    it(format, () => {
      const parser = compileDateParser(format);
      const { strict, lenient, tokens } = shapes(format);
      const texts = [...new Set(generate(format, 20261122 + index))];
      expect(texts.length).toBeGreaterThan(700);
      const tally = { dates: 0, calendar: 0, format: 0, narrower: 0, trailingSpace: 0 };

      for (const text of texts) {
        const ours = parser(text);
        const theirs = oracle(text, format);
        const shaped = strict.exec(text);
        // 'format' exactly when the text does not have the declared shape
        expect(ours === 'format', `${JSON.stringify(text)}: ${ours}`).toBe(shaped === null);

        if (typeof ours === 'number') {
          tally.dates++;
          expect(formatDay(ours), JSON.stringify(text)).toBe(theirs);
        } else if (theirs === null) {
          tally[ours]++;
        } else {
          // The documented difference: date-fns took a shape we refuse. Padding each field to its
          // token's width and dropping trailing white space must give a text we read as that day.
          const loose = lenient.exec(text);
          expect(loose, `date-fns reads ${JSON.stringify(text)} as ${theirs}; we say ${ours}`).not.toBeNull();
          const fields = Object.fromEntries(
            tokens.map((token, i) => [FIELD[token], pad(Number((loose as RegExpExecArray)[i + 1]), WIDTH[token] as number)]),
          ) as Partial<Parts>;
          const repaired = render(format, { y: '', M: '', d: '', H: '', m: '', s: '', ...fields });
          const day = parser(repaired);
          expect(typeof day === 'number' ? formatDay(day) : day, `${JSON.stringify(text)} → ${repaired}`).toBe(theirs);
          if (/\s$/.test(text)) tally.trailingSpace++;
          else tally.narrower++;
        }
      }
      // every branch is exercised, so a generator change cannot silently hollow out the test
      expect(tally.dates).toBeGreaterThan(300);
      expect(tally.calendar).toBeGreaterThan(50);
      expect(tally.format).toBeGreaterThan(100);
      expect(tally.trailingSpace).toBeGreaterThan(0);
      if (format !== 'd/M/yyyy') expect(tally.narrower).toBeGreaterThan(10);
    });
  });

  it('documents the differences on named examples', () => {
    const cases: [string, Format, string][] = [
      ['1/1/2000', 'dd/MM/yyyy', '2000-01-01'],
      ['01/01/99', 'dd/MM/yyyy', '0099-01-01'], // not 1999: yyyy is a literal year
      ['5/6/990', 'd/M/yyyy', '0990-06-05'],
      ['2000-1-1', 'yyyy-MM-dd', '2000-01-01'],
      ['01/01/2000 1:2:3', 'dd/MM/yyyy HH:mm:ss', '2000-01-01'],
      ['01/01/2000 ', 'dd/MM/yyyy', '2000-01-01'],
      ['01/01/2000\t', 'dd/MM/yyyy', '2000-01-01'],
      ['1-01-2000', 'dd-MM-yyyy', '2000-01-01'],
    ];
    for (const [text, format, day] of cases) {
      expect(oracle(text, format), text).toBe(day);
      expect(compileDateParser(format)(text), text).toBe('format');
    }
  });
});

describe("the 'iso' parser", () => {
  const iso = compileDateParser('iso');
  const table: [string, string | 'format' | 'calendar'][] = [
    ['2024-02-29', '2024-02-29'],
    ['1990-06-15', '1990-06-15'],
    ['0001-01-01', '0001-01-01'],
    ['0099-12-31', '0099-12-31'],
    ['9999-12-31', '9999-12-31'],
    ['2026-11-22T08:30', '2026-11-22'],
    ['2026-11-22 08:30:15', '2026-11-22'],
    ['2026-11-22T08:30:15.123456789', '2026-11-22'],
    ['2026-11-22T23:59:59Z', '2026-11-22'],
    ['2026-11-22T23:59:59+07:00', '2026-11-22'], // the day as written, not shifted to UTC
    ['2026-11-22T00:30:00-0500', '2026-11-22'],
    ['2026-11-22t23:59:59z', '2026-11-22'], // RFC 3339 allows lower case
    ['2026-11-22T23:59+07', '2026-11-22'], // an offset of whole hours
    ['2026-11-22T23:59:59,5+07:00', '2026-11-22'], // ISO 8601's decimal comma
    ['2026-11-22T23:59:59+7', 'format'],
    ['2023-02-29', 'calendar'],
    ['1900-02-29', 'calendar'],
    ['2024-04-31', 'calendar'],
    ['2024-13-01', 'calendar'],
    ['2024-00-10', 'calendar'],
    ['2024-01-00', 'calendar'],
    ['0000-01-01', 'calendar'],
    ['2024-01-01T24:00', 'calendar'],
    ['2024-01-01T23:60', 'calendar'],
    ['2024-1-1', 'format'],
    ['24-01-01', 'format'],
    ['20240101', 'format'],
    ['2024/01/01', 'format'],
    ['15/06/1990', 'format'],
    [' 2024-01-01', 'format'],
    ['2024-01-01 ', 'format'],
    ['2024-01-01T', 'format'],
    ['2024-01-01T08', 'format'],
    ['2024-01-01Z', 'format'],
    ['', 'format'],
  ];
  for (const [text, want] of table) {
    it(JSON.stringify(text), () => {
      const got = iso(text);
      expect(typeof got === 'number' ? formatDay(got) : got).toBe(want);
    });
  }
});

describe('date helpers', () => {
  it('dayNumber counts days from 1970-01-01, also before year 100', () => {
    expect(dayNumber(1970, 1, 1)).toBe(0);
    expect(dayNumber(2026, 11, 22)).toBe(20779);
    expect(dayNumber(1969, 12, 31)).toBe(-1);
    expect(formatDay(dayNumber(99, 3, 1))).toBe('0099-03-01');
    expect(formatDay(dayNumber(4, 2, 29))).toBe('0004-02-29');
  });
  it('formatDayDmy writes dd/MM/yyyy', () => {
    expect(formatDayDmy(dayNumber(2026, 11, 22))).toBe('22/11/2026');
    expect(formatDayDmy(dayNumber(5, 1, 9))).toBe('09/01/0005');
  });
  it('isoDay reads strict yyyy-MM-dd option values', () => {
    expect(isoDay('1900-01-01')).toBe(dayNumber(1900, 1, 1));
    expect(isoDay('1900-02-29')).toBeNull();
    expect(isoDay('1900-01-01T00:00')).toBeNull();
    expect(isoDay('today')).toBeNull();
  });
  it('isUsableDateFormat refuses formats date-fns would throw on at row time', () => {
    for (const format of ['iso', 'dd/MM/yyyy', 'd/M/yyyy', 'dd MMM yyyy', "dd 'tháng' MM yyyy", 'dd/MM/yy']) {
      expect(isUsableDateFormat(format), format).toBe(true);
    }
    // 'j' is met only after dd/MM/yyyy matched, so parsing '' alone did not reveal it (the bug fixed);
    // '' and formats without a year, month and day compiled to a parser that reads no day at all
    for (const format of ['', 'dd/MM/yyyy j', 'ngay dd', 'DD/MM/YYYY', 'dd/MM/YYYY', 'yyyy-MM-DD', 'YY', 'dd/MM', 'HH:mm']) {
      expect(isUsableDateFormat(format), format).toBe(false);
    }
  });
  it('a date-fns format never throws at row time', () => {
    const parser = compileDateParser('dd/MM/yyyy j');
    expect(parser('01/01/2000 j')).toBe('format');
  });
  it('formats the fast parser leaves to date-fns still read days', () => {
    const parser = compileDateParser("dd 'tháng' MM yyyy");
    expect(parser('15 tháng 06 1990')).toBe(dayNumber(1990, 6, 15));
    expect(parser('15/06/1990')).toBe('format');
  });
});

describe('civilFromDays', () => {
  it('inverts dayNumber over four centuries, leap days included', async () => {
    const { civilFromDays, dayNumber, daysInMonth } = await import('../../src/shared/dates.js');
    for (let y = 1800; y <= 2200; y += 1) {
      for (const m of [1, 2, 3, 12]) {
        for (const d of [1, 28, daysInMonth(y, m)]) expect(civilFromDays(dayNumber(y, m, d))).toEqual([y, m, d]);
      }
    }
  });
});
