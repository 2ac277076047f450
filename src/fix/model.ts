import type { Bilingual, Dimension, FixAction, Lang } from '../model.js';
import { renderBilingual } from '../messages/render.js';
import type { Finding } from '../model.js';

/** The columns of a fix list, in this order, in CSV and JSONL alike (DESIGN.md "Fix list"). */
export const FIX_FIELDS = [
  'fix_id',
  'file',
  'row',
  'key',
  'column',
  'action',
  'current_value',
  'proposed_value',
  'rule',
  'dimension',
  'confidence',
  'reason',
] as const;
export type FixField = (typeof FIX_FIELDS)[number];

/**
 * One proposed change, as handed to the population database team. `rules/fix-record.schema.json`
 * describes the JSONL form; the CSV form has the same fields as text.
 */
export interface FixRecord {
  /** Stable id: a hash of (file name, row, rule, column, action), see writer.ts. */
  fix_id: string;
  /** The input path as given to `dqc check`. */
  file: string;
  /** 1-based data row; null for a fix about no row of the file (e.g. a record missing from it). */
  row: number | null;
  /** Value of the key field (default id_number) in that row; '' when the file has no key field. */
  key: string;
  /** Header of the cell the fix is about ('' for a whole-row fix without one). */
  column: string;
  action: FixAction;
  /** The cell's text when checked: `dqc fix` applies the fix only if the cell still holds it. */
  current_value: string;
  /** New text for `set`; the row to keep for `merge_into`; '' for `clear` and `drop_row`. */
  proposed_value: string;
  rule: string;
  dimension: Dimension;
  /** 0..1; 1 is a mechanical, certain change. */
  confidence: number;
  /** Why, in the language of the run. */
  reason: string;
}

/**
 * Finding (src/engine/rule.ts) → record; reason rendered in `lang`; fix_id assigned by the writer.
 * Null when the finding proposes no fix. `messages` maps finding codes (`<check>/<messageId>`) to
 * their templates; a code without one gives the code itself as the reason.
 */
export function fixRecordFromFinding(
  finding: Finding,
  key: string,
  lang: Lang,
  messages: Record<string, Bilingual>,
): Omit<FixRecord, 'fix_id'> | null {
  const fix = finding.fix;
  if (!fix) return null;
  const template = messages[finding.code];
  return {
    file: finding.file,
    row: finding.row,
    key,
    column: finding.column ?? '',
    action: fix.action,
    current_value: finding.value ?? '',
    // clear and drop_row carry no value whatever a check passed along.
    proposed_value: fix.action === 'clear' || fix.action === 'drop_row' ? '' : (fix.value ?? ''),
    rule: finding.rule,
    dimension: finding.dimension,
    confidence: fix.confidence,
    reason: template ? renderBilingual(template, lang, finding.data) : finding.code,
  };
}
