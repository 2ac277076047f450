import unicodeNfc from '../../src/checks/unicode-nfc.js';
import { CheckTester } from '../support/check-tester.js';

const nfd = (text: string): string => text.normalize('NFD');
const fixTo = (text: string) => ({ action: 'set', value: text.normalize('NFC'), confidence: 1 }) as const;
// "Hoà" with the base letter precomposed but the tone mark combining: neither NFC nor NFD.
const mixed = 'Nguyễn Thị Hoa\u0300';
const mixedMarks = 'Tr\u00e2\u0300n'; // â + combining grave: NFC is "Trần"

CheckTester.run('unicode-nfc', unicodeNfc, {
  valid: [
    { rows: ['Nguyễn Thị Hoà'] },
    { rows: ['Nguyen Van An'] },
    { rows: ['001203004567'] },
    { rows: [''] },
    { rows: ['Đặng Thùy Trâm', 'Lê Văn Thịnh', 'Hồ Xuân Hương'] },
    { rows: ['Huỳnh Ngọc Điệp'.normalize('NFC')] },
    { rows: ['Hoà', 'Hòa'] }, // two tone-mark placements, both precomposed: a spelling matter, not a form one
    { rows: ['😀 Tây Nguyên'] },
    { rows: ['\u00a0Mường'] },
  ],
  invalid: [
    {
      rows: [nfd('Nguyễn Thị Hoà')],
      columns: ['full_name'],
      errors: [{ messageId: 'not-nfc', row: 1, data: { field: 'full_name' }, fix: fixTo('Nguyễn Thị Hoà') }],
    },
    { rows: [mixed], errors: [{ messageId: 'not-nfc', row: 1, fix: { action: 'set', value: 'Nguyễn Thị Hoà', confidence: 1 } }] },
    { rows: [mixedMarks], errors: [{ messageId: 'not-nfc', row: 1, fix: { action: 'set', value: 'Trần', confidence: 1 } }] },
    { rows: [nfd('Đặng Thùy Trâm')], errors: [{ messageId: 'not-nfc', row: 1, fix: fixTo('Đặng Thùy Trâm') }] },
    { rows: [nfd('Hà Nội')], errors: [{ messageId: 'not-nfc', row: 1, fix: fixTo('Hà Nội') }] },
    { rows: [nfd('Nữ')], errors: [{ messageId: 'not-nfc', row: 1, fix: fixTo('Nữ') }] },
    { rows: [`Nguyễn ${nfd('Ngọc')} Ánh`], errors: [{ messageId: 'not-nfc', row: 1, fix: fixTo('Nguyễn Ngọc Ánh') }] },
    { rows: [nfd(' Phú Quốc ')], errors: [{ messageId: 'not-nfc', row: 1, fix: fixTo(' Phú Quốc ') }] },
    {
      rows: ['Lê Văn Tám', nfd('Võ Thị Sáu'), 'Nguyen Van A', '', nfd('Trưng Trắc')],
      columns: ['full_name'],
      errors: [
        { messageId: 'not-nfc', row: 2, data: { field: 'full_name' }, fix: fixTo('Võ Thị Sáu') },
        { messageId: 'not-nfc', row: 5, fix: fixTo('Trưng Trắc') },
      ],
    },
  ],
});
