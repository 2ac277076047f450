/**
 * Remembers a pure function of a substring `text[start, end)`, looked up without making the
 * substring: the tokens of names and addresses (syllables, house numbers) repeat, and a hit then
 * costs one pass over the token's code units instead of a split, a fresh string, its hash and a
 * Map lookup. A miss makes the string once and keeps it as the key.
 *
 * Open addressing with linear probing over parallel arrays; the table doubles up to `maxEntries`
 * and is emptied when full, which bounds memory on high-cardinality input (as `memoize` does).
 */
export class RangeMemo<T> {
  private keys: (string | undefined)[] = [];
  private values: (T | undefined)[] = [];
  private hashes = new Int32Array(0);
  private mask = 0;
  private count = 0;
  private limit = 0;
  private readonly maxCapacity: number;

  constructor(
    private readonly fn: (token: string) => T,
    maxEntries = 100_000,
  ) {
    let capacity = 1024;
    while (capacity * 0.5 < maxEntries) capacity *= 2;
    this.maxCapacity = capacity;
    this.allocate(1024);
  }

  get size(): number {
    return this.count;
  }

  get(text: string, start: number, end: number): T {
    let h = 0x811c9dc5 ^ (end - start);
    for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
    const keys = this.keys;
    const mask = this.mask;
    const length = end - start;
    let slot = h & mask;
    for (;;) {
      const key = keys[slot];
      if (key === undefined) break;
      if (this.hashes[slot] === h && key.length === length && sameUnits(key, text, start)) return this.values[slot] as T;
      slot = (slot + 1) & mask;
    }
    const token = start === 0 && end === text.length ? text : text.slice(start, end);
    const value = this.fn(token);
    if (this.count >= this.limit) {
      this.allocate(this.mask + 1 < this.maxCapacity ? (this.mask + 1) * 2 : this.mask + 1);
      slot = h & this.mask;
      while (this.keys[slot] !== undefined) slot = (slot + 1) & this.mask;
    }
    this.keys[slot] = token;
    this.values[slot] = value;
    this.hashes[slot] = h;
    this.count++;
    return value;
  }

  /** A table of `capacity` slots holding the current entries when it grows, none when it stays the same size. */
  private allocate(capacity: number): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    const oldHashes = this.hashes;
    const grows = capacity > oldKeys.length;
    this.keys = new Array<string | undefined>(capacity).fill(undefined);
    this.values = new Array<T | undefined>(capacity).fill(undefined);
    this.hashes = new Int32Array(capacity);
    this.mask = capacity - 1;
    this.limit = capacity >>> 1;
    this.count = 0;
    if (!grows) return;
    for (let i = 0; i < oldKeys.length; i++) {
      const key = oldKeys[i];
      if (key === undefined) continue;
      let slot = oldHashes[i]! & this.mask;
      while (this.keys[slot] !== undefined) slot = (slot + 1) & this.mask;
      this.keys[slot] = key;
      this.values[slot] = oldValues[i];
      this.hashes[slot] = oldHashes[i]!;
      this.count++;
    }
  }
}

function sameUnits(key: string, text: string, start: number): boolean {
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}
