import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import unique from '../../src/checks/unique.js';
import { ArrayRow } from '../../src/input/row.js';
import { RuleInstance } from '../../src/engine/rule.js';
import { normalizeOptions } from '../../src/pack/options.js';
import { CheckTester, runCase } from '../support/check-tester.js';
import type { Finding } from '../../src/model.js';

const identical = (row: number) => ({ action: 'merge_into', value: String(row), confidence: 1 }) as const;
const formatting = (row: number) => ({ action: 'merge_into', value: String(row), confidence: 0.95 }) as const;
const conflict = { action: 'review', confidence: 0 } as const;
const review = { action: 'review', confidence: 0.5 } as const;
const person = ['id_number', 'full_name', 'date_of_birth'];

CheckTester.run('unique', unique, {
  valid: [
    { rows: ['001203004567'] },
    { rows: ['001203004567', '001203004568', '079190000001'] },
    { rows: ['', '', ' ', '\u00a0'] }, // blank keys are not keys: `required` judges them
    { rows: ['abc', 'ABC'] }, // case counts by default
    { rows: [['Nguyễn Văn An', '15/06/1990'], ['Nguyễn Văn An', '16/06/1990']] },
    { rows: [['a', ''], ['', 'a']] }, // the position of a value is part of the key
    { rows: [['ab', 'c'], ['a', 'bc']] }, // no joining, so no collision by concatenation
    { rows: [['', ''], ['', '']] },
    { rows: ['Lê Thị Bình', 'Le Thi Binh'], options: { ignore_case: true } }, // diacritics still count
    { rows: ['Nguy\u1ec5n', 'Nguye\u0302\u0303n'] }, // NFC vs NFD keys differ; `unicode-nfc` judges that
    { rows: ['012', '12'] }, // leading zeros are significant
    { rows: ['0', '00', '000', '9', '99'] }, // lengths have disjoint numeric ranges
    { rows: ['999999999999999', '111111111111110', '1111111111111110'] }, // 15-digit maximum vs its encoded value
    { rows: ['12', 'A12', '12A', '1 2'] }, // numeric and hashed keys never mix
    { rows: ['0012030045670001', '0012030045670002'] }, // 16 digits: hashed path
    {
      // the same person under two IDs is `same-person`'s finding, not this one's
      rows: [['001203004567', 'Nguyễn Văn An', '15/06/1990'], ['001203004568', 'Nguyễn Văn An', '15/06/1990']],
      columns: person,
      options: { key: 1 },
    },
    { rows: [['', 'Nguyễn Văn An'], ['', 'Nguyễn Văn An']], options: { key: 1 } }, // no key, no duplicate
    {
      rows: [['01', '001203004567', 'Nguyễn Văn An'], ['79', '001203004567', 'Nguyễn Văn An']],
      columns: ['province_code', 'id_number', 'full_name'],
      options: { key: 2 },
    },
  ],
  invalid: [
    {
      rows: ['001203004567', '001203004567'],
      columns: ['id_number'],
      errors: [
        {
          messageId: 'duplicate-identical',
          row: 2,
          data: { field: 'id_number', key: '001203004567', first_row: 1 },
          fix: identical(1),
        },
      ],
    },
    {
      rows: ['a', 'b', 'a', 'c', 'a', 'b'],
      errors: [
        { messageId: 'duplicate-identical', row: 3, data: { key: 'a', first_row: 1 }, fix: identical(1) },
        { messageId: 'duplicate-identical', row: 5, data: { key: 'a', first_row: 1 }, fix: identical(1) },
        { messageId: 'duplicate-identical', row: 6, data: { key: 'b', first_row: 2 }, fix: identical(2) },
      ],
    },
    {
      rows: [['Nguyễn Văn An', '15/06/1990'], ['Trần Thị Bình', '15/06/1990'], ['Nguyễn Văn An', '15/06/1990']],
      columns: ['full_name', 'date_of_birth'],
      errors: [
        {
          messageId: 'duplicate-identical',
          row: 3,
          data: { field: 'full_name + date_of_birth', key: 'Nguyễn Văn An | 15/06/1990', first_row: 1 },
          fix: identical(1),
        },
      ],
    },
    {
      rows: [['x', ''], ['x', '']], // one blank key column is part of the key
      errors: [{ messageId: 'duplicate-identical', row: 2, data: { key: 'x | ' }, fix: identical(1) }],
    },
    {
      rows: ['Lê Thị Bình', ' lê thị bình ', 'LÊ THỊ BÌNH'],
      options: { ignore_case: true },
      errors: [
        { messageId: 'duplicate-formatting', row: 2, data: { key: ' lê thị bình ', first_row: 1 }, fix: formatting(1) },
        { messageId: 'duplicate-formatting', row: 3, data: { key: 'LÊ THỊ BÌNH', first_row: 1 }, fix: formatting(1) },
      ],
    },
    {
      rows: ['', 'a', '', 'a'],
      errors: [{ messageId: 'duplicate-identical', row: 4, data: { first_row: 2 }, fix: identical(2) }],
    },
    {
      rows: [' 1', ' 1', '1 '], // surrounding spaces are not part of a key
      errors: [
        { messageId: 'duplicate-identical', row: 2, data: { key: ' 1' }, fix: identical(1) },
        { messageId: 'duplicate-formatting', row: 3, data: { key: '1 ', first_row: 1 }, fix: formatting(1) },
      ],
    },
    {
      rows: [['1', '2', '3'], ['1', '2', '4'], ['1', '2', '3'], ['1', '2', '4']],
      columns: ['province', 'district', 'ward'],
      errors: [
        { messageId: 'duplicate-identical', row: 3, data: { field: 'province + district + ward', key: '1 | 2 | 3', first_row: 1 }, fix: identical(1) },
        { messageId: 'duplicate-identical', row: 4, data: { key: '1 | 2 | 4', first_row: 2 }, fix: identical(2) },
      ],
    },
    {
      rows: ['012', '12', '012'],
      errors: [{ messageId: 'duplicate-identical', row: 3, data: { key: '012', first_row: 1 }, fix: identical(1) }],
    },
    {
      rows: ['0012030045670001', '0012030045670002', '0012030045670001'],
      errors: [{ messageId: 'duplicate-identical', row: 3, data: { first_row: 1 }, fix: identical(1) }],
    },
    {
      rows: [['001203004567', 'Nguyễn Văn An'], ['001203004567', 'Nguye\u0302\u0303n Văn An']],
      columns: ['id_number', 'full_name'],
      options: { key: 1 },
      errors: [{ messageId: 'duplicate-formatting', row: 2, data: { field: 'id_number', first_row: 1 }, fix: formatting(1) }],
    },
    {
      rows: [['079190000001', 'Trần  Thị Bình', 'Nữ'], ['079190000001', 'TRẦN THỊ BÌNH ', 'Nữ']],
      columns: ['id_number', 'full_name', 'sex'],
      options: { key: 1 },
      errors: [{ messageId: 'duplicate-formatting', row: 2, fix: formatting(1) }],
    },
    {
      rows: [['001203004567', 'Nguyễn Văn An', '15/06/1990'], ['001203004567', 'Trần Thị Bình', '02/03/1985']],
      columns: person,
      options: { key: 1 },
      errors: [
        {
          messageId: 'duplicate-conflict',
          row: 2,
          data: { field: 'id_number', key: '001203004567', first_row: 1, differs: 'full_name, date_of_birth' },
          fix: conflict,
        },
      ],
    },
    {
      rows: [['079190000001', 'NGUYỄN VĂN AN', '15/06/1990'], ['079190000001', 'Nguyễn Văn An', '16/06/1990']],
      columns: person,
      options: { key: 1 },
      errors: [{ messageId: 'duplicate-conflict', row: 2, data: { differs: 'date_of_birth' }, fix: conflict }],
    },
    {
      // a cross-check column the file lacks reads blank and is skipped
      rows: [['001203004567', 'Nguyễn Văn An', ''], ['001203004567', 'Lê Thị Hoa', '']],
      columns: person,
      options: { key: 1 },
      absent: [2],
      errors: [{ messageId: 'duplicate-conflict', row: 2, data: { differs: 'full_name' }, fix: conflict }],
    },
    {
      // the same person with and without diacritics: same record, other spelling
      rows: [['001203004567', 'Nguyễn Văn An', '15/06/1990'], ['001203004567', 'Nguyen Van An', '15/06/1990']],
      columns: person,
      options: { key: 1 },
      errors: [{ messageId: 'duplicate', row: 2, data: { field: 'id_number', key: '001203004567', first_row: 1 }, fix: review }],
    },
    {
      // a blank name is missing, not different
      rows: [['001203004567', 'Nguyễn Văn An', '15/06/1990'], ['001203004567', '', '15/06/1990']],
      columns: person,
      options: { key: 1 },
      errors: [{ messageId: 'duplicate', row: 2, fix: review }],
    },
    {
      rows: [
        ['001203004567', 'Nguyễn Văn An', '15/06/1990'],
        ['001203004567', 'Nguyễn Văn An', '15/06/1990'],
        ['001203004567', 'nguyễn văn an', '15/06/1990'],
        ['001203004567', 'Lê Thị Hoa', '15/06/1990'],
        ['079190000001', 'Lê Thị Hoa', '01/01/2001'],
      ],
      columns: person,
      options: { key: 1 },
      errors: [
        { messageId: 'duplicate-identical', row: 2, fix: identical(1) },
        { messageId: 'duplicate-formatting', row: 3, fix: formatting(1) },
        { messageId: 'duplicate-conflict', row: 4, data: { differs: 'full_name' }, fix: conflict },
      ],
    },
    {
      rows: [['01', '001203004567', 'Nguyễn Văn An'], ['01', '001203004567', 'Phạm Minh Châu']],
      columns: ['province_code', 'id_number', 'full_name'],
      options: { key: 2 },
      errors: [
        {
          messageId: 'duplicate-conflict',
          row: 2,
          data: { field: 'province_code + id_number', key: '01 | 001203004567', differs: 'full_name' },
          fix: conflict,
        },
      ],
    },
    // An STT column (the last cell, not one of the rule's columns) numbers the rows: rows equal but
    // for it are the same record.
    {
      rows: [['001203004567', 'Nguyễn Văn An', '1'], ['001203004567', 'Nguyễn Văn An', '2']],
      columns: ['id_number'],
      errors: [{ messageId: 'duplicate-identical', row: 2, fix: identical(1) }],
    },
    {
      rows: [['001203004567', 'Nguyễn Văn An', '15/06/1990', '1'], ['079190000001', 'Trần Thị Bình', '01/01/1990', '2'], ['001203004567', 'Nguyễn Văn An', '15/06/1990', '3']],
      columns: person,
      options: { key: 1 },
      errors: [{ messageId: 'duplicate-identical', row: 3, data: { first_row: 1 }, fix: identical(1) }],
    },
    {
      // a copy that kept the first row's number, or its own, with a formatting difference
      rows: [['001203004567', 'An', '1'], ['079190000001', 'Bình', '2'], ['001203004567', 'An', '1'], ['001203004567', 'AN', '4'], ['001203004567', 'AN', '1']],
      columns: ['id_number'],
      errors: [
        { messageId: 'duplicate-identical', row: 3, fix: identical(1) },
        { messageId: 'duplicate-formatting', row: 4, fix: formatting(1) },
        { messageId: 'duplicate-formatting', row: 5, fix: formatting(1) },
      ],
    },
    {
      // numbers that are not the rows' own (7 on row 1, 8 on row 2) are data, and so is 03 on row 3 (a leading zero)
      rows: [['001203004567', 'An', '7'], ['001203004567', 'An', '8'], ['001203004568', 'An', '03'], ['001203004568', 'An', '4']],
      columns: ['id_number'],
      errors: [
        { messageId: 'duplicate', row: 2, fix: review },
        { messageId: 'duplicate', row: 4, fix: review },
      ],
    },
    {
      rows: [['001203004567', 'An', '1'], ['001203004567', 'An', '2']],
      columns: ['id_number'],
      options: { ignore_row_numbers: false },
      errors: [{ messageId: 'duplicate', row: 2, fix: review }],
    },
  ],
});

