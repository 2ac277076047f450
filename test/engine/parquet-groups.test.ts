// A Parquet file read by row groups on every thread (input/parquet-groups.ts,
// engine/group-reading.ts; rows fingerprinted for `unique` as they are read) reports exactly what it
// reports read on one thread: every fixture, with
// the full pack and with the shipped one (same-person included), on 2 and 4 threads; a damaged row
// group stops reading at the same row either way. The batches a group becomes hold the cells the
// row reader gives.
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/engine/check.js';
import { openInput } from '../../src/input/open.js';
import { ParquetGroups } from '../../src/input/parquet-groups.js';
import { isParquetSplit } from '../../src/input/reader.js';
import { cellsOf } from '../../src/input/row-batch.js';
import type { ArrayRow } from '../../src/input/row.js';
import type { Finding } from '../../src/model.js';
import { resolvePacks } from '../../src/pack/resolve.js';
import { dayNumber } from '../../src/shared/dates.js';
import { ROOT, tempDir } from '../support/cli.js';

const FULL_PACK = join(ROOT, 'test', 'engine', 'golden', 'vn-population.pack.json');
const SHIPPED = join(ROOT, 'rules', 'vn-population.json');
const fixture = (name: string) => join(ROOT, 'fixtures', 'parquet', name);

async function run(inputs: string[], pack: string, threads: number) {
  const findings: Finding[] = [];
  try {
    const { startedAt: _s, durationMs: _d, ...report } = await runCheck({
      inputs,
      pack: resolvePacks([pack]),
      asOfDay: dayNumber(2026, 11, 1),
      sampleSize: 50,
      gate: { failOn: 'error', maxWarnings: null },
      read: {},
      onFinding: (finding) => findings.push(finding),
      threads,
      // Any size: the fixtures are small.
      rangeBytes: 1,
    });
    return { report, findings };
  } catch (error) {
    return { error: String(error) };
  }
}

const SCHEMA = [
  { name: 'root', num_children: 3 },
  { name: 'so_dinh_danh', type: 'INT64' as const, repetition_type: 'OPTIONAL' as const },
  { name: 'ho_ten', type: 'BYTE_ARRAY' as const, converted_type: 'UTF8' as const, repetition_type: 'OPTIONAL' as const },
  { name: 'ngay_sinh', type: 'INT32' as const, converted_type: 'DATE' as const, repetition_type: 'OPTIONAL' as const },
];

/** 1,000 people in row groups of 100, gzip: IDs as INT64 (some lost their leading zero), names with diacritics, dates. */
function writePeople(name: string): string {
  const ids = Array.from({ length: 1000 }, (_, i) => BigInt(1_090_000_000 + i * 7919));
  const names = Array.from({ length: 1000 }, (_, i) => (i % 97 === 0 ? null : `Nguyễn Thị Hồng ${i % 13 === 0 ? 'Nhung ' : ''}số ${i}`));
  const dates = Array.from({ length: 1000 }, (_, i) => (i % 89 === 0 ? null : new Date(Date.UTC(1950 + (i % 60), i % 12, 1 + (i % 28)))));
  const path = join(tempDir(), name);
  const compressors = { GZIP: (input: Uint8Array) => new Uint8Array(gzipSync(input)) };
  const columnData = [
    { name: 'so_dinh_danh', data: ids },
    { name: 'ho_ten', data: names },
    { name: 'ngay_sinh', data: dates },
  ];
  writeFileSync(path, new Uint8Array(parquetWriteBuffer({ columnData, schema: SCHEMA, compressors, codec: 'GZIP', rowGroupSize: 100 })));
  return path;
}

