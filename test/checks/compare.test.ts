import { describe, expect, it } from 'vitest';
import compare from '../../src/checks/compare.js';
import { CheckTester, runCase } from '../support/check-tester.js';

const DEATH_AFTER_BIRTH = {
  columns: ['date_of_death', 'date_of_birth'],
  formats: { date_of_death: 'dd/MM/yyyy', date_of_birth: 'dd/MM/yyyy' },
  options: { operator: '>=', type: 'date' },
};

CheckTester.run('compare', compare, {
  valid: [
    { ...DEATH_AFTER_BIRTH, rows: [['01/01/2020', '15/06/1990'], ['15/06/1990', '15/06/1990']] },
    { ...DEATH_AFTER_BIRTH, rows: [['', '15/06/1990'], ['01/01/2020', ''], ['', '']] }, // blank: nothing to compare
    { ...DEATH_AFTER_BIRTH, rows: [['31/02/2020', '15/06/1990'], ['01/01/1980', 'N/A']] }, // unreadable: `date` reports it
    { rows: [['01/02/2000', '2000-01-31']], options: { operator: '>', type: 'date' }, formats: { c0: 'dd/MM/yyyy' } }, // each side its own format
    { rows: [['10', '9'], ['1,000', '999.5'], ['x', '1']], options: { operator: '>', type: 'number' } },
    { rows: [['b', 'a'], ['a', 'a']], options: { operator: '>=' } },
    { rows: [['a', 'b']], options: { operator: '!=' } },
    { rows: [['Nam', 'Nam']], options: { operator: '==' } },
    { rows: [['1', '2']], options: { operator: '<', type: 'number' } },
    { rows: [['2000-01-01', '2000-01-01T23:00']], options: { operator: '==', type: 'date' } },
    { rows: [['5/6/1990', '6/6/1990']], options: { operator: '<=', type: 'date', format: 'd/M/yyyy' } },
    { rows: [['9', '10']] }, // strings by default: '9' >= '10' as text
  ],
  invalid: [
    {
      ...DEATH_AFTER_BIRTH,
      rows: [['01/01/2020', '15/06/1990'], ['14/06/1990', '15/06/1990']],
      errors: [
        {
          messageId: 'violated',
          row: 2,
          data: {
            left: 'date_of_death',
            right: 'date_of_birth',
            operator: '>=',
            left_value: '14/06/1990',
            right_value: '15/06/1990',
          },
          fix: null,
        },
      ],
    },
    {
      // day numbers, not text: '01/01/2000' sorts before '31/12/1999' as text but not as a date
      rows: [['31/12/1999', '01/01/2000'], ['01/01/2000', '31/12/1999']],
      options: { operator: '>', type: 'date', format: 'dd/MM/yyyy' },
      errors: [{ messageId: 'violated', row: 1, data: { operator: '>', left: 'c0', right: 'c1' }, fix: null }],
    },
    {
      rows: [['9', '10'], ['10', '9']],
      options: { operator: '>', type: 'number' },
      errors: [{ messageId: 'violated', row: 1, data: { left_value: '9', right_value: '10' }, fix: null }],
    },
    {
      rows: [['2', '2'], ['1', '2'], ['3', '2']],
      options: { operator: '<', type: 'number' },
      errors: [
        { messageId: 'violated', row: 1, fix: null },
        { messageId: 'violated', row: 3, fix: null },
      ],
    },
    {
      rows: [['a', 'a'], ['a', 'b']],
      options: { operator: '!=' },
      errors: [{ messageId: 'violated', row: 1, data: { operator: '!=' }, fix: null }],
    },
    {
      rows: [['Nam', 'nam']],
      options: { operator: '==' },
      errors: [{ messageId: 'violated', row: 1, data: { left_value: 'Nam', right_value: 'nam' }, fix: null }],
    },
    {
      rows: [['1.0', '1'], ['1', '2']],
      options: { operator: '!=', type: 'number' },
      errors: [{ messageId: 'violated', row: 1, fix: null }],
    },
    {
      rows: [['2001-01-01', '2000-12-31'], ['2000-12-31', '2000-12-31']],
      columns: ['issued_on', 'expires_on'],
      options: { operator: '<', type: 'date' },
      errors: [
        { messageId: 'violated', row: 1, data: { left: 'issued_on', right: 'expires_on', operator: '<' }, fix: null },
        { messageId: 'violated', row: 2, fix: null },
      ],
    },
    {
      rows: [['9', '10']],
      options: { operator: '<=' },
      errors: [{ messageId: 'violated', row: 1, fix: null }], // as text '9' > '10'
    },
  ],
});

describe('compare options', () => {
  it('refuses an unknown operator and an unusable format', () => {
    expect(() => runCase(compare, { rows: [['1', '2']], options: { operator: '=<' } })).toThrow(/invalid options/);
    expect(() => runCase(compare, { rows: [['1', '2']], options: { type: 'date', format: 'DD/MM/YYYY' } })).toThrow(
      /unusable date format/,
    );
  });
});
