import { describe, expect, it } from 'vitest';
import check from '../../src/checks/vn-province.js';
import { normalizeOptions } from '../../src/pack/options.js';
import { CheckTester } from '../support/check-tester.js';

const pre = { era: 'pre-2025' } as const;
const post = { era: 'post-2025' } as const;
const set = (value: string, confidence = 1) => ({ action: 'set', value, confidence }) as const;

CheckTester.run('vn-province', check, {
  valid: [
    { rows: ['Hà Nội', 'Hoà Bình', 'Thừa Thiên Huế', 'Huế'], options: pre },
    // tone placement: Circular 07/2016 writes Hòa, GSO Hoà
    { rows: ['Hòa Bình', 'Thanh Hoá', 'Khánh Hoà'], options: pre },
    { rows: ['Thành phố Hồ Chí Minh', 'Tỉnh Bắc Kạn', 'Tỉnh Thừa Thiên Huế'], options: pre },
    // `TP.` is folded (README): the abbreviation official texts write for a city is no variant
    { rows: ['TP. Hồ Chí Minh', 'TP. Hà Nội', 'TP. Đà Nẵng', 'TP. Cần Thơ', 'TP. Hải Phòng'], options: pre },
    { rows: ['TP. Hồ Chí Minh', 'TP. Huế'], options: post },
    { rows: ['Bà Rịa - Vũng Tàu', 'Đắk Nông', 'Kon Tum'], options: pre },
    { rows: ['Sóc Trăng', 'Hậu Giang', 'Bạc Liêu', 'Cà Mau', 'Kiên Giang'], options: pre },
    { rows: ['Lào Cai', 'Phú Thọ', 'Huế', 'Thành phố Huế'], options: post },
    { rows: ['Khánh Hoà', 'Khánh Hòa', 'Tỉnh Tuyên Quang'], options: post },
    { rows: ['Hồ Chí Minh', 'Thành phố Hải Phòng', 'Thành phố Cần Thơ'], options: post },
    { rows: ['01', '15', '77', '46'], options: { ...pre, accept_codes: true } },
    { rows: ['79', '15', '08'], options: { ...post, accept_codes: true } },
    { rows: ['', '  '], options: pre },
    { rows: ['Hà Nội', '01', 'Đà Nẵng'], options: { ...post, accept_codes: true } },
    { rows: ['Ninh Bình', 'Gia Lai', 'Đồng Tháp', 'An Giang'], options: post },
    { rows: ['Điện Biên', 'Lai Châu', 'Sơn La', 'Lạng Sơn'], options: post },
    { rows: ['Long An', 'Tiền Giang', 'Bến Tre', 'Trà Vinh'], options: pre },
    { rows: ['Quảng Bình', 'Quảng Trị', 'Quảng Nam', 'Quảng Ngãi'], options: pre },
  ],
  invalid: [
    {
      rows: ['HÀ NỘI'],
      options: pre,
      columns: ['tinh'],
      errors: [
        { messageId: 'province-variant', row: 1, data: { field: 'tinh', value: 'HÀ NỘI', canonical: 'Hà Nội' }, fix: set('Hà Nội') },
      ],
    },
    { rows: ['Ha Noi'], options: pre, errors: [{ messageId: 'province-variant', row: 1, fix: set('Hà Nội', 0.95) }] },
    {
      // `TP.` belongs to cities only; `Tp.` is the abbreviation in another case
      rows: ['TP. Bắc Kạn', 'Tp. Hồ Chí Minh'],
      options: pre,
      errors: [
        { messageId: 'province-variant', row: 1, fix: set('Tỉnh Bắc Kạn') },
        { messageId: 'province-variant', row: 2, fix: set('Thành phố Hồ Chí Minh') },
      ],
    },
    { rows: ['TP HCM'], options: pre, errors: [{ messageId: 'province-variant', row: 1, fix: set('Thành phố Hồ Chí Minh', 0.95) }] },
    { rows: ['HCM'], options: post, errors: [{ messageId: 'province-variant', row: 1, fix: set('Hồ Chí Minh', 0.95) }] },
    { rows: ['Bắc Cạn'], options: pre, errors: [{ messageId: 'province-variant', row: 1, fix: set('Bắc Kạn', 0.95) }] },
    {
      rows: ['Thừa Thiên - Huế'],
      options: pre,
      errors: [{ messageId: 'province-variant', row: 1, fix: set('Thừa Thiên Huế', 0.95) }],
    },
    { rows: ['Tỉnh Hà Nội'], options: pre, errors: [{ messageId: 'province-variant', row: 1, fix: set('Thành phố Hà Nội') }] },
    { rows: ['hoà bình'], options: pre, errors: [{ messageId: 'province-variant', row: 1, fix: set('Hoà Bình') }] },
    { rows: ['Bà Rịa Vũng Tàu'], options: pre, errors: [{ messageId: 'province-variant', row: 1, fix: set('Bà Rịa - Vũng Tàu', 0.95) }] },
    { rows: ['Hồ Chí Minh '], options: post, errors: [{ messageId: 'province-variant', row: 1, fix: set('Hồ Chí Minh') }] },
    {
      rows: ['Sài Gòn'],
      options: pre,
      errors: [{ messageId: 'not-a-province', row: 1, data: { value: 'Sài Gòn', count: 63 }, fix: null }],
    },
    { rows: ['Quận 1'], options: post, errors: [{ messageId: 'not-a-province', row: 1, data: { count: 34 }, fix: null }] },
    {
      rows: ['Yên Bái'],
      options: post,
      errors: [{ messageId: 'old-province', row: 1, data: { old: 'Yên Bái', new: 'Lào Cai' }, fix: set('Lào Cai') }],
    },
    { rows: ['Tỉnh Hà Giang'], options: post, errors: [{ messageId: 'old-province', row: 1, fix: set('Tỉnh Tuyên Quang') }] },
    { rows: ['Thừa Thiên Huế'], options: post, errors: [{ messageId: 'old-province', row: 1, fix: set('Huế') }] },
    { rows: ['Bình Dương'], options: post, errors: [{ messageId: 'old-province', row: 1, fix: set('Hồ Chí Minh') }] },
    { rows: ['Bac Giang'], options: post, errors: [{ messageId: 'old-province', row: 1, fix: set('Bắc Ninh') }] },
    { rows: ['Nam Định'], options: post, errors: [{ messageId: 'old-province', row: 1, fix: set('Ninh Bình') }] },
    {
      rows: ['01'],
      options: pre,
      errors: [{ messageId: 'province-code', row: 1, data: { name: 'Hà Nội' }, fix: set('Hà Nội', 0.9) }],
    },
    // 15 is Yên Bái before 1 Jul 2025 and Lào Cai after: era-ambiguous
    { rows: ['15'], options: pre, errors: [{ messageId: 'province-code', row: 1, fix: set('Yên Bái', 0.6) }] },
    { rows: ['15'], options: post, errors: [{ messageId: 'province-code', row: 1, fix: set('Lào Cai', 0.6) }] },
    {
      rows: ['02'],
      options: { ...post, accept_codes: true },
      errors: [{ messageId: 'old-province', row: 1, data: { old: 'Hà Giang', new: 'Tuyên Quang' }, fix: set('08') }],
    },
    { rows: ['02'], options: post, errors: [{ messageId: 'old-province', row: 1, fix: set('Tuyên Quang') }] },
    { rows: ['1'], options: { ...pre, accept_codes: true }, errors: [{ messageId: 'province-variant', row: 1, fix: set('01', 0.9) }] },
    { rows: ['03'], options: { ...pre, accept_codes: true }, errors: [{ messageId: 'not-a-province', row: 1, fix: null }] },
    {
      rows: ['Hà Nội', 'Hà Tây', 'TP.HCM', '', 'Long An', 'Tây Ninh', 'Đắc Lắc'],
      options: post,
      errors: [
        { messageId: 'not-a-province', row: 2, fix: null },
        { messageId: 'province-variant', row: 3, fix: set('Thành phố Hồ Chí Minh', 0.95) },
        { messageId: 'old-province', row: 5, data: { new: 'Tây Ninh' }, fix: set('Tây Ninh') },
        { messageId: 'province-variant', row: 7, fix: set('Đắk Lắk', 0.95) },
      ],
    },
  ],
});

describe('check type vn-province: pack mistakes', () => {
  it('needs the era of the column', () => {
    const result = normalizeOptions(check, { accept_codes: true });
    expect('problems' in result && result.problems).toMatchObject([{ path: '', key: 'schema.required', data: { property: 'era' } }]);
  });
});
