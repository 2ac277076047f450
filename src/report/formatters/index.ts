import { formatConsole } from './console.js';
import { formatHtml } from './html.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import type { FormatName } from './load.js';
import type { Formatter } from './types.js';

export { FORMAT_NAMES, loadFormatter, type FormatName } from './load.js';

export const formatters = {
  console: formatConsole,
  json: formatJson,
  html: formatHtml,
  markdown: formatMarkdown,
  junit: formatJunit,
} satisfies Record<FormatName, Formatter>;

export type { FormatContext, Formatter } from './types.js';
