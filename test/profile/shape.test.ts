import { describe, expect, it } from 'vitest';
import { MAX_SHAPE_CHARS, valueShape } from '../../src/profile/shape.js';

describe('valueShape', () => {
  it.each([
    ['048313421627', 'dddddddddddd'],
    ['384745422', 'ddddddddd'],
    ['14/10/2013', 'dd/dd/dddd'],
    ['2013-10-14', 'dddd-dd-dd'],
    ['Nguyễn Văn An', 'Aa Aa Aa'],
    ['NGUYỄN VĂN AN', 'A A A'],
    ['nguyễn văn an', 'a a a'],
    // Decomposed tones stay inside their word.
    ['Nguye\u0302\u0303n Văn An', 'Aa Aa Aa'],
    ["H'Hen Niê", "A'Aa Aa"],
    ['DN4010123456789', 'Addddddddddddd'],
    ['+84 912 345 678', '+dd ddd ddd ddd'],
    ['０９１２', 'dddd'],
    ['Đà Nẵng', 'Aa Aa'],
    ['X', 'A'],
    ['', ''],
  ])('%j → %j', (value, shape) => {
    expect(valueShape(value)).toBe(shape);
  });

  it('clips long shapes', () => {
    const shape = valueShape('Số 233, đường Lạc Long Quân, phường Hải Châu I, quận Hải Châu, TP. Đà Nẵng, Việt Nam');
    expect(shape.endsWith('…')).toBe(true);
    expect(shape.length).toBe(MAX_SHAPE_CHARS + 1);
  });

  it('keeps a character outside the BMP whole', () => {
    expect(valueShape('a😀b')).toBe('a😀a');
  });
});
