// Pass 3: the records read a second time, in order, to report each one's findings with its own
// text (the current value of a fix) beside the reference's (the proposed value, kept in pass 2).

import type { SourceRow } from '../input/row.js';
import type { ProposedFix } from '../model.js';
import { foldText } from '../vn/fold.js';
import { parseSex } from '../vn/personal-id.js';
import { COMPARED_FIELDS, DEATH, type FieldReader } from './fields.js';
import { ID_PROPOSAL_CONFIDENCE, idDifference } from './key.js';
import { ANOTHER_PERSON, BLANK_KEY, DUPLICATE_KEY, MATCHED, type LocalIndex } from './local-index.js';
import type { Candidates, Pending } from './reference-pass.js';
import type { ReconcileResults } from './results.js';
import { headerOf, type BoundFile } from './side.js';

export interface LocalPassOptions {
  keyField: string;
  /** The reference has a date-of-death column. */
  referenceHasDeath: boolean;
  /** The pack's reconcile roles (pack `reconcile`), when it declares the sector event's date. */
  roles?: EventRoles;
}

/** The sector event's date and the record's being active, as a pack declares them (`reconcile`). */
export interface EventRoles {
  eventField: string;
  /** Day number of an event date cell, or null when it is not a date. */
  readEvent: (text: string) => number | null;
  activeField?: string;
  /** Folded values of the active field that mean the record is still in force. */
  activeValues: ReadonlySet<string>;
}

export class LocalPass {
  private pendingAt = 0;
  private duplicateAt = 0;
  private file!: BoundFile;
  private base = 0;
  /** The counters of rows looked at, per kind. */
  private readonly evaluated: Record<'keyBlank' | 'duplicate' | 'notIn' | 'another' | 'fields' | 'deceased' | 'beforeEvent' | 'afterDeath', { evaluated: number }>;

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
      beforeEvent: results.tally('dead-before-event'),
      afterDeath: results.tally('active-after-death'),
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
    if (this.options.referenceHasDeath) {
      counted.deceased.evaluated++;
      const roles = this.options.roles;
      if (roles && file.fieldIndex.has(roles.eventField)) {
        counted.beforeEvent.evaluated++;
        if (roles.activeField !== undefined && file.fieldIndex.has(roles.activeField)) counted.afterDeath.evaluated++;
      }
    }

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
      const probability = Math.floor(this.candidates.probability[ordinal]! * 100) / 100;
      fix = { action: 'set', value: id, confidence: Math.min(ID_PROPOSAL_CONFIDENCE[idDifference(keyCell, id)], probability) };
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

  /**
   * A person dead in the reference, judged by the pack's roles: dead on or before the sector event
   * (an error), or after it on a record still active (a Sống warning), or after it on a record no
   * longer active (nothing). False when the roles cannot say (no event date here): the caller
   * reports deceased-in-reference as without roles.
   */
  private byEvent(row: SourceRow, p: Pending, key: string): boolean {
    const roles = this.options.roles;
    const file = this.file;
    const eventAt = roles ? (file.fieldIndex.get(roles.eventField) ?? -1) : -1;
    if (!roles || eventAt < 0) return false;
    const eventText = row.text(eventAt);
    const event = roles.readEvent(eventText);
    const death = this.fields.day(DEATH, p.reference);
    if (event === null || death === null) return false;
    const canonical = this.propose(DEATH, p.reference, '');
    const data: Record<string, string> = { field: COMPARED_FIELDS[DEATH], canonical, event_field: roles.eventField, event_value: eventText.trim() };
    const fix: ProposedFix = { action: 'review', confidence: 0 };
    const at = { file: file.path, row: row.row, line: row.line };
    if (death <= event) {
      this.results.add({ code: 'dead-before-event', ...at, field: roles.eventField, column: headerOf(file, eventAt), value: eventText, data, fix }, key);
      return true;
    }
    const activeAt = roles.activeField === undefined ? -1 : (file.fieldIndex.get(roles.activeField) ?? -1);
    if (activeAt < 0) return false;
    const status = row.text(activeAt);
    if (roles.activeValues.has(foldText(status))) {
      this.results.add(
        { code: 'active-after-death', ...at, field: roles.activeField!, column: headerOf(file, activeAt), value: status, data: { ...data, active_field: roles.activeField!, value: status.trim() }, fix },
        key,
      );
    }
    return true;
  }

  private difference(row: SourceRow, p: Pending, key: string): void {
    if (p.code === 'deceased-in-reference' && this.byEvent(row, p, key)) return;
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

