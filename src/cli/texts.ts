import { fixMessages } from '../fix/messages.js';
import { cliMessages } from '../messages/cli.js';
import { operationalMessages } from '../messages/operational.js';
import { translator } from '../messages/render.js';
import { profileMessages } from '../profile/messages.js';
import { reconcileMessages } from '../reconcile/messages.js';
import { messages as reportMessages } from '../report/messages.js';

// The command line says things of every area, so it alone sees every catalogue: each area's own texts
// stay beside its code, and no area below the command line imports another's.
export const messages = {
  ...reportMessages,
  ...fixMessages,
  ...reconcileMessages,
  ...profileMessages,
  ...operationalMessages,
  ...cliMessages,
};

export type MessageKey = keyof typeof messages;

export const t = translator(messages);
