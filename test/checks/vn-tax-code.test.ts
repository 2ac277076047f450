import vnTaxCode from '../../src/checks/vn-tax-code.js';
import { CheckTester } from '../support/check-tester.js';

const set = (value: string, confidence = 1) => ({ action: 'set', value, confidence }) as const;
const beforeIds = '2025-06-30';

// Valid codes are published examples (python-stdnum tests/test_vn_mst.doctest, vn-reference.md §3.1).
CheckTester.run('vn-tax-code', vnTaxCode, {
  valid: [
    { rows: ['0100233488'] },
    { rows: ['0101245486', '0200747399', '0302082048', '3603718156'] },
    { rows: ['0314409058-002'] },
    { rows: ['0102641429-066', '1300440846-008', '5800199577-002'] },
    { rows: ['8037630690', '8463763902'] }, // individuals' 10-digit MSTs persist after 2025
    { rows: ['0312345673'] },
    { rows: ['001089012345'] }, // a personal ID as MST, judged after 1 Jul 2025
    { rows: ['079195000123', '0100233488', '0100233488-001'] },
    { rows: ['201095000123', '036305000456'] }, // born abroad (201), a girl born in 2005
    { rows: ['001089012345'], asOf: '2025-07-01' },
    { rows: ['0100233488'], asOf: beforeIds },
    { rows: ['0314409058-002'], asOf: '2020-01-01' },
    { rows: ['001089012345'], options: { personal_id_from: '2025-01-01' }, asOf: '2025-03-01' },
    { rows: [''] },
    { rows: ['  '] },
    { rows: ['0106713191', '', '2000102580-005'] },
    { rows: ['0100233488'], columns: ['ma_so_thue'] },
  ],
  invalid: [
    {
      rows: ['0100109106 - 001'],
      columns: ['mst'],
      errors: [
        {
          messageId: 'tax-not-canonical',
          row: 1,
          data: { field: 'mst', value: '0100109106 - 001', canonical: '0100109106-001' },
          fix: set('0100109106-001'),
        },
      ],
    },
    { rows: ['01.00.112.437'], errors: [{ messageId: 'tax-not-canonical', row: 1, fix: set('0100112437') }] },
    { rows: ['0312 68 78 78 - 001'], errors: [{ messageId: 'tax-not-canonical', row: 1, fix: set('0312687878-001') }] },
    { rows: ['0100112437011'], errors: [{ messageId: 'tax-not-canonical', row: 1, fix: set('0100112437-011') }] },
    { rows: ['001 089 012 345'], errors: [{ messageId: 'tax-not-canonical', row: 1, fix: set('001089012345') }] },
    { rows: [' 0100233488 '], errors: [{ messageId: 'tax-not-canonical', row: 1, fix: set('0100233488') }] },
    {
      rows: ['0100233480', '0312345678'],
      columns: ['mst'],
      errors: [
        { messageId: 'tax-check-digit', row: 1, data: { field: 'mst', value: '0100233480' }, fix: null },
        { messageId: 'tax-check-digit', row: 2, data: { value: '0312345678' }, fix: null },
      ],
    },
    {
      // 3·31 + 1·23 + 1·5 = 121: no check digit exists for this serial
      rows: ['3010000100'],
      errors: [{ messageId: 'tax-check-digit', row: 1, fix: null }],
    },
    { rows: ['0314409059-002'], errors: [{ messageId: 'tax-check-digit', row: 1, fix: null }] },
    { rows: ['0100000008'], errors: [{ messageId: 'tax-serial-zero', row: 1, fix: null }] },
    { rows: ['0100000003'], errors: [{ messageId: 'tax-serial-zero', row: 1, fix: null }] },
    { rows: ['0314409058-000'], errors: [{ messageId: 'tax-branch-suffix', row: 1, fix: null }] },
    {
      rows: ['12345', 'VV34567890', '01002334881', 'chưa có', '0100233488-01'],
      errors: [
        { messageId: 'tax-format', row: 1, fix: null },
        { messageId: 'tax-format', row: 2, fix: null },
        { messageId: 'tax-format', row: 3, fix: null },
        { messageId: 'tax-format', row: 4, fix: null },
        { messageId: 'tax-format', row: 5, fix: null },
      ],
    },
    {
      rows: ['001089012345'],
      asOf: beforeIds,
      columns: ['mst'],
      errors: [
        {
          messageId: 'tax-personal-id-too-early',
          row: 1,
          data: { field: 'mst', value: '001089012345', from: '01/07/2025' },
          fix: null,
        },
      ],
    },
    {
      rows: ['001089012345'],
      options: { personal_id_from: '2027-01-01' },
      errors: [{ messageId: 'tax-personal-id-too-early', row: 1, data: { from: '01/01/2027' }, fix: null }],
    },
    {
      rows: ['003089012345'],
      columns: ['mst'],
      errors: [
        {
          messageId: 'tax-personal-id-invalid',
          row: 1,
          data: { field: 'mst', value: '003089012345', place_code: '003', birth_year: 1989 },
          fix: null,
        },
      ],
    },
    {
      // century digit 4: born in 2189; digits 3 27: born in 2027, after the as-of day
      rows: ['001489012345', '079 3 27 000123'],
      errors: [
        { messageId: 'tax-personal-id-invalid', row: 1, data: { place_code: '001', birth_year: 2189 }, fix: null },
        { messageId: 'tax-personal-id-invalid', row: 2, data: { birth_year: 2027 }, fix: null },
      ],
    },
    {
      // 099 is no province: the padded value would not be an ID either
      rows: ['99195000123'],
      errors: [{ messageId: 'tax-format', row: 1, fix: null }],
    },
    {
      rows: ['100233488'],
      columns: ['mst'],
      errors: [
        { messageId: 'tax-excel-leading-zero', row: 1, data: { field: 'mst', canonical: '0100233488' }, fix: set('0100233488', 0.8) },
      ],
    },
    { rows: ['79195000123'], errors: [{ messageId: 'tax-excel-leading-zero', row: 1, fix: set('079195000123', 0.8) }] },
    {
      // before personal IDs count as MSTs, 11 digits are not a damaged one
      rows: ['79195000123'],
      asOf: beforeIds,
      errors: [{ messageId: 'tax-format', row: 1, fix: null }],
    },
    {
      // padding would not give a valid check digit: not a lost 0
      rows: ['100233480'],
      errors: [{ messageId: 'tax-format', row: 1, fix: null }],
    },
    {
      rows: ['0100233488', '0100233480', '', '0100233488 001', '079195000123', '0314409058-000'],
      asOf: beforeIds,
      errors: [
        { messageId: 'tax-check-digit', row: 2, fix: null },
        { messageId: 'tax-not-canonical', row: 4, fix: set('0100233488-001') },
        { messageId: 'tax-personal-id-too-early', row: 5, fix: null },
        { messageId: 'tax-branch-suffix', row: 6, fix: null },
      ],
    },
  ],
});
