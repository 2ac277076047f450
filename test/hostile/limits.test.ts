import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_FIELD_SIZE, MAX_JSON_COLUMNS, MAX_JSON_DEPTH, parseByteSize } from '../../src/input/limits.js';
import { openInput } from '../../src/input/open.js';
import type { InputProblem } from '../../src/input/problems.js';
import { resolvePacks } from '../../src/pack/resolve.js';
import { dqc } from '../support/cli.js';
import { readAll, STACK_LINE, writeTemp } from './support.js';
import { runCheck } from '../../src/engine/check.js';

// The guards of src/input/limits.ts on the inputs the issue names: a 100 MB cell, very long
// lines, 10,000 columns, deeply nested JSON. Files are generated in a temporary directory.

const MB = 1024 * 1024;

/** Writes head, then `size` bytes of `fill` in 1 MiB blocks, then tail; returns the path. */
function bigFile(name: string, head: string, size: number, fill: string, tail: string): string {
  const path = writeTemp(name, '');
  const fd = openSync(path, 'w');
  writeSync(fd, head);
  const block = Buffer.alloc(MB, fill);
  for (let left = size; left > 0; left -= MB) writeSync(fd, block, 0, Math.min(MB, left));
  writeSync(fd, tail);
  closeSync(fd);
  return path;
}

