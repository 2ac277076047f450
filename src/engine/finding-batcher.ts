import type { Finding } from '../model.js';

/** One message of findings from a worker: every finding before `watermark` has been sent by then. */
export interface FindingBatch {
  items: [position: number, rule: number, finding: Finding][];
  watermark: number;
}

/**
 * The worker side of the finding merge (finding-order.ts): collects a thread's findings and sends
 * them in batches, each with the watermark it may honestly claim.
 */
export class FindingBatcher {
  private items: FindingBatch['items'] = [];

  constructor(
    private readonly size: number,
    private readonly send: (batch: FindingBatch) => void,
  ) {}

  /** A finding emitted while `position` is read. */
  add(finding: Finding, position: number, rule: number): void {
    this.items.push([position, rule, finding]);
    // Later rules may still find something on this row: the batch only vouches for rows before it.
    if (this.items.length >= this.size) this.flush(position);
  }

  /** Every row up to `position` has been checked by every rule of the thread. */
  passed(position: number): void {
    this.flush(position + 1);
  }

  /** The thread is done, end() included. */
  end(): void {
    this.flush(Number.POSITIVE_INFINITY);
  }

  private flush(watermark: number): void {
    this.send({ items: this.items, watermark });
    this.items = [];
  }
}
