// Pass 2: the reference, read once. Each of its rows is looked up by key among the records
// (pass 1); a match is compared field by field through the fingerprints, and what differs is kept
// with the reference's text (the value to propose), so no third pass over the reference is needed.
// A reference person not among the records is offered, by folded name + date of birth, to the
// records that could be them under a wrong or missing ID. Memory: a key set of the reference (for
// its own duplicates, 12 bytes a slot) and what differs; nothing else per reference row.

import { KeyIndex } from '../dedupe/key-index.js';
import type { SourceRow } from '../input/row.js';
import { DEATH, DOB, foldedName, NAME, SEX, type FieldReader } from './fields.js';
import { keyText } from '../shared/numeric-key.js';
import { KeyReader } from './key.js';
import {
  ANOTHER_PERSON,
  FLAG_DEAD_STATUS,
  flagBound,
  FP_FLAGS,
  FP_FOLDED_NAME,
  MATCHED,
  type LocalIndex,
} from './local-index.js';
import type { ReconcileResults } from './results.js';
import { headerOf, type BoundFile } from './side.js';

/** A difference found for a record, waiting for the second reading of the records. */
export interface Pending {
  ordinal: number;
  code: 'field-mismatch' | 'field-missing' | 'death-unconfirmed' | 'deceased-in-reference';
  /** Compared field (COMPARED_FIELDS index). */
  k: number;
  /** The reference's text. */
  reference: string;
}

/**
 * A record's match probability with a reference person it may be (person-link.ts) must reach this
 * for the person to be offered: the model's 0.9 is, on the generated registers, a name and a date
 * of birth that agree up to diacritics, a typo, a dropped middle name or a day/month swap.
 */
export const LINK_THRESHOLD = 0.9;

/** Reference people who could be a record under a wrong or missing ID: the most likely one, its probability, and how many. */
export class Candidates {
  readonly count: Uint8Array;
  private readonly keys: Float64Array;
  /** The match probability of the most likely one. */
  readonly probability: Float32Array;
  private readonly texts: string[] = [];

  constructor(records: number) {
    this.count = new Uint8Array(records + 1);
    this.keys = new Float64Array(records + 1);
    this.probability = new Float32Array(records + 1);
  }

  offer(ordinal: number, key: KeyReader, text: string, probability: number): void {
    const n = this.count[ordinal]!;
    if (n === 0 || probability > this.probability[ordinal]!) {
      this.keys[ordinal] = key.numeric >= 0 ? key.numeric : -this.texts.push(text.trim());
      this.probability[ordinal] = probability;
    }
    if (n < 255) this.count[ordinal] = n + 1;
  }

  /** The ID of the first reference person offered to a record. */
  idOf(ordinal: number): string {
    const key = this.keys[ordinal]!;
    return key >= 0 ? keyText(key) : (this.texts[-key - 1] as string);
  }
}

export interface ReferencePassOptions {
  keyField: string;
  expectComplete: boolean;
}

export class ReferencePass {
  /** Every key of the reference seen so far: the first row of each, for its duplicates. */
  private readonly seen = new KeyIndex({ initialCapacity: 1 << 16 });
  readonly pending: Pending[] = [];
  readonly candidates: Candidates;
  /** Reference rows with a key; distinct keys among them. */
  evaluated = 0;
  distinct = 0;
  /** Reference rows with a blank key: they cannot be matched (each is a key-blank finding). */
  blankKeys = 0;

  private readonly key = new KeyReader();
  private readonly keyHeader: string | null;

  constructor(
    private readonly ref: BoundFile,
    private readonly local: LocalIndex,
    private readonly states: Uint8Array,
    private readonly fields: FieldReader,
    private readonly results: ReconcileResults,
    private readonly options: ReferencePassOptions,
  ) {
    this.candidates = new Candidates(local.count);
    this.keyHeader = headerOf(ref, ref.key);
  }

  row(row: SourceRow): void {
    const keyCell = row.text(this.ref.key);
    const key = this.key.read(keyCell);
    if (key.blank) {
      this.blankKeys++;
      this.keyFinding(row, keyCell, 'reference-key-blank', {});
      return;
    }
    this.evaluated++;
    const earlier = key.insertInto(this.seen, row.row);
    if (earlier >= 0) {
      this.keyFinding(row, keyCell, 'duplicate-key-reference', { first_row: this.seen.rowAt(earlier) });
      return;
    }
    this.distinct++;
    const slot = key.findIn(this.local.keys);
    if (slot >= 0) {
      this.compare(row, slot);
      return;
    }
    if (this.options.expectComplete) this.keyFinding(row, keyCell, 'missing-locally', {});
    this.offer(row, keyCell);
  }

