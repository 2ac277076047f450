// The one-pass row fingerprint of `unique` against its definition: the raw units, and the units of
// the text trimmed, white space collapsed, NFC, lower case.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Hash32 } from '../../src/dedupe/hash.js';
import { arbCell, fixtureCells } from '../checks/fast-path-inputs.js';

const CELLS = fixtureCells();

function separately(cells: readonly string[]): [number, number] {
  const raw = new Hash32();
  for (const cell of cells) raw.text(cell);
  const normalized = new Hash32();
  for (const cell of cells) normalized.text(cell.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim());
  return [raw.value, normalized.value];
}

function together(cells: readonly string[]): [number, number] {
  const raw = new Hash32();
  const normalized = new Hash32();
  for (const cell of cells) Hash32.textAndNormalized(raw, normalized, cell);
  return [raw.value, normalized.value];
}

describe('Hash32.textAndNormalized', () => {
  it('gives the states of text() and normalizedText() on every fixture row shape', () => {
    for (let i = 0; i + 17 <= CELLS.length; i += 7) {
      const row = CELLS.slice(i, i + 17);
      expect(together(row)).toEqual(separately(row));
    }
  });

  it('normalizedText() alone gives the normalised half', () => {
    fc.assert(
      fc.property(fc.array(arbCell(CELLS), { maxLength: 8 }), (cells) => {
        const alone = new Hash32();
        for (const cell of cells) alone.normalizedText(cell);
        expect(alone.value).toBe(separately(cells)[1]);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the states of text() and normalizedText() on generated rows (odd lengths, spaces, slow units)', () => {
    fc.assert(
      fc.property(fc.array(arbCell(CELLS), { maxLength: 8 }), (cells) => {
        expect(together(cells)).toEqual(separately(cells));
      }),
      { numRuns: 5000 },
    );
  });

  it('still tells rows apart (a fingerprint that ignored its input would pass the tests above)', () => {
    expect(together(['a', 'b'])[0]).not.toBe(together(['ab'])[0]);
    expect(together(['Lan', 'x'])[1]).toBe(together([' lan ', 'X'])[1]);
    expect(together(['Lan', 'x'])[0]).not.toBe(together([' lan ', 'X'])[0]);
  });
});
