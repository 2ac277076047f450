import type { MessageData, Severity } from '../model.js';

/** What can be wrong with an input itself, as opposed to a rule's finding about a value. */
export const PROBLEM_SEVERITY = {
  'file/empty': 'error',
  'file/no-data-rows': 'warning',
  'file/unclosed-quote': 'error',
  'file/parse-error': 'error',
  'file/not-an-array': 'error',
  'file/truncated-json': 'error',
  'file/row-too-large': 'error',
  'file/trailing-comma': 'warning',
  'header/blank': 'warning',
  'header/duplicate': 'warning',
  'header/nothing-bound': 'error',
  'header/override-missing': 'error',
  'row/inconsistent-columns': 'error',
  'row/blank': 'warning',
  'row/rejected': 'error',
  'row/json-syntax': 'error',
  'row/not-an-object': 'error',
  'row/too-large': 'error',
  'row/too-deep': 'error',
  'row/too-many-fields': 'error',
  'row/new-fields': 'warning',
  'cell/invalid-utf8': 'error',
  // Workbooks (xlsx.ts): an ID, phone or code typed as a number; an error cell (#N/A); formulas read by their cached values.
  'cell/stored-as-number': 'warning',
  'cell/excel-error': 'error',
  'file/formulas': 'info',
  'cell/undecodable': 'error',
  // A warning, not an error: the value is read as the file has it, but the file was probably
  // written in another dialect (--skip-initial-space), which the message says.
  'cell/stray-quote': 'warning',
  // Header against the pack's fields (pack/bound-input.ts); the default severity, which a pack's
  // `structure` can change (`error` makes the gate strict, `off` silences it).
  'header/unknown-column': 'warning',
  'header/missing-column': 'warning',
} as const satisfies Record<string, Severity>;

export type ProblemCode = keyof typeof PROBLEM_SEVERITY;

/** Problems after which part of the file could not be read at all: the run is incomplete. */
export const STOPS_READING: ReadonlySet<ProblemCode> = new Set([
  'file/unclosed-quote',
  'file/parse-error',
  'file/not-an-array',
  'file/truncated-json',
  'file/row-too-large',
]);

export interface InputProblem {
  code: ProblemCode;
  line: number | null;
  row: number | null;
  column: string | null;
  data: MessageData;
}

export type ProblemSink = (problem: InputProblem) => void;

/** An input's problems of one kind: the exact count and the first few as samples. */
export interface ProblemSummary {
  code: ProblemCode;
  severity: Severity;
  count: number;
  samples: { line: number | null; row: number | null; column: string | null; data: MessageData }[];
}
