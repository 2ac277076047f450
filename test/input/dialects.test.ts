import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { CsvReaderChoice } from '../../src/input/open.js';
import { CsvRecordScanner } from '../../src/input/record-scanner.js';
import { readAll, writeTemp } from '../hostile/support.js';

// CSV dialects other than RFC 4180's (src/input/dialect.ts): another quote, a backslash escape,
// spaces skipped after the delimiter, no header. They are read with the record scanner dqc fix
// uses (src/input/dialect-csv.ts); the default dialect keeps its readers.

describe('dialects: what the check reads', () => {
  it('--skip-initial-space: a register written with ", " between fields reads as its values; a quote after the spaces opens a quoted field', async () => {
    const text = 'ma, ten, ghi_chu\n001, "Lê Hoàng, Đức", "Test line 1"\n002,   Trần Văn B, \tx\n';
    const { header, rows, problems, counts } = await readAll(writeTemp('register.csv', text), { dialect: { skipInitialSpace: true } });
    expect(header).toEqual(['ma', 'ten', 'ghi_chu']);
    expect(rows).toEqual([
      { row: 1, line: 2, cells: ['001', 'Lê Hoàng, Đức', 'Test line 1'] },
      // Only spaces are skipped (csv-parse's ltrim would also drop the tab)
      { row: 2, line: 3, cells: ['002', 'Trần Văn B', '\tx'] },
    ]);
    expect(problems).toEqual([]);
    expect(counts).toEqual({ rows: 2, rejected: 0, blankRows: 0, complete: true });
  });

  it('--escape \\: \\" inside a quoted field is a quote, \\\\ a backslash; "" is no escape then', async () => {
    const text = 'a,b\n1,"say \\"hi\\", ok"\n2,"a\\\\b"\n3,c\\"d\n';
    const { rows, problems } = await readAll(writeTemp('backslash.csv', text), { dialect: { escape: '\\' } });
    expect(rows).toEqual([
      { row: 1, line: 2, cells: ['1', 'say "hi", ok'] },
      { row: 2, line: 3, cells: ['2', 'a\\b'] },
      { row: 3, line: 4, cells: ['3', 'c\\"d'] },
    ]);
    expect(problems).toEqual([]);
  });

  it("--quote ': fields quoted with ' (doubled inside), a \" is a character", async () => {
    const text = "a,b\n1,'O''Brien, J'\n2,\"x\"\n3,'two\nlines'\n4,z\n";
    const { rows } = await readAll(writeTemp('single.csv', text), { dialect: { quote: "'" } });
    expect(rows).toEqual([
      { row: 1, line: 2, cells: ['1', "O'Brien, J"] },
      { row: 2, line: 3, cells: ['2', '"x"'] },
      { row: 3, line: 4, cells: ['3', 'two\nlines'] },
      { row: 4, line: 6, cells: ['4', 'z'] },
    ]);
  });

  it('--no-header: columns named column_1 … by position, the first record is row 1 on line 1', async () => {
    const text = '001,Lê Văn A,x\n\n002,Trần Văn B,y\n';
    const { header, rows, problems, counts } = await readAll(writeTemp('headerless.csv', text), { dialect: { header: false } });
    expect(header).toEqual(['column_1', 'column_2', 'column_3']);
    expect(rows).toEqual([
      { row: 1, line: 1, cells: ['001', 'Lê Văn A', 'x'] },
      { row: 2, line: 3, cells: ['002', 'Trần Văn B', 'y'] },
    ]);
    expect(problems.map((p) => [p.code, p.line])).toEqual([['row/blank', 2]]);
    expect(counts).toEqual({ rows: 2, rejected: 0, blankRows: 1, complete: true });
  });

  it('an unclosed quote in another dialect stops the reading where it opened, as in the default one', async () => {
    const { rows, problems, counts } = await readAll(writeTemp('open.csv', "a,b\n1,x\n2,'never\n3,y\n"), { dialect: { quote: "'" } });
    expect(rows.map((r) => r.row)).toEqual([1]);
    expect(problems.map((p) => [p.code, p.line])).toEqual([['file/unclosed-quote', 3]]);
    expect(counts.complete).toBe(false);
  });
});

const READERS: CsvReaderChoice[] = ['auto', 'csv-parse'];

describe.each(READERS)('a value that kept its quotes (%s reader, default dialect)', (csvReader) => {
  it('spaces then a quote: cell/stray-quote, with its line, row and column', async () => {
    const text = 'ma, ten, ghi_chu\n001, "Lê Hoàng", "Test line 1"\n002,x,"""quoted"""\n003,ab"c,y\n';
    const { rows, problems } = await readAll(writeTemp('stray.csv', text), { csvReader });
    expect(rows[0]!.cells).toEqual(['001', ' "Lê Hoàng"', ' "Test line 1"']);
    // A value quoted on purpose ("""quoted""") or a quote inside a value (ab"c) says nothing
    expect(problems.map((p) => [p.code, p.line, p.row, p.column])).toEqual([
      ['cell/stray-quote', 2, 1, 'ten'],
      ['cell/stray-quote', 2, 1, 'ghi_chu'],
    ]);
  });
});

describe('the record scanner in other dialects follows csv-parse where csv-parse has the option', () => {
  const inputs = [
    'a,b\n1,"x\\"y"\n2,"p\\\\q"\n3,"\\,"\n4,"u""v"\n5,w\\"z\n6,"\\\nline"\n',
    "a,b\n1,'x''y'\n2,'p,q'\n3,\"r\"\n4,'s't\n5,'\n'\n",
    "a;b\r\n1;'x\\'y'\r\n2;'p;q'\r\n3;x'y\r\n",
  ];
  const dialects = [
    { quote: '"', escape: '\\' },
    { quote: "'", escape: "'" },
    { quote: "'", escape: '\\' },
  ];
  it.each(inputs.flatMap((input) => dialects.map((d) => [input, d] as const)))('%j in %j', (input, d) => {
    const delimiter = input.includes(';') ? ';' : ',';
    const scanner = new CsvRecordScanner(delimiter, Infinity, { ...d, skipInitialSpace: false });
    const ours = [...scanner.push(input), ...scanner.end()].map((r) => r.cells.map((c) => c.value));
    const theirs = parse(input, { delimiter, quote: d.quote, escape: d.escape, relax_quotes: true, relax_column_count: true }) as string[][];
    expect(ours).toEqual(theirs);
  });
});
