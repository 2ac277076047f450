// Vocabulary shared by every layer (see DESIGN.md "Vocabulary"). Plain data, no behaviour.

export const DIMENSIONS = ['true', 'sufficient', 'clean', 'alive'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const LANGS = ['en', 'vi'] as const;
export type Lang = (typeof LANGS)[number];

/** A text in both languages of the project. */
export interface Bilingual {
  en: string;
  vi: string;
}

export const FIX_ACTIONS = ['set', 'clear', 'drop_row', 'merge_into', 'review'] as const;
export type FixAction = (typeof FIX_ACTIONS)[number];

/** A proposed change to one cell or record; the reason is the finding's own message. */
export interface ProposedFix {
  action: FixAction;
  /** New value for `set`, the row/key to keep for `merge_into`. */
  value?: string;
  /** 0..1: 1 means a mechanical, certain change. */
  confidence: number;
}

export type MessageData = Record<string, string | number>;

/** The field whose value names a record (Finding.key, a fix list's `key`, reconcile's match) unless told otherwise. */
export const DEFAULT_KEY_FIELD = 'id_number';

/** One failed evaluation of a rule (DESIGN.md "Vocabulary"): where, what, and the fix it proposes. */
export interface Finding {
  rule: string;
  check: string;
  /** Stable finding code: `<check>/<messageId>`. */
  code: string;
  messageId: string;
  data: MessageData;
  severity: Severity;
  dimension: Dimension;
  file: string;
  /** Data row and physical line; null for a dataset-level finding. */
  row: number | null;
  line: number | null;
  /** Semantic field and the header it is bound to in this file. */
  field: string | null;
  column: string | null;
  value: string | null;
  fix?: ProposedFix;
  /**
   * Value of the run's key field (RunOptions.keyField, default id_number) in the finding's row; ''
   * when the file has no such column. Undefined for a finding reported after its row was read
   * (reportAt, from end()) or about the whole file: the engine keeps no row once it has passed.
   * Set only when the run has an onFinding listener.
   */
  key?: string;
}
