import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RangeMemo } from '../../src/shared/range-memo.js';

describe('RangeMemo', () => {
  it('answers fn(text.slice(start, end)), computing each distinct token once until full', () => {
    const seen: string[] = [];
    const memo = new RangeMemo((token) => {
      seen.push(token);
      return `<${token}>`;
    });
    expect(memo.get('Số 233, đường', 0, 2)).toBe('<Số>');
    expect(memo.get('xSốx', 1, 3)).toBe('<Số>');
    expect(memo.get('Số 233, đường', 8, 13)).toBe('<đường>');
    expect(memo.get('', 0, 0)).toBe('<>');
    expect(seen).toEqual(['Số', 'đường', '']);
  });

  it('stays equal to the function through growth and clearing (small table, many tokens)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 5 }), fc.string({ maxLength: 3 }))), (parts) => {
        const memo = new RangeMemo((token) => [...token].reverse().join('') + token.length, 600);
        for (const [before, token, after] of parts) {
          const text = before + token + after;
          expect(memo.get(text, before.length, before.length + token.length)).toBe([...token].reverse().join('') + token.length);
        }
        expect(memo.size).toBeLessThanOrEqual(1024);
      }),
      { numRuns: 300 },
    );
    const memo = new RangeMemo((token) => Number(token), 600);
    for (let round = 0; round < 3; round++) for (let i = 0; i < 5000; i++) expect(memo.get(`n ${i} `, 2, 2 + String(i).length)).toBe(i);
    expect(memo.size).toBeLessThanOrEqual(1024);
  });
});
