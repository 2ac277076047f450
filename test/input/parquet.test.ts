// The Parquet reader: typed cells to the text a CSV of the same data holds, row groups read one at
// a time, the codecs, and a damaged or truncated file said with its name (never a stack trace).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { DqcError } from '../../src/errors.js';
import { openInput } from '../../src/input/open.js';
import type { InputProblem } from '../../src/input/problems.js';
import type { ArrayRow } from '../../src/input/row.js';
import { ROOT, tempDir } from '../support/cli.js';

const OPTIONAL = 'OPTIONAL' as const;
const SCHEMA = [
  { name: 'root', num_children: 7 },
  { name: 'id', type: 'INT64' as const, repetition_type: OPTIONAL },
  { name: 'name', type: 'BYTE_ARRAY' as const, converted_type: 'UTF8' as const, repetition_type: OPTIONAL },
  { name: 'dob', type: 'INT32' as const, converted_type: 'DATE' as const, repetition_type: OPTIONAL },
  { name: 'updated', type: 'INT64' as const, converted_type: 'TIMESTAMP_MILLIS' as const, repetition_type: OPTIONAL },
  { name: 'amount', type: 'DOUBLE' as const, repetition_type: OPTIONAL },
  { name: 'active', type: 'BOOLEAN' as const, repetition_type: OPTIONAL },
  { name: 'count', type: 'INT32' as const, repetition_type: OPTIONAL },
];
const COLUMNS = [
  { name: 'id', data: [1090012345n, 12345678901234567n, null] },
  { name: 'name', data: ['Nguyễn Văn An', null, ' Lê  Thị Hoa '] },
  { name: 'dob', data: [new Date(Date.UTC(1990, 1, 1)), null, new Date(Date.UTC(2001, 11, 31))] },
  { name: 'updated', data: [new Date(Date.UTC(2024, 1, 1, 10, 11, 12)), null, null] },
  { name: 'amount', data: [1.5, 2, null] },
  { name: 'active', data: [true, false, null] },
  { name: 'count', data: [7, -3, null] },
];

function writeParquet(name: string, options: { codec?: 'SNAPPY' | 'GZIP' | 'UNCOMPRESSED'; rowGroupSize?: number } = {}): string {
  const path = join(tempDir(), name);
  const compressors = { GZIP: (input: Uint8Array) => new Uint8Array(gzipSync(input)) };
  writeFileSync(path, new Uint8Array(parquetWriteBuffer({ columnData: COLUMNS, schema: SCHEMA, compressors, codec: options.codec ?? 'SNAPPY', rowGroupSize: options.rowGroupSize ?? 2 })));
  return path;
}

async function readAll(path: string, forms?: (string | undefined)[]) {
  const problems: InputProblem[] = [];
  const { reader, stats } = await openInput(path, {}, (p) => problems.push(p));
  if (forms) reader.setColumnHints?.(forms.map((format) => (format ? { format } : undefined)));
  const rows: { row: number; line: number; cells: readonly string[] }[] = [];
  for await (const row of reader.rows()) rows.push({ row: row.row, line: row.line, cells: (row as ArrayRow).cells });
  return { reader, stats, rows, problems };
}

describe('the Parquet reader', () => {
  it.each(['SNAPPY', 'GZIP', 'UNCOMPRESSED'] as const)('reads typed cells as text (%s, two row groups)', async (codec) => {
    const { reader, stats, rows, problems } = await readAll(writeParquet(`t-${codec}.parquet`, { codec }));
    expect(problems).toEqual([]);
    expect(reader.format).toBe('parquet');
    expect(reader.header).toEqual(['id', 'name', 'dob', 'updated', 'amount', 'active', 'count']);
    expect(rows).toEqual([
      // INT64 as its digits (no float rounding past 2^53); a DATE and a TIMESTAMP in ISO when the pack declares no form.
      { row: 1, line: 1, cells: ['1090012345', 'Nguyễn Văn An', '1990-02-01', '2024-02-01T10:11:12', '1.5', 'true', '7'] },
      { row: 2, line: 2, cells: ['12345678901234567', '', '', '', '2', 'false', '-3'] },
      // A null is an empty cell; a text is as the file has it (the checks judge its spaces).
      { row: 3, line: 3, cells: ['', ' Lê  Thị Hoa ', '2001-12-31', '', '', '', ''] },
    ]);
    expect(reader.counts).toEqual({ rows: 3, rejected: 0, blankRows: 0, complete: true });
    expect(stats.encoding).toBe(codec.toLowerCase());
    expect(stats.sha256).toBe(createHashOf(readFileSync(stats.path)));
  });

  it('writes dates in the form the pack declares for their column', async () => {
    const { rows } = await readAll(writeParquet('forms.parquet'), [undefined, undefined, 'dd/MM/yyyy', 'dd/MM/yyyy']);
    expect(rows.map((r) => [r.cells[2], r.cells[3]])).toEqual([
      ['01/02/1990', '01/02/2024'],
      ['', ''],
      ['31/12/2001', ''],
    ]);
  });

  it('reads the population fixture as its CSV, dates typed as DATE', async () => {
    const { rows } = await readAll(join(ROOT, 'fixtures/parquet/population-clean.parquet'));
    const csv = readFileSync(join(ROOT, 'fixtures/population-clean.csv'), 'utf8').trim().split('\n');
    expect(rows).toHaveLength(csv.length - 1);
    expect(rows[0]!.cells[0]).toBe(csv[1]!.split(',')[0]);
  });

  it('refuses a truncated file as an unreadable input, with its name', async () => {
    const whole = readFileSync(writeParquet('whole.parquet'));
    const path = join(tempDir(), 'cut.parquet');
    writeFileSync(path, whole.subarray(0, whole.length - 40));
    const error = await openInput(path, {}, () => undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DqcError);
    expect((error as DqcError).code).toBe('DQC_INPUT_UNREADABLE');
    expect(JSON.stringify((error as DqcError).data)).toContain('cut.parquet');
  });

  it('says where reading stopped when a row group is damaged, keeping the rows before it', async () => {
    const bytes = Buffer.from(readFileSync(writeParquet('damaged.parquet', { codec: 'GZIP', rowGroupSize: 2 })));
    // The second row group's first column chunk: its data page's gzip stream, overwritten with junk.
    const second = bytes.indexOf(Buffer.from([0x1f, 0x8b]), bytes.indexOf(Buffer.from([0x1f, 0x8b])) + 200);
    expect(second).toBeGreaterThan(0);
    bytes.fill(0x55, second, second + 12);
    const path = join(tempDir(), 'damaged2.parquet');
    writeFileSync(path, bytes);
    const { rows, problems, reader } = await readAll(path);
    expect(rows.length).toBeLessThan(3);
    expect(reader.counts.complete).toBe(false);
    expect(problems.map((p) => p.code)).toEqual(['file/parse-error']);
  });
});

function createHashOf(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