/** Feeds files of whole source rows to a `unique` rule whose columns sit at `indexes` in every file. */
function runFiles(files: string[][][], columns: string[], indexes: number[], options: Record<string, unknown> = {}): Finding[] {
  const findings: Finding[] = [];
  const instance = new RuleInstance(
    {
      id: 'id-unique',
      check: 'unique',
      columns,
      options: { ignore_case: false, ...options },
      severity: 'error',
      dimension: 'clean',
      pack: 'test',
    },
    unique,
    { asOfDay: 0, columnFormats: new Map(), onFinding: (f) => findings.push(f) },
  );
  files.forEach((rows, f) => {
    instance.bind({ file: `part-${f + 1}.csv`, indexes, headers: columns });
    rows.forEach((cells, i) => instance.row(new ArrayRow(i + 1, i + 2, cells)));
  });
  instance.end();
  return findings;
}

describe('unique on whole source rows and several files', () => {
  const an = ['001203004567', 'Nguyễn Văn An', '15/06/1990', 'Hà Nội'];

  it('compares every cell of the source row, not only the rule’s columns', () => {
    const findings = runFiles(
      [[an, [...an], ['001203004567', 'Nguyễn Văn An', '15/06/1990', 'Hà  nội'], ['001203004567', 'Nguyễn Văn An', '15/06/1990', 'Huế']]],
      ['id_number', 'full_name'],
      [0, 1],
      { key: 1 },
    );
    expect(findings.map((f) => [f.messageId, f.row, f.fix])).toEqual([
      ['duplicate-identical', 2, identical(1)],
      ['duplicate-formatting', 3, formatting(1)],
      ['duplicate', 4, review],
    ]);
  });

  it('files a conflict under Đúng (true), the other codes under Sạch (clean)', () => {
    const findings = runFiles([[an, ['001203004567', 'Lê Thị Hoa', '15/06/1990', 'Hà Nội'], an]], ['id_number', 'full_name'], [0, 1], { key: 1 });
    expect(findings.map((f) => [f.messageId, f.dimension])).toEqual([
      ['duplicate-conflict', 'true'],
      ['duplicate-identical', 'clean'],
    ]);
  });

  it('names the file of the first occurrence once several files are read', () => {
    const b = ['079190000001', 'Trần Thị Bình', '02/03/1985', 'Huế'];
    const c = ['036095000123', 'Lê Văn Cường', '09/09/1995', 'Nam Định'];
    const findings = runFiles([[an, b], [c, an, c], [b]], ['id_number'], [0]);
    expect(findings.map((f) => ({ file: f.file, row: f.row, ...f.data }))).toEqual([
      { file: 'part-2.csv', row: 2, field: 'id_number', key: an[0], first_row: 1, first_file: 1 },
      { file: 'part-2.csv', row: 3, field: 'id_number', key: c[0], first_row: 1, first_file: 2 },
      { file: 'part-3.csv', row: 1, field: 'id_number', key: b[0], first_row: 2, first_file: 1 },
    ]);
  });

  it('refuses a key wider than the rule', () => {
    expect(() => runCase(unique, { rows: [['1', '2']], options: { key: 3 } })).toThrow(/key 3/);
  });
});

