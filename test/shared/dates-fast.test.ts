import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileDateParser, compileTokens, dayNumber, dayNumberByDate } from '../../src/shared/dates.js';

describe('dayNumber by integer arithmetic', () => {
  it('equals the Date-based reference for every real month, day overflow and years 0..99 included', () => {
    fc.assert(
      fc.property(fc.integer({ min: -3000, max: 12000 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: -40, max: 70 }), (y, m, d) => {
        expect(dayNumber(y, m, d)).toBe(dayNumberByDate(y, m, d));
      }),
      { numRuns: 20_000 },
    );
  });

  it('keeps Date’s rules for months outside 1..12', () => {
    for (const [y, m, d] of [[2024, 13, 1], [2024, 0, 31], [2024, -1, 1], [99, 14, 2]] as const) {
      expect(dayNumber(y, m, d)).toBe(dayNumberByDate(y, m, d));
    }
  });
});

describe('fixed-width date formats read by position', () => {
  const FORMATS = ['dd/MM/yyyy', 'yyyy-MM-dd', 'yyyyMMdd', 'dd-MM-yyyy HH:mm:ss', 'MM/dd/yyyy', 'dd/MM/yyyy dd'];
  // Text near the formats: digits, their separators, and a few others, of lengths around theirs.
  const nearDate = fc.string({ unit: fc.constantFrom(...'0123456789/-: .x٣'.split(''), '0', '1', '2', '9'), minLength: 6, maxLength: 22 });

  it.each(FORMATS)('%s gives what the general token reader gives, for any text', (format) => {
    const fixed = compileDateParser(format);
    const general = compileTokens(format)!;
    fc.assert(
      fc.property(nearDate, (text) => {
        expect(fixed(text)).toBe(general(text));
      }),
      { numRuns: 5_000 },
    );
    // Text of the format's own shape (digits where it has letters, its separators, now and then
    // another character), so that most inputs get past the shape and into the calendar checks.
    const shape = format.replace(/[A-Za-z]/g, 'D');
    const shaped = fc
      .tuple(
        fc.array(fc.integer({ min: 0, max: 99 }), { minLength: shape.length, maxLength: shape.length }),
        fc.integer({ min: -1, max: shape.length }),
      )
      .map(([dice, cut]) => {
        const text = [...shape]
          .map((c, i) => {
            const d = dice[i]!;
            if (d >= 97) return '/';
            if (c !== 'D') return d >= 94 ? '-' : c;
            return String(d < 40 ? d % 3 : d % 10); // small digits often, so days and months are often real
          })
          .join('');
        return cut >= 0 && cut < text.length ? text.slice(0, cut) + text.slice(cut + 1) : text;
      });
    fc.assert(
      fc.property(shaped, (text) => {
        expect(fixed(text)).toBe(general(text));
      }),
      { numRuns: 20_000 },
    );
    // and on real dates, valid and not
    for (const text of ['01/02/2024', '29/02/2023', '31/12/1899', '00/01/2000', '2024-02-29', '20240230', '01-01-2020 23:59:59', '01-01-2020 24:00:00', '12/31/2024', '01/02/2024 03']) {
      expect(fixed(text)).toBe(general(text));
    }
  });
});
