import vnPersonName from '../../src/checks/vn-person-name.js';
import { CheckTester } from '../support/check-tester.js';

const title = (value: string) => ({ action: 'set', value, confidence: 0.9 }) as const;
const upper = (value: string) => ({ action: 'set', value, confidence: 0.95 }) as const;

CheckTester.run('vn-person-name', vnPersonName, {
  valid: [
    { rows: ['Nguyễn Văn An', 'Trần Thị Hương', 'Đặng Thị Ánh', 'Lê Hoàng Long'] },
    { rows: ['Huỳnh Tấn Phát', 'Võ Thị Sáu', 'Đỗ Mười', 'Bùi Thị Xuân', 'Ngô Quyền'] },
    { rows: ['Nguyễn Phạm Thuỳ Dương', 'Tôn Nữ Thị Ninh', 'Âu Dương Phong'] },
    { rows: ["Ksor H'Hen", 'Y-Moan Niê', 'Rơ Mah Hơ Lan', 'Giàng A Páo', 'Sùng Seo Dính'] },
    { rows: ["Nay H’Lan"] }, // typographic apostrophe
    { rows: ['Phạm Văn Đồng', 'Nguyễn Thị Định'] },
    { rows: ['NGUYỄN VĂN AN', 'ĐẶNG THỊ ÁNH', "KSOR H'HEN"], options: { case: 'upper' } },
    { rows: ['nguyễn văn an', 'NGUYỄN VĂN AN', 'Nguyễn Văn An'], options: { case: 'any' } },
    { rows: ['', ' '] }, // blank is `required`'s finding
    { rows: ['Nguyễn  Văn An', ' Trần Thị Hương', 'Lê\u00a0Văn Tám'] }, // spacing is `whitespace`'s finding
    { rows: ['Nguyễn Văn An'.normalize('NFD')] }, // NFD is `unicode-nfc`'s finding
    { rows: ['John Smith', 'Fatima Zahra', 'Wang Wei'] },
    { rows: ['Öztürk Ali', 'José Muñoz'], options: { allow_latin: true } },
    // Thị with a woman, Văn with a man; Thị as the given name is not a middle name
    { rows: [['Trần Thị Hương', 'Nữ'], ['Nguyễn Văn An', 'Nam'], ['Lê Thị', 'Nam'], ['Phạm Văn', 'Nữ']] },
    { rows: [['Nguyễn Thị Hoa', 'Nam']], options: { check_middle_name: false } },
    { rows: [['Nguyễn Thị Hoa', ''], ['Nguyễn Văn Hoa', 'Khác'], ['Trần Văn Bình', '1']] }, // unknown or blank sex
    { rows: [['Trần Thị Hương', 'Nữ']], absent: [1] },
  ],
  invalid: [
    {
      rows: ['NGUYỄN VĂN AN'],
      columns: ['ho_ten'],
      errors: [
        {
          messageId: 'wrong-case',
          row: 1,
          data: { field: 'ho_ten', value: 'NGUYỄN VĂN AN', case: 'Title' },
          fix: title('Nguyễn Văn An'),
        },
      ],
    },
    { rows: ['đặng thị ánh'], errors: [{ messageId: 'wrong-case', row: 1, fix: title('Đặng Thị Ánh') }] },
    {
      rows: ['Nguyễn Văn An', 'TRẦN THỊ HƯƠNG', 'lê hoàng long', 'Đỗ văn Mười', 'NguyỄn Thị Út'],
      errors: [
        { messageId: 'wrong-case', row: 2, fix: title('Trần Thị Hương') },
        { messageId: 'wrong-case', row: 3, fix: title('Lê Hoàng Long') },
        { messageId: 'wrong-case', row: 4, fix: title('Đỗ Văn Mười') },
        { messageId: 'wrong-case', row: 5, fix: title('Nguyễn Thị Út') },
      ],
    },
    {
      // a capital after a hyphen or an apostrophe (§4.3)
      rows: ["KSOR H'HEN", 'y-moan niê', "nay h’lan"],
      errors: [
        { messageId: 'wrong-case', row: 1, fix: title("Ksor H'Hen") },
        { messageId: 'wrong-case', row: 2, fix: title('Y-Moan Niê') },
        { messageId: 'wrong-case', row: 3, fix: title('Nay H’Lan') },
      ],
    },
    {
      rows: ['Nguyễn Văn An', 'đỗ thị ánh', 'Ưng Hoàng Phúc'],
      options: { case: 'upper' },
      errors: [
        { messageId: 'wrong-case', row: 1, data: { case: 'UPPER' }, fix: upper('NGUYỄN VĂN AN') },
        { messageId: 'wrong-case', row: 2, fix: upper('ĐỖ THỊ ÁNH') },
        { messageId: 'wrong-case', row: 3, fix: upper('ƯNG HOÀNG PHÚC') },
      ],
    },
    {
      rows: ['Nguyễn Văn An 2', 'Tr4n Thị Hương'],
      columns: ['ho_ten'],
      errors: [
        { messageId: 'digit', row: 1, data: { field: 'ho_ten', value: 'Nguyễn Văn An 2' }, fix: null },
        { messageId: 'digit', row: 2, fix: null },
      ],
    },
    {
      // no case fix alongside: it would carry the digit along
      rows: ['NGUYỄN VĂN AN 2'],
      errors: [{ messageId: 'digit', row: 1, fix: null }],
    },
    {
      rows: ['Nguyễn Văn An.', 'Trần, Thị Hương', 'Lê (Hoàng) Long', 'Phạm_Văn_Đồng'],
      errors: [
        { messageId: 'invalid-character', row: 1, data: { chars: '.' }, fix: null },
        { messageId: 'invalid-character', row: 2, data: { chars: ',' }, fix: null },
        { messageId: 'invalid-character', row: 3, data: { chars: '( )' }, fix: null },
        { messageId: 'invalid-character', row: 4, data: { chars: '_' }, fix: null },
      ],
    },
    {
      rows: ['Öztürk Ali', 'José Muñoz', 'Nguyễn Văn Ân'],
      errors: [
        { messageId: 'invalid-character', row: 1, data: { chars: 'Ö ü' }, fix: null },
        { messageId: 'invalid-character', row: 2, data: { chars: 'ñ' }, fix: null },
      ],
    },
    {
      rows: ['阮文安', 'Нгуен Ван Ан'],
      errors: [
        { messageId: 'invalid-character', row: 1, data: { chars: '阮 文 安' }, fix: null },
        { messageId: 'invalid-character', row: 2, fix: null },
      ],
    },
    {
      rows: ['Nguyễn Văn An #1', 'Lê@Văn'],
      errors: [
        { messageId: 'digit', row: 1, fix: null },
        { messageId: 'invalid-character', row: 1, data: { chars: '#' }, fix: null },
        { messageId: 'invalid-character', row: 2, data: { chars: '@' }, fix: null },
      ],
    },
    {
      // Ð U+00D0 (Windows-1258's Đ read as CP1252) and ð look like Đ/đ but do not fold or sort as it
      rows: ['\u00d0ặng Văn An', 'Nguyễn Văn \u00d0ức', 'Trần \u0111ình \u00f0ức'],
      columns: ['ho_ten'],
      errors: [
        { messageId: 'confusable-letter', row: 1, data: { field: 'ho_ten', chars: 'Ð' }, fix: title('Đặng Văn An') },
        { messageId: 'confusable-letter', row: 2, fix: title('Nguyễn Văn Đức') },
        { messageId: 'confusable-letter', row: 3, data: { chars: 'ð' }, fix: title('Trần đình đức') },
      ],
    },
    {
      rows: [['Nguyễn Thị Hoa', 'Nam']],
      columns: ['ho_ten', 'gioi_tinh'],
      errors: [
        {
          messageId: 'middle-name-sex',
          row: 1,
          data: { field: 'ho_ten', middle: 'Thị', sex: 'Nam', sex_field: 'gioi_tinh' },
          fix: null,
        },
      ],
    },
    {
      rows: [['Trần Văn Hạnh', 'Nữ'], ['Trần Thị Hạnh', 'Nữ'], ['Lê Văn Lan', 'nu'], ['Lê Thị Lan', 'F'], ['Phạm Thị Minh', 'male']],
      errors: [
        { messageId: 'middle-name-sex', row: 1, data: { middle: 'Văn', sex: 'Nữ' }, fix: null },
        { messageId: 'middle-name-sex', row: 3, data: { sex: 'nu' }, fix: null },
        { messageId: 'middle-name-sex', row: 5, data: { middle: 'Thị' }, fix: null },
      ],
    },
    {
      // the hint and the case finding are independent; the middle name matches in any case
      rows: [['NGUYỄN THỊ HOA', 'NAM']],
      errors: [
        { messageId: 'wrong-case', row: 1, fix: title('Nguyễn Thị Hoa') },
        { messageId: 'middle-name-sex', row: 1, data: { middle: 'THỊ' }, fix: null },
      ],
    },
    {
      rows: [['Nguyễn Văn Thị Mai', 'Nữ']],
      options: { case: 'any' },
      errors: [{ messageId: 'middle-name-sex', row: 1, data: { middle: 'Văn' }, fix: null }],
    },
    {
      // A middle-name-only rule (the pack's name-middle-sex) leaves digits and stray or look-alike
      // characters to the column's other rule: only its own hint remains.
      rows: [['Nguyễn Thị Hoa 2', 'Nam'], ['Trần T. Lan (Bé)', 'Nữ'], ['Lê Văn Ðức', 'Nữ'], ['Lê Thị Lan', 'Nữ']],
      options: { case: 'any', check_characters: false },
      errors: [
        { messageId: 'middle-name-sex', row: 1, data: { middle: 'Thị' }, fix: null },
        { messageId: 'middle-name-sex', row: 3, data: { middle: 'Văn' }, fix: null },
      ],
    },
    {
      // Without the character findings, no case fix carries the characters along unreported.
      rows: ['NGUYỄN VĂN 2', 'trần văn bình'],
      options: { check_characters: false },
      errors: [{ messageId: 'wrong-case', row: 2, fix: title('Trần Văn Bình') }],
    },
  ],
});
