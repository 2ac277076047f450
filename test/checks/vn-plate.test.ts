import vnPlate from '../../src/checks/vn-plate.js';
import { CheckTester } from '../support/check-tester.js';

const COLUMNS = ['plate', 'vehicle_type', 'plate_colour', 'registration_date', 'registration_place'];
const FORMATS = { registration_date: 'dd/MM/yyyy' };
const ALL = { report: ['format', 'code', 'letters', 'blue', 'code-13', 'contested-letter', 'legacy', 'code-province'] };
const row = (plate: string, type = '', colour = '', date = '', place = '') => [plate, type, colour, date, place];

CheckTester.run('vn-plate', vnPlate, {
  valid: [
    {
      rows: [row('30A-123.45', 'Ô tô'), row('29-AA 123.45', 'Xe máy'), row('51K12345'), row('80A-001.23', 'Ô tô'), row('29KT12345', 'Ô tô'), row('29123NG45', 'Ô tô'), row('')],
      columns: COLUMNS,
    },
    { rows: [row('29B11234', 'Xe máy'), row('29A1234', 'Ô tô'), row('29-B1 123.45', 'Xe máy'), row('29MK1234', 'Ô tô')], columns: COLUMNS }, // old forms: legacy, not asked
    { rows: [row('30M-123.45', 'Ô tô', 'Xanh'), row('29-AR 123.45', 'Xe máy'), row('13A12345', 'Ô tô')], columns: COLUMNS }, // R, 13: not asked
    {
      // the code of the registration province: 63 provinces before 1 July 2025, 34 after (members' codes kept)
      rows: [row('34A12345', 'Ô tô', '', '10/05/2024', 'Hải Dương'), row('34A12345', 'Ô tô', '', '10/08/2025', 'Hải Phòng'), row('34A12345', 'Ô tô', '', '10/08/2025', 'Hải Dương'), row('80A12345', 'Ô tô', '', '10/08/2025', 'Hà Nội')],
      columns: COLUMNS,
      formats: FORMATS,
      options: ALL,
    },
  ],
  invalid: [
    {
      rows: [row('30A-123.456', 'Ô tô'), row('29-AA 123.45', 'Ô tô'), row('44A12345', 'Ô tô'), row('30I12345', 'Ô tô'), row('29-AW 123.45', 'Xe máy'), row('30O12345', 'Ô tô')],
      columns: COLUMNS,
      errors: [
        { messageId: 'plate-format', row: 1, data: { field: 'plate', value: '30A-123.456', vehicle_type: 'Ô tô' }, fix: null },
        { messageId: 'plate-format', row: 2, data: { vehicle_type: 'Ô tô' }, fix: null },
        { messageId: 'code-unused', row: 3, data: { code: '44' }, fix: null },
        { messageId: 'series-letter', row: 4, data: { letter: 'I' }, fix: null },
        { messageId: 'series-letter', row: 5, data: { letter: 'W' }, fix: null },
        { messageId: 'series-letter', row: 6, data: { letter: 'O' }, fix: null },
      ],
    },
    {
      rows: [row('30N-123.45', 'Ô tô', 'Xanh'), row('30A-123.45', 'Ô tô', 'nền xanh'), row('10A12345')],
      columns: COLUMNS,
      errors: [
        { messageId: 'blue-letter', row: 1, data: { letter: 'N' }, fix: null },
        { messageId: 'code-unused', row: 3, data: { code: '10' }, fix: null },
      ],
    },
    {
      rows: [row('13A12345', 'Ô tô'), row('29-AG 123.45', 'Xe máy'), row('29-AR 123.45', 'Xe máy')],
      columns: COLUMNS,
      options: { report: ['code-13', 'contested-letter'] },
      errors: [
        { messageId: 'code-13', row: 1, fix: null },
        { messageId: 'contested-letter', row: 2, data: { letter: 'G' }, fix: null },
        { messageId: 'contested-letter', row: 3, data: { letter: 'R' }, fix: null },
      ],
    },
    {
      rows: [row('29A1234', 'Ô tô'), row('29-B1 123.45', 'Xe máy'), row('29MK1234', 'Ô tô'), row('29KT1234', 'Ô tô')],
      columns: COLUMNS,
      options: { report: ['legacy'] },
      errors: [
        { messageId: 'legacy-form', row: 1, data: { form: 'car, 4 digits', form_vi: 'ô tô, 4 số' }, fix: null },
        { messageId: 'legacy-form', row: 2, fix: null },
        { messageId: 'legacy-form', row: 3, data: { form: 'legacy special series' }, fix: null },
      ],
    },
    {
      rows: [row('34A12345', 'Ô tô', '', '10/05/2024', 'Hải Phòng'), row('29A12345', 'Ô tô', '', '10/08/2025', 'Hồ Chí Minh'), row('61A12345', 'Ô tô', '', '10/08/2025', 'Bình Dương')],
      columns: COLUMNS,
      formats: FORMATS,
      options: { report: ['code-province'] },
      errors: [
        { messageId: 'code-province', row: 1, data: { code: '34', place_field: 'registration_place', place: 'Hải Phòng', date: '10/05/2024' }, fix: null },
        { messageId: 'code-province', row: 2, data: { code: '29' }, fix: null },
      ],
    },
  ],
});
