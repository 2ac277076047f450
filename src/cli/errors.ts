import { formatError } from '../errors.js';
import type { Lang } from '../model.js';

/** An error as the command line prints it; `DQC_DEBUG=1` adds the stack of an internal error. */
export function describeError(error: unknown, lang: Lang): string {
  return formatError(error, lang, { stack: Boolean(process.env.DQC_DEBUG) });
}
