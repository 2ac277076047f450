import { describe, expect, it } from 'vitest';
import { KeyIndex } from '../../src/dedupe/key-index.js';
import { keyText } from '../../src/shared/numeric-key.js';
import { ID_PROPOSAL_CONFIDENCE, idDifference, KeyReader } from '../../src/reconcile/key.js';

describe('reconcile keys', () => {
  it('reads digit strings as exact numbers that give back the same text, leading zeros kept', () => {
    const reader = new KeyReader();
    const seen = new Map<number, string>();
    for (const text of ['0', '00', '012', '12', '001085012345', '1085012345', '999999999999999', '100000000000000']) {
      reader.read(text);
      expect(reader.blank, text).toBe(false);
      expect(reader.numeric, text).toBeGreaterThanOrEqual(0);
      expect(keyText(reader.numeric), text).toBe(text);
      expect(seen.has(reader.numeric), `${text} collides with ${seen.get(reader.numeric)}`).toBe(false);
      seen.set(reader.numeric, text);
    }
  });

  it.each([
    ['001 085 012345', '001085012345'],
    ['001.085.012.345', '001085012345'],
    [' 001085012345 ', '001085012345'],
    ['００１０８５０１２３４５', '001085012345'],
  ])('drops separators and spaces: %j is the key %s', (text, digits) => {
    const a = new KeyReader().read(text);
    const b = new KeyReader().read(digits);
    expect(a.numeric).toBeGreaterThanOrEqual(0);
    expect(a.numeric).toBe(b.numeric);
  });

  it('hashes keys that are not 1–15 digits, and finds them again', () => {
    const index = new KeyIndex();
    const reader = new KeyReader();
    for (const [i, text] of ['B1234567', 'b1234567', '0010850123456789', 'AB-12'].entries()) {
      reader.read(text);
      expect(reader.numeric, text).toBe(-1);
      expect(reader.insertInto(index, i + 1)).toBe(-1);
    }
    expect(reader.read('B1234567').findIn(index)).toBeGreaterThanOrEqual(0);
    expect(index.rowAt(reader.findIn(index))).toBe(1);
    expect(reader.read('C1234567').findIn(index)).toBe(-1);
  });

  it.each(['', '   ', '\u200b', '\u00a0'])('a blank cell %j has no key', (text) => {
    expect(new KeyReader().read(text).blank).toBe(true);
  });

  it.each([
    ['', '001085012345', 'blank'],
    ['1085012345', '001085012345', 'leading-zero'],
    ['01085012345', '001085012345', 'leading-zero'],
    ['001085012346', '001085012345', 'one-digit'],
    ['001 085 012346', '001085012345', 'one-digit'],
    ['001085012354', '001085012345', 'transposition'],
    ['001085021345', '001085012345', 'transposition'],
    ['001085012399', '001085012345', 'other'],
    ['001085015342', '001085012345', 'other'],
    ['00108501234', '001085012345', 'other'],
    ['079192004561', '001085012345', 'other'],
  ] as const)('%j → %j differs by %s', (current, proposed, kind) => {
    expect(idDifference(current, proposed)).toBe(kind);
  });

  it('trusts a typo-shaped difference more than an unrelated number', () => {
    const c = ID_PROPOSAL_CONFIDENCE;
    expect(c['leading-zero']).toBeGreaterThan(c.other);
    expect(c['one-digit']).toBeGreaterThan(c.other);
    expect(c.transposition).toBeGreaterThan(c.other);
    for (const value of Object.values(c)) expect(value > 0 && value < 1).toBe(true);
  });
});
