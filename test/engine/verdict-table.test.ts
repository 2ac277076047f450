import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_FINDINGS, type Verdict } from '../../src/engine/rule.js';
import { VerdictTable } from '../../src/engine/verdict-table.js';

describe('VerdictTable (verdicts by combination key)', () => {
  it('finds what a Map finds, for keys up to 2^51, through growth', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 2 ** 51 - 1 }), fc.boolean()), { maxLength: 3000 }), (entries) => {
        const table = new VerdictTable();
        const map = new Map<number, Verdict>();
        for (const [key, clean] of entries) {
          if (map.has(key)) continue;
          const verdict: Verdict = clean ? NO_FINDINGS : [{ messageId: String(key) }];
          table.set(key, verdict);
          map.set(key, verdict);
        }
        for (const [key] of entries) expect(table.get(key)).toBe(map.get(key));
        expect(table.get(2 ** 51 + 7)).toBeUndefined();
      }),
      { numRuns: 50 },
    );
  });
});
