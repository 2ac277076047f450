// Repeated keys at national scale in bounded memory, for `unique`: key → first ordinal, nothing else.
// The caller re-reads the first row when a key repeats (duplicates are rare), so a key costs 12 bytes
// a slot (hi, lo, ordinal and kind) and no fingerprint.
//
// The keys are radix-partitioned by the top bits of their hash (256 partitions by default), each
// partition its own open-addressing table. A partition grows alone, doubling at a load of 0.8, so
// growing never holds the old and the new copy of the whole table at once (KeyIndex doubles all of
// it in one go: 100M keys then need 1.6 GB + 3.2 GB for a moment): 15–30 bytes a key.
//
// Every table byte is counted against a budget (default 1.5 GiB). Near it a table grows to its even
// share of the budget, then fills to a load of 0.9 (100M 12-digit IDs fit, at ~14 bytes a key);
// past that its partition is spilled: its keys go to a temporary file as 12-byte records (hi, lo,
// ordinal word), and so does every later key of that partition, unjudged, as DuckDB's hash
// aggregation spills. finish() then takes the spilled partitions one at a time, finds the repeats
// among their records, and hands them back in ordinal order (a k-way merge of one sorted run per
// partition, so the repeats need not fit in memory either). While finish() judges a partition its
// table is not counted against the budget: a spilled partition holds 1/256 of the keys.
//
// Exactness is KeyIndex's: numeric keys (integers < 2^53) are stored whole, hashed keys as their 64
// bits; the two kinds never compare equal.

import { closeSync, openSync, writeSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DqcError } from '../errors.js';
import { discardTemp, trackTemp } from '../shared/temp-files.js';
import { fmix32 } from './hash.js';

const TWO_32 = 4294967296;
const KIND_HASHED = 0x8000_0000;
const ORDINAL_MASK = 0x7fff_ffff;
/**
 * A slot's third word is (ordinal + 1) | kind, so a zeroed array is all empty slots: no fill pass,
 * and the pages of a fresh table cost no memory until a key lands on them.
 */
export const MAX_ORDINAL = 0x7fff_fffe;
const SLOT_BYTES = 12;
const MAX_LOAD = 0.8;
const GROWTH = 2;
/** Near the budget a table grows only if that brings its load under this; else it fills to FULL_LOAD, then spills. */
const SQUEEZED_LOAD = 0.7;
const FULL_LOAD = 0.9;
const INITIAL_SLOTS = 64;
/**
 * Slot indexes come from the low 24 bits of the hash (the partition takes the top ones); past 2^26
 * slots (53M keys in one partition) start positions would be 4 slots apart, so a partition that big
 * is spilled instead. With 256 partitions that is far beyond 2^31 ordinals.
 */
const MAX_PARTITION_SLOTS = 2 ** 26;
/** Records a spilled partition buffers before a write (6 KB; less for a small partition). */
const SPILL_RECORDS = 512;
const MIN_SPILL_RECORDS = 16;
/** Pairs per batch handed out by finish(), and per read of a sorted run. */
const BATCH_PAIRS = 4096;

export const DEFAULT_MEMORY_BUDGET = 1.5 * 2 ** 30;

export interface RepeatFinderOptions {
  /** Bytes the key tables and spill buffers may hold before partitions go to disk (default 1.5 GiB). */
  memoryBudget?: number;
  /** Folder of the temporary files (default the system's). */
  tempDirectory?: string;
  /** log2 of the number of partitions, 0..8 (default 8: 256 partitions). */
  partitionBits?: number;
}

/** Repeats found by finish(), in ordinal order: ordinals[i] repeats the key first seen at firsts[i]. */
export interface RepeatBatch {
  ordinals: Uint32Array;
  firsts: Uint32Array;
}

export interface RepeatFinderStats {
  /** Keys held in memory (distinct, in the partitions not spilled). */
  keys: number;
  partitions: number;
  spilledPartitions: number;
  /** Records written to spill files (keys held when a partition spilled, then every later key of it). */
  spilledRecords: number;
  /** Bytes now counted against the budget. */
  bytes: number;
  /** The most bytes ever counted, a growing table's old and new arrays together included. */
  peakBytes: number;
}

function mix(hi: number, lo: number): number {
  return fmix32((lo ^ Math.imul(hi, 0x9e3779b1)) >>> 0);
}

