// Pass 1 of a reconcile run: the records to check, indexed compactly.
//
// Which side to index: the records checked, not the reference. An export is usually a part of
// what the reference extract covers (a commune, a province against a national extract), and the
// reference is then read once, streaming, with no per-row state except a key set for its own
// duplicates; a finding's reference values are in hand when it is found, and the records' own
// values are fetched by reading them a second time. See docs/decisions.md ("Reconcile").
//
// Per record (its ordinal over all input files): the key → (ordinal, fingerprints) in a KeyIndex
// (36 bytes a slot: 1M records ≈ 75 MB), the folded name + date of birth → a chain of ordinals
// (to find whose ID a record should have had), and one state byte.

import { KeyIndex, MAX_ROW } from '../dedupe/key-index.js';
import type { SourceRow } from '../input/row.js';
import { parseSex } from '../vn/personal-id.js';
import { COMPARED_FIELDS, DOB, foldedName, isDeadStatus, NAME, SEX, type FieldReader } from './fields.js';
import { KeyReader } from './key.js';
import { PersonLinker } from './person-link.js';
import type { BoundFile } from './side.js';

/** Fingerprint words per record: the compared fields, the folded name, then flags. */
export const FP_FOLDED_NAME = COMPARED_FIELDS.length;
export const FP_FLAGS = FP_FOLDED_NAME + 1;
const FINGERPRINTS = FP_FLAGS + 1;
/** Flag: the record's status says the person is dead. */
export const FLAG_DEAD_STATUS = 1;
/** Flag bit of compared field k: the record's file has that column. */
export const flagBound = (k: number): number => 2 << k;

/** A record's state byte. */
export const BLANK_KEY = 1;
export const DUPLICATE_KEY = 2;
export const MATCHED = 4;
export const ANOTHER_PERSON = 8;

export class GrowableInt32 {
  data = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) this.grow(this.length + 1);
    this.data[this.length++] = value;
  }

  /** Sets index i, growing (zero-filled) as needed. */
  set(i: number, value: number): void {
    if (i >= this.data.length) this.grow(i + 1);
    this.data[i] = value;
    if (i >= this.length) this.length = i + 1;
  }

  get(i: number): number {
    return i < this.length ? this.data[i]! : 0;
  }

  private grow(min: number): void {
    let size = this.data.length * 2;
    while (size < min) size *= 2;
    const next = new Int32Array(size);
    next.set(this.data);
    this.data = next;
  }
}

export class LocalIndex {
  readonly keys = new KeyIndex({ fingerprints: FINGERPRINTS, initialCapacity: 1 << 12 });
  /** The records as persons, to find the one a reference row is when the key cannot say (person-link.ts). */
  readonly persons = new PersonLinker();
  /** Ordinals with a blank key, ascending. */
  readonly blank = new GrowableInt32();
  /** Ordinals whose key repeats an earlier record, ascending, and that record's ordinal. */
  readonly duplicates = new GrowableInt32();
  readonly duplicateOf = new GrowableInt32();
  /** Ordinal where each file starts (its row r is ordinal start + r). */
  readonly fileStarts: number[] = [];
  /** How this export spells each sex (first spelling seen), so a proposed value reads like its neighbours. */
  readonly sexSpelling = new Map<'male' | 'female', string>();
  /** Highest ordinal (rows of the files read so far, rejected rows included). */
  count = 0;
  /** Records past the 2^31 an index can number (never in practice; counted, not dropped silently). */
  overflow = 0;

  private readonly key = new KeyReader();
  private readonly fp = new Uint32Array(FINGERPRINTS);
  private file!: BoundFile;
  private base = 0;
  private boundFlags = 0;

  constructor(private readonly fields: FieldReader) {}

  startFile(file: BoundFile): void {
    this.file = file;
    this.base = this.count;
    this.fileStarts.push(this.count);
    this.boundFlags = 0;
    file.compared.forEach((index, k) => {
      if (index >= 0) this.boundFlags |= flagBound(k);
    });
  }

  /** After the file's last row: rows it rejected keep their ordinals (a second reading numbers rows alike). */
  endFile(rows: number): void {
    this.count = Math.min(MAX_ROW, Math.max(this.count, this.base + rows));
  }

  add(row: SourceRow): void {
    // The row number, not a count of rows seen: rejected rows are numbered too and never delivered.
    const ordinal = this.base + row.row;
    if (ordinal > MAX_ROW) {
      this.overflow++;
      return;
    }
    this.count = ordinal;
    const file = this.file;
    const fp = this.fp;
    const compared = file.compared;
    for (let k = 0; k < COMPARED_FIELDS.length; k++) {
      const index = compared[k]!;
      fp[k] = index >= 0 ? this.fields.fingerprint(k, row.text(index)) : 0;
    }
    const nameIndex = compared[NAME]!;
    const folded = nameIndex >= 0 ? foldedName(row.text(nameIndex)) : '';
    fp[FP_FOLDED_NAME] = this.fields.textFingerprint(folded);
    let flags = this.boundFlags;
    if (file.status >= 0 && isDeadStatus(row.text(file.status))) flags |= FLAG_DEAD_STATUS;
    fp[FP_FLAGS] = flags;

    const sexIndex = compared[SEX]!;
    if (sexIndex >= 0 && this.sexSpelling.size < 2) {
      const text = row.text(sexIndex).trim();
      const sex = parseSex(text);
      if (sex && !this.sexSpelling.has(sex)) this.sexSpelling.set(sex, text);
    }

    const dobIndex = compared[DOB]!;
    if (nameIndex >= 0 && dobIndex >= 0) {
      this.persons.add(ordinal, row.text(nameIndex), this.fields.day(DOB, row.text(dobIndex)), sexIndex >= 0 ? row.text(sexIndex) : '');
    }

    this.key.read(file.key >= 0 ? row.text(file.key) : '');
    if (this.key.blank) {
      this.blank.push(ordinal);
      return;
    }
    const slot = this.key.insertInto(this.keys, ordinal, fp);
    if (slot >= 0) {
      this.duplicates.push(ordinal);
      this.duplicateOf.push(this.keys.rowAt(slot));
    }
  }

  /** The state byte of every record: blank and duplicate keys marked, the rest filled in by pass 2. */
  states(): Uint8Array {
    const states = new Uint8Array(this.count + 1);
    for (let i = 0; i < this.blank.length; i++) states[this.blank.data[i]!] = BLANK_KEY;
    for (let i = 0; i < this.duplicates.length; i++) states[this.duplicates.data[i]!] = DUPLICATE_KEY;
    return states;
  }

  /** (file index, row) of an ordinal. */
  locate(ordinal: number): { file: number; row: number } {
    let lo = 0;
    let hi = this.fileStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.fileStarts[mid]! < ordinal) lo = mid;
      else hi = mid - 1;
    }
    return { file: lo, row: ordinal - this.fileStarts[lo]! };
  }
}
