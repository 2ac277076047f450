// Library API: the same front door the command line uses (src/api), without printing or exiting.
// Options are checked exactly as the command line checks its flags; a DqcError says what is wrong
// in the language asked for (`lang`, default English), and formatError writes it as dqc does.
export { check, type CheckOptions, type CheckOptions as CheckApiOptions } from './api/check.js';
export { reconcile, type ReconcileOptions, type ReconcileOptions as ReconcileApiOptions } from './api/reconcile.js';
export { profile, type ProfileOptions } from './api/profile.js';
export { applyFixes, type FixOptions } from './api/fix.js';
export type { Finding, Lang } from './model.js';
export { DqcError, formatError, ERROR_CODES, type ErrorCode } from './errors.js';

export { runCheck } from './engine/check.js';
export { resolvePacks } from './pack/resolve.js';
export { runReconcile } from './reconcile/run.js';
export { checkTypes } from './checks/index.js';
export { defineCheckType } from './checks/define.js';
export type { CheckType, CheckContext, RowView } from './checks/define.js';
export { formatters } from './report/formatters/index.js';
export { profileFormatters } from './profile/formatters.js';
export { evaluateGate, exitCodeFor } from './report/gate.js';
export type { Report, RuleResult, InputResult } from './report/model.js';
export type { Profile } from './profile/model.js';
// Fix lists and `dqc fix`
export type { ApplyOptions, ApplyResult } from './fix/apply.js';
export type { AuditEntry } from './fix/row-fixer.js';
export { FIX_FIELDS, fixRecordFromFinding } from './fix/model.js';
export type { FixRecord } from './fix/model.js';
export { openFixWriter, fixListFormatOf } from './fix/writer.js';
export type { FixWriter, FixListFormat } from './fix/writer.js';
export { openCheckFixList } from './fix/from-check.js';
export { readFixList } from './fix/read-list.js';
