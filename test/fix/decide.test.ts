import { describe, expect, it } from 'vitest';
import type { ListedFix } from '../../src/fix/read-list.js';
import { planFixes, type PlannedFix } from '../../src/fix/plan.js';
import { decideRow, type RowCells } from '../../src/fix/row-fixer.js';
import type { FixRecord } from '../../src/fix/model.js';

function fix(over: Partial<PlannedFix>): PlannedFix {
  return { id: 'f', row: 1, column: 'name', action: 'set', rule: 'r', current: 'a ', proposed: 'a', decided: null, ...over };
}

function cells(values: Record<string, string | undefined>, refuse: RowCells['refuse'] = () => null): RowCells {
  return { get: (column) => (column in values ? values[column] : null), refuse };
}

describe('decideRow', () => {
  it.each([
    ['applies a set when the cell still holds current_value', [fix({})], { name: 'a ' }, [['applied', null, 'a ', 'a']], false, { name: 'a' }],
    ['a conflict when the cell changed', [fix({})], { name: 'b' }, [['conflict', 'changed', 'b', null]], false, {}],
    ['skips a fix whose value is already there (a list applied twice)', [fix({})], { name: 'a' }, [['skipped', 'already', 'a', null]], false, {}],
    ['clear empties the cell', [fix({ action: 'clear', current: 'N/A', proposed: '' })], { name: 'N/A' }, [['applied', null, 'N/A', '']], false, { name: '' }],
    ['a conflict when the column is gone', [fix({})], { other: 'x' }, [['conflict', 'column-missing', null, null]], false, {}],
    ['a conflict when the row lacks the cell', [fix({})], { name: undefined }, [['conflict', 'cell-missing', null, null]], false, {}],
    [
      'a second fix of one cell meets the first one’s result',
      [fix({ id: 'f1' }), fix({ id: 'f2', proposed: 'A' })],
      { name: 'a ' },
      [['applied', null, 'a ', 'a'], ['conflict', 'changed', 'a', null]],
      false,
      { name: 'a' },
    ],
    [
      'a drop wins over cell fixes of its row, which are skipped',
      [fix({ id: 'f1' }), fix({ id: 'f2', action: 'merge_into', column: 'id', current: '001', proposed: '3' })],
      { name: 'a ', id: '001' },
      [['skipped', 'row-dropped', null, null], ['applied', null, '001', null]],
      true,
      {},
    ],
    [
      'a drop whose guard cell changed is a conflict; the cell fixes still apply',
      [fix({ id: 'f1' }), fix({ id: 'f2', action: 'drop_row', column: 'id', current: '001', proposed: '' })],
      { name: 'a ', id: '002' },
      [['applied', null, 'a ', 'a'], ['conflict', 'changed', '002', null]],
      false,
      { name: 'a' },
    ],
    [
      'two drops: the first applies, the second is skipped',
      [fix({ id: 'f1', action: 'drop_row', column: '', current: '' }), fix({ id: 'f2', action: 'merge_into', column: '', current: '', proposed: '9' })],
      {},
      [['applied', null, null, null], ['skipped', 'row-dropped', null, null]],
      true,
      {},
    ],
    [
      'a current_value a spreadsheet rewrote is a conflict "spreadsheet", not "changed"',
      [fix({ column: 'id', current: '40146646276', proposed: '040146646276 ' })],
      { id: '040146646276' },
      [['conflict', 'spreadsheet', '040146646276', null]],
      false,
      {},
    ],
    [
      'so is the guard of a whole-row fix',
      [fix({ action: 'drop_row', column: 'id', current: '1.23457E+11', proposed: '' })],
      { id: '123456789012' },
      [['conflict', 'spreadsheet', '123456789012', null]],
      false,
      {},
    ],
    [
      'an unedited list applied twice: the restored zero is already there',
      [fix({ column: 'id', current: '40146646276', proposed: '040146646276' })],
      { id: '040146646276' },
      [['skipped', 'already', '040146646276', null]],
      false,
      {},
    ],
    [
      'a proposed_value a spreadsheet made equal to current_value is a conflict, not "already"',
      [fix({ column: 'id', current: '40146646276', proposed: '40146646276' })],
      { id: '40146646276' },
      [['conflict', 'spreadsheet', '40146646276', null]],
      false,
      {},
    ],
    [
      'a proposed_value that lost the zeros current_value kept, or in scientific notation, is a conflict, not applied',
      [fix({ id: 'f1', column: 'id', current: '038 153 736344', proposed: '38153736344' }), fix({ id: 'f2', column: 'no', current: '123 456 789 012', proposed: '1.23457E+11' })],
      { id: '038 153 736344', no: '123 456 789 012' },
      [['conflict', 'spreadsheet', '038 153 736344', null], ['conflict', 'spreadsheet', '123 456 789 012', null]],
      false,
      {},
    ],
    [
      'a fix not selected stays skipped, whatever its value',
      [fix({ column: 'id', current: '40146646276', proposed: '40146646276', decided: 'not-accepted' })],
      { id: '40146646276' },
      [['skipped', 'not-accepted', null, null]],
      false,
      {},
    ],
    ['a decided fix keeps its decision', [fix({ decided: 'review', action: 'review' })], { name: 'a ' }, [['skipped', 'review', null, null]], false, {}],
  ])('%s', (_what, fixes, values, expected, drop, changes) => {
    const decision = decideRow(fixes, cells(values));
    expect(decision.entries.map((e) => [e.status, e.reason, e.before, e.after])).toEqual(expected);
    expect(decision.entries.map((e) => e.fix_id)).toEqual(fixes.map((f) => f.id));
    expect(decision.drop).toBe(drop);
    expect(Object.fromEntries(decision.changes)).toEqual(changes);
  });

  it('skips a value the output cannot hold', () => {
    const decision = decideRow([fix({})], cells({ name: 'a ' }, () => 'unencodable'));
    expect(decision.entries[0]).toMatchObject({ status: 'skipped', reason: 'unencodable' });
    expect(decision.changes.size).toBe(0);
  });
});

