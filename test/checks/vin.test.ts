import { describe, expect, it } from 'vitest';
import vin, { vinCheckDigit } from '../../src/checks/vin.js';
import { CheckTester } from '../support/check-tester.js';

const ALL = { report: ['characters', 'same-as-engine', 'vin-letters', 'check-digit'] };

CheckTester.run('vin', vin, {
  valid: [
    { rows: [['1M8GDM9AXKP042788', 'E123'], ['11111111111111111', ''], ['RLHJC4516CY123456', ''], ['', 'E1']], options: ALL },
    { rows: [['RLCS5C6107Y012345', '']] }, // a check digit is judged only when asked
    { rows: [['VNMJF1234', 'JF12E-56789'], ['LWBPCJ1F 1A1234', '']], options: ALL }, // short frame numbers: no length rule
    { rows: [['ABC123', 'abc123']] }, // engine numbers compare as written
  ],
  invalid: [
    {
      rows: [['RLHJC45#5CY12345', ''], ['1M8GDM9A0KP042788', ''], ['1M8GDM9AXKP04278O', ''], ['E12345', 'E12345']],
      columns: ['chassis_number', 'engine_number'],
      options: ALL,
      errors: [
        { messageId: 'characters', row: 1, data: { field: 'chassis_number' }, fix: null },
        { messageId: 'check-digit', row: 2, data: { digit: '0', expected: 'X' }, fix: null },
        { messageId: 'vin-letters', row: 3, fix: null },
        { messageId: 'same-as-engine', row: 4, data: { engine_field: 'engine_number' }, fix: null },
      ],
    },
    {
      rows: [['rlhjc4515cy123456', '']],
      errors: [{ messageId: 'characters', row: 1, fix: null }],
    },
  ],
});

describe('vinCheckDigit', () => {
  it('follows 49 CFR 565.15 on the published example and on edge values', () => {
    expect(vinCheckDigit('1M8GDM9AXKP042788')).toBe('X');
    expect(vinCheckDigit('11111111111111111')).toBe('1');
    expect(vinCheckDigit('1I8GDM9AXKP042788')).toBeNull();
  });
});