/** One partition's open-addressing table (linear probing, any capacity: the start slot is scaled). */
class KeyTable {
  readonly slots: Uint32Array;
  readonly capacity: number;
  /** Keys it takes before it must grow: MAX_LOAD of the capacity, FULL_LOAD near the budget. */
  limit: number;
  count = 0;

  constructor(capacity: number) {
    this.capacity = capacity;
    this.slots = new Uint32Array(capacity * 3);
    this.limit = Math.floor(capacity * MAX_LOAD);
  }

  get bytes(): number {
    return this.capacity * SLOT_BYTES;
  }

  /** Inserts the key unless present: -1 when new, else the first ordinal stored with it. */
  insert(h: number, hi: number, lo: number, word: number): number {
    const slots = this.slots;
    const capacity = this.capacity;
    // The low 24 bits of the hash scaled to the capacity (exact in doubles: < 2^50).
    let i = Math.floor(((h & 0xff_ffff) * capacity) / 0x100_0000);
    for (;;) {
      const at = i * 3;
      const w = slots[at + 2]!;
      if (w === 0) {
        slots[at] = hi;
        slots[at + 1] = lo;
        slots[at + 2] = word;
        this.count++;
        return -1;
      }
      if (slots[at] === hi && slots[at + 1] === lo && ((w ^ word) & KIND_HASHED) === 0) return (w & ORDINAL_MASK) - 1;
      if (++i === capacity) i = 0;
    }
  }

  /** A copy with `capacity` slots. */
  resized(capacity: number): KeyTable {
    const next = new KeyTable(capacity);
    const slots = this.slots;
    for (let at = 0; at < slots.length; at += 3) {
      const word = slots[at + 2]!;
      if (word === 0) continue;
      const hi = slots[at]!;
      const lo = slots[at + 1]!;
      next.insert(mix(hi, lo), hi, lo, word);
    }
    return next;
  }
}

/** A spilled partition's file: records of three uint32 words, buffered. */
interface Spill {
  path: string;
  fd: number;
  buffer: Uint32Array;
  used: number;
  records: number;
  /** Records written when the partition spilled: its distinct keys then, none repeating another. */
  dumped: number;
}

/** A sorted run of repeats (pairs ordinal, first) being read back for the merge. */
interface Run {
  handle: FileHandle;
  words: Uint32Array;
  bytes: Buffer;
  at: number;
  end: number;
  position: number;
  left: number;
}

/**
 * Feed keys in increasing ordinal (one key a row over the whole run); each add returns the first
 * ordinal of the same key when this key is a repeat the finder can tell at once, else -1. Then
 * iterate finish() for the repeats it could not tell (those of spilled partitions), or call close()
 * to drop everything. Either removes the temporary files.
 */
export class RepeatFinder {
  private readonly budget: number;
  private readonly directory: string;
  private readonly shift: number;
  private readonly partitionCount: number;
  private readonly tables: (KeyTable | null)[];
  private readonly spills: (Spill | null)[];
  private readonly runs: string[] = [];
  private readonly tag = randomBytes(6).toString('hex');
  private last = -1;
  private accounted = 0;
  private peak = 0;
  private spilledPartitions = 0;
  /** Partitions not spilled. */
  private inMemory: number;
  private spilledRecords = 0;
  private state: 'adding' | 'finishing' | 'closed' = 'adding';

  constructor(options: RepeatFinderOptions = {}) {
    const bits = options.partitionBits ?? 8;
    if (!Number.isInteger(bits) || bits < 0 || bits > 8) throw new RangeError(`partitionBits must be an integer 0..8, got ${bits}`);
    const budget = options.memoryBudget ?? DEFAULT_MEMORY_BUDGET;
    if (!(budget >= 0)) throw new RangeError(`memoryBudget must be a number of bytes, got ${budget}`);
    this.budget = budget;
    this.directory = options.tempDirectory ?? tmpdir();
    this.shift = 31 - bits;
    this.partitionCount = 2 ** bits;
    this.inMemory = this.partitionCount;
    this.tables = new Array<KeyTable | null>(this.partitionCount).fill(null);
    this.spills = new Array<Spill | null>(this.partitionCount).fill(null);
  }

  /** Whether `key` can be a numeric key: an integer 0 ≤ key < 2^53. */
  static isNumericKey(key: number): boolean {
    return Number.isSafeInteger(key) && key >= 0;
  }

