import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FindingBatcher, type FindingBatch } from '../../src/engine/finding-batcher.js';
import type { Finding } from '../../src/model.js';

const finding = (label: string) => ({ value: label }) as unknown as Finding;

describe('FindingBatcher (the watermarks a worker claims)', () => {
  it('never claims a row it can still report on, for any batch size and any findings', () => {
    // Rows in order; on each row some of the thread's rules (in pack order) find something.
    const rows = fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 9 }), { maxLength: 4 }), { minLength: 1, maxLength: 60 });
    fc.assert(
      fc.property(rows, fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 7 }), (found, size, tickEvery) => {
        const sent: FindingBatch[] = [];
        const batcher = new FindingBatcher(size, (batch) => sent.push(batch));
        found.forEach((rules, i) => {
          const position = i + 1;
          for (const rule of [...rules].sort((a, b) => a - b)) batcher.add(finding(`${position}:${rule}`), position, rule);
          if (position % tickEvery === 0) batcher.passed(position);
        });
        batcher.end();
        // Every finding sent after a batch is at or past that batch's watermark.
        sent.forEach((batch, i) => {
          for (const later of sent.slice(i + 1)) for (const [position] of later.items) expect(position).toBeGreaterThanOrEqual(batch.watermark);
        });
        // Nothing lost, nothing reordered; the last batch closes the thread.
        const expected = found.flatMap((rules, i) => [...rules].sort((a, b) => a - b).map((rule) => `${i + 1}:${rule}`));
        expect(sent.flatMap((batch) => batch.items.map(([, , f]) => f.value))).toEqual(expected);
        expect(sent.at(-1)!.watermark).toBe(Number.POSITIVE_INFINITY);
      }),
      { numRuns: 500 },
    );
  });
});