describe('unique at scale', () => {
  it('takes 2 million distinct 12-digit IDs in typed arrays, not strings', async () => {
    setFlagsFromString('--expose-gc');
    const fullGc = runInNewContext('gc') as () => void;
    // V8 frees ArrayBuffer memory on a background sweeper: give it a moment after a full GC.
    const gc = async () => {
      fullGc();
      await new Promise((resolve) => setTimeout(resolve, 300));
      fullGc();
    };
    const findings: Finding[] = [];
    const instance = new RuleInstance(
      { id: 'id-unique', check: 'unique', columns: ['id_number'], options: { ignore_case: false }, severity: 'error', dimension: 'clean', pack: 'test' },
      unique,
      { asOfDay: 0, columnFormats: new Map(), onFinding: (f) => findings.push(f) },
    );
    instance.bind({ file: 'big.csv', indexes: [0], headers: ['id_number'] });
    const cells = [''];
    const row = new ArrayRow(0, 0, cells);
    const source = row as { row: number; line: number };
    const n = 2_000_000;
    await gc();
    const before = process.memoryUsage();
    for (let i = 1; i <= n; i++) {
      cells[0] = String(1_000_000_000 * 79 + i * 37).padStart(12, '0');
      source.row = i;
      instance.row(row);
    }
    await gc();
    const after = process.memoryUsage();
    const arrayMb = (after.arrayBuffers - before.arrayBuffers) / 2 ** 20;
    const heapMb = (after.heapUsed - before.heapUsed) / 2 ** 20;
    // 2^22 slots × 20 bytes = 80 MiB; a Map<string, number> would hold ~130 MiB of heap.
    expect(arrayMb, `${arrayMb} MiB`).toBeLessThan(85);
    expect(heapMb).toBeLessThan(10);
    expect(findings).toEqual([]);
    expect(instance.evaluated).toBe(n); // keeps the rule, and its table, alive through the measurement
  });
});

describe('unique on a composite key', () => {
  it('does not run in a file that lacks one of the key columns', () => {
    const normalized = normalizeOptions(unique, { key: 2 });
    if ('problems' in normalized) throw new Error('options');
    const instance = new RuleInstance(
      { id: 'k', check: 'unique', columns: ['a', 'b', 'name'], options: normalized.options, severity: 'error', dimension: 'clean', pack: 't' },
      unique,
      { asOfDay: 0, columnFormats: new Map(), onFinding: () => undefined },
    );
    expect(instance.bind({ file: 'f.csv', indexes: [0, -1, 2], headers: ['a', null, 'name'] })).toBe(false);
    expect(instance.bind({ file: 'g.csv', indexes: [0, 1, -1], headers: ['a', 'b', null] })).toBe(true);
  });
});
