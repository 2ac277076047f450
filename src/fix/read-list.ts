import { Ajv, type ValidateFunction } from 'ajv';
import { parse } from 'csv-parse';
import { closeSync, createReadStream, openSync, readFileSync, readSync } from 'node:fs';
import { resolve } from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { DqcError } from '../errors.js';
import { openInput } from '../input/open.js';
import { sniffDelimiter } from '../input/sniff.js';
import { describeAjvErrors, type SchemaProblem } from '../pack/ajv-errors.js';
import { SHIPPED_RULES_DIR } from '../pack/locate.js';
import { foldKey } from '../vn/fold.js';
import { restore } from './excel-cell.js';
import { FIX_FIELDS, type FixRecord } from './model.js';
import { fixListFormatOf } from './writer.js';
import { operationalMessages } from '../messages/operational.js';
import { fixMessages } from './messages.js';
import { messageOf } from '../messages/render.js';

// Reads a fix list back — as dqc wrote it, or after a steward edited it in a spreadsheet: CSV with
// or without BOM, comma or semicolon, CRLF or LF, the Excel-safe apostrophe undone (see
// excel-cell.ts), columns in any order, extra columns ignored, and an optional `accept` column. Every
// record is checked against rules/fix-record.schema.json; the first bad one stops the run (exit 2)
// with its line and field.

export interface ListedFix {
  record: FixRecord;
  /** The steward's `accept` cell: true, false, or null when the list has no accept column/property. */
  accept: boolean | null;
  /** Line of the list where the record starts. */
  line: number;
}

let validateRecord: ValidateFunction<FixRecord> | undefined;

function validator(): ValidateFunction<FixRecord> {
  validateRecord ??= new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile<FixRecord>(
    JSON.parse(readFileSync(resolve(SHIPPED_RULES_DIR, 'fix-record.schema.json'), 'utf8')) as object,
  );
  return validateRecord;
}

/** A list that cannot be used; details name the line (0: the file as a whole) and the field. */
function invalid(path: string, line: number, details: SchemaProblem[]): DqcError {
  const where = line > 0 ? `line ${line} ` : '';
  return new DqcError(
    'DQC_FIXES_INVALID',
    { path },
    line > 0 ? { file: path, line } : { file: path },
    details.map((d) => ({ ...d, path: `${where}${d.path}`.trim() || '--fixes' })),
  );
}

/** Words a steward may put in `accept` to say yes, compared folded (case and diacritics ignored). */
const YES = new Set(['yes', 'y', 'true', '1', 'x', 'ok', 'accept', 'accepted', 'co', 'dongy', 'chapnhan']);

/** A steward's accept cell → yes or no (empty, "no", "không" … are no). */
export function acceptValue(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return false;
  return YES.has(foldKey(value));
}

function checked(path: string, line: number, data: Record<string, unknown>): FixRecord {
  const validate = validator();
  if (!validate(data)) throw invalid(path, line, describeAjvErrors(validate.errors));
  return data;
}

/** Bytes → text, refusing what is not UTF-8 (a spreadsheet saving in the system code page). */
class Utf8Text extends Transform {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  constructor(private readonly path: string) {
    super({ readableObjectMode: false });
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    try {
      done(null, this.decoder.decode(chunk, { stream: true }));
    } catch {
      done(invalid(this.path, 0, [{ path: '', ...messageOf(fixMessages, 'fix.list-not-utf8', {}) }]));
    }
  }
  override _flush(done: TransformCallback): void {
    try {
      done(null, this.decoder.decode());
    } catch {
      done(invalid(this.path, 0, [{ path: '', ...messageOf(fixMessages, 'fix.list-not-utf8', {}) }]));
    }
  }
}

function openText(path: string): AsyncIterable<string> {
  const stream = createReadStream(path);
  const text = new Utf8Text(path);
  stream.on('error', (error) => text.destroy(new DqcError('DQC_INPUT_UNREADABLE', { path, reason: error.message })));
  return stream.pipe(text).setEncoding('utf8');
}

function readFailure(path: string, error: unknown): DqcError {
  if (error instanceof DqcError) return error;
  const line = (error as { lines?: number }).lines ?? 0;
  return invalid(path, line, [{ path: '', ...messageOf(fixMessages, 'fix.list-unreadable', { reason: (error as Error).message }) }]);
}

