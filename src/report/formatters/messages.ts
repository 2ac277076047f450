import type { Bilingual } from '../../model.js';

// Labels of the HTML, Markdown and JUnit reports: user-visible texts in both languages, merged into the catalog in src/report/messages.ts.
export const reportMessages = {} satisfies Record<string, Bilingual>;