  private keyFinding(
    row: SourceRow,
    keyCell: string,
    code: 'duplicate-key-reference' | 'missing-locally' | 'reference-key-blank',
    data: Record<string, number>,
  ): void {
    const key = keyCell.trim();
    this.results.add(
      {
        code,
        file: this.ref.path,
        row: row.row,
        line: row.line,
        field: this.options.keyField,
        column: this.keyHeader,
        value: keyCell,
        data: code === 'reference-key-blank' ? { field: this.options.keyField } : { field: this.options.keyField, key, ...data },
        // The reference is not ours to change: its team decides.
        fix: { action: 'review', confidence: 0 },
      },
      key,
    );
  }

  /** A reference row whose key is among the records: what differs is kept for pass 3. */
  private compare(row: SourceRow, slot: number): void {
    const { keys } = this.local;
    const ordinal = keys.rowAt(slot);
    this.states[ordinal]! |= MATCHED;
    const flags = keys.fingerprintAt(slot, FP_FLAGS);
    const compared = this.ref.compared;
    const fields = this.fields;
    const bothHave = (k: number): boolean => compared[k]! >= 0 && (flags & flagBound(k)) !== 0;

    // Another person under this key: name and date of birth both differ. Overwriting each field with
    // the reference's would turn the record into someone else, so nothing is proposed field by field.
    if (bothHave(NAME) && bothHave(DOB)) {
      const localName = keys.fingerprintAt(slot, FP_FOLDED_NAME);
      const refName = fields.textFingerprint(foldedName(row.text(compared[NAME]!)));
      const localDob = keys.fingerprintAt(slot, DOB);
      const refDob = fields.fingerprint(DOB, row.text(compared[DOB]!));
      if (localName !== 0 && refName !== 0 && localName !== refName && localDob !== 0 && refDob !== 0 && localDob !== refDob) {
        this.states[ordinal]! |= ANOTHER_PERSON;
        return;
      }
    }

    for (let k = 0; k < DEATH; k++) {
      if (!bothHave(k)) continue;
      const text = row.text(compared[k]!);
      const theirs = fields.fingerprint(k, text);
      const ours = keys.fingerprintAt(slot, k);
      // A value only the record has: the reference says nothing against it.
      if (theirs !== 0 && theirs !== ours) this.pending.push({ ordinal, code: ours === 0 ? 'field-missing' : 'field-mismatch', k, reference: text });
    }

    if (compared[DEATH]! < 0) return;
    const text = row.text(compared[DEATH]!);
    const theirs = fields.fingerprint(DEATH, text);
    const hasColumn = (flags & flagBound(DEATH)) !== 0;
    const ours = hasColumn ? keys.fingerprintAt(slot, DEATH) : 0;
    if (theirs === ours) return;
    if (ours === 0) {
      // Dead in the reference. A record whose status already says so only lacks the date.
      if ((flags & FLAG_DEAD_STATUS) === 0) this.pending.push({ ordinal, code: 'deceased-in-reference', k: DEATH, reference: text });
      else if (hasColumn) this.pending.push({ ordinal, code: 'field-missing', k: DEATH, reference: text });
    } else {
      this.pending.push({ ordinal, code: theirs === 0 ? 'death-unconfirmed' : 'field-mismatch', k: DEATH, reference: text });
    }
  }

  /**
   * A reference person with no record of their key: offered to the records it may be, those whose
   * match probability (the same-person model, person-link.ts) reaches LINK_THRESHOLD.
   */
  private offer(row: SourceRow, keyCell: string): void {
    const compared = this.ref.compared;
    if (compared[NAME]! < 0 || compared[DOB]! < 0) return;
    const sex = compared[SEX]! >= 0 ? row.text(compared[SEX]!) : '';
    this.local.persons.link(row.text(compared[NAME]!), this.fields.day(DOB, row.text(compared[DOB]!)), sex, LINK_THRESHOLD, (ordinal, probability) =>
      this.candidates.offer(ordinal, this.key, keyCell, probability),
    );
  }
}
