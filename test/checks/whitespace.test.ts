import whitespace from '../../src/checks/whitespace.js';
import { CheckTester } from '../support/check-tester.js';

const set = (value: string) => ({ action: 'set', value, confidence: 1 }) as const;
const clear = { action: 'clear', confidence: 1 } as const;

CheckTester.run('whitespace', whitespace, {
  valid: [
    { rows: ['Nguyễn Văn An'] },
    { rows: ['001203004567'] },
    { rows: [''] },
    { rows: ['Lê Thị Hồng Gấm', 'Trần Hưng Đạo', 'Hà Nội'] },
    { rows: [' Nguyễn Văn An '], options: { trim: false } },
    { rows: ['Nguyễn  Văn An'], options: { collapse: false } },
    { rows: ['Nguyễn\u00a0Văn An'], options: { invisible: false } },
    { rows: ['Nguyễn\u200bVăn'], options: { invisible: false } },
    { rows: ['   '], options: { trim: false, collapse: false, invisible: false } },
    { rows: [' a'], options: { trim: false } }, // a single leading space is not a repeat
    // TCVN3 text: its ư is byte 0xAD, the soft hyphen; a letter there, not an invisible character
    { rows: ['L\u00ad¬ng ThÞ Kim Nhung', 'Tr\u00adêng V¨n Hïng', 'Ph\u00adîng ThÞ Lan', 'NguyÔn Thu Tr\u00ad¬ng'] },
  ],
  invalid: [
    {
      rows: [' Nguyễn Văn An'],
      columns: ['full_name'],
      errors: [{ messageId: 'untrimmed', row: 1, data: { field: 'full_name' }, fix: set('Nguyễn Văn An') }],
    },
    { rows: ['Nguyễn Văn An  '], errors: [{ messageId: 'untrimmed', row: 1, fix: set('Nguyễn Văn An') }] },
    { rows: [' Nguyễn  Văn   An '], errors: [{ messageId: 'untrimmed', row: 1, fix: set('Nguyễn Văn An') }] },
    { rows: ['Nguyễn  Văn An'], errors: [{ messageId: 'repeated-space', row: 1, fix: set('Nguyễn Văn An') }] },
    { rows: ['Nguyễn\u00a0Văn An'], errors: [{ messageId: 'invisible-char', row: 1, fix: set('Nguyễn Văn An') }] },
    { rows: ['Nguyễn\tVăn\u3000An'], errors: [{ messageId: 'invisible-char', row: 1, fix: set('Nguyễn Văn An') }] },
    { rows: ['\ufeff001203004567'], errors: [{ messageId: 'invisible-char', row: 1, fix: set('001203004567') }] },
    { rows: ['Nguy\u200bễn Văn\u2060 An'], errors: [{ messageId: 'invisible-char', row: 1, fix: set('Nguyễn Văn An') }] },
    { rows: [' Nguyễn \u2002 Văn An\u0007'], errors: [{ messageId: 'invisible-char', row: 1, fix: set('Nguyễn Văn An') }] },
    { rows: ['Nguyễn\r\nVăn An'], errors: [{ messageId: 'invisible-char', row: 1, fix: set('Nguyễn Văn An') }] },
    // a soft hyphen in ordinary text is invisible; in TCVN3 text the other problems are still cleaned around it
    { rows: ['Nguy\u00adễn Văn An'], errors: [{ messageId: 'invisible-char', row: 1, fix: set('Nguyễn Văn An') }] },
    { rows: [' L\u00ad¬ng  ThÞ Kim Nhung'], errors: [{ messageId: 'untrimmed', row: 1, fix: set('L\u00ad¬ng ThÞ Kim Nhung') }] },
    { rows: ['L\u00ad¬ng\u00a0ThÞ\u200b Lan'], errors: [{ messageId: 'invisible-char', row: 1, fix: set('L\u00ad¬ng ThÞ Lan') }] },
    { rows: ['\u0001'], errors: [{ messageId: 'invisible-char', row: 1, fix: clear }] },
    { rows: ['   '], errors: [{ messageId: 'untrimmed', row: 1, fix: clear }] },
    { rows: ['\u00a0\t'], errors: [{ messageId: 'untrimmed', row: 1, fix: clear }] },
    // a disabled option is neither reported nor cleaned
    { rows: [' Nguyễn\u00a0 Văn'], options: { invisible: false }, errors: [{ messageId: 'untrimmed', row: 1, fix: set('Nguyễn\u00a0 Văn') }] },
    { rows: [' Nguyễn  Văn '], options: { collapse: false }, errors: [{ messageId: 'untrimmed', row: 1, fix: set('Nguyễn  Văn') }] },
    { rows: [' Nguyễn  Văn '], options: { trim: false }, errors: [{ messageId: 'repeated-space', row: 1, fix: set(' Nguyễn Văn ') }] },
    { rows: ['Nguyễn\u00a0\u00a0Văn '], options: { trim: false }, errors: [{ messageId: 'invisible-char', row: 1, fix: set('Nguyễn Văn ') }] },
    {
      rows: ['Trần Văn Bình', 'Lê  Thị Mai', '', ' Phạm Minh', 'Võ\u00a0Văn Kiệt', '  '],
      columns: ['full_name'],
      errors: [
        { messageId: 'repeated-space', row: 2, data: { field: 'full_name' }, fix: set('Lê Thị Mai') },
        { messageId: 'untrimmed', row: 4, fix: set('Phạm Minh') },
        { messageId: 'invisible-char', row: 5, fix: set('Võ Văn Kiệt') },
        { messageId: 'untrimmed', row: 6, fix: clear },
      ],
    },
  ],
});
