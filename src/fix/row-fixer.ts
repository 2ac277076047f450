import type { FixAction } from '../model.js';
import { CONFLICT_REASONS, type FixReason, type PlannedFix } from './plan.js';
import { proposalRewrittenBySpreadsheet, rewrittenBySpreadsheet } from './spreadsheet.js';

// What happens to one row of the input, whatever its format: which of its fixes apply, which are
// conflicts (the cell no longer holds the value the fix was made for), which are skipped.

export type FixStatus = 'applied' | 'conflict' | 'skipped';

/** One line of the audit log. */
export interface AuditEntry {
  fix_id: string;
  status: FixStatus;
  /** Why it was not applied; null when applied. */
  reason: FixReason | null;
  row: number | null;
  /** Where the row is in the output; null when it was dropped or is not in the input. */
  output_row: number | null;
  column: string;
  action: FixAction;
  rule: string;
  /** The value the fix expected (its current_value). */
  expected: string;
  /** What the cell held when the fix was tried; null when it was not read. */
  before: string | null;
  /** What the cell holds now; null when the fix changed no cell (skipped, conflict, drop). */
  after: string | null;
}

/** The cells of one row, as the check read them. */
export interface RowCells {
  /** The cell's text; null when the file has no such column; undefined when this row lacks the cell. */
  get(column: string): string | null | undefined;
  /** Whether `value` can be written in `column` (encoding, …): a reason not to, or null. */
  refuse(column: string, value: string): FixReason | null;
}

export interface RowDecision {
  drop: boolean;
  /** New text per column. */
  changes: Map<string, string>;
  /** One entry per fix, in the list's order. */
  entries: AuditEntry[];
}

export function entry(fix: PlannedFix, status: FixStatus, reason: FixReason | null, before: string | null = null, after: string | null = null): AuditEntry {
  return {
    fix_id: fix.id,
    status,
    reason,
    row: fix.row,
    output_row: null,
    column: fix.column,
    action: fix.action,
    rule: fix.rule,
    expected: fix.current,
    before,
    after,
  };
}

/** A fix that was decided before its row was read, or never found its row. */
export function undone(fix: PlannedFix, otherwise: FixReason): AuditEntry {
  const reason = fix.decided ?? otherwise;
  return entry(fix, CONFLICT_REASONS.has(reason) ? 'conflict' : 'skipped', reason);
}

/** A whole-row fix applies when the cell it names still holds its value (no column: nothing to compare). */
function guardRow(fix: PlannedFix, cells: RowCells): { reason: FixReason | null; before: string | null } {
  if (fix.column === '') return { reason: null, before: null };
  const cell = cells.get(fix.column);
  if (cell === null) return { reason: 'column-missing', before: null };
  const before = cell ?? '';
  return { reason: before === fix.current ? null : mismatch(fix, before), before };
}

/** Why a cell that does not hold a fix's current_value is a conflict: a spreadsheet rewrote the list's copy, or the data changed. */
function mismatch(fix: PlannedFix, before: string): FixReason {
  return rewrittenBySpreadsheet(fix.current, before) ? 'spreadsheet' : 'changed';
}

/**
 * Decides the fixes of one row. Whole-row fixes (drop_row, merge_into) come first: the first that
 * still matches drops the row (to the dropped-rows file, unchanged), and every other fix of the row
 * is then skipped. Otherwise cell fixes apply in list order, each only if the cell — as earlier
 * fixes of this run left it — still holds its current_value; one that finds its proposed value
 * already there is skipped ("already"), so applying a list twice changes nothing.
 */
export function decideRow(fixes: readonly PlannedFix[], cells: RowCells): RowDecision {
  const decided = new Map<PlannedFix, AuditEntry>();
  let dropBy: PlannedFix | null = null;
  for (const fix of fixes) {
    if (fix.decided || (fix.action !== 'drop_row' && fix.action !== 'merge_into')) continue;
    const { reason, before } = guardRow(fix, cells);
    if (reason) decided.set(fix, entry(fix, 'conflict', reason, before));
    else if (dropBy) decided.set(fix, entry(fix, 'skipped', 'row-dropped', before));
    else {
      dropBy = fix;
      decided.set(fix, entry(fix, 'applied', null, before));
    }
  }

  const changes = new Map<string, string>();
  const entries = fixes.map((fix): AuditEntry => {
    const done = decided.get(fix);
    if (done) return done;
    if (fix.decided) return undone(fix, fix.decided);
    if (dropBy) return entry(fix, 'skipped', 'row-dropped');
    const found = cells.get(fix.column);
    if (found === null) return entry(fix, 'conflict', 'column-missing');
    const before = changes.get(fix.column) ?? found;
    if (before === undefined) return entry(fix, 'conflict', 'cell-missing');
    // The list itself went through a spreadsheet: its value would write a broken one, or look already there.
    if (fix.action === 'set' && proposalRewrittenBySpreadsheet(fix.proposed, fix.current)) return entry(fix, 'conflict', 'spreadsheet', before);
    const after = fix.action === 'set' ? fix.proposed : '';
    if (before !== fix.current) return before === after ? entry(fix, 'skipped', 'already', before) : entry(fix, 'conflict', mismatch(fix, before), before);
    if (before === after) return entry(fix, 'skipped', 'already', before);
    const refused = cells.refuse(fix.column, after);
    if (refused) return entry(fix, 'skipped', refused, before);
    changes.set(fix.column, after);
    return entry(fix, 'applied', null, before, after);
  });
  return { drop: dropBy !== null, changes, entries };
}

/** What the format readers hand each record to. */
export interface RowSink {
  /** Text that is no row (a blank line, anything before the header): to the output only. */
  between(bytes: Buffer): Promise<void>;
  /** The header record: to the output and the dropped-rows file. */
  header(bytes: Buffer): Promise<void>;
  /** A data row; `cells` null when it cannot be read; `rewrite` builds it with changed cells. */
  row(copy: () => Buffer, cells: RowCells | null, rewrite: (changes: Map<string, string>) => Buffer): Promise<void>;
}
