import { describe, expect, it } from 'vitest';
import { DateFormatTracker } from '../../src/profile/date-formats.js';
import { TypeTracker } from '../../src/profile/value-type.js';

function decide(values: readonly string[]) {
  const types = new TypeTracker();
  const dates = new DateFormatTracker();
  for (const v of values) {
    types.add(v, 1);
    dates.add(v, 1);
  }
  return types.decide(values.length, dates.best());
}

describe('TypeTracker', () => {
  it.each<[string, string[], string, Record<string, unknown>?]>([
    ['integers', ['12', '7', '-3', '+40'], 'integer', { min: -3, max: 40 }],
    ['identifiers with leading zeros are text', ['012149536287', '048313421627'], 'text'],
    ['phones are text', ['0912345678', '0328201679'], 'text'],
    ['codes without a leading zero read as integers', ['8022708513', '8993673316'], 'integer'],
    ['decimals with a point', ['1.5', '2', '1,234.75'], 'decimal', { decimalSeparator: '.', min: 1.5, max: 1234.75 }],
    ['decimals with a comma', ['1,5', '2', '1.234,75'], 'decimal', { decimalSeparator: ',', min: 1.5, max: 1234.75 }],
    ['booleans, Vietnamese too', ['có', 'không', 'Có', 'true'], 'boolean'],
    ['0/1 are integers', ['0', '1', '1'], 'integer'],
    ['dates', ['14/10/2013', '28/11/1949'], 'date'],
    ['names are text', ['Nguyễn Văn An', 'Lê Thị Hoa'], 'text'],
    ['nothing', [], 'empty'],
  ])('%s → %s', (_, values, type, extra) => {
    const decision = decide(values);
    expect(decision.type).toBe(type);
    if (extra) expect(decision).toMatchObject(extra);
    expect(decision.dateFormat).toBe(type === 'date' ? 'dd/MM/yyyy' : null);
  });

  it('keeps a type when at most 10% of values do not fit, and gives the share', () => {
    const decision = decide([...Array.from({ length: 9 }, (_, i) => String(i + 1)), 'n/a']);
    expect(decision.type).toBe('integer');
    expect(decision.share).toBeCloseTo(0.9);
    expect(decide([...Array.from({ length: 8 }, (_, i) => String(i + 1)), 'n/a', '?']).type).toBe('text');
  });

  it('reads 8-digit numbers as yyyyMMdd only when their years are plausible', () => {
    expect(decide(['20131014', '19491128']).type).toBe('date');
    expect(decide(['12340101', '23450202']).type).toBe('integer');
  });
});