function sha256Of(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

describe('a 100 MB cell', () => {
  let csv: string;
  let json: string;
  let ndjson: string;
  beforeAll(() => {
    csv = bigFile('cell.csv', 'so_dinh_danh,ho_va_ten\n001099000001,"', 100 * MB, 'x', '"\n001099000002,An\n');
    json = bigFile('cell.json', '[{"so_dinh_danh":"001099000001","ho_va_ten":"', 100 * MB, 'x', '"},\n{"so_dinh_danh":"001099000002"}]');
    ndjson = bigFile('cell.ndjson', '{"so_dinh_danh":"001099000001","ho_va_ten":"', 100 * MB, 'x', '"}\n{"so_dinh_danh":"001099000002"}\n');
  });
  afterAll(() => {
    for (const path of [csv, json, ndjson]) rmSync(path, { force: true });
  });

  it('CSV: reading stops at the guard with the line, and the whole file is still hashed', async () => {
    const { rows, problems, counts, stats } = await readAll(csv);
    expect(problems.map((p) => [p.code, p.line, p.data.limit])).toEqual([['file/row-too-large', 2, DEFAULT_MAX_FIELD_SIZE]]);
    expect(counts.complete).toBe(false);
    expect(rows).toEqual([]);
    expect(stats.bytes).toBe(statSync(csv).size);
    expect(stats.sha256).toBe(sha256Of(csv));
  });

  it('JSON array: the element is a rejected row, the next one is read', async () => {
    const { rows, problems, counts } = await readAll(json);
    expect(problems.map((p) => [p.code, p.row, p.line])).toEqual([['row/too-large', 1, 1]]);
    expect(counts).toEqual({ rows: 2, rejected: 1, blankRows: 0, complete: true });
    expect(rows.map((r) => [r.row, r.line, r.cells])).toEqual([[2, 2, ['001099000002']]]);
  });

  it('JSON Lines: the line is a rejected row, the next one is read', async () => {
    const { rows, problems, counts } = await readAll(ndjson);
    expect(problems.map((p) => [p.code, p.row, p.line])).toEqual([['row/too-large', 1, 1]]);
    expect(counts).toEqual({ rows: 2, rejected: 1, blankRows: 0, complete: true });
    expect(rows.map((r) => [r.row, r.line, r.cells])).toEqual([[2, 2, ['001099000002']]]);
  });

  it('through the CLI with a 128 MB heap: exit 2 with the line, no crash (unguarded, the cell alone would exhaust it)', () => {
    const run = dqc(['check', csv, '--format', 'json', '--quiet'], { env: { NODE_OPTIONS: '--max-old-space-size=128' } });
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(STACK_LINE);
    const report = JSON.parse(run.stdout) as { inputs: { path: string; complete: boolean; problems: { code: string; samples: { line: number }[] }[] }[] };
    expect(report.inputs[0]?.complete).toBe(false);
    expect(report.inputs[0]?.path).toBe(csv);
    expect(report.inputs[0]?.problems.map((p) => [p.code, p.samples[0]?.line])).toEqual([['file/row-too-large', 2]]);
  });
});

describe('--max-field-size', () => {
  it('reads sizes in bytes or with a binary unit, and refuses the rest', () => {
    expect(parseByteSize('1048576')).toBe(MB);
    expect(parseByteSize('64k')).toBe(64 * 1024);
    expect(parseByteSize('16MiB')).toBe(16 * MB);
    expect(parseByteSize('512 M')).toBe(512 * MB);
    // 1G and 513MiB are above the ceiling: V8 cannot hold a string that long anyway.
    for (const bad of ['', '0', '-1', '1.5M', '12 apples', 'M', '1G', '513MiB']) expect(parseByteSize(bad)).toBeNull();
  });

  it('JSON: a row of exactly the limit is read, one character more is rejected', async () => {
    const row = (n: number) => `{"a":"${'x'.repeat(n - 8)}"}`; // n characters of JSON text
    const path = writeTemp('edge.ndjson', `${row(100)}\n${row(101)}\n${row(100)}\n`);
    const { rows, problems, counts } = await readAll(path, { maxFieldSize: 100 });
    expect(counts).toEqual({ rows: 3, rejected: 1, blankRows: 0, complete: true });
    expect(rows.map((r) => r.row)).toEqual([1, 3]);
    expect(problems.map((p) => [p.code, p.row, p.line, p.data.limit])).toEqual([['row/too-large', 2, 2, 100]]);

    const array = writeTemp('edge.json', `[${row(100)},${row(101)},${row(100)}]`);
    const read = await readAll(array, { maxFieldSize: 100 });
    expect(read.counts).toEqual({ rows: 3, rejected: 1, blankRows: 0, complete: true });
    expect(read.rows.map((r) => r.row)).toEqual([1, 3]);
  });

  it('CSV: a smaller limit stops at the first larger row; rows before it are read', async () => {
    const path = writeTemp('limit.csv', `a,b\n1,${'y'.repeat(900)}\n2,${'z'.repeat(2000)}\n3,4\n`);
    const { rows, problems, counts } = await readAll(path, { maxFieldSize: 1024 });
    expect(rows.map((r) => r.row)).toEqual([1]);
    expect(problems.map((p) => [p.code, p.line])).toEqual([['file/row-too-large', 3]]);
    expect(counts.complete).toBe(false);
  });

  it('an unclosed quote no longer swallows the rest of a large file into memory', async () => {
    const path = writeTemp('unclosed.csv', `a,b\n1,"open\n${'2,x\n'.repeat(50_000)}`);
    const { problems, counts } = await readAll(path, { maxFieldSize: 64 * 1024 });
    expect(problems.map((p) => [p.code, p.line])).toEqual([['file/row-too-large', 2]]);
    expect(counts.complete).toBe(false);
  });

  it('the CLI refuses a value that is not a size, in both languages', () => {
    const en = dqc(['check', 'fixtures/population-clean.csv', '--max-field-size', 'lots']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('--max-field-size: "lots" is not valid');
    const vi = dqc(['check', 'fixtures/population-clean.csv', '--max-field-size', '0', '--lang', 'vi']);
    expect(vi.code).toBe(2);
    expect(vi.stderr).toContain('--max-field-size: "0" không hợp lệ');
  });
});

describe('wide and long rows', () => {
  const pack = resolvePacks(['vn-population']);
  const check = (path: string) =>
    runCheck({ inputs: [path], pack, asOfDay: 20_000, sampleSize: 1, gate: { failOn: 'error', maxWarnings: null } });

  it('10,000 columns in CSV are read and bound', async () => {
    const names = ['so_dinh_danh', ...Array.from({ length: 9_999 }, (_, i) => `c${i}`)];
    const row = (id: string) => [id, ...Array.from({ length: 9_999 }, (_, i) => `v${i}`)].join(',');
    const path = writeTemp('wide.csv', `${names.join(',')}\n${row('001099000001')}\n${row('001099000002')}\n`);
    const report = await check(path);
    expect(report.inputs[0]?.columns).toHaveLength(10_000);
    expect(report.inputs[0]?.rows).toBe(2);
    // The 9,999 columns the pack does not know are each counted, the first few named.
    expect(report.inputs[0]?.problems).toEqual([expect.objectContaining({ code: 'header/unknown-column', count: 9_999 })]);
    expect(report.inputs[0]?.problems[0]?.samples.length).toBe(20);
    expect(report.rules.find((r) => r.id === 'id-required')?.evaluated).toBe(2);
  });

  it('10,000 keys in JSON Lines are read', async () => {
    const record = (id: string) => JSON.stringify(Object.fromEntries([['so_dinh_danh', id], ...Array.from({ length: 9_999 }, (_, i) => [`k${i}`, i])]));
    const path = writeTemp('wide.ndjson', `${record('001099000001')}\n${record('001099000002')}\n`);
    const report = await check(path);
    expect(report.inputs[0]?.columns).toHaveLength(10_000);
    expect(report.rules.find((r) => r.id === 'id-required')?.evaluated).toBe(2);
  });

  it('an 8 MB line (200,000 fields) is read, reported as ragged', async () => {
    const long = Array.from({ length: 200_000 }, (_, i) => `field-${String(i).padStart(33, '0')}`).join(',');
    const path = writeTemp('long.csv', `so_dinh_danh,ho_va_ten\n001099000001,${long}\n001099000002,An\n`);
    const { rows, problems, counts } = await readAll(path);
    expect(counts).toEqual({ rows: 2, rejected: 0, blankRows: 0, complete: true });
    expect(rows[0]?.cells).toHaveLength(200_001);
    expect(problems.map((p) => [p.code, p.row, p.data.found])).toEqual([['row/inconsistent-columns', 1, 200_001]]);
  });

  it('50,000 columns of one name are each renamed once (the renaming used to take n² tries)', async () => {
    const path = writeTemp('dups.csv', `${Array(50_000).fill('a').join(',')}\n${Array(50_000).fill('1').join(',')}\n`);
    const { header, problems, counts } = await readAll(path);
    expect(header.slice(0, 3)).toEqual(['a', 'a_2', 'a_3']);
    expect(header[49_999]).toBe('a_50000');
    expect(new Set(header).size).toBe(50_000);
    expect(problems.filter((p) => p.code === 'header/duplicate')).toHaveLength(49_999);
    expect(counts).toEqual({ rows: 1, rejected: 0, blankRows: 0, complete: true });
  });

  it('JSON that adds a new key on every line stops growing at the column limit, and says so', async () => {
    const lines = Array.from({ length: MAX_JSON_COLUMNS + 50 }, (_, i) => `{"k${i}":${i}}`).join('\n');
    // Rows are counted, not kept: together they hold ~MAX_JSON_COLUMNS² / 2 cells.
    const problems: InputProblem[] = [];
    const { reader } = await openInput(writeTemp('keys.ndjson', lines), {}, (p) => problems.push(p));
    let read = 0;
    for await (const row of reader.rows()) read += row.width > 0 ? 1 : 0;
    const { header, counts } = reader;
    expect(read).toBe(MAX_JSON_COLUMNS + 50);
    expect(header).toHaveLength(MAX_JSON_COLUMNS);
    expect(counts).toEqual({ rows: MAX_JSON_COLUMNS + 50, rejected: 0, blankRows: 0, complete: true });
    const dropped = problems.filter((p) => p.code === 'row/too-many-fields');
    expect(dropped).toHaveLength(50);
    expect(dropped[0]).toMatchObject({ row: MAX_JSON_COLUMNS + 1, data: { limit: MAX_JSON_COLUMNS, fields: `k${MAX_JSON_COLUMNS}` } });
  });
});

describe('deeply nested or non-object JSON', () => {
  const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;

  it('100,000 levels inside a cell: a rejected row, not a stack overflow; the next row is read', async () => {
    for (const [name, text] of [
      ['deep.json', `[{"a":${deep(100_000)}},{"a":"ok"}]`],
      ['deep.ndjson', `{"a":${deep(100_000)}}\n{"a":"ok"}\n`],
    ] as const) {
      const { rows, problems, counts } = await readAll(writeTemp(name, text));
      expect(problems.map((p) => [p.code, p.row, p.data.limit])).toEqual([['row/too-deep', 1, MAX_JSON_DEPTH]]);
      expect(counts).toEqual({ rows: 2, rejected: 1, blankRows: 0, complete: true });
      expect(rows.map((r) => r.cells)).toEqual([['ok']]);
    }
  });

  it('nesting up to the limit is read, as JSON text in the cell', async () => {
    const { rows, problems } = await readAll(writeTemp('ok.ndjson', `{"a":${deep(MAX_JSON_DEPTH - 1)}}\n`));
    expect(problems).toEqual([]);
    expect(rows[0]?.cells).toEqual([deep(MAX_JSON_DEPTH - 1)]);
    const over = await readAll(writeTemp('over.ndjson', `{"a":${deep(MAX_JSON_DEPTH)}}\n`));
    expect(over.problems.map((p) => p.code)).toEqual(['row/too-deep']);
  });

  it('a 100,000-level element is not an object; broken deep JSON is a syntax error; an unclosed one is truncated', async () => {
    const element = await readAll(writeTemp('arr.json', `[${deep(100_000)},{"a":1}]`));
    expect(element.problems.map((p) => [p.code, p.row])).toEqual([['row/not-an-object', 1]]);
    expect(element.counts).toEqual({ rows: 2, rejected: 1, blankRows: 0, complete: true });

    const broken = await readAll(writeTemp('broken.ndjson', `{"a":${'['.repeat(100_000)}1 2${']'.repeat(100_000)}}\n{"a":1}\n`));
    expect(broken.problems.map((p) => [p.code, p.row])).toEqual([['row/json-syntax', 1]]);
    expect(broken.counts).toEqual({ rows: 2, rejected: 1, blankRows: 0, complete: true });

    const open = await readAll(writeTemp('open.json', `[{"a":1},${'['.repeat(100_000)}`));
    expect(open.problems.map((p) => p.code)).toEqual(['file/truncated-json']);
    expect(open.counts.complete).toBe(false);
  });

  it('non-object JSON documents: a bare value, an object, an array of scalars', async () => {
    const scalar = await readAll(writeTemp('scalar.json', '42'));
    expect(scalar.problems.map((p) => p.code)).toEqual(['file/not-an-array']);
    const object = await readAll(writeTemp('object.json', '{\n  "a": 1\n}\n'));
    expect(object.problems.map((p) => p.code)).toEqual(['file/not-an-array']);
    const scalars = await readAll(writeTemp('scalars.json', '[1, "two", null, [3], true]'));
    expect(scalars.counts).toEqual({ rows: 5, rejected: 5, blankRows: 0, complete: true });
    expect(scalars.problems.map((p) => p.code)).toEqual(Array(5).fill('row/not-an-object'));
  });
});
