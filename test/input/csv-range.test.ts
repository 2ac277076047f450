import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cutPoints, readRange } from '../../src/input/csv-range.js';
import type { RangeSpec } from '../../src/input/reader.js';
import { cellsOf } from '../../src/input/row-batch.js';
import { DEFAULT_MAX_FIELD_SIZE } from '../../src/input/limits.js';
import type { InputProblem } from '../../src/input/problems.js';
import { tempDir } from '../support/cli.js';

// A plain CSV file read by byte ranges (split-reading.ts) must give the rows, lines and problems
// one reader gives: a range starts at a cut (right after a line feed), reads on past its end until
// a record ends exactly at a later cut, and the ranges it passed over are not used. Cuts inside
// quoted line breaks are made on purpose here: every record has some.

const HEADER = ['id', 'note', 'place'];

/** A file of `rows` records, many with line breaks inside quotes, some ragged or blank. */
function csvOf(values: readonly (readonly string[])[]): string {
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  return `${HEADER.join(',')}\n${values.map((cells) => cells.map(quote).join(',')).join('\n')}\n`;
}

const cell = fc.string({ unit: fc.constantFrom('a', 'ư', '\n', '"', ',', ' ', '1'), maxLength: 12 });
const record = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(cell, cell, cell).map((cells) => [...cells]) },
  { weight: 1, arbitrary: fc.tuple(cell, cell).map((cells) => [...cells]) },
  { weight: 1, arbitrary: fc.constant(['', '', '']) },
);

/** A problem of a range, numbered in the file (as split-reading.ts does). */
function moved(p: InputProblem, rows: number, lines: number): InputProblem {
  const line = p.data.line;
  return {
    ...p,
    line: p.line === null ? null : p.line + lines,
    row: p.row === null ? null : p.row + rows,
    data: typeof line === 'number' ? { ...p.data, line: line + lines } : p.data,
  };
}

interface Read {
  rows: { row: number; line: number; cells: string[]; offset: number }[];
  problems: unknown[];
  skipped: number;
}

/** Reads [start, size) range after range, as split-reading.ts does, numbering each range's rows by those before it. */
function readByRanges(spec: RangeSpec, start: number, bytes: number): Read {
  const starts = cutPoints(spec.path, start, spec.size, bytes);
  const stops = [...starts.slice(1), spec.size];
  const read: Read = { rows: [], problems: [], skipped: 0 };
  let rows = 0;
  let lines = 1;
  for (let k = 0; k < starts.length; ) {
    const range = readRange(spec, starts[k]!, stops.slice(k));
    let next = range.next();
    for (; !next.done; next = range.next()) {
      const { batch, offsets, problems } = next.value;
      for (let i = 0; i < batch.length; i++) read.rows.push({ row: batch.row(i) + rows, line: batch.line(i) + lines, cells: cellsOf(batch, i), offset: offsets[i]! });
      for (const p of problems) read.problems.push(moved(p, rows, lines));
    }
    const end = next.value;
    for (const p of end.problems) read.problems.push(moved(p, rows, lines));
    rows += end.counts.rows;
    lines += end.lines;
    if (end.end >= spec.size) break;
    const after = starts.indexOf(end.end);
    expect(after).toBeGreaterThan(k);
    read.skipped += after - k - 1;
    k = after;
  }
  return read;
}

describe('reading a CSV file by byte ranges', () => {
  const dir = tempDir('dqc-csv-range-');

  it('cuts right after line feeds, in order, inside the data', () => {
    const path = join(dir, 'cuts.csv');
    const text = csvOf(Array.from({ length: 200 }, (_, i) => [String(i), 'x'.repeat(i % 7), 'nơi']));
    writeFileSync(path, text);
    const size = Buffer.byteLength(text);
    const cuts = cutPoints(path, 10, size, 100);
    expect(cuts[0]).toBe(10);
    expect(cuts.length).toBeGreaterThan(20);
    const bytes = Buffer.from(text);
    for (let k = 1; k < cuts.length; k++) {
      expect(cuts[k]!).toBeGreaterThan(cuts[k - 1]!);
      expect(cuts[k]!).toBeLessThan(size);
      expect(bytes[cuts[k]! - 1]).toBe(0x0a);
    }
  });

  it('gives every row, line and problem one reader gives, however the cuts fall', () => {
    let skipped = 0;
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 120 }), fc.integer({ min: 8, max: 300 }), (values, bytes) => {
        const text = csvOf(values);
        const path = join(dir, 'ranges.csv');
        writeFileSync(path, text);
        const size = Buffer.byteLength(text);
        const start = Buffer.byteLength(`${HEADER.join(',')}\n`);
        const spec: RangeSpec = { path, size, delimiter: 0x2c, maxFieldSize: DEFAULT_MAX_FIELD_SIZE, rd: 1, header: HEADER, decodeErrors: false };
        const whole = readByRanges(spec, start, size);
        const ranged = readByRanges(spec, start, bytes);
        expect(whole.skipped).toBe(0);
        expect(ranged.rows).toEqual(whole.rows);
        expect(ranged.problems).toEqual(whole.problems);
        skipped += ranged.skipped;
      }),
      { numRuns: 150 },
    );
    // Some cuts fell inside quoted line breaks and were passed over.
    expect(skipped).toBeGreaterThan(10);
  });
});
