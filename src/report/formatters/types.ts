import type { Lang } from '../../model.js';
import type { Report } from '../model.js';

export interface FormatContext {
  lang: Lang;
  /** Colour escapes allowed (console only). */
  color: boolean;
  /**
   * Mask ID numbers and names in samples (src/report/mask.ts). The shareable formats (html,
   * markdown, junit) mask unless this is false (`--no-mask`); console and json never mask.
   */
  mask?: boolean;
}

/** A formatter reads the report model only: no files, no environment, no check internals. */
export type Formatter = (report: Report, context: FormatContext) => string;
