import type { MessageData } from './model.js';
import type { SchemaProblem } from './pack/ajv-errors.js';

/**
 * Operational failures: the run cannot be done as asked. Closed list of stable codes; each has a
 * bilingual message in src/report/messages.ts and maps to exit code 2 in one place (src/cli/main.ts).
 * Problems inside an input that can be read (a ragged row, a bad cell) are findings, not errors.
 */
export const ERROR_CODES = [
  'DQC_USAGE',
  'DQC_INPUT_NOT_FOUND',
  'DQC_INPUT_UNREADABLE',
  'DQC_ENCODING_UNKNOWN',
  'DQC_PACK_NOT_FOUND',
  'DQC_PACK_PARSE',
  'DQC_PACK_INVALID',
  'DQC_EXTENDS_CYCLE',
  'DQC_OUTPUT_UNWRITABLE',
  // dqc reconcile: a file binds no column to the matching key; a file changed between two readings
  'DQC_KEY_NOT_BOUND',
  'DQC_INPUT_CHANGED',
  // dqc fix: a fix list that cannot be read or applied as a whole (a bad record, no record for the input)
  'DQC_FIXES_INVALID',
  // dqc init: the config it would write is already there (never overwritten without --force)
  'DQC_CONFIG_EXISTS',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorLocation {
  file: string;
  line?: number;
  column?: number;
}

export class DqcError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly data: MessageData = {},
    readonly location?: ErrorLocation,
    /** Every problem, for errors that have several (an invalid pack lists them all). */
    readonly details: readonly SchemaProblem[] = [],
  ) {
    super(`${code} ${JSON.stringify(data)}`);
    this.name = 'DqcError';
  }
}