function listed(over: Partial<FixRecord>, line: number, accept: boolean | null = null): ListedFix {
  const record: FixRecord = {
    fix_id: `id${line}`,
    file: 'data/in.csv',
    row: line,
    key: '',
    column: 'c',
    action: 'set',
    current_value: 'x',
    proposed_value: 'y',
    rule: 'r1',
    dimension: 'clean',
    confidence: 1,
    reason: '',
    ...over,
  };
  return { record, accept, line };
}

async function* iterate(items: ListedFix[]): AsyncGenerator<ListedFix> {
  yield* items;
}

describe('planFixes', () => {
  it('selects by action, accept, --only-rules and --min-confidence, in that order', async () => {
    const plan = await planFixes(
      'l.csv',
      iterate([
        listed({ action: 'review' }, 1, true),
        listed({}, 2, false),
        listed({ rule: 'r2' }, 3, true),
        listed({ confidence: 0.5 }, 4, true),
        listed({}, 5, true),
        listed({}, 6, null),
      ]),
      'data/in.csv',
      { onlyRules: ['r1'], minConfidence: 0.8 },
    );
    const decided = [...plan.byRow.values()].flat().map((f) => f.decided);
    expect(decided).toEqual(['review', 'not-accepted', 'rule-not-selected', 'low-confidence', null, 'not-accepted']);
  });

  it('a merge must name another row, not one that is itself dropped', async () => {
    const plan = await planFixes(
      'l.csv',
      iterate([
        listed({ action: 'merge_into', proposed_value: '2' }, 1),
        listed({ action: 'merge_into', proposed_value: '1' }, 2),
        listed({ action: 'merge_into', proposed_value: '3' }, 3),
        listed({ action: 'merge_into', proposed_value: 'row 9' }, 4),
        listed({ action: 'merge_into', proposed_value: '9' }, 5),
      ]),
      'data/in.csv',
      {},
    );
    expect([...plan.byRow.values()].flat().map((f) => f.decided)).toEqual(['target-dropped', 'target-dropped', 'bad-target', 'bad-target', null]);
  });

  it('matches the input by path, else by file name when the list names one such file', async () => {
    const byPath = await planFixes('l', iterate([listed({ file: './data/in.csv' }, 1), listed({ file: 'other/in.csv' }, 2), listed({ file: 'b.csv' }, 3)]), 'data/in.csv', {});
    expect(byPath.files).toEqual(['./data/in.csv']);
    expect(byPath.otherFiles).toBe(2);
    const byName = await planFixes('l', iterate([listed({ file: '/srv/exports/in.csv' }, 1), listed({ file: 'b.csv' }, 2)]), 'data/in.csv', {});
    expect(byName.files).toEqual(['/srv/exports/in.csv']);
    await expect(planFixes('l', iterate([listed({ file: 'x/in.csv' }, 1), listed({ file: 'y/in.csv' }, 2)]), 'data/in.csv', {})).rejects.toMatchObject({
      code: 'DQC_FIXES_INVALID',
      details: [expect.objectContaining({ key: 'fix.ambiguous-file' })],
    });
    await expect(planFixes('l', iterate([listed({ file: 'b.csv' }, 1)]), 'data/in.csv', {})).rejects.toMatchObject({
      details: [expect.objectContaining({ key: 'fix.no-fix-for-input' })],
    });
    expect((await planFixes('l', iterate([]), 'data/in.csv', {})).byRow.size).toBe(0);
  });
});
