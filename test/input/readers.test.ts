import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { ArrayRow } from '../../src/input/row.js';
import { openInput, type ReadOptions } from '../../src/input/open.js';
import type { InputProblem } from '../../src/input/problems.js';
import { ROOT, tempDir } from '../support/cli.js';

interface FormatFile {
  table: 'main' | 'latin1';
  format: string;
  encoding: string;
  delimiter?: string;
  compressed?: boolean;
}
const expected = JSON.parse(readFileSync(join(ROOT, 'fixtures/formats/expected.json'), 'utf8')) as {
  header: string[];
  rows: string[][];
  latin1: { header: string[]; rows: string[][] };
  files: Record<string, FormatFile>;
};

async function readAll(path: string, options: ReadOptions = {}) {
  const problems: InputProblem[] = [];
  const { reader, stats } = await openInput(path, options, (p) => problems.push(p));
  const rows: { row: number; line: number; cells: readonly string[] }[] = [];
  for await (const row of reader.rows()) rows.push({ row: row.row, line: row.line, cells: (row as ArrayRow).cells });
  return { reader, stats, rows, problems, header: [...reader.header] };
}

describe('every format fixture reads to the same table', () => {
  for (const [file, info] of Object.entries(expected.files)) {
    it(file, async () => {
      const encoding = ['windows-1258', 'latin1', 'windows-1252'].includes(info.encoding) ? info.encoding : undefined;
      const { rows, header, problems, reader, stats } = await readAll(join(ROOT, 'fixtures/formats', file), { encoding });
      const table = info.table === 'latin1' ? expected.latin1 : expected;
      expect(problems).toEqual([]);
      expect(header).toEqual(table.header);
      expect(rows.map((r) => r.cells)).toEqual(table.rows);
      expect(rows.map((r) => r.row)).toEqual(table.rows.map((_, i) => i + 1));
      expect(reader.counts).toEqual({ rows: table.rows.length, rejected: 0, blankRows: 0, complete: true });
      if (reader.format === 'csv' && info.delimiter) expect(reader.delimiter).toBe(info.delimiter);
      expect(stats.compressed).toBe(file.endsWith('.gz'));
      expect(stats.sha256).toMatch(/^[0-9a-f]{64}$/);
    });
  }
});

describe('physical lines', () => {
  it('follow multi-line quoted fields, blank lines and CRLF', async () => {
    const dir = tempDir();
    const path = join(dir, 'lines.csv');
    writeFileSync(path, 'a,b\r\n1,"x\r\ny"\r\n\r\n2,3\r\n"p\nq\nr",4\r\n5,6\r\n');
    const { rows } = await readAll(path);
    expect(rows.map((r) => [r.row, r.line])).toEqual([
      [1, 2],
      [2, 5],
      [3, 6],
      [4, 9],
    ]);
    expect(rows[0]?.cells).toEqual(['1', 'x\r\ny']);
  });
});

