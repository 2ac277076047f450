import type { Lang } from '../../model.js';
import type { Report } from '../model.js';

export interface FormatContext {
  lang: Lang;
  /** Colour escapes allowed (console only). */
  color: boolean;
}

/** A formatter reads the report model only: no files, no environment, no check internals. */
export type Formatter = (report: Report, context: FormatContext) => string;
