// Pass 3: the records read a second time, in order, to report each one's findings with its own
// text (the current value of a fix) beside the reference's (the proposed value, kept in pass 2).

import type { SourceRow } from '../input/row.js';
import type { ProposedFix } from '../model.js';
import { parseSex } from '../vn/personal-id.js';
import { COMPARED_FIELDS, type FieldReader } from './fields.js';
import { ID_PROPOSAL_CONFIDENCE, idDifference } from './key.js';
import { ANOTHER_PERSON, BLANK_KEY, DUPLICATE_KEY, MATCHED, type LocalIndex } from './local-index.js';
import type { Candidates, Pending } from './reference-pass.js';
import type { ReconcileResults } from './results.js';
import { headerOf, type BoundFile } from './side.js';

export interface LocalPassOptions {
  keyField: string;
  /** The reference has a date-of-death column. */
  referenceHasDeath: boolean;
}

export class LocalPass {
  private pendingAt = 0;
  private duplicateAt = 0;
  private file!: BoundFile;
  private base = 0;
  /** The counters of rows looked at, per kind. */
  private readonly evaluated: Record<'keyBlank' | 'duplicate' | 'notIn' | 'another' | 'fields' | 'deceased', { evaluated: number }>;

  constructor(
    private readonly local: LocalIndex,
    private readonly localFiles: readonly BoundFile[],
    private readonly states: Uint8Array,
    private readonly pending: readonly Pending[],
    private readonly candidates: Candidates,
    private readonly fields: FieldReader,
    private readonly results: ReconcileResults,
    private readonly options: LocalPassOptions,
  ) {
    this.evaluated = {
      keyBlank: results.tally('key-blank'),
      duplicate: results.tally('duplicate-key-local'),
      notIn: results.tally('not-in-reference'),
      another: results.tally('another-person'),
      fields: results.tally('field-mismatch'),
      deceased: results.tally('deceased-in-reference'),
    };
  }

  startFile(file: BoundFile, index: number): void {
    this.file = file;
    this.base = this.local.fileStarts[index] ?? 0;
  }

  row(row: SourceRow): void {
    const ordinal = this.base + row.row;
    if (ordinal >= this.states.length) return; // past what pass 1 could number
    const state = this.states[ordinal]!;
    const file = this.file;
    const keyCell = file.key >= 0 ? row.text(file.key) : '';
    const key = keyCell.trim();
    const counted = this.evaluated;

    // Each record is looked at by the kinds that apply to it, in this order; the first that finds
    // something about its key decides (a record that cannot be matched is compared with nothing).
    counted.keyBlank.evaluated++;
    if (state & BLANK_KEY) {
      this.keyFinding(row, keyCell, 'key-blank', ordinal);
      return;
    }
    counted.duplicate.evaluated++;
    if (state & DUPLICATE_KEY) {
      this.duplicate(row, keyCell, ordinal);
      return;
    }
    counted.notIn.evaluated++;
    if (!(state & MATCHED)) {
      this.keyFinding(row, keyCell, 'not-in-reference', ordinal);
      return;
    }
    counted.another.evaluated++;
    if (state & ANOTHER_PERSON) {
      this.keyFinding(row, keyCell, 'another-person', ordinal);
      return;
    }
    counted.fields.evaluated++;
    if (this.options.referenceHasDeath) counted.deceased.evaluated++;

    const pending = this.pending;
    while (this.pendingAt < pending.length && pending[this.pendingAt]!.ordinal < ordinal) this.pendingAt++;
    for (; this.pendingAt < pending.length && pending[this.pendingAt]!.ordinal === ordinal; this.pendingAt++) {
      this.difference(row, pending[this.pendingAt]!, key);
    }
  }

  /** A record that cannot be matched as it is: the reference person it could be, by name and date of birth. */
  private keyFinding(row: SourceRow, keyCell: string, code: 'key-blank' | 'not-in-reference' | 'another-person', ordinal: number): void {
    const candidates = this.candidates.count[ordinal]!;
    let fix: ProposedFix = { action: 'review', confidence: 0 };
    if (candidates === 1) {
      const id = this.candidates.idOf(ordinal);
      fix = { action: 'set', value: id, confidence: ID_PROPOSAL_CONFIDENCE[idDifference(keyCell, id)] };
    }
    const key = keyCell.trim();
    const data: Record<string, string | number> = { field: this.options.keyField, candidates };
    if (code !== 'key-blank') data.key = key;
    this.results.add(
      {
        code,
        file: this.file.path,
        row: row.row,
        line: row.line,
        field: this.options.keyField,
        column: headerOf(this.file, this.file.key),
        value: keyCell,
        data,
        fix,
      },
      key,
    );
  }

  private duplicate(row: SourceRow, keyCell: string, ordinal: number): void {
    const { duplicates, duplicateOf } = this.local;
    while (this.duplicateAt < duplicates.length && duplicates.data[this.duplicateAt]! < ordinal) this.duplicateAt++;
    const first = this.local.locate(duplicateOf.get(this.duplicateAt));
    const key = keyCell.trim();
    this.results.add(
      {
        code: 'duplicate-key-local',
        file: this.file.path,
        row: row.row,
        line: row.line,
        field: this.options.keyField,
        column: headerOf(this.file, this.file.key),
        value: keyCell,
        data: { field: this.options.keyField, key, first_row: first.row, first_file: this.localFiles[first.file]?.path ?? this.file.path },
        fix: { action: 'review', confidence: 0 },
      },
      key,
    );
  }

  private difference(row: SourceRow, p: Pending, key: string): void {
    const file = this.file;
    const field = COMPARED_FIELDS[p.k]!;
    let index = file.compared[p.k]!;
    let at: string = field;
    const current = index >= 0 ? row.text(index) : '';
    const proposed = this.propose(p.k, p.reference, current);
    let fix: ProposedFix;
    let data: Record<string, string>;
    if (p.code === 'death-unconfirmed') {
      // The reference may lag behind a death registered here: a person decides.
      data = { field, value: current.trim() };
      fix = { action: 'review', confidence: 0 };
    } else if (p.code === 'deceased-in-reference') {
      data = { field, canonical: proposed };
      if (index >= 0) fix = { action: 'set', value: proposed, confidence: 1 };
      else {
        // No date-of-death column to set: the finding is about the status, or else the record's key.
        fix = { action: 'review', confidence: 0 };
        index = file.status >= 0 ? file.status : file.key;
        at = file.status >= 0 ? 'status' : this.options.keyField;
      }
    } else {
      data = p.code === 'field-missing' ? { field, canonical: proposed } : { field, value: current.trim(), canonical: proposed };
      // The reference is the authority on these fields.
      fix = { action: 'set', value: proposed, confidence: 1 };
    }
    const value = index >= 0 ? row.text(index) : '';
    this.results.add({ code: p.code, file: file.path, row: row.row, line: row.line, field: at, column: headerOf(file, index), value, data, fix }, key);
  }

  /** The reference's value written the way this export writes the field. */
  private propose(k: number, reference: string, current: string): string {
    const text = reference.trim().normalize('NFC');
    if (this.fields.isDate(k)) {
      const day = this.fields.day(k, text);
      return day === null ? text : this.fields.writeDate(k, day, current);
    }
    if (this.fields.isSex(k)) {
      const sex = parseSex(text);
      return (sex && this.local.sexSpelling.get(sex)) ?? text;
    }
    return text.replace(/\s+/g, ' ');
  }
}

