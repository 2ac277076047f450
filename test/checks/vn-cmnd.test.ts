import { describe, expect, it } from 'vitest';
import check from '../../src/checks/vn-cmnd.js';
import { CheckTester, runCase } from '../support/check-tester.js';

const set = (value: string, confidence = 1) => ({ action: 'set', value, confidence }) as const;
const review = { action: 'review', confidence: 0 } as const;
const current = { role: 'current-id' } as const;

CheckTester.run('vn-cmnd', check, {
  valid: [
    { rows: ['012345678'] },
    { rows: ['012345678', '271450001', '385123456', '025987654'] },
    // a legacy column (Art. 9 item 13) keeps historical numbers: they never expire
    { rows: ['012345678'], options: { role: 'legacy', export_date: '2026-03-01' } },
    { rows: ['012345678'], options: { ...current, export_date: '2024-12-31' } },
    { rows: ['012345678'], options: current, asOf: '2024-06-01' },
    // CMND-12 is the personal ID number (§2)
    { rows: ['001090012345'] },
    { rows: ['079203001234'], options: current },
    { rows: ['', ' '] },
    { rows: ['001090012345'], options: { twelve_digits: 'check' } },
    { rows: ['079203001234', '036185000123'], options: { ...current, twelve_digits: 'check' } },
    // the structure of the earliest CMND-12 batches is unverified: accepted unless asked
    { rows: ['003090012345'] },
    { rows: ['012345678', '', '271500000'], options: { role: 'legacy' } },
    { rows: ['186543210'], options: { export_date: '2023-05-10' } },
    { rows: ['241234567'], options: { ...current, export_date: '2024-01-15' } },
    { rows: ['001090012345', '012345678'], options: { twelve_digits: 'accept' } },
    { rows: ['232095001234'], options: { twelve_digits: 'check' } },
  ],
  invalid: [
    {
      rows: ['abc'],
      columns: ['so_cmnd'],
      errors: [{ messageId: 'cmnd-format', row: 1, data: { field: 'so_cmnd', value: 'abc' }, fix: null }],
    },
    { rows: ['1234567'], errors: [{ messageId: 'cmnd-format', row: 1, fix: null }] },
    { rows: ['0123456789'], errors: [{ messageId: 'cmnd-format', row: 1, fix: null }] },
    { rows: ['01234567'], errors: [{ messageId: 'cmnd-format', row: 1, fix: null }] },
    {
      rows: ['012 345 678'],
      errors: [{ messageId: 'cmnd-separators', row: 1, data: { digits: '012345678' }, fix: set('012345678') }],
    },
    { rows: ['012.345.678'], errors: [{ messageId: 'cmnd-separators', row: 1, fix: set('012345678') }] },
    { rows: ['０１２３４５６７８'], errors: [{ messageId: 'cmnd-separators', row: 1, fix: set('012345678') }] },
    { rows: ['001 090 012 345'], errors: [{ messageId: 'cmnd-separators', row: 1, fix: set('001090012345') }] },
    {
      rows: ['12345678'],
      errors: [{ messageId: 'cmnd-excel-leading-zero', row: 1, data: { digits: '012345678' }, fix: set('012345678', 0.6) }],
    },
    { rows: ['1090012345'], errors: [{ messageId: 'cmnd-excel-leading-zero', row: 1, fix: set('001090012345', 0.6) }] },
    { rows: ['1.23457E+08'], errors: [{ messageId: 'cmnd-scientific-notation', row: 1, fix: review }] },
    {
      rows: ['012345678'],
      options: current,
      errors: [{ messageId: 'cmnd-expired', row: 1, data: { value: '012345678', export_date: '22/11/2026' }, fix: null }],
    },
    {
      rows: ['271450001'],
      options: { ...current, export_date: '2025-01-01' },
      errors: [{ messageId: 'cmnd-expired', row: 1, data: { export_date: '01/01/2025' }, fix: null }],
    },
    {
      rows: ['012 345 678'],
      options: current,
      errors: [
        { messageId: 'cmnd-separators', row: 1, fix: set('012345678') },
        { messageId: 'cmnd-expired', row: 1, fix: null },
      ],
    },
    {
      rows: ['001090012345'],
      options: { twelve_digits: 'report' },
      errors: [{ messageId: 'cmnd-personal-id', row: 1, fix: null }],
    },
    {
      rows: ['003090012345'],
      options: { twelve_digits: 'check' },
      errors: [
        { messageId: 'cmnd-personal-id-invalid', row: 1, data: { reason_en: 'place code 003', reason_vi: 'mã nơi đăng ký 003' }, fix: null },
      ],
    },
    {
      rows: ['001229012345'],
      options: { twelve_digits: 'check', export_date: '2025-03-01' },
      errors: [{ messageId: 'cmnd-personal-id-invalid', row: 1, data: { reason_en: 'birth year 2029' }, fix: null }],
    },
    {
      rows: ['012345678', '079203001234', 'không có', '', '23456789', '385123456'],
      options: { ...current, export_date: '2025-07-01' },
      errors: [
        { messageId: 'cmnd-expired', row: 1, fix: null },
        { messageId: 'cmnd-format', row: 3, fix: null },
        { messageId: 'cmnd-excel-leading-zero', row: 5, fix: set('023456789', 0.6) },
        { messageId: 'cmnd-expired', row: 6, fix: null },
      ],
    },
  ],
});

describe('check type vn-cmnd: pack mistakes', () => {
  it('refuses an export date that is not a day', () => {
    expect(() => runCase(check, { rows: ['012345678'], options: { export_date: '2025-02-30' } })).toThrow(/not a real day/);
  });

  it('refuses an unknown role', () => {
    expect(() => runCase(check, { rows: ['012345678'], options: { role: 'primary' } })).toThrow(/invalid options/);
  });

  it('tells in its description that 9-digit numbers are not unique', () => {
    expect(check.meta.description.en).toMatch(/not unique/);
    expect(check.meta.description.vi).toMatch(/không duy nhất/);
  });
});
