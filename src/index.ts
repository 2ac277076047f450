// Library API: the same engine the CLI uses, without printing or exiting.
import { dayNumber, todayDay } from './checks/support/dates.js';
import { runCheck, type RunOptions } from './engine/run.js';
import { expandInputs } from './cli/inputs.js';
import { parseColumnOverrides } from './pack/bind.js';
import { resolvePacks } from './pack/resolve.js';
import type { Report } from './report/model.js';

export interface CheckApiOptions {
  /** Pack names or paths (default vn-population). */
  packs?: string[];
  /** `field=Header` bindings. */
  columns?: string[];
  /** yyyy-mm-dd (default today). */
  asOf?: string;
  sample?: number;
  delimiter?: string;
  encoding?: string;
  failOn?: 'error' | 'warning';
  maxWarnings?: number | null;
  onFinding?: RunOptions['onFinding'];
}

/** Checks files (paths or globs) and returns the report; throws DqcError when the run cannot be done. */
export async function check(inputs: string[], options: CheckApiOptions = {}): Promise<Report> {
  const pack = resolvePacks(options.packs ?? ['vn-population']);
  const [y, m, d] = (options.asOf ?? '').split('-').map(Number);
  return runCheck({
    inputs: await expandInputs(inputs),
    pack,
    columnOverrides: parseColumnOverrides(options.columns ?? [], pack.columns),
    asOfDay: y && m && d ? dayNumber(y, m, d) : todayDay(),
    sampleSize: options.sample ?? 5,
    read: { delimiter: options.delimiter, encoding: options.encoding },
    gate: { failOn: options.failOn ?? 'error', maxWarnings: options.maxWarnings ?? null },
    onFinding: options.onFinding,
  });
}

export { runCheck, resolvePacks };
export { checkTypes } from './checks/index.js';
export { defineCheckType } from './checks/define.js';
export type { CheckType, CheckContext, RowView } from './checks/define.js';
export { formatters } from './report/formatters/index.js';
export { evaluateGate, exitCodeFor } from './report/gate.js';
export type { Report, RuleResult, InputResult } from './report/model.js';
export { DqcError } from './errors.js';
export type { Finding } from './engine/rule.js';
