import { grown } from '../shared/grow.js';
import { ByteBatch, ESCAPES, NON_ASCII, type RowBatch, type TextsById } from '../input/row-batch.js';

/**
 * The distinct values of one column of one file, keyed by their raw bytes: each row of a batch
 * gets the id of its cell's value, so that checks whose findings depend on the value alone judge
 * each distinct value once (value-memo.ts). Sex, ethnicity, provinces, dates and family names
 * repeat on almost every row; IDs, names and addresses mostly do not, and a column that turns out
 * to be like that fills its dictionary (MAX_DISTINCT values) and stops being looked up (`direct`):
 * hashing it would only add work.
 *
 * Id 0 is the empty value. A cell whose text is not its bytes as they stand (a relax_quotes or
 * NUL-closed field) gets -1: it is judged on its own. Bytes of a quoted field with `""` inside are
 * kept apart from the same bytes unquoted (their texts differ).
 */

/** Distinct values kept per column: past this, new values are judged on their own. */
export const MAX_DISTINCT = 1 << 17;
/** Rows seen before a column may be found to be mostly distinct (a few batches: dates of birth repeat only slowly, then mostly). */
const SETTLE_ROWS = 1 << 16;
/** A column whose last batch was more than this share of new values is not looked up any more (IDs, addresses, phones, insurance numbers). */
const MOSTLY_NEW = 0.5;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const WORD_PRIME = 0x9e3779b1 | 0;

export class ColumnDictionary implements TextsById {
  /** The text of each value id, decoded the first time a check asks (one decode per file, not per row). */
  private readonly texts: string[] = [''];

  /** True once the column is known to be mostly distinct: ids() returns null from then on. */
  direct = false;
  private count = 1; // id 0: ''
  private rowsSeen = 0;
  private table = new Int32Array(1 << 10); // id + 1, 0 = empty slot
  private mask = (1 << 10) - 1;
  private hashes = new Int32Array(1 << 10);
  private offsets = new Int32Array(1 << 10);
  private lengths = new Int32Array(1 << 10);
  private escaped = new Uint8Array(1 << 10);
  private arena = new Uint8Array(1 << 16);
  private arenaUsed = 0;
  private ids = new Int32Array(1 << 13);
  /** For rows read as text (no bytes): the same ids, by string. */
  private byText: Map<string, number> | null = null;

  constructor(readonly column: number) {}

  textOf(id: number, batch: ByteBatch, i: number, column: number): string {
    let text = this.texts[id];
    if (text === undefined) {
      text = batch.decode(i, column);
      while (this.texts.length < id) this.texts.push(undefined as unknown as string);
      this.texts[id] = text;
    }
    return text;
  }

  /** The id of each row's value in the batch (valid until the next call), or null when the column is looked up no more. */
  idsOf(batch: RowBatch): Int32Array | null {
    if (this.direct) return null;
    const n = batch.length;
    if (this.ids.length < n) this.ids = new Int32Array(Math.max(n, this.ids.length * 2));
    const ids = this.ids;
    const column = this.column;
    const countBefore = this.count;
    const bytes = batch.bytes;
    if (bytes === null) {
      const byText = (this.byText ??= new Map([['', 0]]));
      for (let i = 0; i < n; i++) {
        const text = batch.text(i, column);
        let id = byText.get(text);
        if (id === undefined) {
          id = this.count < MAX_DISTINCT ? this.count++ : -1;
          if (id >= 0) byText.set(text, id);
        }
        ids[i] = id;
      }
    } else if (batch instanceof ByteBatch) {
      const { kinds, starts, ends, first, widths } = batch.cellArrays();
      // A plain Uint8Array view: element reads on it stay on V8's fast path, as on the other arrays here.
      const raw = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
      for (let i = 0; i < n; i++) {
        if (column >= widths[i]!) {
          ids[i] = 0;
          continue;
        }
        const c = first[i]! + column;
        const start = starts[c]!;
        const end = ends[c]!;
        const shape = kinds[c]! & ~NON_ASCII;
        ids[i] = start === end && shape === 0 ? 0 : this.lookup(raw, start, end, shape);
      }
    } else {
      for (let i = 0; i < n; i++) {
        const start = batch.cellStart(i, column);
        const end = batch.cellEnd(i, column);
        const shape = batch.cellShape(i, column);
        ids[i] = start === end && shape === 0 ? 0 : this.lookup(bytes, start, end, shape);
      }
    }
    // Full, or its values are mostly new: looking them up would only cost.
    this.rowsSeen += n;
    if (this.count >= MAX_DISTINCT || (this.rowsSeen >= SETTLE_ROWS && this.count - countBefore > n * MOSTLY_NEW)) this.direct = true;
    return ids;
  }

