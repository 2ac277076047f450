import vnBhyt from '../../src/checks/vn-bhyt.js';
import { CheckTester } from '../support/check-tester.js';

const set = (value: string, confidence = 1) => ({ action: 'set', value, confidence }) as const;
const cols = ['the_bhyt', 'ma_bhxh'];
const checkGroups = { check_object_code: true };

CheckTester.run('vn-bhyt', vnBhyt, {
  valid: [
    { rows: ['0123456789'] },
    { rows: ['DN4010123456789'] },
    { rows: ['HS4797923456789', 'TE1010198765432', 'HT2010123456780', '7923456789'] },
    { rows: [['DN4010123456789', '0123456789']], columns: cols },
    { rows: [['7923456789', '7923456789']], columns: cols },
    { rows: [['DN4010123456789', '']], columns: cols }, // no BHXH to compare with
    { rows: ['DN4010123456789'], columns: cols, absent: [1] },
    { rows: ['ZZ4010123456789'] }, // group list UNVERIFIED: not checked unless asked
    { rows: ['CA3010123456789', 'QN5790123456789'], options: checkGroups },
    { rows: ['ZZ4010123456789'], options: { ...checkGroups, extra_object_codes: ['ZZ'] } },
    { rows: [''] },
    { rows: [['0123456789', 'chưa có']], columns: cols }, // a malformed BHXH is vn-bhxh's finding
    { rows: [['0123456789', '123456789']], columns: cols }, // the BHXH cell lost its 0, same code
    { rows: ['0123456789'], options: { allow_old_form: false } },
    { rows: [['', '0123456789']], columns: cols },
    { rows: [['GD4790123456789', '01 2345 6789']], columns: cols },
  ],
  invalid: [
    {
      rows: ['dn4010123456789'],
      columns: ['the_bhyt'],
      errors: [
        {
          messageId: 'bhyt-not-canonical',
          row: 1,
          data: { field: 'the_bhyt', value: 'dn4010123456789', canonical: 'DN4010123456789' },
          fix: set('DN4010123456789'),
        },
      ],
    },
    { rows: ['DN 4 01 0123456789'], errors: [{ messageId: 'bhyt-not-canonical', row: 1, fix: set('DN4010123456789') }] },
    { rows: ['HS-4-79-7923456789'], errors: [{ messageId: 'bhyt-not-canonical', row: 1, fix: set('HS4797923456789') }] },
    { rows: ['01 2345 6789'], errors: [{ messageId: 'bhyt-not-canonical', row: 1, fix: set('0123456789') }] },
    {
      rows: ['123456789'],
      columns: ['the_bhyt'],
      errors: [
        { messageId: 'bhyt-excel-leading-zero', row: 1, data: { field: 'the_bhyt', canonical: '0123456789' }, fix: set('0123456789', 0.8) },
      ],
    },
    {
      rows: ['DN6010123456789', 'TE0010198765432'],
      errors: [
        { messageId: 'bhyt-benefit-level', row: 1, data: { level: '6' }, fix: null },
        { messageId: 'bhyt-benefit-level', row: 2, data: { level: '0' }, fix: null },
      ],
    },
    {
      rows: ['DN401012345678', 'D4010123456789', '12345678', 'không có thẻ'],
      errors: [
        { messageId: 'bhyt-format', row: 1, fix: null },
        { messageId: 'bhyt-format', row: 2, fix: null },
        { messageId: 'bhyt-format', row: 3, fix: null },
        { messageId: 'bhyt-format', row: 4, fix: null },
      ],
    },
    {
      rows: ['DN4010123456789', 'ZZ4010123456789'],
      options: checkGroups,
      columns: ['the_bhyt'],
      errors: [{ messageId: 'bhyt-object-code-unknown', row: 2, data: { field: 'the_bhyt', code: 'ZZ' }, fix: null }],
    },
    {
      rows: ['zz 4 01 0123456789'],
      options: checkGroups,
      errors: [
        { messageId: 'bhyt-not-canonical', row: 1, fix: set('ZZ4010123456789') },
        { messageId: 'bhyt-object-code-unknown', row: 1, data: { code: 'ZZ' }, fix: null },
      ],
    },
    {
      rows: ['DN4010123456789'],
      options: { allow_old_form: false },
      columns: ['the_bhyt'],
      errors: [
        {
          messageId: 'bhyt-old-form',
          row: 1,
          data: { field: 'the_bhyt', value: 'DN4010123456789', canonical: '0123456789' },
          fix: set('0123456789', 0.9),
        },
      ],
    },
    {
      // converting drops the group code, so it is not checked
      rows: ['zz4010123456789'],
      options: { allow_old_form: false, check_object_code: true },
      errors: [{ messageId: 'bhyt-old-form', row: 1, fix: set('0123456789', 0.9) }],
    },
    {
      rows: [['DN4010123456789', '0123456780']],
      columns: cols,
      errors: [
        {
          messageId: 'bhyt-bhxh-mismatch',
          row: 1,
          data: { field: 'the_bhyt', card_bhxh: '0123456789', bhxh_field: 'ma_bhxh', bhxh: '0123456780' },
          fix: null,
        },
      ],
    },
    {
      rows: [['7923456789', '7923456788']],
      columns: cols,
      errors: [{ messageId: 'bhyt-bhxh-mismatch', row: 1, data: { card_bhxh: '7923456789' }, fix: null }],
    },
    {
      rows: [['dn4010123456789', '7923456789']],
      columns: cols,
      errors: [
        { messageId: 'bhyt-not-canonical', row: 1, fix: set('DN4010123456789') },
        { messageId: 'bhyt-bhxh-mismatch', row: 1, data: { card_bhxh: '0123456789', bhxh: '7923456789' }, fix: null },
      ],
    },
    {
      rows: [['123456789', '0123456780']],
      columns: cols,
      errors: [
        { messageId: 'bhyt-excel-leading-zero', row: 1, fix: set('0123456789', 0.8) },
        { messageId: 'bhyt-bhxh-mismatch', row: 1, fix: null },
      ],
    },
    {
      rows: [['HS4797923456789', '7923456780']],
      options: { allow_old_form: false },
      columns: cols,
      errors: [
        { messageId: 'bhyt-old-form', row: 1, fix: set('7923456789', 0.9) },
        { messageId: 'bhyt-bhxh-mismatch', row: 1, fix: null },
      ],
    },
    {
      rows: [
        ['DN4010123456789', '0123456789'],
        ['DN 4010123456789', '0123456789'],
        ['', '0123456789'],
        ['DN9010123456789', '0123456789'],
        ['7923456789', '7923456789'],
        ['7923456789', '0123456789'],
      ],
      columns: cols,
      errors: [
        { messageId: 'bhyt-not-canonical', row: 2, fix: set('DN4010123456789') },
        { messageId: 'bhyt-benefit-level', row: 4, fix: null },
        { messageId: 'bhyt-bhxh-mismatch', row: 6, fix: null },
      ],
    },
  ],
});
