import { DEFAULT_DIALECT, positionalHeader } from '../input/dialect.js';
import { normalizeHeader } from '../input/reader.js';
import { DqcError } from '../errors.js';
import type { Codec } from './codec.js';
import { UnencodableError } from './codec.js';
import { CsvRecordScanner, RecordTooLargeError, UnclosedQuoteError, type CsvRecord, type ScanDialect } from './csv-records.js';
import { rowTooLarge, type FixInput } from './files.js';
import type { RowCells } from './row-fixer.js';
import { fixMessages } from './messages.js';
import { messageOf } from '../messages/render.js';
import type { RowSink } from './row-fixer.js';

// CSV inputs: records found by the scanner (as the check found them), rows numbered as the check
// numbered them (the header and blank rows are not rows), untouched records copied as they are,
// and in a changed record only the changed cells rewritten.


/**
 * A CSV field for `value` in the file's dialect: quoted when it was, or when it holds the delimiter,
 * the quote, the escape, a line break, or (spaces being skipped after a delimiter) starts with a
 * space; inside the quotes the quote and the escape are escaped (`""`, or `\"` and `\\`).
 */
export function csvField(value: string, wasQuoted: boolean, delimiter: string, dialect: ScanDialect = DEFAULT_DIALECT): string {
  const { quote, escape } = dialect;
  const quoted =
    wasQuoted ||
    value.includes(delimiter) ||
    value.includes(quote) ||
    value.includes('\r') ||
    value.includes('\n') ||
    (escape !== quote && value.includes(escape)) ||
    (dialect.skipInitialSpace && value.startsWith(' '));
  if (!quoted) return value;
  let inner = '';
  for (const c of value) inner += c === quote || (c === escape && escape !== quote) ? escape + c : c;
  return quote + inner + quote;
}

/**
 * A blank row as the check sees it (src/input/csv-records.ts skipBlank): a blank line or a record
 * whose cells are all empty, before or after the header, except in a one-column file. It is not a
 * row: not numbered, copied through to the output as it is, and outside rows in = out + dropped.
 */
function isBlankRow(record: CsvRecord, headerWidth: number): boolean {
  return headerWidth !== 1 && record.cells.every((cell) => cell.value === '');
}

export async function applyCsv(input: FixInput, codec: Codec, sink: RowSink, maxRecord: number, dialect = DEFAULT_DIALECT): Promise<void> {
  const delimiter = input.delimiter ?? ',';
  const scanner = new CsvRecordScanner(delimiter, maxRecord, dialect);
  let header: string[] | null = null;
  let columns = new Map<string, number>();

  const handle = async (record: CsvRecord): Promise<void> => {
    const copy = (): Buffer => codec.copy(record.raw + record.terminator);
    if (header === null) {
      if (isBlankRow(record, 0)) return sink.between(copy());
      // Without a header the columns are named by position, and this record is the first row.
      header = dialect.header
        ? normalizeHeader(
            record.cells.map((cell) => codec.text(cell.value)),
            () => undefined,
            record.line,
          )
        : positionalHeader(record.cells.length);
      columns = new Map();
      header.forEach((name, i) => {
        if (!columns.has(name)) columns.set(name, i);
      });
      if (dialect.header) return sink.header(copy());
    }
    if (isBlankRow(record, header.length)) return sink.between(copy());

    const width = header.length;
    const texts = new Map<number, string>();
    const text = (i: number): string => {
      let value = texts.get(i);
      if (value === undefined) texts.set(i, (value = codec.text(record.cells[i]!.value)));
      return value;
    };
    const cells: RowCells = {
      get: (column) => {
        const i = columns.get(column);
        if (i === undefined) return null;
        return i < record.cells.length ? text(i) : undefined;
      },
      refuse: (column, value) => {
        // Emptying the last non-empty cell would make the row a blank row, which the next check
        // does not number: every later row would move.
        const at = columns.get(column);
        if (value === '' && width !== 1 && record.cells.every((cell, i) => i === at || cell.value === '')) return 'would-blank-row';
        try {
          codec.encode(csvField(value, record.cells[columns.get(column)!]?.quoted ?? false, delimiter, dialect));
          return null;
        } catch (error) {
          if (error instanceof UnencodableError) return 'unencodable';
          throw error;
        }
      },
    };
    await sink.row(copy, cells, (changes) => {
      const changed = [...changes].map(([column, value]) => [columns.get(column)!, value] as const).sort((a, b) => a[0] - b[0]);
      const parts: Buffer[] = [];
      let at = 0;
      for (const [i, value] of changed) {
        const cell = record.cells[i]!;
        parts.push(codec.copy(record.raw.slice(at, cell.start)), codec.encode(csvField(value, cell.quoted, delimiter, dialect)));
        at = cell.end;
      }
      parts.push(codec.copy(record.raw.slice(at) + record.terminator));
      return Buffer.concat(parts);
    });
  };

  try {
    for await (const chunk of input.chunks()) for (const record of scanner.push(codec.units(chunk, false))) await handle(record);
    const tail = codec.units(Buffer.alloc(0), true);
    for (const record of [...scanner.push(tail), ...scanner.end()]) await handle(record);
  } catch (error) {
    if (error instanceof RecordTooLargeError) throw rowTooLarge(input.path, error.line, error.limit);
    if (!(error instanceof UnclosedQuoteError)) throw error;
    throw new DqcError('DQC_FIXES_INVALID', { path: input.path }, { file: input.path, line: error.line }, [
      { path: `line ${error.line}`, ...messageOf(fixMessages, 'fix.input-unclosed-quote', { line: error.line }) },
    ]);
  }
}