  /**
   * The id of bytes[start, end) read as `shape` (RowBatch.cellShape): 0 as they stand, ESCAPES
   * quoted with `""` inside; any other way of reading a field is never kept.
   */
  private lookup(bytes: Uint8Array, start: number, end: number, shape: number): number {
    if (shape > ESCAPES) return -1;
    // Four bytes a step, then the tail a byte at a time; the last mix spreads the high bits into
    // the low ones the table's slots are taken from.
    let hash = FNV_OFFSET ^ shape;
    let p = start;
    for (const stop = end - 3; p < stop; p += 4) {
      hash = Math.imul(hash ^ (bytes[p]! | (bytes[p + 1]! << 8) | (bytes[p + 2]! << 16) | (bytes[p + 3]! << 24)), WORD_PRIME);
      hash ^= hash >>> 15;
    }
    for (; p < end; p++) hash = Math.imul(hash ^ bytes[p]!, FNV_PRIME);
    hash ^= hash >>> 16;
    const length = end - start;
    const arena = this.arena;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = this.table[slot]!;
      if (entry === 0) break;
      const id = entry - 1;
      if (this.hashes[id] !== hash || this.lengths[id] !== length || this.escaped[id] !== shape) continue;
      const offset = this.offsets[id]!;
      let same = true;
      for (let k = 0; k < length; k++) {
        if (arena[offset + k] !== bytes[start + k]) {
          same = false;
          break;
        }
      }
      if (same) return id;
    }
    if (this.count >= MAX_DISTINCT) return -1;
    return this.add(bytes, start, end, shape, hash);
  }

  private add(bytes: Uint8Array, start: number, end: number, shape: number, hash: number): number {
    const id = this.count++;
    if (id >= this.hashes.length) this.growEntries();
    const length = end - start;
    if (this.arenaUsed + length > this.arena.length) {
      this.arena = grown(this.arena, Math.max(this.arena.length * 2, this.arenaUsed + length));
    }
    this.arena.set(bytes.subarray(start, end), this.arenaUsed);
    this.offsets[id] = this.arenaUsed;
    this.lengths[id] = length;
    this.hashes[id] = hash;
    this.escaped[id] = shape;
    this.arenaUsed += length;
    if (this.count * 2 > this.table.length) this.rehash();
    else this.place(id, hash);
    return id;
  }

  private place(id: number, hash: number): void {
    let slot = hash & this.mask;
    while (this.table[slot] !== 0) slot = (slot + 1) & this.mask;
    this.table[slot] = id + 1;
  }

  private rehash(): void {
    this.table = new Int32Array(this.table.length * 2);
    this.mask = this.table.length - 1;
    for (let id = 1; id < this.count; id++) this.place(id, this.hashes[id]!);
  }

  private growEntries(): void {
    const size = this.hashes.length * 2;
    this.hashes = grown(this.hashes, size);
    this.offsets = grown(this.offsets, size);
    this.lengths = grown(this.lengths, size);
    this.escaped = grown(this.escaped, size);
  }
}