  /** A numeric key (an integer 0 ≤ key < 2^53, e.g. digitsKey of an ID), compared exactly. */
  addNumber(key: number, ordinal: number): number {
    if (!RepeatFinder.isNumericKey(key)) throw new RangeError(`not a numeric key: ${key}`);
    return this.add(Math.floor(key / TWO_32), key >>> 0, 0, ordinal);
  }

  /** A hashed key: the uint32 halves of its 64-bit hash (Hash64 hi, lo). */
  addHash(hi: number, lo: number, ordinal: number): number {
    return this.add(hi >>> 0, lo >>> 0, KIND_HASHED, ordinal);
  }

  get stats(): RepeatFinderStats {
    let keys = 0;
    for (const table of this.tables) keys += table?.count ?? 0;
    return {
      keys,
      partitions: this.partitionCount,
      spilledPartitions: this.spilledPartitions,
      spilledRecords: this.spilledRecords,
      bytes: this.accounted,
      peakBytes: this.peak,
    };
  }

  private add(hi: number, lo: number, kind: number, ordinal: number): number {
    if (!(ordinal > this.last && ordinal <= MAX_ORDINAL && (ordinal >>> 0) === ordinal)) {
      throw new RangeError(`ordinal ${ordinal} does not follow ${this.last} (ordinals increase, at most ${MAX_ORDINAL})`);
    }
    if (this.state !== 'adding') throw new Error('RepeatFinder: add after finish or close');
    this.last = ordinal;
    const h = mix(hi, lo);
    const p = (h >>> 1) >>> this.shift;
    const word = ((ordinal + 1) | kind) >>> 0;
    let table = this.tables[p] as KeyTable | null;
    if (table === null || table.count >= table.limit) {
      table = this.makeRoom(p);
      if (table === null) {
        this.append(p, hi, lo, word);
        return -1;
      }
    }
    return table.insert(h, hi, lo, word);
  }

  /**
   * The table of partition p with room for one more key, or null when p is (now) spilled. Short of
   * budget, a full table fills on to FULL_LOAD, then p is spilled: partitions hold about as many
   * keys each (the hash spreads them), so p frees as much as any other would.
   */
  private makeRoom(p: number): KeyTable | null {
    if (this.spills[p] !== null) return null;
    const old = this.tables[p] ?? null;
    const free = this.budget - this.accounted;
    let capacity: number;
    if (old === null) {
      capacity = INITIAL_SLOTS;
    } else {
      // All partitions want to grow at about the same time: near the budget a table grows to its
      // even share of the budget (less than 2×), rather than the first ones taking 2× and
      // leaving the rest to spill. One share more is kept back for the moment a table and its copy
      // are both held. A step too small to bring the load under SQUEEZED_LOAD is not worth a rehash.
      const share = Math.floor(this.budget / SLOT_BYTES / (this.inMemory + 1));
      capacity = Math.min(MAX_PARTITION_SLOTS, share, Math.ceil(old.capacity * GROWTH));
      if (capacity < old.count / SQUEEZED_LOAD) capacity = 0;
    }
    if (capacity > 0 && capacity * SLOT_BYTES <= free) {
      // Both arrays live while the keys move over.
      this.note(this.accounted + capacity * SLOT_BYTES);
      const table = old === null ? new KeyTable(capacity) : old.resized(capacity);
      this.tables[p] = table;
      this.accounted += table.bytes - (old?.bytes ?? 0);
      return table;
    }
    // Linear probing still does well at 0.9: fill the table further before sending keys to disk.
    if (old !== null && old.limit < Math.floor(old.capacity * FULL_LOAD)) {
      old.limit = Math.floor(old.capacity * FULL_LOAD);
      return old;
    }
    this.spill(p);
    return null;
  }

  private note(bytes: number): void {
    if (bytes > this.peak) this.peak = bytes;
  }

