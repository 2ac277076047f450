// The profile of one or more exports: plain data, what the console and JSON formats print.
// JSON contract: rules/profile.schema.json (`profileVersion: 1`).

import type { ReadFacts } from '../input/facts.js';
import type { BindingEvidence } from './fields.js';
import type { SemanticType } from './semantic.js';
import type { ValueType } from './value-type.js';
import type { ProblemSummary } from '../input/problems.js';

export const PROFILE_VERSION = 1;

export interface ColumnProfile {
  name: string;
  /** 1-based position in the header. */
  position: number;
  /** Rows of the file (a ragged row's missing cell counts as blank). */
  rows: number;
  /** Non-blank cells (white space only is blank). */
  filled: number;
  fillRate: number;
  type: ValueType;
  /** Share of the non-blank values that fit `type`. */
  typeShare: number;
  /** Date columns: the detected format (date-fns tokens, or `iso`). */
  dateFormat: string | null;
  /** Decimal columns: the decimal separator. */
  decimalSeparator: '.' | ',' | null;
  /** Numbers for integer and decimal columns, yyyy-mm-dd for dates, null otherwise. */
  min: number | string | null;
  max: number | string | null;
  /** Length range of the non-blank values in characters (NFC code points). */
  length: { min: number; max: number } | null;
  distinct: { count: number; exact: boolean };
  /** Most frequent values: `count` is exact when `error` is 0, else the true count is at most `count + error`. */
  top: { value: string; count: number; error: number }[];
  /** Most frequent value shapes (see src/profile/shape.ts). */
  shapes: { shape: string; count: number }[];
  /** Values whose shape was not counted, once SHAPES_KEPT distinct shapes were. */
  shapesUncounted: number;
  semantic: { type: SemanticType; share: number; era?: 'pre-2025' | 'post-2025' } | null;
  /** The field of the pack this column binds to, and by which evidence. */
  field: { name: string; by: BindingEvidence } | null;
}

export interface InputProfile extends ReadFacts {
  problems: ProblemSummary[];
  columns: ColumnProfile[];
}

export interface Profile {
  profileVersion: typeof PROFILE_VERSION;
  tool: { name: 'dqc'; version: string };
  startedAt: string;
  durationMs: number;
  /** The day dates were judged at (a date of birth is in the past), yyyy-mm-dd. */
  asOf: string;
  settings: {
    /** Top values kept per column. */
    top: number;
    /** The packs whose fields columns were bound to. */
    packs: { name: string; file: string }[];
  };
  inputs: InputProfile[];
}
