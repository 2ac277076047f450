import vnBhxh from '../../src/checks/vn-bhxh.js';
import { CheckTester } from '../support/check-tester.js';

const set = (value: string, confidence = 1) => ({ action: 'set', value, confidence }) as const;

CheckTester.run('vn-bhxh', vnBhxh, {
  valid: [
    { rows: ['0123456789'] },
    { rows: ['7923456789'] },
    { rows: ['0101234567', '0112345678', '3112345678'] },
    { rows: ['4801234567', '7912345678', '9212345678', '0198765432'] },
    { rows: [''] },
    { rows: ['   '] },
    { rows: ['0123456789', '', '7923456789'] },
    { rows: ['0000000001'] }, // no public structure to judge
    { rows: ['3812345670'] },
    { rows: ['2612345678'], columns: ['ma_so_bhxh'] },
    { rows: ['0123456789'], options: {} },
    { rows: ['\u00a0'] },
    { rows: ['5012345678', '5112345678'] },
    { rows: ['6612345678'] },
    { rows: ['8912345678', '9612345678'] },
  ],
  invalid: [
    {
      rows: ['01 2345 6789'],
      columns: ['bhxh'],
      errors: [
        {
          messageId: 'bhxh-not-canonical',
          row: 1,
          data: { field: 'bhxh', value: '01 2345 6789', canonical: '0123456789' },
          fix: set('0123456789'),
        },
      ],
    },
    { rows: ['01.2345.6789'], errors: [{ messageId: 'bhxh-not-canonical', row: 1, fix: set('0123456789') }] },
    { rows: ['79-2345-6789'], errors: [{ messageId: 'bhxh-not-canonical', row: 1, fix: set('7923456789') }] },
    { rows: [' 7923456789 '], errors: [{ messageId: 'bhxh-not-canonical', row: 1, fix: set('7923456789') }] },
    { rows: ["'0123456789"], errors: [{ messageId: 'bhxh-not-canonical', row: 1, fix: set('0123456789') }] },
    {
      rows: ['\uff10\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff19'],
      errors: [{ messageId: 'bhxh-not-canonical', row: 1, fix: set('0123456789') }],
    },
    {
      rows: ['123456789'],
      columns: ['bhxh'],
      errors: [
        { messageId: 'bhxh-excel-leading-zero', row: 1, data: { field: 'bhxh', canonical: '0123456789' }, fix: set('0123456789', 0.8) },
      ],
    },
    { rows: ['101234567'], errors: [{ messageId: 'bhxh-excel-leading-zero', row: 1, fix: set('0101234567', 0.8) }] },
    {
      rows: ['12345678'],
      columns: ['bhxh'],
      errors: [{ messageId: 'bhxh-format', row: 1, data: { field: 'bhxh', value: '12345678' }, fix: null }],
    },
    { rows: ['01234567890'], errors: [{ messageId: 'bhxh-format', row: 1, fix: null }] },
    { rows: ['DN4010123456789'], errors: [{ messageId: 'bhxh-format', row: 1, fix: null }] },
    { rows: ['chưa có'], errors: [{ messageId: 'bhxh-format', row: 1, fix: null }] },
    { rows: ['0123456789/7923456789'], errors: [{ messageId: 'bhxh-format', row: 1, fix: null }] },
    { rows: ['012345678A'], errors: [{ messageId: 'bhxh-format', row: 1, fix: null }] },
    {
      rows: ['0123456789', '79 2345 6789', '', '123456789', 'x', '0101234567'],
      errors: [
        { messageId: 'bhxh-not-canonical', row: 2, fix: set('7923456789') },
        { messageId: 'bhxh-excel-leading-zero', row: 4, fix: set('0123456789', 0.8) },
        { messageId: 'bhxh-format', row: 5, fix: null },
      ],
    },
  ],
});
