import required from '../../src/checks/required.js';
import { CheckTester } from '../support/check-tester.js';

CheckTester.run('required', required, {
  valid: [
    { rows: ['001203004567'] },
    { rows: ['Nguyễn Văn An'] },
    { rows: ['0'] },
    { rows: [' x '] },
    { rows: ['N/A'] }, // a placeholder is filled in; `placeholder` judges it
  ],
  invalid: [
    { rows: [''], errors: [{ messageId: 'empty', row: 1, data: { field: 'c0' }, fix: null }] },
    { rows: ['   '], errors: [{ messageId: 'empty', row: 1, fix: null }] },
    { rows: ['\u00a0\t'], errors: [{ messageId: 'empty', row: 1, fix: null }] },
    { rows: ['\u200b'], errors: [{ messageId: 'empty', row: 1, fix: null }] },
    {
      rows: ['a', '', 'b', ' '],
      columns: ['full_name'],
      errors: [
        { messageId: 'empty', row: 2, data: { field: 'full_name' }, fix: null },
        { messageId: 'empty', row: 4, fix: null },
      ],
    },
  ],
});
