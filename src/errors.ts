import type { Lang, MessageData } from './model.js';
import { operationalMessages, type OperationalKey } from './messages/operational.js';
import { fillTemplate, messageOf, renderBilingual, type Message } from './messages/render.js';

/**
 * Operational failures: the run cannot be done as asked. Closed list of stable codes; each has a
 * bilingual text in src/messages/operational.ts and maps to exit code 2 in one place (src/cli/main.ts).
 * Problems inside an input that can be read (a ragged row, a bad cell) are findings, not errors.
 */
export const ERROR_CODES = [
  'DQC_USAGE',
  'DQC_INPUT_NOT_FOUND',
  'DQC_INPUT_UNREADABLE',
  // an input that is not text: a workbook, a PDF, an image, a program (src/input/magic.ts)
  'DQC_INPUT_NOT_TEXT',
  // a workbook: the sheet asked for is not in it; the header row asked for is not in the sheet
  'DQC_SHEET_NOT_FOUND',
  'DQC_HEADER_ROW_NOT_FOUND',
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
] as const satisfies readonly OperationalKey[];
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorLocation {
  file: string;
  line?: number;
  column?: number;
}

/** One of several problems behind an error (an invalid pack lists them all): where, and what, as data. */
export interface ErrorDetail extends Message {
  /** JSON pointer, option name or `line N`: where the problem is. */
  path: string;
  /** Where `path` is in its file (a pack's problems), 1-based; absent where no file holds it. */
  line?: number;
  column?: number;
  /** The known name a misspelt one was most likely meant to be (a key, a check type, a field). */
  suggestion?: string;
}

/** A detail whose text is an operational one (schema and pack problems). */
export function operationalDetail(path: string, key: OperationalKey, data: MessageData = {}): ErrorDetail {
  return { path, ...messageOf(operationalMessages, key, data) };
}

export class DqcError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly data: MessageData = {},
    readonly location?: ErrorLocation,
    /** Every problem, for errors that have several (an invalid pack lists them all). */
    readonly details: readonly ErrorDetail[] = [],
  ) {
    super('');
    this.name = 'DqcError';
    this.message = describeDqcError(this, 'en');
  }

  /** The same error, its message said in `lang` (the library's front door sets the caller's language). */
  inLanguage(lang: Lang): this {
    this.message = describeDqcError(this, lang);
    return this;
  }
}

/** A command line (or library option) that cannot be used: exit code 2, one detail saying why. */
export function usageError(path: string, message: Message): DqcError {
  return new DqcError('DQC_USAGE', {}, undefined, [{ path, ...message }]);
}

/** An error's text for a person: message, location, every detail, one per line. */
function describeDqcError(error: DqcError, lang: Lang): string {
  const lines = [renderBilingual(operationalMessages[error.code], lang, error.data)];
  const where = error.location;
  if (where && (where.line !== undefined || !lines[0]!.includes(where.file))) {
    const location = [where.file, where.line, where.column].filter((part) => part !== undefined).join(':');
    lines[0] += ` (${renderBilingual(operationalMessages['error.at'], lang, { location })})`;
  }
  for (const detail of error.details) {
    // A detail made without its text (by code written before details carried one) still reads as its key and data.
    const text = detail.text ? renderBilingual(detail.text, lang, detail.data) : `${detail.key} ${JSON.stringify(detail.data ?? {})}`;
    const place =
      detail.line === undefined ? '' : ` (${renderBilingual(operationalMessages['error.line-column'], lang, { line: detail.line, column: detail.column ?? 1 })})`;
    const hint = detail.suggestion === undefined ? '' : ` (${renderBilingual(operationalMessages['error.did-you-mean'], lang, { suggestion: detail.suggestion })})`;
    lines.push(`  ${detail.path || '/'}${place}: ${text}${hint}`);
  }
  return lines.join('\n');
}

/**
 * The one place any error becomes text for a person, as the command line prints it: a DqcError's
 * message in `lang`, anything else as an internal error (with its stack when `stack` is asked for).
 */
export function formatError(error: unknown, lang: Lang, options: { stack?: boolean } = {}): string {
  if (error instanceof DqcError) return `dqc: ${describeDqcError(error, lang)}`;
  const message = error instanceof Error ? error.message : String(error);
  const stack = options.stack && error instanceof Error ? `\n${error.stack}` : '';
  return `dqc: ${fillTemplate(operationalMessages['error.internal'][lang], { message })}${stack}`;
}

/** An option (of the command line or of the library) given a value it cannot take. */
export function badOptionValue(option: string, value: string, expected: string): DqcError {
  return usageError(option, messageOf(operationalMessages, 'cli.bad-option-value', { option, value, expected }));
}