  /** Sends partition p to a file: the keys it holds now, then (through append) every later one. */
  private spill(p: number): void {
    const path = trackTemp(join(this.directory, `.dqc-keys-${this.tag}-${p}.tmp`));
    let fd: number;
    try {
      fd = openSync(path, 'wx');
    } catch (error) {
      this.fail(path, error);
    }
    const table = this.tables[p] ?? null;
    // A quarter of the table's slots at most, so that spilling always frees memory (a cascade of
    // small partitions each trading its table for a bigger buffer would spill everything).
    const records = Math.min(SPILL_RECORDS, Math.max(MIN_SPILL_RECORDS, Math.floor((table?.capacity ?? 0) / 4)));
    const spill: Spill = { path, fd, buffer: new Uint32Array(records * 3), used: 0, records: 0, dumped: 0 };
    this.spills[p] = spill;
    this.spilledPartitions++;
    this.inMemory--;
    this.accounted += spill.buffer.byteLength;
    this.note(this.accounted);
    if (table === null) return;
    const slots = table.slots;
    for (let at = 0; at < slots.length; at += 3) {
      const word = slots[at + 2]!;
      if (word !== 0) this.append(p, slots[at]!, slots[at + 1]!, word);
    }
    spill.dumped = spill.records;
    this.tables[p] = null;
    this.accounted -= table.bytes;
  }

  private append(p: number, hi: number, lo: number, word: number): void {
    const spill = this.spills[p]!;
    const buffer = spill.buffer;
    let at = spill.used * 3;
    buffer[at++] = hi;
    buffer[at++] = lo;
    buffer[at] = word;
    spill.records++;
    this.spilledRecords++;
    if (++spill.used * 3 === buffer.length) this.flush(spill);
  }

  private flush(spill: Spill): void {
    if (spill.used === 0) return;
    try {
      const bytes = new Uint8Array(spill.buffer.buffer, 0, spill.used * SLOT_BYTES);
      let done = 0;
      while (done < bytes.length) done += writeSync(spill.fd, bytes, done, bytes.length - done);
    } catch (error) {
      this.fail(spill.path, error);
    }
    spill.used = 0;
  }

