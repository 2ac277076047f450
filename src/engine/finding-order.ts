import type { Finding } from '../model.js';

/**
 * Puts the findings of several threads back in the order one thread would have emitted them:
 * by emission position (the row being read, END for end()), then by the rule's place in the pack.
 * Each source delivers its findings in that order already (a thread runs its rules in pack order)
 * and says how far it has got (its watermark: every finding before that position has been
 * delivered), so a k-way merge of the queues can release a finding as soon as every source has
 * passed its position. The fix list is then byte-identical however many threads ran.
 */
export class FindingOrder {
  private readonly queues: { position: number; rule: number; finding: Finding }[][];
  private readonly heads: number[];
  private readonly watermarks: number[];

  constructor(
    sources: number,
    private readonly out: (finding: Finding) => void,
  ) {
    this.queues = Array.from({ length: sources }, () => []);
    this.heads = new Array<number>(sources).fill(0);
    this.watermarks = new Array<number>(sources).fill(0);
  }

  push(source: number, position: number, rule: number, finding: Finding): void {
    this.queues[source]!.push({ position, rule, finding });
  }

  /** Every finding of `source` at a position before `watermark` has been pushed. */
  advance(source: number, watermark: number): void {
    this.watermarks[source] = watermark;
  }

  /** Releases every finding that no source can still precede. */
  flush(): void {
    const limit = Math.min(...this.watermarks);
    for (;;) {
      let best = -1;
      let bestPosition = 0;
      let bestRule = 0;
      for (let s = 0; s < this.queues.length; s++) {
        const item = this.queues[s]![this.heads[s]!];
        if (!item || item.position >= limit) continue;
        if (best < 0 || item.position < bestPosition || (item.position === bestPosition && item.rule < bestRule)) {
          best = s;
          bestPosition = item.position;
          bestRule = item.rule;
        }
      }
      if (best < 0) break;
      const queue = this.queues[best]!;
      this.out(queue[this.heads[best]!]!.finding);
      if (++this.heads[best]! === queue.length) {
        queue.length = 0;
        this.heads[best] = 0;
      }
    }
    this.compact();
  }

  /** The lowest watermark: every source has delivered its findings before this position. */
  get low(): number {
    return Math.min(...this.watermarks);
  }

  /** Findings still held (none once every source has reached the end and flush() ran). */
  get pending(): number {
    return this.queues.reduce((n, queue, s) => n + queue.length - this.heads[s]!, 0);
  }

  private compact(): void {
    for (let s = 0; s < this.queues.length; s++) {
      const head = this.heads[s]!;
      if (head > 4096 && head * 2 > this.queues[s]!.length) {
        this.queues[s]!.splice(0, head);
        this.heads[s] = 0;
      }
    }
  }
}
