import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import type { CsvReaderChoice } from '../../src/input/open.js';
import { readAll, writeTemp } from '../hostile/support.js';

// A blank row (a blank line, or a record whose cells are all empty such as Excel's trailing
// `,,,,` lines) is not a data row: it is not numbered, not checked, not in `rows`, but it is
// counted (blankRows) and reported as `row/blank` with its physical line, in both CSV readers.

const READERS: CsvReaderChoice[] = ['auto', 'csv-parse'];

describe.each(READERS)('blank rows (%s reader)', (csvReader) => {
  it('Excel trailing ,,,, rows and blank lines are blank rows on their own lines; data rows keep their lines', async () => {
    const text = 'a,b,c\r\n1,2,3\r\n,,\r\n\r\n4,5,6\r\n"","",""\r\n,,\r\n,,\r\n';
    const { rows, problems, counts } = await readAll(writeTemp('excel.csv', text), { csvReader });
    expect(rows).toEqual([
      { row: 1, line: 2, cells: ['1', '2', '3'] },
      { row: 2, line: 5, cells: ['4', '5', '6'] },
    ]);
    expect(problems.map((p) => [p.code, p.line, p.row])).toEqual([
      ['row/blank', 3, null],
      ['row/blank', 4, null],
      ['row/blank', 6, null],
      ['row/blank', 7, null],
      ['row/blank', 8, null],
    ]);
    expect(counts).toEqual({ rows: 2, rejected: 0, blankRows: 5, complete: true });
  });

  it('a short row of empty cells is blank too, not a ragged data row', async () => {
    const { rows, problems, counts } = await readAll(writeTemp('short.csv', 'a,b,c\n1,2,3\n,\n'), { csvReader });
    expect(rows.map((r) => r.row)).toEqual([1]);
    expect(problems.map((p) => [p.code, p.line])).toEqual([['row/blank', 3]]);
    expect(counts.blankRows).toBe(1);
  });

  it('blank rows before the header are passed and reported; the header is the first record with a name', async () => {
    const { header, rows, problems, counts } = await readAll(writeTemp('lead.csv', '\n,,\nx,y,z\n1,2,3\n'), { csvReader });
    expect(header).toEqual(['x', 'y', 'z']);
    expect(rows).toEqual([{ row: 1, line: 4, cells: ['1', '2', '3'] }]);
    expect(problems.map((p) => [p.code, p.line])).toEqual([
      ['row/blank', 1],
      ['row/blank', 2],
    ]);
    expect(counts).toEqual({ rows: 1, rejected: 0, blankRows: 2, complete: true });
  });

  it('in a one-column file an empty record stays a row: it cannot be told from an empty value ""', async () => {
    const { rows, problems, counts } = await readAll(writeTemp('one.csv', '\na\n1\n\n""\n'), { csvReader });
    expect(rows).toEqual([
      { row: 1, line: 3, cells: ['1'] },
      { row: 2, line: 4, cells: [''] },
      { row: 3, line: 5, cells: [''] },
    ]);
    expect(problems.map((p) => [p.code, p.line])).toEqual([['row/blank', 1]]);
    expect(counts.blankRows).toBe(1);
  });

  it('a file whose rows are all blank has a header and no data rows', async () => {
    const { rows, problems, counts } = await readAll(writeTemp('none.csv.gz', gzipSync(',,\na,b\n,\n\n')), { csvReader });
    expect(rows).toEqual([]);
    expect(problems.map((p) => [p.code, p.line])).toEqual([
      ['row/blank', 1],
      ['row/blank', 3],
      ['row/blank', 4],
      ['file/no-data-rows', null],
    ]);
    expect(counts).toEqual({ rows: 0, rejected: 0, blankRows: 3, complete: true });
  });

  it('a row with one space is a value, not a blank row', async () => {
    const { rows, problems } = await readAll(writeTemp('space.csv', 'a,b\n ,\n'), { csvReader });
    expect(rows).toEqual([{ row: 1, line: 2, cells: [' ', ''] }]);
    expect(problems).toEqual([]);
  });
});

describe('blank lines in JSON Lines', () => {
  it('are blank rows with their lines, outside `rows`', async () => {
    const { rows, problems, counts } = await readAll(writeTemp('blank.ndjson', '{"a":"1"}\n\n  \r\n{"a":"2"}\n'));
    expect(rows).toEqual([
      { row: 1, line: 1, cells: ['1'] },
      { row: 2, line: 4, cells: ['2'] },
    ]);
    expect(problems.map((p) => [p.code, p.line, p.row])).toEqual([
      ['row/blank', 2, null],
      ['row/blank', 3, null],
    ]);
    expect(counts).toEqual({ rows: 2, rejected: 0, blankRows: 2, complete: true });
  });
});
