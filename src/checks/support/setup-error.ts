import type { MessageData } from '../../model.js';
import { operationalMessages, type OperationalKey } from '../../messages/operational.js';
import { messageOf, renderBilingual, type Message } from '../../messages/render.js';

/**
 * A check type refusing its options when it is set up, said with a message id and data so that
 * the pack loader can render it in the reader's language (a plain Error's text is English only).
 */
export class CheckSetupError extends Error {
  constructor(
    readonly key: OperationalKey,
    readonly data: MessageData,
  ) {
    super(renderBilingual(operationalMessages[key], 'en', data));
    this.name = 'CheckSetupError';
  }
}

/** The pack problem for whatever a check type threw when set up for a rule (message id + data). */
export function describeSetupError(error: unknown, check: string, rule: string): Message {
  if (error instanceof CheckSetupError) return messageOf(operationalMessages, error.key, { check, rule, ...error.data });
  return messageOf(operationalMessages, 'pack.check-setup', { check, rule, reason: error instanceof Error ? error.message : String(error) });
}
