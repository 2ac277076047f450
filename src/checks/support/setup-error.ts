import type { MessageData } from '../../model.js';
import { t, type MessageKey } from '../../report/messages.js';

/**
 * A check type refusing its options when it is set up, said with a message id and data so that
 * the pack loader can render it in the reader's language (a plain Error's text is English only).
 */
export class CheckSetupError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly data: MessageData,
  ) {
    super(t('en', key, data));
    this.name = 'CheckSetupError';
  }
}

/** The pack problem for whatever a check type threw when set up for a rule (message id + data). */
export function describeSetupError(error: unknown, check: string, rule: string): { key: MessageKey; data: MessageData } {
  if (error instanceof CheckSetupError) return { key: error.key, data: { check, rule, ...error.data } };
  return { key: 'pack.check-setup', data: { check, rule, reason: error instanceof Error ? error.message : String(error) } };
}
