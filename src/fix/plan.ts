import { basename, resolve } from 'node:path';
import { DqcError } from '../errors.js';
import { messageOf } from '../messages/render.js';
import { fixMessages } from './messages.js';
import type { FixAction } from '../model.js';
import type { ListedFix } from './read-list.js';

// Which fixes of a list `dqc fix` will try on one input, and which it skips before reading a row.

/** Why a fix was skipped or is a conflict (the audit log's `reason`; messages `fix.reason.*`). */
export const FIX_REASONS = [
  // skipped: not selected, or nothing to do
  'review',
  'not-accepted',
  'rule-not-selected',
  'low-confidence',
  'row-dropped',
  'already',
  'unencodable',
  'would-blank-row',
  // conflict: the data is not what the fix was made for
  'changed',
  'spreadsheet',
  'column-missing',
  'cell-missing',
  'row-missing',
  'unreadable-row',
  'target-dropped',
  'bad-target',
] as const;
export type FixReason = (typeof FIX_REASONS)[number];

export const CONFLICT_REASONS: ReadonlySet<FixReason> = new Set([
  'changed',
  'spreadsheet',
  'column-missing',
  'cell-missing',
  'row-missing',
  'unreadable-row',
  'target-dropped',
  'bad-target',
]);

/** A fix as the applier keeps it: what it needs, no reason text (a few million fit in memory). */
export interface PlannedFix {
  id: string;
  row: number | null;
  column: string;
  action: FixAction;
  rule: string;
  current: string;
  proposed: string;
  /** Decided before any row is read: not selected (skipped) or impossible (conflict). */
  decided: FixReason | null;
}

export interface FixPlan {
  /** The list's `file` values the plan took for this input. */
  files: string[];
  /** Fixes by data row, each row's in list order. */
  byRow: Map<number, PlannedFix[]>;
  /** Fixes about no row (row null), in list order. */
  rowless: PlannedFix[];
  /** Records of the list for other files. */
  otherFiles: number;
  total: number;
}

export interface Selection {
  onlyRules?: readonly string[];
  minConfidence?: number;
}

function fail(path: string, key: 'fix.no-fix-for-input' | 'fix.ambiguous-file', data: Record<string, string>): DqcError {
  return new DqcError('DQC_FIXES_INVALID', { path }, { file: path }, [{ path: '--fixes', ...messageOf(fixMessages, key, data) }]);
}

/** A listed fix as kept while the list is read. */
interface Compact extends Omit<PlannedFix, 'decided'> {
  accept: boolean | null;
  line: number;
  confidence: number;
}

/** One copy of each column and rule name, however many fixes name it. */
const names = new Map<string, string>();
function intern(text: string): string {
  const known = names.get(text);
  if (known !== undefined) return known;
  if (names.size < 10_000) names.set(text, text);
  return text;
}

function compact({ record, accept, line }: ListedFix): Compact {
  return {
    id: record.fix_id,
    row: record.row,
    column: intern(record.column),
    action: record.action,
    rule: intern(record.rule),
    current: record.current_value,
    proposed: record.proposed_value,
    accept,
    line,
    confidence: record.confidence,
  };
}

function isRowAction(action: FixAction): boolean {
  return action === 'drop_row' || action === 'merge_into';
}

/**
 * The fixes of a list that are for `input`: records whose `file` is the same path (resolved from
 * the working directory), else — a list that travelled, or a check run from another folder — the
 * records whose file has the input's name, when they all name one file.
 */
export async function planFixes(listPath: string, list: AsyncIterable<ListedFix>, input: string, selection: Selection): Promise<FixPlan> {
  const inputPath = resolve(input);
  const inputName = basename(input);
  // Only the fields the applier needs are kept, as soon as a record is read (not its reason text).
  const sameName = new Map<string, Compact[]>();
  const otherNames = new Set<string>();
  let total = 0;
  for await (const listed of list) {
    total++;
    const file = listed.record.file;
    if (basename(file) !== inputName) {
      if (otherNames.size < 5) otherNames.add(file);
      continue;
    }
    let group = sameName.get(file);
    if (!group) sameName.set(file, (group = []));
    group.push(compact(listed));
  }

  let files = [...sameName.keys()].filter((file) => resolve(file) === inputPath);
  if (files.length === 0 && sameName.size > 1) {
    throw fail(listPath, 'fix.ambiguous-file', { name: inputName, files: [...sameName.keys()].join(', ') });
  }
  if (files.length === 0) files = [...sameName.keys()];
  if (files.length === 0 && total > 0) {
    throw fail(listPath, 'fix.no-fix-for-input', { input, files: [...otherNames].join(', ') });
  }

  // Several spellings of the input's path keep the list's order among them.
  const chosen = files.length === 1 ? (sameName.get(files[0]!) ?? []) : files.flatMap((file) => sameName.get(file) ?? []).sort((a, b) => a.line - b.line);
  const hasAccept = chosen.some((fix) => fix.accept !== null);
  const only = selection.onlyRules && selection.onlyRules.length > 0 ? new Set(selection.onlyRules) : null;
  const planned = chosen.map((fix): PlannedFix => {
    let decided: FixReason | null = null;
    if (fix.action === 'review') decided = 'review';
    else if (hasAccept && fix.accept !== true) decided = 'not-accepted';
    else if (only && !only.has(fix.rule)) decided = 'rule-not-selected';
    else if (selection.minConfidence !== undefined && fix.confidence < selection.minConfidence) decided = 'low-confidence';
    // A literal, not a spread: V8 gives objects built by spreading a dictionary layout, 4× the size.
    const { id, row, column, action, rule, current, proposed } = fix;
    return { id, row, column, action, rule, current, proposed, decided };
  });

  // merge_into: the row to keep must be another row, and must not itself be dropped — a pair of
  // records each merged into the other would otherwise both disappear. Judged on what is planned
  // (conservative: a drop that later meets a conflict still blocks a merge into its row).
  for (const fix of planned) {
    if (fix.decided || fix.action !== 'merge_into') continue;
    const target = /^\d+$/.test(fix.proposed.trim()) ? Number(fix.proposed.trim()) : NaN;
    if (!Number.isSafeInteger(target) || target < 1 || target === fix.row) fix.decided = 'bad-target';
  }
  const drops = new Set(planned.filter((f) => !f.decided && isRowAction(f.action) && f.row !== null).map((f) => f.row as number));
  for (const fix of planned) {
    if (!fix.decided && fix.action === 'merge_into' && drops.has(Number(fix.proposed.trim()))) fix.decided = 'target-dropped';
  }

  const byRow = new Map<number, PlannedFix[]>();
  const rowless: PlannedFix[] = [];
  for (const fix of planned) {
    if (fix.row === null) {
      rowless.push(fix);
      continue;
    }
    let row = byRow.get(fix.row);
    if (!row) byRow.set(fix.row, (row = []));
    row.push(fix);
  }
  return { files, byRow, rowless, otherFiles: total - chosen.length, total };
}
