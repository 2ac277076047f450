import type { Bilingual } from '../model.js';

// Fix lists and `dqc fix`: user-visible texts in both languages, merged into the catalog in src/report/messages.ts.
export const fixMessages = {} satisfies Record<string, Bilingual>;
