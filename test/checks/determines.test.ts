import { describe, expect, it } from 'vitest';
import determines from '../../src/checks/determines.js';
import { RuleInstance } from '../../src/engine/rule.js';
import { ArrayRow } from '../../src/input/row.js';
import type { Finding } from '../../src/model.js';
import { CheckTester } from '../support/check-tester.js';

const REVIEW = { action: 'review', confidence: 0 } as const;

CheckTester.run('determines', determines, {
  valid: [
    { rows: [['001090000001', '0101000001'], ['001090000001', '0101000001'], ['001090000002', '0101000002']] },
    { rows: [['001090000001', ''], ['001090000001', '0101000001'], ['', '0101000009']] }, // blanks are passed over
    { rows: [['001090000001', ' 0101000001 '], ['001090000001', '0101000001']] }, // values are trimmed
    { rows: [['A1', 'Nguyễn Văn An'], ['A1', 'nguyen van an']], options: { fold: true } },
    { rows: [['A1', 'An'], ['a1', 'an']], options: { ignore_case: true } },
    { rows: [['29', 'A', 'x'], ['29', 'B', 'y'], ['29', 'A', 'x']], options: { key: 2 } },
    // only live rows take part: a chassis registered again after the old registration was revoked
    { rows: [['VIN1', '30A12345', 'Đã thu hồi'], ['VIN1', '30K67890', 'Đang hoạt động'], ['VIN2', '29A11111', 'dang hoat dong']], options: { when: ['Đang hoạt động'] } },
  ],
  invalid: [
    {
      rows: [['001090000001', '0101000001'], ['001090000001', '0101000002'], ['001090000001', '0101000001'], ['001090000001', '0101000003']],
      columns: ['id_number', 'social_insurance'],
      errors: [
        {
          messageId: 'conflict-unread',
          row: 2,
          column: 1,
          data: { key_field: 'id_number', key: '001090000001', field: 'social_insurance', value: '0101000002', first_row: 1 },
          fix: REVIEW,
        },
        { messageId: 'conflict-unread', row: 4, column: 1, data: { value: '0101000003', first_row: 1 }, fix: REVIEW },
      ],
    },
    {
      // a key that is not digits is hashed; case matters unless asked
      rows: [['29A-123.45', 'Lê An'], ['29A-123.45', 'Lê Bình'], ['29a-123.45', 'Lê Chi']],
      errors: [{ messageId: 'conflict-unread', row: 2, column: 1, data: { key: '29A-123.45', value: 'Lê Bình' }, fix: REVIEW }],
    },
    {
      rows: [['29', 'A', 'x'], ['29', 'A', 'y'], ['29', 'B', 'y']],
      options: { key: 2 },
      errors: [{ messageId: 'conflict-unread', row: 2, column: 2, data: { key_field: 'c0 + c1', key: '29 | A', field: 'c2', value: 'y' }, fix: REVIEW }],
    },
    {
      rows: [['7', 'x', 'y'], ['7', 'x', 'z']],
      errors: [{ messageId: 'conflict-unread', row: 2, column: 1, data: { field: 'c1 + c2', value: 'x | z' }, fix: REVIEW }],
    },
    {
      rows: [['A1', 'Nguyễn Văn An'], ['A1', 'Nguyễn Văn Ân']],
      options: { fold: false },
      errors: [{ messageId: 'conflict-unread', row: 2, column: 1, fix: REVIEW }],
    },
    {
      rows: [['VIN1', '30A12345', 'Đang hoạt động'], ['VIN1', '30K67890', 'Đã thu hồi'], ['VIN1', '30K67890', 'ĐANG HOẠT ĐỘNG']],
      options: { when: ['Đang hoạt động'] },
      errors: [{ messageId: 'conflict-unread', row: 3, column: 1, data: { key_field: 'c0', field: 'c1', value: '30K67890', first_row: 1 }, fix: REVIEW }],
    },
    {
      rows: [['001090000001', '0101000001'], ['001090000001', '0101000002']],
      rereadable: true,
      errors: [{ messageId: 'conflict', row: 2, column: 1, data: { first_value: '0101000001', value: '0101000002', first_row: 1 }, fix: REVIEW }],
    },
  ],
});

describe('determines with a file that can be read again', () => {
  it('names the first value seen', () => {
    const rows = [
      ['001090000001', '0101000001'],
      ['001090000001', '0101000002'],
    ];
    const findings: Finding[] = [];
    const rule = { id: 'r', check: 'determines', columns: ['id_number', 'social_insurance'], options: { key: 1, fold: false, ignore_case: false }, severity: 'error' as const, dimension: 'clean' as const, pack: 't' };
    const instance = new RuleInstance(rule, determines, {
      asOfDay: 0,
      columnFormats: new Map(),
      onFinding: (f) => findings.push(f),
      rereadable: () => true,
      reread: (_file, row) => ({ cells: rows[row - 1]!, line: row + 1 }),
    });
    instance.bind({ file: 'f.csv', indexes: [0, 1], headers: ['id_number', 'social_insurance'] });
    rows.forEach((cells, i) => instance.row(new ArrayRow(i + 1, i + 2, cells)));
    instance.end();
    expect(findings.map((f) => [f.messageId, f.row, f.data])).toEqual([
      ['conflict', 2, expect.objectContaining({ first_value: '0101000001', value: '0101000002', first_row: 1 })],
    ]);
  });
});
