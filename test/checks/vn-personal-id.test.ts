import { describe, expect, it } from 'vitest';
import check from '../../src/checks/vn-personal-id.js';
import { CheckTester, runCase } from '../support/check-tester.js';

// Columns: 0 = ID number, 1 = date of birth, 2 = sex, 3 = place of birth registration.
const COLUMNS = ['id_number', 'date_of_birth', 'sex', 'birth_registration_place'];
const set = (value: string, confidence = 1) => ({ action: 'set', value, confidence }) as const;
const review = { action: 'review', confidence: 0 } as const;

CheckTester.run('vn-personal-id', check, {
  valid: [
    { rows: ['001090012345'] },
    { rows: ['001090012345', '079203001234', '038301012345', '046075004567'] },
    { rows: [['001090012345', '15/03/1990', 'Nam', 'Hà Nội']], columns: COLUMNS },
    { rows: [['038301012345', '01/01/2001', 'Nữ', 'Thanh Hóa']], columns: COLUMNS },
    // Yên Bái (015) is now part of Lào Cai: the post-2025 name matches the old code
    { rows: [['015193008888', '12/12/1993', 'nu', 'Lào Cai']], columns: COLUMNS },
    { rows: [['036185000123', '05/06/1985', 'NỮ', 'Tỉnh Nam Định']], columns: COLUMNS },
    { rows: [['036185000123', '05/06/1985', 'Female', 'Ninh Bình']], columns: COLUMNS },
    // born abroad (232 = Nhật Bản in the unverified table): the range is enough
    { rows: [['232095001234', '20/10/1995', 'M', '']], columns: COLUMNS },
    { rows: ['', ' '] },
    { rows: [['001090012345', '', '', '']], columns: COLUMNS },
    { rows: [['079203001234', '', '', '']], columns: COLUMNS, absent: [1, 2, 3] },
    // values a cross-check cannot read are other rules' findings
    { rows: [['001090012345', 'không rõ', 'Khác', 'Tokyo']], columns: COLUMNS },
    { rows: [['001090012345', '1990-03-15', 'Nam', '']], columns: COLUMNS, formats: { date_of_birth: 'yyyy-MM-dd' } },
    { rows: [['001090012345', '15-03-1990', 'nam', '']], columns: COLUMNS, options: { dob_format: 'dd-MM-yyyy' } },
    // a year-only date of birth of the elderly still carries the year
    { rows: [['092162003456', '00/00/1962', 'F', 'Cần Thơ']], columns: COLUMNS },
    { rows: [['001090012345', '15/03/1985', 'Nữ', 'Cà Mau']], columns: COLUMNS, options: { cross_checks: [] } },
    { rows: ['003090012345', '12345', '1.23457E+11'], options: { structure: false } },
    { rows: ['001226000001'], asOf: '2026-01-01' },
    { rows: [['079203001234', '02/09/2003', 'Nam', 'Phường Bến Thành, Quận 1, TP. Hồ Chí Minh']], columns: COLUMNS },
    // 1906 is exactly 120 years before the as-of year
    { rows: ['001006000001'] },
    { rows: [['046075004567', '30/04/1975', 'Nam', 'Thừa Thiên - Huế']], columns: COLUMNS },
    { rows: [['232095001234', '20/10/1995', 'Nam', 'Nhật Bản']], columns: COLUMNS },
  ],
  invalid: [
    {
      rows: ['abc'],
      columns: ['id_number'],
      errors: [{ messageId: 'id-format', row: 1, data: { field: 'id_number', value: 'abc' }, fix: null }],
    },
    { rows: ['12345678'], errors: [{ messageId: 'id-format', row: 1, fix: null }] },
    // a CMND-9 in the personal ID column
    { rows: ['012345678'], errors: [{ messageId: 'id-format', row: 1, fix: null }] },
    {
      rows: ['001 090 012 345'],
      errors: [{ messageId: 'id-separators', row: 1, data: { digits: '001090012345' }, fix: set('001090012345') }],
    },
    { rows: ['001.090.012.345'], errors: [{ messageId: 'id-separators', row: 1, fix: set('001090012345') }] },
    { rows: ['０７９２０３００１２３４'], errors: [{ messageId: 'id-separators', row: 1, fix: set('079203001234') }] },
    { rows: ['001090\u200b012345\u00a0'], errors: [{ messageId: 'id-separators', row: 1, fix: set('001090012345') }] },
    { rows: ['001090012345.0'], errors: [{ messageId: 'id-separators', row: 1, fix: set('001090012345') }] },
    {
      // Hà Nội (001) stored as a number loses two zeros
      rows: ['1090012345'],
      errors: [{ messageId: 'id-excel-leading-zero', row: 1, data: { digits: '001090012345' }, fix: set('001090012345', 0.8) }],
    },
    { rows: ['79203001234'], errors: [{ messageId: 'id-excel-leading-zero', row: 1, fix: set('079203001234', 0.8) }] },
    {
      // the sex column contradicts the padded number: less likely
      rows: [['79203001234', '', 'Nữ', '']],
      columns: COLUMNS,
      errors: [{ messageId: 'id-excel-leading-zero', row: 1, fix: set('079203001234', 0.5) }],
    },
    { rows: ['01090012345'], errors: [{ messageId: 'id-format', row: 1, fix: null }] },
    { rows: ['50090012345'], errors: [{ messageId: 'id-format', row: 1, fix: null }] },
    { rows: ['1.23457E+11'], errors: [{ messageId: 'id-scientific-notation', row: 1, fix: review }] },
    // 044068412345 shown as 4.40684E+10 and typed back: never padded into a wrong number
    { rows: ['44068400000'], errors: [{ messageId: 'id-digits-rounded', row: 1, data: { zeros: 5 }, fix: review }] },
    { rows: ['123457000000'], errors: [{ messageId: 'id-digits-rounded', row: 1, data: { zeros: 6 }, fix: review }] },
    {
      rows: ['003090012345'],
      errors: [{ messageId: 'id-province-code', row: 1, data: { code: '003' }, fix: null }],
    },
    { rows: ['296090012345'], errors: [{ messageId: 'id-province-code', row: 1, data: { code: '296' }, fix: null }] },
    { rows: ['000090012345'], errors: [{ messageId: 'id-code-000', row: 1, fix: review }] },
    {
      rows: ['001490012345'],
      errors: [{ messageId: 'id-century', row: 1, data: { digit: 4, year: 2100 }, fix: null }],
    },
    {
      rows: ['001230012345'],
      errors: [{ messageId: 'id-birth-year-future', row: 1, data: { year: 2030, as_of_year: 2026 }, fix: null }],
    },
    {
      // no separators fix for a number that is wrong anyway
      rows: ['001 227 012 345'],
      asOf: '2026-06-30',
      errors: [{ messageId: 'id-birth-year-future', row: 1, data: { year: 2027 }, fix: null }],
    },
    {
      rows: ['001001000001'],
      errors: [{ messageId: 'id-implausible-age', row: 1, data: { year: 1901, age: 125, max_age: 120 }, fix: null }],
    },
    { rows: ['001030000001'], options: { max_age: 90 }, errors: [{ messageId: 'id-implausible-age', row: 1, fix: null }] },
    {
      rows: [['001090012345', '15/03/1991', 'Nam', 'Hà Nội']],
      columns: COLUMNS,
      errors: [
        {
          messageId: 'id-birth-year-mismatch',
          row: 1,
          data: { id_year: 1990, dob_field: 'date_of_birth', dob: '15/03/1991' },
          fix: null,
        },
      ],
    },
    {
      rows: [['038301012345', '01/01/2001', 'Nam', 'Thanh Hoá']],
      columns: COLUMNS,
      errors: [
        { messageId: 'id-sex-mismatch', row: 1, data: { id_sex_en: 'female', id_sex_vi: 'Nữ', sex: 'Nam' }, fix: null },
      ],
    },
    {
      rows: [['001090012345', '15/03/1990', 'Nam', 'Hải Phòng']],
      columns: COLUMNS,
      errors: [
        {
          messageId: 'id-province-mismatch',
          row: 1,
          data: { code: '001', id_place_en: 'Hà Nội', place_field: 'birth_registration_place', place: 'Hải Phòng' },
          fix: null,
        },
      ],
    },
    {
      // Yên Bái went into Lào Cai, not Tuyên Quang
      rows: [['015193008888', '12/12/1993', 'Nữ', 'Tuyên Quang']],
      columns: COLUMNS,
      errors: [{ messageId: 'id-province-mismatch', row: 1, data: { id_place_vi: 'Yên Bái' }, fix: null }],
    },
    {
      rows: [['232095001234', '20/10/1995', 'Nam', 'Hà Nội']],
      columns: COLUMNS,
      errors: [
        {
          messageId: 'id-province-mismatch',
          row: 1,
          data: { id_place_en: 'registered abroad: Nhật Bản', id_place_vi: 'đăng ký khai sinh ở nước ngoài: Nhật Bản' },
          fix: null,
        },
      ],
    },
    {
      rows: [
        ['001090012345', '15/03/1990', 'Nam', 'Hà Nội'],
        ['079 203 001 234', '02/09/2003', 'Nam', 'TP.HCM'],
        ['', '01/01/2000', 'Nữ', ''],
        ['36185000123', '05/06/1985', 'Nữ', 'Nam Định'],
        ['038301012345', '01/01/2000', 'Nam', 'Thanh Hóa'],
      ],
      columns: COLUMNS,
      errors: [
        { messageId: 'id-separators', row: 2, fix: set('079203001234') },
        { messageId: 'id-excel-leading-zero', row: 4, fix: set('036185000123', 0.8) },
        { messageId: 'id-birth-year-mismatch', row: 5, data: { id_year: 2001 }, fix: null },
        { messageId: 'id-sex-mismatch', row: 5, fix: null },
      ],
    },
    {
      rows: [['001-090-012-345', '15/03/1985', 'Nam', '']],
      columns: COLUMNS,
      errors: [
        { messageId: 'id-separators', row: 1, fix: set('001090012345') },
        { messageId: 'id-birth-year-mismatch', row: 1, fix: null },
      ],
    },
    {
      rows: [['001090012345', '15/03/1985', 'Nữ', 'Hà Nội']],
      columns: COLUMNS,
      options: { cross_checks: ['sex'] },
      errors: [{ messageId: 'id-sex-mismatch', row: 1, fix: null }],
    },
    {
      // a cross-check-only rule (structure: false) beside a structural one, so each has its own severity
      rows: [
        ['003090012345', '15/03/1985', 'Nam', ''],
        ['001090012345', '15/03/1985', 'Nam', ''],
      ],
      columns: COLUMNS,
      options: { structure: false },
      errors: [
        { messageId: 'id-birth-year-mismatch', row: 1, fix: null },
        { messageId: 'id-birth-year-mismatch', row: 2, fix: null },
      ],
    },
    {
      rows: [['001090012345', '1991-01-01', 'Nam', '']],
      columns: COLUMNS,
      formats: { date_of_birth: 'yyyy-MM-dd' },
      errors: [{ messageId: 'id-birth-year-mismatch', row: 1, data: { dob: '1991-01-01' }, fix: null }],
    },
  ],
});

describe('check type vn-personal-id: pack mistakes', () => {
  it('refuses an unusable date format', () => {
    expect(() => runCase(check, { rows: ['001090012345'], options: { dob_format: 'YYYY' } })).toThrow(/unusable date format/);
  });

  it('refuses an unknown cross-check', () => {
    expect(() => runCase(check, { rows: ['001090012345'], options: { cross_checks: ['address'] } })).toThrow(/invalid options/);
  });
});
