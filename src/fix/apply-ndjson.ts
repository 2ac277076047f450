import type { Codec } from './codec.js';
import { UnencodableError } from './codec.js';
import type { FixInput } from './files.js';
import type { RowCells } from './row-fixer.js';
import type { RowSink } from './row-fixer.js';
import { rowTooLarge } from './files.js';

// NDJSON inputs: one object per line, rows numbered as the check numbers them (a blank line is not
// a row; a line that is not a JSON object is a row, which no fix can change). An untouched line is
// copied as it is; a changed one is written back with JSON.stringify (compact, keys in their order,
// the new values as strings), since JSON has no cell boundaries to splice into.

/** A JSON value as the check reads it (src/input/json.ts). */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export async function applyNdjson(input: FixInput, codec: Codec, sink: RowSink, maxRecord: number): Promise<void> {
  let line = 0;
  const handle = async (units: string, terminator: string): Promise<void> => {
    const copy = (): Buffer => codec.copy(units + terminator);
    const text = codec.text(units);
    const cr = text.endsWith('\r');
    const json = cr ? text.slice(0, -1) : text;
    if (json.trim() === '') return sink.between(copy());
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch {
      parsed = undefined;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return sink.row(copy, null, copy);
    const object = parsed as Record<string, unknown>;
    const cells: RowCells = {
      get: (column) => cellText(object[column]),
      refuse: (_column, value) => {
        try {
          codec.encode(JSON.stringify(value));
          return null;
        } catch (error) {
          if (error instanceof UnencodableError) return 'unencodable';
          throw error;
        }
      },
    };
    await sink.row(copy, cells, (changes) => {
      for (const [column, value] of changes) object[column] = value;
      return Buffer.concat([codec.encode(JSON.stringify(object) + (cr ? '\r' : '')), codec.copy(terminator)]);
    });
  };

  let carry = '';
  for await (const chunk of input.chunks()) {
    const units = carry + codec.units(chunk, false);
    let start = 0;
    for (let nl = units.indexOf('\n'); nl >= 0; nl = units.indexOf('\n', start)) {
      line++;
      await handle(units.slice(start, nl), '\n');
      start = nl + 1;
    }
    carry = units.slice(start);
    if (carry.length > maxRecord) throw rowTooLarge(input.path, line + 1, maxRecord);
  }
  carry += codec.units(Buffer.alloc(0), true);
  if (carry.length > 0) await handle(carry, '');
}
