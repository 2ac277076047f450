import { describe, expect, it } from 'vitest';
import vnEthnicity from '../../src/checks/vn-ethnicity.js';
import { CheckTester, runCase } from '../support/check-tester.js';

const set = (value: string, confidence: number) => ({ action: 'set', value, confidence }) as const;
// A pack's declared list (here the GSO census order, vn-reference §5.1).
const gso = { mode: 'code', codes: ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10'] };

CheckTester.run('vn-ethnicity', vnEthnicity, {
  valid: [
    { rows: ['Kinh'] },
    { rows: ['Kinh', 'Tày', 'Thái', 'Hoa', 'Khơ-me', 'Mường', 'Nùng', 'HMông', 'Dao'] },
    { rows: ['Ê-đê', 'Ba-na', 'Xơ-đăng', 'Gia-rai', 'Bru-Vân Kiều', 'Gié-Triêng', 'Rơ-măm'] },
    { rows: ['Hà Nhì', 'Pà Thẻn', 'Cơ Lao', 'Bố Y', 'Si La', 'Pu Péo', 'Brâu', 'Ơ Đu'] },
    { rows: ['Người nước ngoài'] },
    { rows: ['Thổ', 'Hoa', 'Lào'] }, // canonical names that are also someone's other name
    { rows: ['', ' '] }, // blank is `required`'s finding
    { rows: ['Chăm', 'Lào', 'Xtiêng'] },
    { rows: ['01', '10'], options: gso },
    { rows: ['04', '06', '', '09'], options: gso },
    { rows: ['K', 'T', 'H'], options: { mode: 'code', codes: ['K', 'T', 'H'] } },
    { rows: ['Mnông', 'Xtiêng', 'Chơ-ro', 'Xinh-mun', 'Chu-ru', 'Ra-glai', 'Hrê'] },
    { rows: ['La Chí', 'La Ha', 'La Hủ', 'Lự', 'Lô Lô', 'Chứt', 'Mảng', 'Cống'] },
    { rows: ['Sán Chay', 'Sán Dìu', 'Cơ-ho', 'Cơ-tu', 'Tà-ôi', 'Kháng', 'Giáy', 'Mạ', 'Khơ-mú', 'Co', 'Ngái', 'Phù Lá'] },
    { rows: ['Kinh', 'Kinh', 'Tày', 'Kinh', 'Mường', 'Kinh', 'Thái', 'Kinh', 'Kinh', 'Hoa'] },
    // The statistics office's census spellings are official: valid as written (vn-reference §5.1).
    { rows: ['Mông', 'Ê Đê', 'Khơ Mú', 'Gia Rai', 'Khmer', 'Ba Na', 'Xơ Đăng', 'Cơ Ho', 'Ra Glai'] },
    { rows: ['Bru Vân Kiều', 'Cơ Tu', 'Giẻ Triêng', 'Tà Ôi', 'Chơ Ro', 'Xinh Mun', 'Chu Ru', 'Rơ Măm'] },
    { rows: ['Mông'.normalize('NFD'), 'Ê Đê'.normalize('NFD')] },
  ],
  invalid: [
    {
      rows: ['kinh'],
      columns: ['dan_toc'],
      errors: [{ messageId: 'variant', row: 1, data: { field: 'dan_toc', value: 'kinh', canonical: 'Kinh' }, fix: set('Kinh', 0.95) }],
    },
    {
      rows: ['KINH', 'Tay', 'MƯỜNG', 'Thai'],
      errors: [
        { messageId: 'variant', row: 1, fix: set('Kinh', 0.95) },
        { messageId: 'variant', row: 2, fix: set('Tày', 0.95) },
        { messageId: 'variant', row: 3, fix: set('Mường', 0.95) },
        { messageId: 'variant', row: 4, fix: set('Thái', 0.95) },
      ],
    },
    {
      // spellings no official list uses (§5.1: Ba na, H'Mông, Cờ Lao), and the census spellings in
      // another case: the list's name is the fix
      rows: ['Ba na', 'GIA RAI', 'ê đê', "H'Mông", 'MÔNG', 'khmer', 'Cờ Lao', 'khơ mú'],
      errors: [
        { messageId: 'variant', row: 1, fix: set('Ba-na', 0.95) },
        { messageId: 'variant', row: 2, fix: set('Gia-rai', 0.95) },
        { messageId: 'variant', row: 3, fix: set('Ê-đê', 0.95) },
        { messageId: 'variant', row: 4, fix: set('HMông', 0.95) },
        { messageId: 'variant', row: 5, fix: set('HMông', 0.95) },
        { messageId: 'variant', row: 6, fix: set('Khơ-me', 0.95) },
        { messageId: 'variant', row: 7, fix: set('Cơ Lao', 0.95) },
        { messageId: 'variant', row: 8, fix: set('Khơ-mú', 0.95) },
      ],
    },
    {
      rows: ['Dân tộc Kinh', 'dân tộc Tày', 'Nước ngoài', ' Kinh '],
      errors: [
        { messageId: 'variant', row: 1, fix: set('Kinh', 0.95) },
        { messageId: 'variant', row: 2, fix: set('Tày', 0.95) },
        { messageId: 'variant', row: 3, fix: set('Người nước ngoài', 0.95) },
        { messageId: 'variant', row: 4, fix: set('Kinh', 0.95) },
      ],
    },
    {
      // the key is also another group's other name (Thổ of Tày/Khơ-me, Lao of La Hủ, Hoa of HMông)
      rows: ['THỔ', 'Lao', 'HOA'],
      errors: [
        { messageId: 'variant', row: 1, fix: set('Thổ', 0.85) },
        { messageId: 'variant', row: 2, fix: set('Lào', 0.85) },
        { messageId: 'variant', row: 3, fix: set('Hoa', 0.85) },
      ],
    },
    {
      rows: ['Việt'],
      columns: ['dan_toc'],
      errors: [
        { messageId: 'other-name', row: 1, data: { field: 'dan_toc', value: 'Việt', canonical: 'Kinh' }, fix: set('Kinh', 0.8) },
      ],
    },
    {
      rows: ['Mèo', 'Chiêm Thành', 'Khách Gia', 'Cao Lan', 'Vân Kiều'],
      errors: [
        { messageId: 'other-name', row: 1, data: { canonical: 'HMông' }, fix: set('HMông', 0.8) },
        { messageId: 'other-name', row: 2, data: { canonical: 'Chăm' }, fix: set('Chăm', 0.8) },
        { messageId: 'other-name', row: 3, data: { canonical: 'Ngái' }, fix: set('Ngái', 0.8) },
        { messageId: 'other-name', row: 4, data: { canonical: 'Sán Chay' }, fix: set('Sán Chay', 0.8) },
        { messageId: 'other-name', row: 5, data: { canonical: 'Bru-Vân Kiều' }, fix: set('Bru-Vân Kiều', 0.8) },
      ],
    },
    {
      // matched only after folding: less sure still
      rows: ['Meo', 'viet', 'xa dieng', 'Chàm'],
      errors: [
        { messageId: 'other-name', row: 1, fix: set('HMông', 0.7) },
        { messageId: 'other-name', row: 2, fix: set('Kinh', 0.7) },
        { messageId: 'other-name', row: 3, fix: set('Xtiêng', 0.7) },
        // an other name that folds like its own group's name is a spelling of it
        { messageId: 'variant', row: 4, fix: set('Chăm', 0.95) },
      ],
    },
    {
      rows: ['Trại', 'Xá Lá Vàng', 'Mán'],
      columns: ['dan_toc'],
      errors: [
        {
          messageId: 'ambiguous-name',
          row: 1,
          data: { field: 'dan_toc', value: 'Trại', candidates: 'Dao, Sán Dìu' },
          fix: { action: 'review', confidence: 0.5 },
        },
        { messageId: 'ambiguous-name', row: 2, data: { candidates: 'Thổ, Chứt, Mảng' }, fix: { action: 'review', confidence: 0.5 } },
        { messageId: 'ambiguous-name', row: 3, fix: { action: 'review', confidence: 0.5 } },
      ],
    },
    {
      rows: ['Kinhh', 'Không rõ', '01', 'Việt Nam'],
      columns: ['dan_toc'],
      errors: [
        { messageId: 'not-an-ethnic-group', row: 1, data: { field: 'dan_toc', value: 'Kinhh' }, fix: null },
        { messageId: 'not-an-ethnic-group', row: 2, fix: null },
        { messageId: 'not-an-ethnic-group', row: 3, fix: null },
        { messageId: 'not-an-ethnic-group', row: 4, fix: null },
      ],
    },
    {
      rows: ['Kinh', 'Tày', 'Kinh', 'Khac', 'Mường', 'N/A'],
      errors: [
        { messageId: 'not-an-ethnic-group', row: 4, data: { value: 'Khac' }, fix: null },
        { messageId: 'not-an-ethnic-group', row: 6, fix: null },
      ],
    },
    {
      rows: ['01', '55', '99', 'Kinh'],
      options: gso,
      columns: ['ma_dan_toc'],
      errors: [
        { messageId: 'unknown-code', row: 2, data: { field: 'ma_dan_toc', value: '55' }, fix: null },
        { messageId: 'unknown-code', row: 3, fix: null },
        { messageId: 'unknown-code', row: 4, fix: null },
      ],
    },
    {
      // Excel dropped the leading zero
      rows: ['1', '8', '04'],
      options: gso,
      errors: [
        { messageId: 'code-variant', row: 1, data: { value: '1', code: '01' }, fix: set('01', 0.9) },
        { messageId: 'code-variant', row: 2, data: { code: '08' }, fix: set('08', 0.9) },
      ],
    },
    {
      rows: [' 01', '02 '],
      options: gso,
      errors: [
        { messageId: 'code-variant', row: 1, fix: set('01', 0.95) },
        { messageId: 'code-variant', row: 2, fix: set('02', 0.95) },
      ],
    },
    {
      // two declared codes with the same number: no single code to fix to
      rows: ['1'],
      options: { mode: 'code', codes: ['01', '001'] },
      errors: [{ messageId: 'unknown-code', row: 1, fix: null }],
    },
  ],
});

describe('vn-ethnicity options the schema cannot judge', () => {
  it('needs a declared code list in code mode', () => {
    expect(() => runCase(vnEthnicity, { rows: ['01'], options: { mode: 'code' } })).toThrow(/needs the declared code list/);
  });
  it('refuses a code list in name mode', () => {
    expect(() => runCase(vnEthnicity, { rows: ['Kinh'], options: { codes: ['01'] } })).toThrow(/only with mode 'code'/);
  });
  it('rejects an empty code list', () => {
    expect(() => runCase(vnEthnicity, { rows: ['01'], options: { mode: 'code', codes: [] } })).toThrow(/invalid options/);
  });
});
