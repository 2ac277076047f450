// A value that must be in a column of another file: a code list the user supplies (Soda's
// valid_reference_data, qsv's dynamicEnum). The list's path is an option resolved against the
// directory of the pack that names it (meta.pathOptions, pack/resolve.ts), as `extends` paths are.
import { readFileSync } from 'node:fs';
import { foldKey } from '../vn/fold.js';
import { isBlank } from '../shared/text.js';
import { defineCheckType } from './define.js';

interface Options {
  path: string;
  /** Header of the list's column (compared as headers bind: case, tones and separators aside); default the first. */
  column?: string;
  /** The list has a header row (default true); without one, `column` is not allowed and the first column is read. */
  header: boolean;
  ignore_case: boolean;
}

type MessageId = 'not-in-list' | 'not-canonical';

/** Lists are read whole into a Set: past this many values (V8's Set limit is 2^24) the list is refused. */
const MAX_VALUES = 5_000_000;

/** Fields of one CSV record (RFC 4180 quotes), the delimiter given. */
function splitRecord(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === delimiter) {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}

/** The values of one column of a small CSV (or one-value-a-line) file. */
export function readListColumn(path: string, column: string | undefined, header: boolean): string[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`reference-list: cannot read the list '${path}' (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { cause: error });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const first = lines[0] ?? '';
  const delimiter = [',', ';', '\t', '|'].find((d) => first.includes(d)) ?? ',';
  let at = 0;
  if (header) {
    const headers = splitRecord(first, delimiter).map((h) => foldKey(h));
    if (column !== undefined) {
      at = headers.indexOf(foldKey(column));
      if (at < 0) throw new Error(`reference-list: the list '${path}' has no column '${column}'`);
    }
  } else if (column !== undefined) throw new Error('reference-list: `column` needs a header row');
  const values = (header ? lines.slice(1) : lines).map((line) => (splitRecord(line, delimiter)[at] ?? '').trim()).filter((v) => v !== '');
  if (values.length === 0) throw new Error(`reference-list: the list '${path}' holds no value`);
  if (values.length > MAX_VALUES) throw new Error(`reference-list: the list '${path}' holds more than ${MAX_VALUES} values`);
  return values;
}

export default defineCheckType<Options, MessageId>({
  meta: {
    id: 'reference-list',
    dimension: 'true',
    scope: 'row',
    valueOnly: true,
    columns: { min: 1, max: 1 },
    pathOptions: ['path'],
    description: {
      en:
        'The value is one of the values of a column of another file (a code list the user supplies, like a foreign key): ' +
        '`path` is relative to the pack that names it, `column` the list\'s header (default its first column). A value that ' +
        'differs from a listed one only in case or surrounding spaces gets the listed form as a fix.',
      vi:
        'Giá trị thuộc danh sách giá trị của một cột trong tệp khác (danh mục mã do người dùng cung cấp, như khóa ngoại): ' +
        '`path` tính từ thư mục của gói quy tắc khai báo nó, `column` là tiêu đề cột của danh mục (mặc định cột đầu). Giá ' +
        'trị chỉ khác một giá trị trong danh mục về chữ hoa/thường hoặc khoảng trắng hai đầu được đề xuất sửa về dạng trong danh mục.',
    },
    schema: {
      type: 'object',
      properties: {
        path: { type: 'string', minLength: 1 },
        column: { type: 'string', minLength: 1 },
        header: { type: 'boolean' },
        ignore_case: { type: 'boolean' },
      },
      required: ['path'],
      additionalProperties: false,
    },
    defaults: { path: '', header: true, ignore_case: false },
    messages: {
      'not-in-list': {
        en: '{field} {value} is not in the list {list} ({list_column})',
        vi: '{field} {value} không có trong danh mục {list} ({list_column})',
      },
      'not-canonical': {
        en: "{field} '{value}' should be written '{canonical}' as in the list {list}",
        vi: "{field} '{value}' cần viết là '{canonical}' như trong danh mục {list}",
        dimension: 'clean',
      },
    },
    fixable: true,
  },
  create(context) {
    const { path, column, header, ignore_case: ignoreCase } = context.options;
    const values = readListColumn(path, column, header);
    const exact = new Set(values);
    const loose = new Map<string, string>();
    const looseKey = (text: string) => text.trim().toLocaleLowerCase('vi');
    for (const v of values) if (!loose.has(looseKey(v))) loose.set(looseKey(v), v);
    const field = context.columns[0] ?? '';
    const list = path.split(/[\\/]/).pop() ?? path;
    const listColumn = column ?? '1';

    return {
      row(row) {
        const value = row.value(0);
        if (isBlank(value) || exact.has(value)) return;
        // Spaces around a listed value are always a finding; case only when it matters.
        const trimmed = value.trim();
        const near = loose.get(looseKey(trimmed));
        if (near !== undefined) {
          if (ignoreCase && trimmed === value) return;
          context.report(row, { messageId: 'not-canonical', data: { field, value, canonical: near, list }, fix: { action: 'set', value: near, confidence: 0.95 } });
          return;
        }
        context.report(row, { messageId: 'not-in-list', data: { field, value, list, list_column: listColumn } });
      },
    };
  },
});
