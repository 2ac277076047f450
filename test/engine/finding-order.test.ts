import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FindingOrder } from '../../src/engine/finding-order.js';
import type { Finding } from '../../src/model.js';

/** A finding that carries its own sort key in `value`, enough to check the order. */
function finding(position: number, rule: number, seq: number): Finding {
  return {
    rule: `r${rule}`,
    check: 'x',
    code: 'x/y',
    messageId: 'y',
    data: {},
    severity: 'error',
    dimension: 'true',
    file: 'f',
    row: position,
    line: position,
    field: null,
    column: null,
    value: `${position}:${rule}:${seq}`,
  } as Finding;
}

describe('FindingOrder (the k-way merge of the threads’ findings)', () => {
  it('gives the one-thread order for any split of the rules and any delivery timing', () => {
    // Each event: a row position and a rule that found something there (several per cell allowed).
    const events = fc.array(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 7 })), { maxLength: 200 });
    fc.assert(
      fc.property(events, fc.integer({ min: 1, max: 4 }), fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 50 }), (raw, sources, schedule) => {
        // One-thread order: by position, then by rule, then by emission within the rule.
        const all = raw.map(([position, rule], seq) => ({ position, rule, seq })).sort((a, b) => a.position - b.position || a.rule - b.rule || a.seq - b.seq);
        const expected = all.map((e) => `${e.position}:${e.rule}:${e.seq}`);
        // Rule r runs on thread r % sources; each thread's stream is in one-thread order.
        const streams = Array.from({ length: sources }, (_, s) => all.filter((e) => e.rule % sources === s));
        const out: string[] = [];
        const order = new FindingOrder(sources, (f) => out.push(f.value as string));
        const sent = new Array<number>(sources).fill(0);
        // Deliver in a random interleaving of partial batches, each with an honest watermark.
        for (let step = 0; sent.some((n, s) => n < streams[s]!.length); step++) {
          const s = (schedule[step % schedule.length]! + Math.floor(step / schedule.length)) % sources;
          const stream = streams[s]!;
          const take = Math.min(stream.length - sent[s]!, 1 + (step % 3));
          for (let i = 0; i < take; i++) {
            const e = stream[sent[s]!++]!;
            order.push(s, e.position, e.rule, finding(e.position, e.rule, e.seq));
          }
          const next = stream[sent[s]!];
          order.advance(s, next ? next.position : Number.POSITIVE_INFINITY);
          order.flush();
          expect(out).toEqual(expected.slice(0, out.length)); // never releases out of order
        }
        for (let s = 0; s < sources; s++) order.advance(s, Number.POSITIVE_INFINITY);
        order.flush();
        expect(out).toEqual(expected);
        expect(order.pending).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('holds a finding back until every thread has passed its row', () => {
    const out: string[] = [];
    const order = new FindingOrder(2, (f) => out.push(f.value as string));
    order.push(1, 5, 3, finding(5, 3, 0));
    order.advance(1, 6);
    order.flush();
    expect(out).toEqual([]); // thread 0 may still find something on rows 1..5
    order.advance(0, 5);
    order.flush();
    expect(out).toEqual([]); // thread 0 may still report row 5 with rule 0..2
    order.push(0, 5, 1, finding(5, 1, 1));
    order.advance(0, 6);
    order.flush();
    expect(out).toEqual(['5:1:1', '5:3:0']);
  });
});
