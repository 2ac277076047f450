import type { Formatter } from './types.js';

export const FORMAT_NAMES = ['console', 'json', 'html', 'markdown', 'junit'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

// Each formatter is imported when a report in its format is written: a run writes one or two of
// the five, and start-up is part of every run. `formatters` (index.ts) holds all five at once.
const LOADERS: Record<FormatName, () => Promise<Formatter>> = {
  console: async () => (await import('./console.js')).formatConsole,
  json: async () => (await import('./json.js')).formatJson,
  html: async () => (await import('./html.js')).formatHtml,
  markdown: async () => (await import('./markdown.js')).formatMarkdown,
  junit: async () => (await import('./junit.js')).formatJunit,
};

/** The formatter of one format, imported on first use. */
export function loadFormatter(name: FormatName): Promise<Formatter> {
  return LOADERS[name]();
}
