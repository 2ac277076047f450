// Findings of a reconcile run → exact counts, capped samples and the stream of findings (for a fix
// list), then one RuleResult per kind: the same report model `dqc check` produces.

import type { Bilingual, Dimension, MessageData, ProposedFix } from '../model.js';
import type { RuleResult, Sample } from '../report/model.js';
import { sampleOf } from '../report/sample.js';
import { ruleFails } from '../report/score.js';
import { CODE_SPECS, RECONCILE_CHECK, RULES, type ReconcileCode, type ReconcileRuleId } from './kinds.js';
import type { Finding } from '../model.js';

export interface ReconcileFinding {
  code: ReconcileCode;
  file: string;
  row: number;
  line: number;
  field: string | null;
  column: string | null;
  value: string | null;
  data: MessageData;
  fix?: ProposedFix;
}

class RuleTally {
  evaluated = 0;
  failed = 0;
  findings = 0;
  readonly failedByDimension = new Map<Dimension, number>();
  readonly samples: Sample[] = [];
  columns: string[] = [];
  skipped: { file: string; missingColumns: string[] }[] = [];
  /** Absent from the report (missing-locally without --expect-complete). */
  omitted = false;
  private lastRow = '';
  private readonly lastRowByDimension = new Map<Dimension, string>();

  /** Counts a row once per rule and once per dimension, however many findings it gets (they arrive row by row). */
  countRow(file: string, row: number, dimension: Dimension): void {
    const key = `${file}\u0000${row}`;
    if (key !== this.lastRow) {
      this.failed++;
      this.lastRow = key;
    }
    if (this.lastRowByDimension.get(dimension) !== key) {
      this.lastRowByDimension.set(dimension, key);
      this.failedByDimension.set(dimension, (this.failedByDimension.get(dimension) ?? 0) + 1);
    }
  }
}

export class ReconcileResults {
  private readonly tallies = new Map<ReconcileRuleId, RuleTally>();

  constructor(
    private readonly sampleSize: number,
    private readonly onFinding?: (finding: Finding) => void,
  ) {
    for (const id of Object.keys(RULES) as ReconcileRuleId[]) this.tallies.set(id, new RuleTally());
  }

  tally(rule: ReconcileRuleId): RuleTally {
    return this.tallies.get(rule) as RuleTally;
  }

  /** One finding; `key` is the key value of its row (for the fix list). */
  add(f: ReconcileFinding, key: string): void {
    const spec = CODE_SPECS[f.code];
    const rule = RULES[spec.rule];
    const tally = this.tally(spec.rule);
    tally.findings++;
    tally.countRow(f.file, f.row, spec.dimension);
    const code = `${RECONCILE_CHECK}/${f.code}`;
    if (tally.samples.length < this.sampleSize) tally.samples.push(sampleOf({ ...f, code, dimension: spec.dimension }));
    if (this.onFinding) {
      const finding: Finding = {
        rule: spec.rule,
        check: RECONCILE_CHECK,
        code,
        messageId: f.code,
        data: f.data,
        severity: rule.severity,
        dimension: spec.dimension,
        file: f.file,
        row: f.row,
        line: f.line,
        field: f.field,
        column: f.column,
        value: f.value,
        key,
      };
      if (f.fix) finding.fix = f.fix;
      this.onFinding(finding);
    }
  }

  /** One RuleResult per kind, in a fixed order; omitted kinds are left out. */
  results(): RuleResult[] {
    const out: RuleResult[] = [];
    for (const [id, tally] of this.tallies) {
      if (tally.omitted) continue;
      const spec = RULES[id];
      const skipped = tally.columns.length === 0 || (tally.evaluated === 0 && tally.skipped.length > 0);
      const failRate = tally.evaluated === 0 ? 0 : tally.failed / tally.evaluated;
      const dimensions = new Set<Dimension>([spec.dimension, ...Object.values(CODE_SPECS).filter((c) => c.rule === id).map((c) => c.dimension)]);
      out.push({
        id,
        check: RECONCILE_CHECK,
        columns: tally.columns,
        dimension: spec.dimension,
        severity: spec.severity,
        description: spec.description,
        evaluated: tally.evaluated,
        failed: tally.failed,
        findings: tally.findings,
        failRate,
        failedByDimension: Object.fromEntries(
          [...dimensions].map((d) => [d, Math.min(tally.evaluated, tally.failedByDimension.get(d) ?? 0)]),
        ),
        status: skipped ? 'skipped' : ruleFails(tally.failed, failRate, null, null) ? 'failed' : 'passed',
        threshold: { maxFailures: null, maxFailRate: null },
        skipped: tally.skipped,
        samples: tally.samples,
      });
    }
    return out;
  }

  /** Templates of every reconcile code, for the report (formatters render them in either language). */
  static messages(): Record<string, Bilingual> {
    return Object.fromEntries(Object.entries(CODE_SPECS).map(([code, spec]) => [`${RECONCILE_CHECK}/${code}`, spec.message]));
  }
}
