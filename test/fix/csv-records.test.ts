import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvRecordScanner, UnclosedQuoteError, type CsvRecord } from '../../src/fix/csv-records.js';

/** csv-parse with the options the check reader uses (src/input/csv.ts): what the check sees. */
function csvParse(text: string, delimiter: string): { records: string[][]; unclosed: boolean } {
  const records: string[][] = [];
  let unclosed = false;
  const parsed = parse(text, {
    delimiter,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_records_with_error: true,
    on_skip: (error: { code?: string } | undefined) => {
      if (error?.code === 'CSV_QUOTE_NOT_CLOSED') unclosed = true;
    },
  }) as string[][];
  records.push(...parsed);
  return { records, unclosed };
}

/** The scanner fed in the given chunk sizes. */
function scan(text: string, delimiter: string, cuts: number[] = []): { records: CsvRecord[]; unclosed: boolean; recordDelimiter: string | null } {
  const scanner = new CsvRecordScanner(delimiter);
  const records: CsvRecord[] = [];
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    if (cut <= from || cut >= text.length) continue;
    records.push(...scanner.push(text.slice(from, cut)));
    from = cut;
  }
  records.push(...scanner.push(text.slice(from)));
  try {
    records.push(...scanner.end());
    return { records, unclosed: false, recordDelimiter: scanner.recordDelimiter };
  } catch (error) {
    if (error instanceof UnclosedQuoteError) return { records, unclosed: true, recordDelimiter: scanner.recordDelimiter };
    throw error;
  }
}

const alphabet = fc.constantFrom('a', 'b', ',', ';', '"', '"', '\n', '\r', '\r\n', ' ', '\0', 'é');
const csvText = fc.array(alphabet, { maxLength: 40 }).map((parts) => parts.join(''));

describe('CsvRecordScanner', () => {
  it('agrees with csv-parse (the check reader) on generated inputs, however the input is chunked', () => {
    fc.assert(
      fc.property(csvText, fc.constantFrom(',', ';'), fc.array(fc.nat(40), { maxLength: 5 }), (text, delimiter, cuts) => {
        const expected = csvParse(text, delimiter);
        const got = scan(text, delimiter, cuts);
        expect(got.unclosed).toBe(expected.unclosed);
        if (!expected.unclosed) expect(got.records.map((r) => r.cells.map((c) => c.value))).toEqual(expected.records);
      }),
      { numRuns: 5000 },
    );
  });

  it('covers the input exactly: records and their line endings put together give the input back', () => {
    fc.assert(
      fc.property(csvText, fc.array(fc.nat(40), { maxLength: 5 }), (text, cuts) => {
        const got = scan(text, ',', cuts);
        if (got.unclosed) return;
        expect(got.records.map((r) => r.raw + r.terminator).join('')).toBe(text);
        for (const record of got.records) {
          // cells tile the record: each starts one delimiter after the previous one ends
          expect(record.cells[0]?.start).toBe(0);
          expect(record.cells.at(-1)?.end).toBe(record.raw.length);
          for (let i = 1; i < record.cells.length; i++) expect(record.cells[i]!.start).toBe(record.cells[i - 1]!.end + 1);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['a,b\r\n1,2\r\n', [['a', 'b'], ['1', '2']], '\r\n'],
    ['a,b\n"x, y","say ""hi"""\n', [['a', 'b'], ['x, y', 'say "hi"']], '\n'],
    ['a\r\n"line\nbreak"\r\nb\nc\r\n', [['a'], ['line\nbreak'], ['b\nc']], '\r\n'],
    ['a,b\rc,d', [['a', 'b'], ['c', 'd']], '\r'],
    ['x,ab"c"\n', [['x', 'ab"c"']], '\n'],
    ['"ab"c,d\n', [['"ab"c', 'd']], '\n'],
    ['a\n\nb\n', [['a'], [''], ['b']], '\n'],
  ])('%j → %j', (text, values, rd) => {
    const got = scan(text, ',');
    expect(got.records.map((r) => r.cells.map((c) => c.value))).toEqual(values);
    expect(got.records.map((r) => r.raw + r.terminator).join('')).toBe(text);
    expect(got.recordDelimiter).toBe(rd);
  });

  it('reports an unclosed quote with the line where its record starts', () => {
    const scanner = new CsvRecordScanner(',');
    const records = scanner.push('a,b\n1,2\n3,"open\nstill\n');
    expect(records.map((r) => r.line)).toEqual([1, 2]);
    expect(() => scanner.end()).toThrow(UnclosedQuoteError);
    try {
      scanner.end();
    } catch (error) {
      expect((error as UnclosedQuoteError).line).toBe(3);
    }
  });
});
