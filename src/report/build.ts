import type { Bilingual } from '../model.js';
import type { ResolvedPack } from '../pack/types.js';
import { formatDay } from '../shared/dates.js';
import { TOOL_VERSION } from '../shared/version.js';
import { evaluateGate, type GateOptions } from './gate.js';
import { REPORT_VERSION, type InputResult, type Report, type RuleResult } from './model.js';
import { computeScores } from './score.js';

/** What a run (dqc check, dqc reconcile) has found, before it is scored and gated. */
export interface RunOutcome {
  /** When the run started, ms since the epoch. */
  started: number;
  /** The day records were judged at, days since 1970-01-01. */
  asOfDay: number;
  pack: Pick<ResolvedPack, 'packs' | 'thresholds'> & Partial<Pick<ResolvedPack, 'columns'>>;
  sampleSize: number;
  gate: GateOptions;
  inputs: InputResult[];
  rules: RuleResult[];
  /** Templates of the finding codes in the samples, by code. */
  messages: Record<string, Bilingual>;
}

/** The one way a Report is made: scores, gate and summary computed from the run's results. */
export function buildReport(run: RunOutcome): Report {
  const { inputs, rules } = run;
  const scores = computeScores(rules, inputs);
  const gate = evaluateGate(rules, scores, inputs, run.pack.thresholds, run.gate);
  const count = (severity: string) => rules.filter((r) => r.severity === severity).reduce((n, r) => n + r.findings, 0);
  return {
    reportVersion: REPORT_VERSION,
    tool: { name: 'dqc', version: TOOL_VERSION },
    startedAt: new Date(run.started).toISOString(),
    durationMs: Date.now() - run.started,
    asOf: formatDay(run.asOfDay),
    settings: { packs: run.pack.packs, sample: run.sampleSize, failOn: run.gate.failOn, maxWarnings: run.gate.maxWarnings },
    inputs,
    rules,
    scores,
    gate,
    summary: {
      files: inputs.length,
      // The inputs' rows, rejected ones included.
      rows: inputs.reduce((n, input) => n + input.rows, 0),
      findings: rules.reduce((n, r) => n + r.findings, 0),
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
      rulesFailed: rules.filter((r) => r.status === 'failed').length,
      rulesSkipped: rules.filter((r) => r.status === 'skipped').length,
    },
    messages: run.messages,
    fieldLabels: Object.fromEntries(
      Object.entries(run.pack.columns ?? {}).flatMap(([field, column]) => (column.label ? [[field, column.label] as const] : [])),
    ),
  };
}
