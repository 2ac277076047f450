import vnLicenceNumber from '../../src/checks/vn-licence-number.js';
import { CheckTester } from '../support/check-tester.js';

const WITH_DATE = { columns: ['licence_number', 'issued'], formats: { issued: 'dd/MM/yyyy' } };

CheckTester.run('vn-licence-number', vnLicenceNumber, {
  valid: [
    { rows: ['790123456789', ''] },
    { ...WITH_DATE, rows: [['790123456789', '02/04/2025'], ['AB 123456', '10/05/2005'], ['', '02/04/2025']] },
    { ...WITH_DATE, options: { era: 'legacy' }, rows: [['790123456789', '10/05/2005'], ['AB123', '02/04/2025'], ['AB123', '']] },
  ],
  invalid: [
    {
      ...WITH_DATE,
      rows: [['79012345678', '02/04/2025'], ['7901 2345 6789', '02/04/2025'], ['AB123', '']],
      errors: [
        { messageId: 'not-12-digits', row: 1, data: { field: 'licence_number', value: '79012345678', pet_from: '2012-07-01' }, fix: null },
        { messageId: 'separators', row: 2, data: { canonical: '790123456789' }, fix: { action: 'set', value: '790123456789', confidence: 1 } },
        { messageId: 'not-12-digits', row: 3, fix: null },
      ],
    },
    {
      ...WITH_DATE,
      options: { era: 'legacy' },
      rows: [['AB 123456', '10/05/2005'], ['7901.2345.6789', '10/05/2005']],
      errors: [
        { messageId: 'legacy-format', row: 1, data: { issued: '10/05/2005' }, fix: null },
        { messageId: 'separators', row: 2, fix: { action: 'set', value: '790123456789', confidence: 1 } },
      ],
    },
  ],
});