describe('broken inputs are reported, never skipped silently', () => {
  const broken = (name: string) => readAll(join(ROOT, 'fixtures/broken', name));

  it('ragged rows are findings with their lines, and still checked', async () => {
    const { rows, problems, reader } = await broken('ragged.csv');
    expect(reader.counts.rows).toBe(5);
    expect(rows).toHaveLength(5);
    expect(problems.map((p) => [p.code, p.line, p.row, p.data.found, p.data.expected])).toEqual([
      ['row/inconsistent-columns', 3, 2, 4, 5],
      ['row/inconsistent-columns', 5, 4, 6, 5],
    ]);
  });

  it('an unclosed quote names the line it opened on and marks the file incomplete', async () => {
    const { rows, problems, reader } = await broken('unclosed-quote.csv');
    expect(rows).toHaveLength(2);
    expect(reader.counts.complete).toBe(false);
    expect(problems).toEqual([expect.objectContaining({ code: 'file/unclosed-quote', line: 4 })]);
  });

  it('an empty file and a header-only file say so', async () => {
    expect((await broken('empty.csv')).problems.map((p) => p.code)).toEqual(['file/empty']);
    const headerOnly = await broken('header-only.csv');
    expect(headerOnly.problems.map((p) => p.code)).toEqual(['file/no-data-rows']);
    expect(headerOnly.header.length).toBeGreaterThan(0);
  });

  it('duplicate and blank headers are renamed and reported', async () => {
    const dup = await broken('duplicate-headers.csv');
    expect(dup.header.filter((h) => h.startsWith('ho_ten'))).toEqual(['ho_ten', 'ho_ten_2']);
    expect(dup.problems).toEqual([expect.objectContaining({ code: 'header/duplicate', line: 1, column: 'ho_ten_2' })]);
    const blank = await broken('blank-header.csv');
    expect(blank.header[1]).toBe('column_2');
    expect(blank.problems).toEqual([expect.objectContaining({ code: 'header/blank', line: 1, column: 'column_2' })]);
  });

  it('invalid UTF-8 is reported at its row, line and column', async () => {
    const { problems, rows } = await broken('invalid-utf8.csv');
    expect(problems).toEqual([{ code: 'cell/invalid-utf8', line: 3, row: 2, column: 'ho_ten', data: { column: 'ho_ten' } }]);
    expect(rows).toHaveLength(3);
  });

  it('a JSON array element with a syntax error is a rejected row with its line; the rest is read', async () => {
    const { problems, reader, rows } = await broken('broken.json');
    expect(problems).toEqual([expect.objectContaining({ code: 'row/json-syntax', line: 7, row: 3 })]);
    expect(reader.counts.rows).toBe(rows.length + reader.counts.rejected);
    expect(reader.counts.rejected).toBe(1);
  });

  it('a bad NDJSON line is a rejected row; the next line is read', async () => {
    const { problems, reader, rows } = await broken('broken.ndjson');
    expect(problems).toEqual([expect.objectContaining({ code: 'row/json-syntax', line: 3, row: 3 })]);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 4]);
    expect(reader.counts).toEqual({ rows: 4, rejected: 1, blankRows: 0, complete: true });
  });

  it('JSON values that are not objects are rejected rows', async () => {
    const { problems, reader } = await broken('not-objects.json');
    expect(problems.every((p) => p.code === 'row/not-an-object')).toBe(true);
    expect(reader.counts.rejected).toBe(reader.counts.rows);
    expect(reader.counts.rows).toBeGreaterThan(0);
  });
});

describe('JSON arrays are streamed element by element', () => {
  it('splits correctly across chunk boundaries, with brackets, commas and escapes inside strings', async () => {
    const dir = tempDir();
    const records = Array.from({ length: 3000 }, (_, i) => ({
      id: String(i).padStart(12, '0'),
      name: `Nguyễn "Văn" ${i} [a, {b}] \\ ,`,
      nested: { list: [i, i + 1], text: '}]' },
    }));
    const text = `[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`;
    expect(text.length).toBeGreaterThan(3 * 64 * 1024); // several decoder chunks
    const path = join(dir, 'big.json');
    writeFileSync(path, text);
    const { rows, problems, header } = await readAll(path);
    expect(problems).toEqual([]);
    expect(header).toEqual(['id', 'name', 'nested']);
    expect(rows).toHaveLength(3000);
    expect(rows[2999]?.cells).toEqual([records[2999]!.id, records[2999]!.name, JSON.stringify(records[2999]!.nested)]);
    expect(rows[1234]?.line).toBe(1236);
    const gz = join(dir, 'big.json.gz');
    writeFileSync(gz, gzipSync(text));
    expect((await readAll(gz)).rows).toHaveLength(3000);
  });

  it('reports a truncated array and a top-level object', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'cut.json'), '[{"a":"1"},\n{"a":"2"');
    const cut = await readAll(join(dir, 'cut.json'));
    expect(cut.reader.counts.complete).toBe(false);
    expect(cut.problems).toEqual([expect.objectContaining({ code: 'file/truncated-json', line: 2 })]);
    writeFileSync(join(dir, 'object.json'), '{\n  "a": 1\n}\n');
    const object = await readAll(join(dir, 'object.json'));
    expect(object.problems).toEqual([expect.objectContaining({ code: 'file/not-an-array', line: 1 })]);
    expect(object.reader.counts.complete).toBe(false);
  });
});

describe('encodings', () => {
  it('rejects an unknown --encoding label with a usage error', async () => {
    await expect(readAll(join(ROOT, 'fixtures/formats/comma.csv'), { encoding: 'klingon' })).rejects.toMatchObject({
      code: 'DQC_ENCODING_UNKNOWN',
    });
  });

  it('reports a missing file as not found', async () => {
    await expect(readAll(join(ROOT, 'fixtures/nope.csv'))).rejects.toMatchObject({ code: 'DQC_INPUT_NOT_FOUND' });
  });
});
