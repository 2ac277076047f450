import type { Bilingual } from '../model.js';

// `dqc reconcile`: user-visible texts in both languages, merged into the catalog in src/report/messages.ts.
export const reconcileMessages = {} satisfies Record<string, Bilingual>;
