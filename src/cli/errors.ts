import { DqcError } from '../errors.js';
import type { Lang } from '../model.js';
import { t } from '../report/messages.js';

/** The one place an operational error becomes text for a person: message, location, every detail. */
export function describeError(error: unknown, lang: Lang): string {
  if (!(error instanceof DqcError)) {
    const message = error instanceof Error ? error.message : String(error);
    const stack = process.env.DQC_DEBUG && error instanceof Error ? `\n${error.stack}` : '';
    return `dqc: ${t(lang, 'error.internal', { message })}${stack}`;
  }
  const lines = [`dqc: ${t(lang, error.code, error.data)}`];
  const where = error.location;
  if (where && (where.line !== undefined || !lines[0]!.includes(where.file))) {
    const location = [where.file, where.line, where.column].filter((part) => part !== undefined).join(':');
    lines[0] += ` (${t(lang, 'error.at', { location })})`;
  }
  for (const detail of error.details) lines.push(`  ${detail.path || '/'}: ${t(lang, detail.key, detail.data)}`);
  return lines.join('\n');
}
