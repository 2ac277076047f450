import unique from '../../src/checks/unique.js';
import { CheckTester } from '../support/check-tester.js';

CheckTester.run('unique', unique, {
  valid: [
    { rows: ['001203004567'] },
    { rows: ['001203004567', '001203004568', '079190000001'] },
    { rows: ['', '', ' ', '\u00a0'] }, // blank keys are not keys: `required` judges them
    { rows: ['abc', 'ABC', 'abc '] }, // exact by default
    { rows: [['Nguyễn Văn An', '15/06/1990'], ['Nguyễn Văn An', '16/06/1990']] },
    { rows: [['a', ''], ['', 'a']] }, // the position of a value is part of the key
    { rows: [['ab', 'c'], ['a', 'bc']] }, // joining cannot make two keys collide
    { rows: [['', ''], ['', '']] },
    { rows: ['Lê Thị Bình', 'Le Thi Binh'], options: { ignore_case: true } },
    { rows: ['Nguy\u1ec5n', 'Nguye\u0302\u0303n'] }, // NFC vs NFD differ here; `unicode-nfc` judges that
  ],
  invalid: [
    {
      rows: ['001203004567', '001203004567'],
      columns: ['id_number'],
      errors: [
        {
          messageId: 'duplicate',
          row: 2,
          data: { field: 'id_number', key: '001203004567', first_row: 1 },
          fix: null,
        },
      ],
    },
    {
      rows: ['a', 'b', 'a', 'c', 'a', 'b'],
      errors: [
        { messageId: 'duplicate', row: 3, data: { key: 'a', first_row: 1 }, fix: null },
        { messageId: 'duplicate', row: 5, data: { key: 'a', first_row: 1 }, fix: null },
        { messageId: 'duplicate', row: 6, data: { key: 'b', first_row: 2 }, fix: null },
      ],
    },
    {
      rows: [['Nguyễn Văn An', '15/06/1990'], ['Trần Thị Bình', '15/06/1990'], ['Nguyễn Văn An', '15/06/1990']],
      columns: ['full_name', 'date_of_birth'],
      errors: [
        {
          messageId: 'duplicate',
          row: 3,
          data: { field: 'full_name + date_of_birth', key: 'Nguyễn Văn An | 15/06/1990', first_row: 1 },
          fix: null,
        },
      ],
    },
    {
      rows: [['x', ''], ['x', '']], // one blank key column is part of the key
      errors: [{ messageId: 'duplicate', row: 2, data: { key: 'x | ' }, fix: null }],
    },
    {
      rows: ['Lê Thị Bình', ' lê thị bình ', 'LÊ THỊ BÌNH'],
      options: { ignore_case: true },
      errors: [
        { messageId: 'duplicate', row: 2, data: { key: ' lê thị bình ', first_row: 1 }, fix: null },
        { messageId: 'duplicate', row: 3, data: { key: 'LÊ THỊ BÌNH', first_row: 1 }, fix: null },
      ],
    },
    {
      rows: ['', 'a', '', 'a'],
      errors: [{ messageId: 'duplicate', row: 4, data: { first_row: 2 }, fix: null }],
    },
    {
      rows: [' 1', ' 1', '1'],
      errors: [{ messageId: 'duplicate', row: 2, data: { key: ' 1' }, fix: null }],
    },
    {
      rows: [['1', '2', '3'], ['1', '2', '4'], ['1', '2', '3'], ['1', '2', '4']],
      columns: ['province', 'district', 'ward'],
      errors: [
        { messageId: 'duplicate', row: 3, data: { field: 'province + district + ward', key: '1 | 2 | 3', first_row: 1 }, fix: null },
        { messageId: 'duplicate', row: 4, data: { key: '1 | 2 | 4', first_row: 2 }, fix: null },
      ],
    },
  ],
});