  /** Drops everything, then throws the write error as an operational one. */
  private fail(path: string, error: unknown): never {
    this.close();
    discardTemp(path);
    throw new DqcError('DQC_OUTPUT_UNWRITABLE', { path, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
  }

  /**
   * The repeats add() could not tell, in batches in increasing ordinal, each pair once; a repeat add()
   * returned is not among them. Ends the adding: the tables in memory are dropped first, then the
   * spilled partitions are judged one at a time. The temporary files are removed at the end, also
   * when the caller stops early or an error is thrown; a caller that never starts iterating calls
   * close() instead.
   */
  finish(): AsyncGenerator<RepeatBatch, void, undefined> {
    if (this.state !== 'adding') throw new Error('RepeatFinder: finish twice or after close');
    this.state = 'finishing';
    return this.judgeSpilled();
  }

  private async *judgeSpilled(): AsyncGenerator<RepeatBatch, void, undefined> {
    try {
      this.tables.fill(null);
      const runs: Run[] = [];
      try {
        for (let p = 0; p < this.partitionCount; p++) {
          const spill = this.spills[p];
          if (spill === null || spill === undefined) continue;
          this.flush(spill);
          closeSync(spill.fd);
          spill.fd = -1;
          const run = await this.judge(p, spill);
          discardTemp(spill.path);
          this.spills[p] = null;
          if (run !== null) runs.push(run);
        }
        yield* merge(runs);
      } finally {
        for (const run of runs) await run.handle.close();
      }
    } finally {
      this.close();
    }
  }

  /** The repeats among a spilled partition's records, written as a sorted run; null when none. */
  private async judge(p: number, spill: Spill): Promise<Run | null> {
    let table = new KeyTable(Math.max(INITIAL_SLOTS, Math.ceil((spill.dumped * GROWTH) / MAX_LOAD)));
    let input: FileHandle | null = null;
    let output: FileHandle | null = null;
    const path = trackTemp(join(this.directory, `.dqc-repeats-${this.tag}-${p}.tmp`));
    this.runs.push(path);
    const pairs = new Uint32Array(BATCH_PAIRS * 2);
    let used = 0;
    let written = 0;
    const writePairs = async (): Promise<void> => {
      output ??= await open(path, 'wx');
      const bytes = new Uint8Array(pairs.buffer, 0, used * 8);
      let done = 0;
      while (done < bytes.length) done += (await output.write(bytes, done, bytes.length - done)).bytesWritten;
      written += used;
      used = 0;
    };
    try {
      input = await open(spill.path, 'r');
      const words = new Uint32Array(SPILL_RECORDS * 3 * 16);
      const bytes = Buffer.from(words.buffer);
      let position = 0;
      for (;;) {
        const got = await readFully(input, bytes, bytes.length, position);
        position += got;
        const records = Math.floor(got / SLOT_BYTES);
        for (let r = 0; r < records; r++) {
          const hi = words[r * 3]!;
          const lo = words[r * 3 + 1]!;
          const word = words[r * 3 + 2]!;
          if (table.count >= table.limit) table = table.resized(Math.ceil(table.capacity * GROWTH));
          const first = table.insert(mix(hi, lo), hi, lo, word);
          if (first < 0) continue;
          pairs[used * 2] = (word & ORDINAL_MASK) - 1;
          pairs[used * 2 + 1] = first;
          if (++used === BATCH_PAIRS) await writePairs();
        }
        if (got < bytes.length) break;
      }
      if (used > 0) await writePairs();
    } catch (error) {
      if (error instanceof DqcError) throw error;
      throw new DqcError('DQC_OUTPUT_UNWRITABLE', { path, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
    } finally {
      if (input !== null) await (input as FileHandle).close();
      if (output !== null) await (output as FileHandle).close();
    }
    if (written === 0) return null;
    const words = new Uint32Array(BATCH_PAIRS * 2);
    return { handle: await open(path, 'r'), words, bytes: Buffer.from(words.buffer), at: 0, end: 0, position: 0, left: written };
  }

  /** Closes and removes every temporary file and drops the tables; safe to call more than once. */
  close(): void {
    this.state = 'closed';
    this.tables.fill(null);
    for (let p = 0; p < this.spills.length; p++) {
      const spill = this.spills[p];
      if (!spill) continue;
      if (spill.fd >= 0) {
        try {
          closeSync(spill.fd);
        } catch {
          // Already closed by a failed write: the file is removed below either way.
        }
      }
      discardTemp(spill.path);
      this.spills[p] = null;
    }
    for (const path of this.runs.splice(0)) discardTemp(path);
    this.accounted = 0;
  }
}

async function readFully(handle: FileHandle, bytes: Buffer, length: number, position: number): Promise<number> {
  let got = 0;
  while (got < length) {
    const { bytesRead } = await handle.read(bytes, got, length - got, position + got);
    if (bytesRead === 0) break;
    got += bytesRead;
  }
  return got;
}

/** Loads the run's next pairs; false when it has none left. */
async function refill(run: Run): Promise<boolean> {
  if (run.left === 0) return false;
  const pairs = Math.min(run.left, BATCH_PAIRS);
  const got = await readFully(run.handle, run.bytes, pairs * 8, run.position);
  if (got !== pairs * 8) throw new Error(`repeat run ended early (${got} of ${pairs * 8} bytes)`);
  run.position += got;
  run.left -= pairs;
  run.at = 0;
  run.end = pairs * 2;
  return true;
}

/** The runs' pairs in increasing ordinal (ordinals are unique over all runs), by a binary heap. */
async function* merge(runs: Run[]): AsyncGenerator<RepeatBatch, void, undefined> {
  const heap: Run[] = [];
  const key = (run: Run): number => run.words[run.at]!;
  const down = (from: number): void => {
    let i = from;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= heap.length) return;
      const r = l + 1;
      const c = r < heap.length && key(heap[r]!) < key(heap[l]!) ? r : l;
      if (key(heap[c]!) >= key(heap[i]!)) return;
      [heap[c], heap[i]] = [heap[i]!, heap[c]!];
      i = c;
    }
  };
  for (const run of runs) if (await refill(run)) heap.push(run);
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) down(i);
  let ordinals = new Uint32Array(BATCH_PAIRS);
  let firsts = new Uint32Array(BATCH_PAIRS);
  let n = 0;
  while (heap.length > 0) {
    const run = heap[0]!;
    ordinals[n] = run.words[run.at]!;
    firsts[n] = run.words[run.at + 1]!;
    run.at += 2;
    if (++n === BATCH_PAIRS) {
      yield { ordinals, firsts };
      ordinals = new Uint32Array(BATCH_PAIRS);
      firsts = new Uint32Array(BATCH_PAIRS);
      n = 0;
    }
    if (run.at === run.end && !(await refill(run))) {
      const tail = heap.pop()!;
      if (heap.length === 0) break;
      heap[0] = tail;
    }
    down(0);
  }
  if (n > 0) yield { ordinals: ordinals.subarray(0, n), firsts: firsts.subarray(0, n) };
}
