import type { Verdict } from './rule.js';

const TWO_32 = 4294967296;

/**
 * Verdicts by a combination key (value ids of up to three columns, below 2^51): open addressing
 * over typed arrays, for the multi-column value-only rules that look one up on every row. A Map
 * with number keys cost about three times as much per lookup here.
 */
export class VerdictTable {
  private keys = new Float64Array(1024);
  /** 1 + index in `verdicts`; 0 for an empty slot. */
  private slots = new Int32Array(1024);
  private readonly verdicts: Verdict[] = [];
  private mask = 1023;

  get(key: number): Verdict | undefined {
    for (let slot = hash(key) & this.mask; ; slot = (slot + 1) & this.mask) {
      const at = this.slots[slot]!;
      if (at === 0) return undefined;
      if (this.keys[slot] === key) return this.verdicts[at - 1];
    }
  }

  set(key: number, verdict: Verdict): void {
    if ((this.verdicts.length + 1) * 2 > this.slots.length) this.grow();
    this.verdicts.push(verdict);
    this.place(key, this.verdicts.length);
  }

  private place(key: number, at: number): void {
    let slot = hash(key) & this.mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
    this.keys[slot] = key;
    this.slots[slot] = at;
  }

  private grow(): void {
    const { keys, slots } = this;
    this.keys = new Float64Array(keys.length * 2);
    this.slots = new Int32Array(slots.length * 2);
    this.mask = this.slots.length - 1;
    for (let s = 0; s < slots.length; s++) if (slots[s] !== 0) this.place(keys[s]!, slots[s]!);
  }
}

function hash(key: number): number {
  let h = Math.imul((key >>> 0) ^ Math.imul(Math.floor(key / TWO_32), 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
