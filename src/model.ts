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
