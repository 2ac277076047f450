import fc from 'fast-check';
import { normalizeHeader } from '../../src/input/reader.js';

// Models of input files for the property tests: a table (header + records) or a list of JSON
// elements, and a writer that turns a model into the bytes of a file in one of the ways real
// exports do (delimiter, quoting, line ends, BOM, encoding). Because the file is written from the
// model, the test knows the truth: the header, every record, and the physical line of each.

export const DELIMITERS = [',', ';', '\t', '|'] as const;

/** Characters that trouble a CSV reader, mixed with ordinary and arbitrary ones. */
const TRICKY = [',', ';', '\t', '|', '"', '\r', '\n', ' ', '\u0000', 'Đ', 'ạ', 'ế', 'ư', '\u0301', '😀', '\u00a0', '\u200b', '\u2028', '=', "'", '\\'];

/**
 * One character of a cell. U+FFFD is left out because dqc reports it (the trace of a bad
 * conversion; a separate test covers it), and U+FEFF because at the start of a file it is a BOM.
 */
const cellChar = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...TRICKY) },
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).filter((c) => c !== '\ufffd' && c !== '\ufeff') },
);

export const cell = (alphabet: fc.Arbitrary<string> = cellChar) => fc.string({ unit: alphabet, maxLength: 10 });

export interface TableModel {
  header: string[];
  records: string[][];
}

/**
 * A header and records; `ragged` lets records have another width than the header.
 *
 * A record whose fields are all empty (`""`, nothing, or `,,,`) is a blank row to dqc, not a data
 * row: see isBlankRecord. A header of empty names only is left out: dqc would pass it as a blank
 * row and take the next record as the header (test/input/blank-rows.test.ts covers that).
 */
export function tableModel(alphabet?: fc.Arbitrary<string>, ragged = true): fc.Arbitrary<TableModel> {
  return fc
    .integer({ min: 1, max: 6 })
    .chain((width) =>
      fc.record({
        header: fc.array(cell(alphabet), { minLength: width, maxLength: width }),
        records: fc.array(
          fc.oneof(
            { weight: 6, arbitrary: fc.array(cell(alphabet), { minLength: width, maxLength: width }) },
            { weight: ragged ? 1 : 0, arbitrary: fc.array(cell(alphabet), { minLength: 1, maxLength: 8 }) },
          ),
          { maxLength: 8 },
        ),
      }),
    )
    .filter(({ header }) => header.some((name) => name !== ''));
}

/** A record dqc reads as a blank row (reported, not numbered, not in `rows`): every field empty, unless the header has one column. */
export function isBlankRecord(cells: readonly string[], headerWidth: number): boolean {
  return headerWidth !== 1 && cells.every((cell) => cell === '');
}

export interface CsvLayout {
  delimiter: (typeof DELIMITERS)[number];
  /** minimal: quote only what must be; all: every field; random: some extra; stray: leave inner quotes bare. */
  quoting: 'minimal' | 'all' | 'random' | 'stray';
  newline: '\n' | '\r\n';
  trailingNewline: boolean;
  /** Which fields get extra quotes under `random` (cycled). */
  extraQuotes: boolean[];
}

export const csvLayout: fc.Arbitrary<CsvLayout> = fc.record({
  delimiter: fc.constantFrom(...DELIMITERS),
  quoting: fc.constantFrom('minimal', 'all', 'random', 'stray'),
  newline: fc.constantFrom('\n', '\r\n'),
  trailingNewline: fc.boolean(),
  extraQuotes: fc.array(fc.boolean(), { minLength: 1, maxLength: 7 }),
});

export interface WrittenCsv {
  text: string;
  /** Physical line where each record starts (the header is on line 1). */
  lines: number[];
}

