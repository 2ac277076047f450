import vnPhone from '../../src/checks/vn-phone.js';
import { CheckTester } from '../support/check-tester.js';

const set = (value: string, confidence = 1) => ({ action: 'set', value, confidence }) as const;
const mobileOnly = { allow_landline: false };
const e164 = { format: 'e164' };

CheckTester.run('vn-phone', vnPhone, {
  valid: [
    { rows: ['0912345678'] },
    { rows: ['0987654321', '0356789012', '0703456789', '0838123456', '0592345678'] },
    { rows: ['0867123456', '0889123456', '0898765432'] }, // native 10-digit 08x prefixes
    { rows: ['0523456789', '0559876543', '0871234567'] }, // Vietnamobile 052, Reddi 055, iTel 087
    { rows: ['0992345678', '0922345678'] },
    { rows: ['02438253456'] }, // Hà Nội
    { rows: ['02838221234'] }, // TP HCM
    { rows: ['02363822123', '02033825123', '02993821456'] }, // Đà Nẵng, Quảng Ninh, Sóc Trăng
    { rows: [''] }, // empty is `required`'s finding
    { rows: [' '] },
    { rows: ['0912345678', '', '0977111222'] },
    { rows: ['0912345678'], options: mobileOnly },
    { rows: ['+84912345678'], options: e164 },
    { rows: ['+842438253456', '+84387654321'], options: e164 },
    { rows: ['0912345678'], options: { allow_landline: true, format: 'national' } },
    { rows: ['0328123456'], columns: ['so_dien_thoai'] },
  ],
  invalid: [
    {
      rows: ['+84912345678'],
      columns: ['phone'],
      errors: [
        {
          messageId: 'phone-not-canonical',
          row: 1,
          data: { field: 'phone', value: '+84912345678', canonical: '0912345678' },
          fix: set('0912345678'),
        },
      ],
    },
    { rows: ['84912345678'], errors: [{ messageId: 'phone-not-canonical', row: 1, fix: set('0912345678') }] },
    { rows: ['0084 912 345 678'], errors: [{ messageId: 'phone-not-canonical', row: 1, fix: set('0912345678') }] },
    { rows: ['0912.345.678'], errors: [{ messageId: 'phone-not-canonical', row: 1, fix: set('0912345678') }] },
    { rows: ['(024) 3825 3456'], errors: [{ messageId: 'phone-not-canonical', row: 1, fix: set('02438253456') }] },
    { rows: ['+84 (0) 98 765 4321'], errors: [{ messageId: 'phone-not-canonical', row: 1, fix: set('0987654321') }] },
    { rows: ['0912345678'], options: e164, errors: [{ messageId: 'phone-not-canonical', row: 1, fix: set('+84912345678') }] },
    {
      rows: ['01695678945'],
      columns: ['phone'],
      errors: [
        {
          messageId: 'phone-old-11-digit',
          row: 1,
          data: { field: 'phone', value: '01695678945', old_prefix: '0169', new_prefix: '039', canonical: '0395678945' },
          fix: set('0395678945', 0.95),
        },
      ],
    },
    {
      rows: ['0912345678', '0122 345 6789', '01234567890', '01997654321'],
      errors: [
        { messageId: 'phone-old-11-digit', row: 2, data: { new_prefix: '077' }, fix: set('0773456789', 0.95) },
        { messageId: 'phone-old-11-digit', row: 3, data: { new_prefix: '083' }, fix: set('0834567890', 0.95) },
        { messageId: 'phone-old-11-digit', row: 4, data: { new_prefix: '059' }, fix: set('0597654321', 0.95) },
      ],
    },
    {
      rows: ['+841695678945'],
      options: e164,
      errors: [{ messageId: 'phone-old-11-digit', row: 1, fix: set('+84395678945', 0.95) }],
    },
    {
      // lost its 0 and is pre-2018: the less certain of the two repairs sets the confidence
      rows: ['1695678945'],
      errors: [{ messageId: 'phone-old-11-digit', row: 1, fix: set('0395678945', 0.8) }],
    },
    {
      rows: ['912345678'],
      columns: ['phone'],
      errors: [
        { messageId: 'phone-excel-leading-zero', row: 1, data: { field: 'phone', canonical: '0912345678' }, fix: set('0912345678', 0.8) },
      ],
    },
    { rows: ['2438253456'], errors: [{ messageId: 'phone-excel-leading-zero', row: 1, fix: set('02438253456', 0.8) }] },
    {
      rows: ['0412345678'],
      columns: ['phone'],
      errors: [{ messageId: 'phone-unknown-prefix', row: 1, data: { field: 'phone', prefix: '041' }, fix: null }],
    },
    {
      rows: ['0951234567', '01301234567', '02012345678'],
      errors: [
        { messageId: 'phone-unknown-prefix', row: 1, data: { prefix: '095' }, fix: null },
        { messageId: 'phone-unknown-prefix', row: 2, data: { prefix: '0130' }, fix: null },
        { messageId: 'phone-unknown-prefix', row: 3, data: { prefix: '0201' }, fix: null },
      ],
    },
    {
      rows: ['091234567', '09123456789', '0241234567', '12345'],
      errors: [
        { messageId: 'phone-length', row: 1, data: { digits: 9 }, fix: null },
        { messageId: 'phone-length', row: 2, data: { digits: 11 }, fix: null },
        { messageId: 'phone-length', row: 3, data: { digits: 10 }, fix: null },
        { messageId: 'phone-length', row: 4, data: { digits: 5 }, fix: null },
      ],
    },
    {
      rows: ['không có', 'N/A', '0912345678 ext 12'],
      errors: [
        { messageId: 'phone-format', row: 1, fix: null },
        { messageId: 'phone-format', row: 2, fix: null },
        { messageId: 'phone-format', row: 3, fix: null },
      ],
    },
    {
      rows: ['+1 415 555 0100', '0033 6 12 34 56 78'],
      errors: [
        { messageId: 'phone-foreign', row: 1, fix: null },
        { messageId: 'phone-foreign', row: 2, fix: null },
      ],
    },
    {
      rows: ['0912345678; 0987654321', '0912345678 0987654321', '0912345678 và 0983 456 789'],
      errors: [
        { messageId: 'phone-multiple', row: 1, data: { count: 2 }, fix: null },
        { messageId: 'phone-multiple', row: 2, data: { count: 2 }, fix: null },
        { messageId: 'phone-multiple', row: 3, data: { count: 2 }, fix: null },
      ],
    },
    {
      rows: ['02438253456'],
      options: mobileOnly,
      columns: ['phone'],
      errors: [
        {
          messageId: 'phone-landline-not-allowed',
          row: 1,
          data: { field: 'phone', prefix: '024', province: 'Hà Nội' },
          fix: null,
        },
      ],
    },
    {
      // not canonical either, but a landline is the one problem worth a finding
      rows: ['0912345678', '(0236) 382 2123'],
      options: mobileOnly,
      errors: [{ messageId: 'phone-landline-not-allowed', row: 2, data: { prefix: '0236', province: 'Đà Nẵng' }, fix: null }],
    },
    {
      rows: ['0912345678', '+84 912 345 678', '', '01685556677', '985112233', '0412345678'],
      errors: [
        { messageId: 'phone-not-canonical', row: 2, fix: set('0912345678') },
        { messageId: 'phone-old-11-digit', row: 4, fix: set('0385556677', 0.95) },
        { messageId: 'phone-excel-leading-zero', row: 5, fix: set('0985112233', 0.8) },
        { messageId: 'phone-unknown-prefix', row: 6, fix: null },
      ],
    },
    { rows: [' 0912345678 '], errors: [{ messageId: 'phone-not-canonical', row: 1, fix: set('0912345678') }] },
    { rows: ["'0912345678"], errors: [{ messageId: 'phone-not-canonical', row: 1, fix: set('0912345678') }] },
  ],
});
