import { badOptionValue, usageError } from '../errors.js';
import { applyFixes as applyFixList, type ApplyOptions, type ApplyResult } from '../fix/apply.js';
import { fixMessages } from '../fix/messages.js';
import { messageOf } from '../messages/render.js';
import type { Lang } from '../model.js';
import { speaking } from './language.js';
import { resolvePacks } from '../pack/resolve.js';
import { LIBRARY_NAMES, normalizeDelimiter, normalizeDialect, normalizeLang, normalizeMaxFieldSize, underPackDialect, type OptionNames } from './options.js';

/** Options of `applyFixes()`: those of `dqc fix`, by their library names; sizes and confidences may be text, as on the command line. */
export interface FixOptions extends Omit<ApplyOptions, 'minConfidence' | 'maxFieldSize' | 'dialect' | 'headerRow' | 'columns'> {
  /** Packs whose `dialect` the input is read in (the options below win over it); nothing else of them is used. */
  packs?: string[];
  /** CSV dialect, as for check(): quote, escape, spaces after the delimiter, header. */
  quote?: string;
  escape?: string;
  skipInitialSpace?: boolean;
  header?: boolean;
  minConfidence?: number | string;
  maxFieldSize?: number | string;
  /** Language of error messages (default en). */
  lang?: Lang;
  /** A workbook's sheet (name or number) and header row, as given to dqc check. */
  sheet?: string;
  headerRow?: number | string;
}

/** `dqc fix`'s options as given: strings from a command line, values from code. */
export type RawFixOptions = { [K in keyof FixOptions]?: unknown };

/** The options of dqc fix, checked in the order of the command line. */
export function normalizeFixOptions(raw: RawFixOptions, names: OptionNames = LIBRARY_NAMES): ApplyOptions {
  const required = (value: unknown, name: string): string => {
    if (typeof value === 'string' && value !== '') return value;
    throw usageError(name, messageOf(fixMessages, 'fix.option-required', { option: name }));
  };
  const fixes = required(raw.fixes, names.fixes);
  const output = required(raw.output, names.output);
  let minConfidence: number | undefined;
  if (raw.minConfidence !== undefined) {
    const given = String(raw.minConfidence);
    minConfidence = Number(given.replace(',', '.'));
    if (given.trim() === '' || !Number.isFinite(minConfidence) || minConfidence < 0 || minConfidence > 1) {
      throw usageError(names.minConfidence, messageOf(fixMessages, 'fix.bad-confidence', { option: names.minConfidence, value: given }));
    }
  }
  const delimiter = normalizeDelimiter(raw.delimiter, names);
  const maxFieldSize = raw.maxFieldSize === undefined ? undefined : normalizeMaxFieldSize(raw.maxFieldSize, names);
  const flags = normalizeDialect(raw, names, delimiter);
  // The fix must read the input in the dialect the check read it in: the packs' dialect, under the flags.
  const packs = raw.packs === undefined ? [] : (raw.packs as readonly string[]);
  const resolved = packs.length > 0 ? resolvePacks(packs) : undefined;
  const fromPacks = resolved?.dialect;
  const dialect = underPackDialect(flags, fromPacks);
  const onlyRules = ((raw.onlyRules ?? []) as readonly string[])
    .flatMap((value) => String(value).split(','))
    .map((id) => id.trim())
    .filter((id) => id !== '');
  return {
    input: String(raw.input),
    fixes,
    output,
    audit: raw.audit as string | undefined,
    dropped: raw.dropped as string | undefined,
    onlyRules,
    minConfidence,
    utf8: raw.utf8 === true,
    encoding: raw.encoding as string | undefined,
    delimiter,
    maxFieldSize,
    ...(dialect ? { dialect } : {}),
    ...(resolved && { columns: resolved.columns }),
    ...(raw.sheet !== undefined && { sheet: String(raw.sheet) }),
    ...(raw.headerRow !== undefined && { headerRow: wholeHeaderRow(raw.headerRow, names) }),
  };
}

function wholeHeaderRow(value: unknown, names: OptionNames): number {
  const n = Number(value);
  if (Number.isInteger(n) && n >= 1 && n <= 1_048_576) return n;
  throw badOptionValue(names.headerRow, String(value), '1 … 1048576');
}

/**
 * Applies a (possibly edited) fix list to an input and writes a new file, an audit log and the
 * dropped rows; throws DqcError (in `lang`) when nothing can be written.
 */
export async function applyFixes(options: FixOptions): Promise<ApplyResult> {
  const lang = normalizeLang(options.lang);
  return speaking(lang, async () => applyFixList(normalizeFixOptions(options)));
}