/** The records of a JSONL list, in order. */
async function* readJsonl(path: string): AsyncGenerator<ListedFix> {
  let line = 0;
  let carry = '';
  const handle = function* (text: string): Generator<ListedFix> {
    line++;
    const trimmed = (line === 1 ? text.replace(/^\ufeff/, '') : text).replace(/\r$/, '');
    if (trimmed.trim() === '') return;
    let data: unknown;
    try {
      data = JSON.parse(trimmed);
    } catch (error) {
      throw invalid(path, line, [{ path: '', ...messageOf(fixMessages, 'fix.list-unreadable', { reason: (error as Error).message }) }]);
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      throw invalid(path, line, [{ path: '', ...messageOf(operationalMessages, 'schema.type', { type: 'object' }) }]);
    }
    const fields = data as Record<string, unknown>;
    const accept = 'accept' in fields ? acceptValue(fields.accept) : null;
    yield { record: stripAccept(checked(path, line, fields)), accept, line };
  };
  try {
    for await (const chunk of openText(path)) {
      const text = carry + chunk;
      let start = 0;
      for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
        yield* handle(text.slice(start, nl));
        start = nl + 1;
      }
      carry = text.slice(start);
    }
    if (carry.length > 0) yield* handle(carry);
  } catch (error) {
    throw readFailure(path, error);
  }
}

function stripAccept(record: FixRecord): FixRecord {
  if (!('accept' in record)) return record;
  const copy: Record<string, unknown> = { ...record };
  delete copy.accept;
  return copy as unknown as FixRecord;
}

/** A number cell as a spreadsheet may have saved it: `0.95`, `0,95`, `1`. */
function numberCell(text: string): number | string {
  const t = text.trim().replace(',', '.');
  return t !== '' && Number.isFinite(Number(t)) ? Number(t) : text;
}

/** The records of a CSV list, in order. */
async function* readCsv(path: string): AsyncGenerator<ListedFix> {
  let head: string;
  try {
    const fd = openSync(path, 'r');
    try {
      const bytes = Buffer.alloc(64 * 1024);
      head = bytes.subarray(0, readSync(fd, bytes, 0, bytes.length, 0)).toString('utf8').replace(/^\ufeff/, '');
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw new DqcError('DQC_INPUT_UNREADABLE', { path, reason: (error as Error).message });
  }
  const delimiter = sniffDelimiter(path, head);
  const parser = parse({ delimiter, bom: true, info: true, relax_column_count: false, skip_empty_lines: true });
  const source = openText(path);
  (async () => {
    try {
      for await (const chunk of source) if (!parser.write(chunk)) await new Promise((r) => parser.once('drain', r));
      parser.end();
    } catch (error) {
      parser.destroy(error as Error);
    }
  })();

  let columns: Map<string, number> | null = null;
  let acceptAt = -1;
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const { record, info } = item;
      const line = info.lines;
      if (!columns) {
        columns = new Map(record.map((name, i) => [name.trim().toLowerCase(), i]));
        const missing = FIX_FIELDS.filter((field) => !columns!.has(field));
        if (missing.length > 0) throw invalid(path, line, missing.map((property) => ({ path: '', ...messageOf(operationalMessages, 'schema.required', { property }) })));
        acceptAt = columns.get('accept') ?? -1;
        continue;
      }
      const cell = (field: string): string => restore(record[columns!.get(field) as number] ?? '');
      const data: Record<string, unknown> = {};
      for (const field of FIX_FIELDS) data[field] = cell(field);
      data.row = data.row === '' ? null : numberCell(data.row as string);
      data.confidence = numberCell(data.confidence as string);
      const accept = acceptAt >= 0 ? acceptValue(restore(record[acceptAt] ?? '')) : null;
      yield { record: checked(path, line, data), accept, line };
    }
  } catch (error) {
    throw readFailure(path, error);
  }
}

/**
 * The records of a workbook list (xlsx-list.ts wrote it, or a steward edited it in Excel): read by
 * the workbook reader, its header the first row, columns by name in any order, `accept` optional.
 */
async function* readWorkbook(path: string): AsyncGenerator<ListedFix> {
  const { reader } = await openInput(path, {}, () => undefined);
  if (reader.format !== 'xlsx') throw invalid(path, 0, [{ path: '', ...messageOf(fixMessages, 'fix.list-unreadable', { reason: 'not an Excel workbook' }) }]);
  const columns = new Map(reader.header.map((name, i) => [name.trim().toLowerCase(), i]));
  const missing = FIX_FIELDS.filter((field) => !columns.has(field));
  if (missing.length > 0) throw invalid(path, 1, missing.map((property) => ({ path: '', ...messageOf(operationalMessages, 'schema.required', { property }) })));
  const acceptAt = columns.get('accept') ?? -1;
  for await (const row of reader.rows()) {
    const data: Record<string, unknown> = {};
    for (const field of FIX_FIELDS) data[field] = row.text(columns.get(field)!);
    data.row = data.row === '' ? null : numberCell(data.row as string);
    data.confidence = numberCell(data.confidence as string);
    const accept = acceptAt >= 0 ? acceptValue(row.text(acceptAt)) : null;
    yield { record: checked(path, row.line, data), accept, line: row.line };
  }
}

/** Every record of a fix list (CSV, JSONL or an Excel workbook, by extension), checked, in the list's order. */
export function readFixList(path: string): AsyncGenerator<ListedFix> {
  const format = fixListFormatOf(path);
  return format === 'csv' ? readCsv(path) : format === 'xlsx' ? readWorkbook(path) : readJsonl(path);
}
