import placeholder from '../../src/checks/placeholder.js';
import { CheckTester } from '../support/check-tester.js';

const clear = { action: 'clear', confidence: 1 } as const;

CheckTester.run('placeholder', placeholder, {
  valid: [
    { rows: ['001203004567'] },
    { rows: ['Nguyễn Văn An'] },
    { rows: ['15/08/1990'] },
    { rows: [''] }, // empty is `required`'s finding
    { rows: ['   '] },
    { rows: ['00000'] }, // five repeated digits: below the default of six
    { rows: ['0001'] },
    { rows: ['10'] },
    { rows: ['Không Khang'] }, // a name that starts like a placeholder
    { rows: ['xxxx'] },
    { rows: ['000000'], options: { repeated_digits_min_length: 0 } },
    { rows: ['N/A', 'không rõ'], options: { values: ['chưa cập nhật'] } },
    { rows: ['Kinh', 'Tày', 'Mường', 'H\'Mông'], columns: ['ethnicity'] },
  ],
  invalid: [
    {
      rows: ['N/A'],
      columns: ['id_number'],
      errors: [{ messageId: 'placeholder', row: 1, data: { field: 'id_number', value: 'N/A' }, fix: clear }],
    },
    { rows: ['n/a'], errors: [{ messageId: 'placeholder', row: 1, data: { value: 'n/a' }, fix: clear }] },
    { rows: [' #N/A '], errors: [{ messageId: 'placeholder', row: 1, data: { value: ' #N/A ' }, fix: clear }] },
    { rows: ['KHÔNG RÕ'], errors: [{ messageId: 'placeholder', row: 1, fix: clear }] },
    { rows: ['khong  xac dinh'], errors: [{ messageId: 'placeholder', row: 1, fix: clear }] },
    { rows: ['Chưa có'.normalize('NFD')], errors: [{ messageId: 'placeholder', row: 1, fix: clear }] },
    { rows: ['00/00/0000'], errors: [{ messageId: 'placeholder', row: 1, fix: clear }] },
    { rows: ['1900-01-01'], errors: [{ messageId: 'placeholder', row: 1, fix: clear }] },
    { rows: ['000000'], errors: [{ messageId: 'placeholder', row: 1, data: { value: '000000' }, fix: clear }] },
    { rows: ['111111111111'], errors: [{ messageId: 'placeholder', row: 1, fix: clear }] },
    { rows: ['99'], options: { repeated_digits_min_length: 2 }, errors: [{ messageId: 'placeholder', row: 1, fix: clear }] },
    {
      rows: ['chưa cập nhật', 'N/A'],
      options: { values: ['Chưa cập nhật'] },
      errors: [{ messageId: 'placeholder', row: 1, data: { value: 'chưa cập nhật' }, fix: clear }],
    },
    {
      rows: ['Chưa cập nhật', 'NULL'],
      options: { extra_values: ['chưa cập nhật'] },
      errors: [
        { messageId: 'placeholder', row: 1, fix: clear },
        { messageId: 'placeholder', row: 2, fix: clear },
      ],
    },
    {
      rows: ['001203004567', '0', '', '-', '079190000123', 'xxx', '000000000000'],
      columns: ['id_number'],
      errors: [
        { messageId: 'placeholder', row: 2, data: { field: 'id_number', value: '0' }, fix: clear },
        { messageId: 'placeholder', row: 4, data: { value: '-' }, fix: clear },
        { messageId: 'placeholder', row: 6, data: { value: 'xxx' }, fix: clear },
        { messageId: 'placeholder', row: 7, fix: clear },
      ],
    },
  ],
});
