import type { Bilingual, Dimension, MessageData, ProposedFix, Severity } from '../model.js';
import type { ReadFacts } from '../input/facts.js';
import type { ProblemSummary } from '../input/problems.js';

/** Version of the report JSON contract (rules/report.schema.json); bump on any breaking change. */
export const REPORT_VERSION = 1;

export interface Sample {
  file: string;
  row: number | null;
  line: number | null;
  /** Header in the file, and the semantic field it is bound to. */
  column: string | null;
  field: string | null;
  value: string | null;
  /** Finding code `<check>/<messageId>`; its template is in Report.messages. */
  code: string;
  dimension: Dimension;
  data: MessageData;
  fix?: ProposedFix;
}

export type RuleStatus = 'passed' | 'failed' | 'skipped';

export interface RuleFileResult {
  file: string;
  evaluated: number;
  failed: number;
  findings: number;
}

export interface RuleResult {
  id: string;
  check: string;
  columns: string[];
  dimension: Dimension;
  severity: Severity;
  description: Bilingual;
  /** Rows the rule looked at (1 for a dataset-level rule). */
  evaluated: number;
  /** Rows with at least one finding (plus dataset findings). */
  failed: number;
  findings: number;
  failRate: number;
  /**
   * Failed rows per dimension the rule scores in: its own, plus any its check type files some
   * findings under (e.g. a phone rule's outdated numbers under `alive`). Zero where nothing failed.
   */
  failedByDimension: Partial<Record<Dimension, number>>;
  status: RuleStatus;
  threshold: { maxFailures: number | null; maxFailRate: number | null };
  /** Files where the rule could not run, and why. */
  skipped: { file: string; missingColumns: string[] }[];
  /**
   * The rule's counts in each file it ran on (same meaning as the overall ones; a whole-run
   * finding counts in every file). Added within reportVersion 1: absent in reports of earlier builds.
   */
  byFile?: RuleFileResult[];
  samples: Sample[];
}

export interface InputResult extends ReadFacts {
  columns: string[];
  /**
   * Non-blank cells per column, aligned with `columns`, over the rows read (rows − rejected): the
   * fill rates. Added within reportVersion 1: absent in older reports.
   */
  filled?: number[];
  /** Semantic field → header it is bound to. */
  bound: Record<string, string>;
  problems: ProblemSummary[];
}

export type Scores = Record<Dimension | 'overall', number | null>;

export type GateReasonCode =
  | 'rule-failed'
  | 'dimension-below-min'
  | 'overall-below-min'
  | 'too-many-warnings'
  | 'input-problems'
  | 'input-incomplete';

export interface GateReason {
  code: GateReasonCode;
  data: MessageData;
}

export interface Gate {
  passed: boolean;
  reasons: GateReason[];
}

export interface Summary {
  files: number;
  rows: number;
  findings: number;
  errors: number;
  warnings: number;
  infos: number;
  rulesFailed: number;
  rulesSkipped: number;
}

export interface Report {
  reportVersion: typeof REPORT_VERSION;
  tool: { name: 'dqc'; version: string };
  startedAt: string;
  durationMs: number;
  asOf: string;
  settings: {
    packs: { name: string; file: string }[];
    sample: number;
    failOn: 'error' | 'warning';
    maxWarnings: number | null;
  };
  inputs: InputResult[];
  rules: RuleResult[];
  scores: Scores;
  gate: Gate;
  summary: Summary;
  /** Templates of the finding codes in this report, so any formatter can render them in either language. */
  messages: Record<string, Bilingual>;
  /**
   * Labels of the pack's fields (id_number → Số định danh cá nhân), so that a message names a field
   * in the reader's language. Not part of the JSON report, like `messages`.
   */
  fieldLabels?: Record<string, Bilingual>;
}
