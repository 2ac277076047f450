import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import referenceList from '../../src/checks/reference-list.js';
import { resolvePacks } from '../../src/pack/resolve.js';
import { CheckTester, runCase } from '../support/check-tester.js';

const LISTS = join(import.meta.dirname, 'lists');
const TITLES = { path: join(LISTS, 'titles.csv'), column: 'code' };

CheckTester.run('reference-list', referenceList, {
  valid: [
    { rows: ['V.07.01.03', 'V.01.02.01', 'V02.01.00', ''], options: TITLES },
    { rows: ['Giảng viên'], options: { path: TITLES.path, column: 'Title' } }, // headers compare as bindings do
    { rows: ['V.07.01.03'], options: { path: TITLES.path } }, // the first column by default
    { rows: ['A', 'B'], options: { path: join(LISTS, 'plain.txt'), header: false } },
    { rows: ['v.07.01.03'], options: { ...TITLES, ignore_case: true } },
  ],
  invalid: [
    {
      rows: ['V.07.01.03', 'V.08.05.12'],
      columns: ['title_code'],
      options: TITLES,
      errors: [{ messageId: 'not-in-list', row: 2, data: { field: 'title_code', value: 'V.08.05.12', list: 'titles.csv', list_column: 'code' }, fix: null }],
    },
    {
      rows: ['v.07.01.03', ' V.01.02.01'],
      options: TITLES,
      errors: [
        { messageId: 'not-canonical', row: 1, data: { canonical: 'V.07.01.03' }, fix: { action: 'set', value: 'V.07.01.03', confidence: 0.95 } },
        { messageId: 'not-canonical', row: 2, data: { canonical: 'V.01.02.01' }, fix: { action: 'set', value: 'V.01.02.01', confidence: 0.95 } },
      ],
    },
    {
      rows: [' v.07.01.03', 'C'],
      options: { ...TITLES, ignore_case: true },
      errors: [
        { messageId: 'not-canonical', row: 1, fix: { action: 'set', value: 'V.07.01.03', confidence: 0.95 } },
        { messageId: 'not-in-list', row: 2, data: { list_column: 'code' }, fix: null },
      ],
    },
    {
      rows: ['C'],
      options: { path: join(LISTS, 'plain.txt'), header: false },
      errors: [{ messageId: 'not-in-list', row: 1, data: { list: 'plain.txt', list_column: '1' }, fix: null }],
    },
  ],
});

describe('reference-list setup', () => {
  it('refuses a missing file, a missing column and an empty list', () => {
    expect(() => runCase(referenceList, { rows: ['x'], options: { path: join(LISTS, 'nope.csv') } })).toThrow(/cannot read the list/);
    expect(() => runCase(referenceList, { rows: ['x'], options: { ...TITLES, column: 'rank' } })).toThrow(/has no column 'rank'/);
    const dir = mkdtempSync(join(tmpdir(), 'dqc-list-'));
    writeFileSync(join(dir, 'empty.csv'), 'code\n');
    expect(() => runCase(referenceList, { rows: ['x'], options: { path: join(dir, 'empty.csv') } })).toThrow(/holds no value/);
  });

  it('resolves the path against the directory of the pack that declares the rule', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dqc-list-pack-'));
    writeFileSync(join(dir, 'codes.csv'), 'code\nX1\n');
    writeFileSync(
      join(dir, 'pack.json'),
      JSON.stringify({ name: 'p', columns: { code: { aliases: ['ma'] } }, rules: [{ id: 'code-known', check: 'reference-list', column: 'code', options: { path: 'codes.csv' } }] }),
    );
    const pack = resolvePacks([join(dir, 'pack.json')], tmpdir());
    expect(pack.rules[0]!.options.path).toBe(join(dir, 'codes.csv'));
  });

  it('names an unreadable list as a pack problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dqc-list-pack-'));
    writeFileSync(join(dir, 'pack.json'), JSON.stringify({ name: 'p', columns: { code: {} }, rules: [{ id: 'r', check: 'reference-list', column: 'code', options: { path: 'missing.csv' } }] }));
    expect(() => resolvePacks([join(dir, 'pack.json')], tmpdir())).toThrow(/pack|invalid/i);
  });
});