describe('a Parquet file read by row groups on the worker threads', () => {
  it('makes batches of the cells the row reader gives, dates in the declared form', async () => {
    const path = writePeople('people.parquet');
    const forms = [undefined, undefined, 'dd/MM/yyyy'];
    const { reader } = await openInput(path, {}, () => {});
    reader.setColumnHints?.(forms.map((format) => (format ? { format } : undefined)));
    const expected: [number, string[]][] = [];
    for await (const row of reader.rows()) expected.push([row.row, [...(row as ArrayRow).cells]]);

    const groups = new ParquetGroups({ kind: 'parquet', path, forms });
    const seen: [number, string[]][] = [];
    for (let group = 0, before = 0; group < 10; group++) {
      const pieces = groups.read(group);
      let next = await pieces.next();
      for (; !next.done; next = await pieces.next()) {
        const { batch } = next.value;
        for (let i = 0; i < batch.length; i++) seen.push([before + batch.row(i), cellsOf(batch, i)]);
      }
      expect(next.value.counts).toEqual({ rows: 100, rejected: 0, blankRows: 0, complete: true });
      before += next.value.counts.rows;
    }
    expect(seen).toEqual(expected);
  });

  it('is handed over only with two row groups or more', async () => {
    const { reader } = await openInput(writePeople('many.parquet'), {}, () => {});
    const split = reader.split?.(0);
    expect(split && isParquetSplit(split) && split.groups).toBe(10);
    const one = join(tempDir(), 'one.parquet');
    writeFileSync(one, new Uint8Array(parquetWriteBuffer({ columnData: [{ name: 'a', data: ['x', 'y'] }], rowGroupSize: 10 })));
    expect((await openInput(one, {}, () => {})).reader.split?.(0)).toBeNull();
  });

  it.each([
    ['population-defects.parquet', FULL_PACK],
    ['population-clean.parquet', FULL_PACK],
    ['population-ids.parquet', FULL_PACK],
    ['population-defects.parquet', SHIPPED],
  ])('%s with %s: the same report and findings on 1, 2 and 4 threads', async (name, pack) => {
    // Read by groups at all: two or more of them.
    const split = (await openInput(fixture(name), {}, () => {})).reader.split?.(0);
    expect(split && isParquetSplit(split) && split.groups).toBeGreaterThan(1);
    const one = await run([fixture(name)], pack, 1);
    if ('error' in one) throw new Error(one.error);
    expect(one.findings.length + (one.report.inputs[0]?.rows ?? 0)).toBeGreaterThan(100);
    // Repeated IDs are classed by the rows' fingerprints, which the threads make as they read.
    if (name === 'population-defects.parquet') expect(one.findings.filter((f) => f.check === 'unique').length).toBeGreaterThan(0);
    for (const threads of [2, 4]) expect(await run([fixture(name)], pack, threads)).toEqual(one);
  }, 60_000);

  it('classes a repeated ID as the same row again although its row number (STT) differs, on 1, 2 and 4 threads', async () => {
    // Rows i and i + 250 are one record typed twice: only their STT differs.
    const rows = 500;
    const person = (i: number) => i % 250;
    const columnData = [
      { name: 'stt', data: Array.from({ length: rows }, (_, i) => BigInt(i + 1)) },
      { name: 'so_dinh_danh', data: Array.from({ length: rows }, (_, i) => String(1_090_000_000 + person(i) * 7).padStart(12, '0')) },
      { name: 'ho_ten', data: Array.from({ length: rows }, (_, i) => `Trần Văn Bình ${person(i)}`) },
    ];
    const path = join(tempDir(), 'twice.parquet');
    writeFileSync(path, new Uint8Array(parquetWriteBuffer({ columnData, rowGroupSize: 40 })));
    const one = await run([path], FULL_PACK, 1);
    if ('error' in one) throw new Error(one.error);
    const identical = one.findings.filter((f) => f.check === 'unique' && f.messageId === 'duplicate-identical');
    expect(identical.map((f) => f.row)).toEqual(Array.from({ length: 250 }, (_, i) => i + 251));
    for (const threads of [2, 4]) expect(await run([path], FULL_PACK, threads)).toEqual(one);
  }, 60_000);

  it('stops at a damaged row group at the same row, the rows before it checked, on 1 and 2 threads', async () => {
    const bytes = Buffer.from(readFileSync(writePeople('whole.parquet')));
    // The fourth row group's first gzip stream, overwritten with junk.
    let at = -1;
    for (let k = 0; k < 4; k++) at = bytes.indexOf(Buffer.from([0x1f, 0x8b, 0x08]), at + 1);
    bytes.fill(0x55, at, at + 12);
    const path = join(tempDir(), 'damaged.parquet');
    writeFileSync(path, bytes);
    const one = await run([path], FULL_PACK, 1);
    const input = ('report' in one ? one.report : { inputs: [] }) as { inputs: { rows: number; complete: boolean; problems: { code: string }[] }[] };
    expect(input.inputs[0]!.rows).toBeLessThan(1000);
    expect(input.inputs[0]!.problems.map((p) => p.code)).toContain('file/parse-error');
    expect(await run([path], FULL_PACK, 2)).toEqual(one);
  }, 60_000);
});
