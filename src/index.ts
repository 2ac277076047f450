// Library API: the same engine the CLI uses, without printing or exiting.
import { dayNumber, todayDay } from './shared/dates.js';
import type { RunOptions } from './engine/run.js';
import { expandInputs } from './cli/inputs.js';
import { parseColumnOverrides } from './pack/bind.js';
import { resolvePacks } from './pack/resolve.js';
import { runReconcile, type ReconcileOptions } from './reconcile/run.js';
import { usageError } from './errors.js';
import type { Report } from './report/model.js';
import { reconcileMessages } from './reconcile/messages.js';
import { messageOf } from './messages/render.js';
import { runCheck } from './engine/check.js';
export type { Finding } from './model.js';

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
  /** Largest row read, in bytes (default 16 MiB); see --max-field-size. */
  maxFieldSize?: number;
  onFinding?: RunOptions['onFinding'];
  /** Field whose value each Finding.key carries (default id_number). */
  keyField?: string;
  /** Threads to share the rules between (default: decided from the input size and the cores). */
  threads?: number;
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
    read: { delimiter: options.delimiter, encoding: options.encoding, maxFieldSize: options.maxFieldSize },
    gate: { failOn: options.failOn ?? 'error', maxWarnings: options.maxWarnings ?? null },
    onFinding: options.onFinding,
    keyField: options.keyField,
    threads: options.threads,
  });
}

export interface ReconcileApiOptions extends Omit<CheckApiOptions, 'onFinding' | 'threads'> {
  /** The reference extract: one file (path or glob). */
  reference: string;
  /** `field=Header` bindings for the reference. */
  referenceColumns?: string[];
  /** Report reference people missing from the inputs. */
  expectComplete?: boolean;
  /** Every finding as it happens, `key` set to its row's key value. */
  onFinding?: ReconcileOptions['onFinding'];
}

/**
 * Reconciles files (paths or globs) with a reference extract of the population database and returns
 * the report (the same model as check); throws DqcError when the run cannot be done.
 */
export async function reconcile(inputs: string[], options: ReconcileApiOptions): Promise<Report> {
  const pack = resolvePacks(options.packs ?? ['vn-population']);
  const references = await expandInputs([options.reference]);
  if (references.length !== 1) {
    throw usageError('reference', messageOf(reconcileMessages, 'reconcile.reference-one-file', { path: options.reference, count: references.length }));
  }
  const [y, m, d] = (options.asOf ?? '').split('-').map(Number);
  return runReconcile({
    inputs: await expandInputs(inputs),
    reference: references[0] as string,
    pack,
    keyField: options.keyField,
    columnOverrides: parseColumnOverrides(options.columns ?? [], pack.columns),
    referenceColumnOverrides: parseColumnOverrides(options.referenceColumns ?? [], pack.columns),
    expectComplete: options.expectComplete,
    asOfDay: y && m && d ? dayNumber(y, m, d) : todayDay(),
    sampleSize: options.sample ?? 5,
    read: { delimiter: options.delimiter, encoding: options.encoding, maxFieldSize: options.maxFieldSize },
    gate: { failOn: options.failOn ?? 'error', maxWarnings: options.maxWarnings ?? null },
    onFinding: options.onFinding,
  });
}

export { runCheck, resolvePacks, runReconcile };
export { checkTypes } from './checks/index.js';
export { defineCheckType } from './checks/define.js';
export type { CheckType, CheckContext, RowView } from './checks/define.js';
export { formatters } from './report/formatters/index.js';
export { evaluateGate, exitCodeFor } from './report/gate.js';
export type { Report, RuleResult, InputResult } from './report/model.js';
export { DqcError } from './errors.js';
// Fix lists and `dqc fix`
export { applyFixes } from './fix/apply.js';
export type { ApplyOptions, ApplyResult } from './fix/apply.js';
export type { AuditEntry } from './fix/row-fixer.js';
export { FIX_FIELDS, fixRecordFromFinding } from './fix/model.js';
export type { FixRecord } from './fix/model.js';
export { openFixWriter, fixListFormatOf } from './fix/writer.js';
export type { FixWriter, FixListFormat } from './fix/writer.js';
export { openCheckFixList } from './fix/from-check.js';
export { readFixList } from './fix/read-list.js';
