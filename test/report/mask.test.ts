import { describe, expect, it } from 'vitest';
import { kindOfFieldName, maskDigitRuns, maskIdentity, maskName, maskNumber, maskReport, personalFields } from '../../src/report/mask.js';
import { fixedReport } from './fixed-report.js';

describe('maskNumber', () => {
  it.each([
    ['001085012345', '001******345'],
    ['012345678', '012***678'],
    ['0912345678', '091****678'],
    ['001 085 012 345', '001 *** *** 345'],
    ['001.085.012.345', '001.***.***.345'],
    ['C1234567', 'C123*567'],
    ['1234567', '123*567'],
    // fewer than 7 digits identify nobody and explain the finding
    ['N/A', 'N/A'],
    ['123456', '123456'],
    ['12345', '12345'],
    ['1.23457E+11', '1.23**7E+11'],
    ['', ''],
  ])('%j → %j', (value, masked) => {
    expect(maskNumber(value)).toBe(masked);
  });
});

describe('maskIdentity: every value of an ID column, whatever it holds', () => {
  it.each([
    ['000000000000', '000******000'],
    ['001 085 012 345', '001 *** *** 345'],
    ['N/A', '*/*'],
    ['0', '*'],
    ['12345', '*****'],
    ['B1234', '*****'],
    ['', ''],
  ])('%j → %j', (value, masked) => {
    expect(maskIdentity(value)).toBe(masked);
  });
});

describe('maskName', () => {
  it.each([
    ['Nguyễn Văn An', 'Nguyễn V** A*'],
    ['Trần Thị Bích Ngọc', 'Trần T** B*** N***'],
    ['TRẦN THỊ BÍCH  NGỌC', 'TRẦN T** B***  N***'],
    ['nguyen van an', 'nguyen v** a*'],
    [' Lê  Hoa ', ' Lê  H** '],
    ['Kinh', 'Kinh'],
    ["H'Hen Niê", "H'Hen N**"],
    // a decomposed (NFD) name masks by letter, not by code point
    ['Nguye\u0302\u0303n Va\u0306n A\u0300n', 'Nguye\u0302\u0303n V** A\u0300*'],
    ['', ''],
  ])('%j → %j', (value, masked) => {
    expect(maskName(value)).toBe(masked);
  });
});

describe('maskDigitRuns', () => {
  it.each([
    ['row 12 has 001085012345 twice', 'row 12 has 001******345 twice'],
    ['12345678 is short', '12345678 is short'],
    ['BHXH 0123456789 vs 0123456780', 'BHXH 012****789 vs 012****780'],
  ])('%j → %j', (value, masked) => {
    expect(maskDigitRuns(value)).toBe(masked);
  });
});

describe('kindOfFieldName', () => {
  it.each([
    ['id_number', 'number'],
    ['full_name', 'name'],
    ['phone', 'number'],
    ['so_cccd', 'number'],
    ['Số điện thoại', 'number'],
    ['so_ho_chieu', 'number'],
    ['ho_ten_me', 'name'],
    ['mother_name', 'name'],
    ['date_of_birth', undefined],
    ['ethnicity', undefined],
    ['address', undefined],
  ])('%s → %s', (field, kind) => {
    expect(kindOfFieldName(field)).toBe(kind);
  });

  it('takes the kind of a rule’s first column from its check type, whatever the pack calls it', () => {
    const report = fixedReport();
    report.rules[0]!.columns = ['ma_cong_dan'];
    expect(personalFields(report.rules).get('ma_cong_dan')).toBe('number');
  });
});

describe('maskReport', () => {
  const original = fixedReport();
  const masked = maskReport(original);
  const rule = (id: string) => masked.rules.find((r) => r.id === id)!;

  it('masks values, the message parameters that echo them and set-fixes', () => {
    const separators = rule('id-valid').samples[0]!;
    expect(separators.value).toBe('001 *** *** 345');
    expect(separators.data).toEqual({ field: 'id_number', value: '001 *** *** 345', digits: '001******345' });
    expect(separators.fix).toEqual({ action: 'set', value: '001******345', confidence: 1 });
    const name = rule('name-valid').samples[0]!;
    expect(name.value).toBe('nguyễn v** a*');
    expect(name.data.canonical).toBe('Nguyễn V** A*');
    expect(name.fix?.value).toBe('Nguyễn V** A*');
  });

  it('masks duplicate keys and same-person names but keeps the rows they point to', () => {
    const duplicate = rule('id-unique').samples[0]!;
    expect(duplicate.data).toEqual({ field: 'id_number', key: '001******345', first_row: 1 });
    expect(duplicate.fix).toEqual({ action: 'merge_into', value: '1', confidence: 1 });
    const person = rule('same-person').samples[0]!;
    expect(person.value).toBe('tran t** b*** n***');
    expect(person.data.members).toBe('3, 4, 8');
    expect(person.fix?.value).toBe('3');
  });

  it('changes nothing but samples, and leaves the original alone', () => {
    const strip = (report: typeof original) => ({ ...report, rules: report.rules.map((r) => ({ ...r, samples: [] })) });
    expect(strip(masked)).toEqual(strip(original));
    expect(original.rules[0]!.samples[0]!.value).toBe('001 085 012 345');
    expect(JSON.stringify(masked)).not.toContain('085012');
    expect(JSON.stringify(masked)).not.toContain('Văn An');
  });

  it('masks each part of a key of several columns as its own column', () => {
    const report = fixedReport();
    const unique = report.rules.find((r) => r.id === 'id-unique')!;
    unique.samples[0]!.data.key = '001085012345 | Nguyễn Văn An';
    expect(maskReport(report).rules.find((r) => r.id === 'id-unique')!.samples[0]!.data.key).toBe('001******345 | Nguyễn V** A*');
  });

  it('masks placeholders and short values of an ID column in samples, messages and fixes', () => {
    const report = fixedReport();
    const sample = report.rules[0]!.samples[0]!;
    report.rules[0]!.samples = [
      { ...sample, value: '000000000000', code: 'placeholder/placeholder', data: { field: 'id_number', value: '000000000000' }, fix: { action: 'clear', confidence: 1 } },
      { ...sample, value: '12345', data: { field: 'id_number', value: '12345', digits: '12345' }, fix: { action: 'set', value: '0', confidence: 1 } },
    ];
    const [placeholder, short] = maskReport(report).rules[0]!.samples;
    expect(placeholder!.value).toBe('000******000');
    expect(placeholder!.data.value).toBe('000******000');
    expect(short!.value).toBe('*****');
    expect(short!.data).toEqual({ field: 'id_number', value: '*****', digits: '*****' });
    expect(short!.fix?.value).toBe('*');
  });

  it('masks long digit runs in input problems too', () => {
    const report = fixedReport();
    report.inputs[0]!.problems[0]!.samples[0]!.data = { reason: 'bad quote after 079192004561' };
    expect(maskReport(report).inputs[0]!.problems[0]!.samples[0]!.data.reason).toBe('bad quote after 079******561');
  });
});
