import { formatConsole } from './console.js';
import { formatJson } from './json.js';
import type { Formatter } from './types.js';

export const FORMAT_NAMES = ['console', 'json'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

export const formatters = {
  console: formatConsole,
  json: formatJson,
} satisfies Record<FormatName, Formatter>;

export type { FormatContext, Formatter } from './types.js';