/** Writes a table as CSV text, as an export tool would, and notes where each record starts. */
export function writeCsv(model: TableModel, layout: CsvLayout): WrittenCsv {
  const { delimiter, quoting, newline } = layout;
  let extra = 0;
  const field = (value: string, alone: boolean): string => {
    const special = value.includes(delimiter) || value.includes('\r') || value.includes('\n');
    const quote = value.includes('"');
    // A field opening with a quote is a quoted field; elsewhere csv-parse (relax_quotes) keeps a
    // bare quote as a character, which the `stray` layout relies on.
    const must = special || (quote && (quoting !== 'stray' || value.startsWith('"')));
    // A lone empty field would be a blank line, which is not a row: quote it.
    const wanted = quoting === 'all' || (quoting === 'random' && layout.extraQuotes[extra++ % layout.extraQuotes.length]);
    if (must || wanted || (alone && value === '')) return `"${value.replace(/"/g, '""')}"`;
    return value;
  };
  const record = (cells: string[]) => cells.map((value) => field(value, cells.length === 1)).join(delimiter);
  let text = record(model.header);
  const lines: number[] = [];
  let line = 1 + countNewlines(text);
  for (const cells of model.records) {
    text += newline;
    line++;
    lines.push(line);
    const written = record(cells);
    text += written;
    line += countNewlines(written);
  }
  if (layout.trailingNewline) text += newline;
  return { text, lines };
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** The header dqc shows for these names: blanks and repeats renamed, as the reader does. */
export function expectedHeader(names: readonly string[]): string[] {
  return normalizeHeader(names, () => undefined, 1);
}

/** The header problems dqc reports for these names (blank, duplicate), in order. */
export function expectedHeaderProblems(names: readonly string[]): string[] {
  const codes: string[] = [];
  normalizeHeader(names, (p) => codes.push(p.code), 1);
  return codes;
}

// JSON: each element of the array (or line of JSON Lines) is a data row, whatever it holds.

export type JsonElement =
  | { kind: 'object'; entries: [string, unknown][] }
  | { kind: 'other'; value: unknown }
  | { kind: 'broken'; text: string };

const jsonKey = fc.oneof(fc.constantFrom('id', 'ho_ten', 'ngay_sinh', '__proto__', 'constructor', '', 'a b', 'Đ'), cell());
const jsonScalar = fc.oneof(
  cell(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);
const jsonValue = fc.oneof(
  { weight: 5, arbitrary: jsonScalar },
  { weight: 1, arbitrary: fc.array(jsonScalar, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('x', 'y'), jsonScalar) },
);

/**
 * Elements that are not valid JSON but keep brackets and quotes balanced, as a bad export does
 * (the array is split on brackets and quotes before each element is parsed).
 */
const BROKEN = ['{"a": 1,}', '{"a" 1}', '{a: 1}', '{"a": tru}', '{"a": 01}', '{"a": NaN}', '{,}', '{"a":1}{"b":2}', 'undefined', "{'a': 1}", '{"a": "x\\q"}'];

export const jsonElement: fc.Arbitrary<JsonElement> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .uniqueArray(fc.tuple(jsonKey, jsonValue), { selector: ([key]) => key, maxLength: 5 })
      .map((entries) => ({ kind: 'object' as const, entries })),
  },
  { weight: 1, arbitrary: jsonScalar.map((value) => ({ kind: 'other' as const, value })) },
  { weight: 1, arbitrary: fc.array(jsonScalar, { maxLength: 2 }).map((value) => ({ kind: 'other' as const, value })) },
  { weight: 1, arbitrary: fc.constantFrom(...BROKEN).map((text) => ({ kind: 'broken' as const, text })) },
);

/** An element's JSON text, keys written one by one (so `__proto__` is a key, not a prototype). */
export function elementText(element: JsonElement): string {
  if (element.kind === 'broken') return element.text;
  if (element.kind === 'other') return JSON.stringify(element.value);
  return `{${element.entries.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`).join(',')}}`;
}

/** What a cell shows for a JSON value: text as is, null as empty, nested values as JSON. */
export function expectedCell(value: unknown): string {
  const parsed: unknown = JSON.parse(JSON.stringify(value)); // -0 → 0, as the file says
  if (parsed === null) return '';
  if (typeof parsed === 'string') return parsed;
  if (typeof parsed === 'object') return JSON.stringify(parsed);
  return String(parsed);
}
