import { resolve } from 'node:path';
// Options normalised once, at the front door, for the command line and the library alike: each
// option becomes one canonical value or a coded error (DQC_USAGE naming the option), before any
// file is read. What an option is called in that error depends on who gave it: `--as-of` on the
// command line, `asOf` in the library.

import { badOptionValue, usageError } from '../errors.js';
import { operationalMessages } from '../messages/operational.js';
import { messageOf } from '../messages/render.js';
import type { ResolvedPack } from '../pack/types.js';
import { reconcileMessages } from '../reconcile/messages.js';
import { fixListFormatOf } from '../fix/writer.js';
import { DEFAULT_MAX_FIELD_SIZE, parseByteSize } from '../input/limits.js';
import type { DialectSettings } from '../input/dialect.js';
import type { CsvReaderChoice, ReadOptions } from '../input/open.js';
import { DEFAULT_KEY_FIELD, type Lang } from '../model.js';
import { MAX_THREADS } from '../engine/threads.js';
import { compileDateParser, todayDay } from '../shared/dates.js';

/** The most threads a run can be asked for (each one reads the whole input). */
export { MAX_THREADS };

/** The reading options of the library's calls (check, reconcile, profile), by their library names. */
export interface ReadingOptions {
  /** yyyy-mm-dd: the day dates are judged at (default today, UTC). */
  asOf?: string;
  /** `,` `;` `|` a tab, or a name: `tab`, `comma`, `semicolon`, `pipe` (default: sniffed). */
  delimiter?: string;
  /** CSV dialect (each wins over the packs' `dialect`): quote, escape inside quoted fields, spaces after a delimiter skipped, false for a file without a header. */
  quote?: string;
  escape?: string;
  skipInitialSpace?: boolean;
  header?: boolean;
  /** Encoding label for files without a BOM (default utf-8). */
  encoding?: string;
  /** A workbook's sheet (name or 1-based number) and header row (default: found). */
  sheet?: string;
  headerRow?: number;
  /** Largest row read: bytes, or a size such as '64k' (default 16 MiB); see --max-field-size. */
  maxFieldSize?: number | string;
  /** 'csv-parse' reads CSV with csv-parse instead of the byte scanner, to compare the two. */
  csvReader?: 'auto' | 'csv-parse';
  /** Language of error messages (default en). */
  lang?: Lang;
  onProgress?: (rows: number) => void;
}

/** The options every command that reads inputs understands, as given (strings from a command line, values from code). */
export interface RawReadOptions {
  /** `,` `;` `|` a tab, or a name: `tab`, `comma`, `semicolon`, `pipe`. Default: sniffed. */
  delimiter?: unknown;
  /** Encoding label for files without a BOM (default utf-8). */
  encoding?: unknown;
  /** A workbook's sheet: its name or 1-based number (default: the first sheet that has a row). */
  sheet?: unknown;
  /** A workbook's header row, as Excel numbers it (default: the first row that binds the pack's fields). */
  headerRow?: unknown;
  /** Largest row read: bytes, or a size with a unit (`64k`, `16MiB`). */
  maxFieldSize?: unknown;
  /** yyyy-mm-dd: the day dates are judged at (default today, UTC). */
  asOf?: unknown;
  /** `csv-parse` reads CSV with csv-parse instead of the byte scanner (to compare the two). */
  csvReader?: unknown;
  /** CSV quote character (default `"`). */
  quote?: unknown;
  /** CSV escape character inside quoted fields (default: the quote, as in `""`; `\\` for `\"`). */
  escape?: unknown;
  /** Spaces after a delimiter are not part of the value (default false). */
  skipInitialSpace?: unknown;
  /** False: the file has no header, its columns are `column_1`, `column_2` … (default true). */
  header?: unknown;
}

/** The options of a run that scores and gates (dqc check, dqc reconcile), as given. */
export interface RawRunOptions extends RawReadOptions {
  sample?: unknown;
  failOn?: unknown;
  maxWarnings?: unknown;
  /** Where to write a fix list (.csv or .jsonl). */
  fixes?: unknown;
  keyField?: unknown;
  threads?: unknown;
  /** A same-person model file to read instead of learning one (every same-person rule). */
  model?: unknown;
  /** Where to write the same-person model used (the pack's only same-person rule). */
  saveModel?: unknown;
}

export interface ReadSettings {
  read: ReadOptions;
  /** Days since 1970-01-01. */
  asOfDay: number;
}

export interface RunSettings extends ReadSettings {
  sample: number;
  failOn: 'error' | 'warning';
  maxWarnings: number | null;
  fixes: string | null;
  keyField: string | undefined;
  /** Undefined lets the engine decide from the input size and the cores. */
  threads: number | undefined;
  /** Absolute paths (resolved against the working folder). */
  model: string | null;
  saveModel: string | null;
}

/** What each option is called where it was given. */
export type OptionNames = Record<
  | 'delimiter'
  | 'maxFieldSize'
  | 'asOf'
  | 'csvReader'
  | 'sample'
  | 'failOn'
  | 'maxWarnings'
  | 'fixes'
  | 'keyField'
  | 'threads'
  | 'model'
  | 'saveModel'
  | 'top'
  | 'minConfidence'
  | 'lang'
  | 'reference'
  | 'output'
  | 'columns'
  | 'referenceColumns'
  | 'quote'
  | 'escape'
  | 'skipInitialSpace'
  | 'header'
  | 'sheet'
  | 'headerRow',
  string
>;

export const LIBRARY_NAMES: OptionNames = {
  delimiter: 'delimiter',
  maxFieldSize: 'maxFieldSize',
  asOf: 'asOf',
  csvReader: 'csvReader',
  sample: 'sample',
  failOn: 'failOn',
  maxWarnings: 'maxWarnings',
  fixes: 'fixes',
  keyField: 'keyField',
  threads: 'threads',
  model: 'model',
  saveModel: 'saveModel',
  top: 'top',
  minConfidence: 'minConfidence',
  lang: 'lang',
  reference: 'reference',
  output: 'output',
  columns: 'columns',
  referenceColumns: 'referenceColumns',
  quote: 'quote',
  escape: 'escape',
  skipInitialSpace: 'skipInitialSpace',
  header: 'header',
  sheet: 'sheet',
  headerRow: 'headerRow',
};

export const CLI_FLAGS: OptionNames = {
  delimiter: '--delimiter',
  maxFieldSize: '--max-field-size',
  asOf: '--as-of',
  csvReader: 'DQC_CSV_READER',
  sample: '--sample',
  failOn: '--fail-on',
  maxWarnings: '--max-warnings',
  fixes: '--fixes',
  keyField: '--key',
  threads: '--threads',
  model: '--model',
  saveModel: '--save-model',
  top: '--top',
  minConfidence: '--min-confidence',
  lang: '--lang',
  reference: '--reference',
  output: '--output',
  columns: '--column',
  referenceColumns: '--reference-column',
  quote: '--quote',
  escape: '--escape',
  skipInitialSpace: '--skip-initial-space',
  header: '--no-header',
  sheet: '--sheet',
  headerRow: '--header-row',
};

const DELIMITER_NAMES: Record<string, string> = { tab: '\t', '\\t': '\t', comma: ',', semicolon: ';', pipe: '|' };
const parseIsoDay = compileDateParser('yyyy-MM-dd');

const shown = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value) ?? String(value));

/** A whole number from `min` to `max`, given as a number or as its digits. */
function wholeNumber(value: unknown, name: string, min: number, max: number, expected: string): number {
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(number) || number < min || number > max) throw badOptionValue(name, shown(value), expected);
  return number;
}

function text(value: unknown, name: string, expected: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw badOptionValue(name, shown(value), expected);
  return value;
}

export function normalizeDelimiter(value: unknown, names: OptionNames): string | undefined {
  const given = text(value, names.delimiter, ', ; | tab');
  if (given === undefined) return undefined;
  const delimiter = DELIMITER_NAMES[given.toLowerCase()] ?? given;
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') throw badOptionValue(names.delimiter, given, ', ; | tab');
  return delimiter;
}

function dialectChar(value: unknown, name: string, delimiter: string | undefined): string | undefined {
  const given = text(value, name, '" \' \\');
  if (given === undefined) return undefined;
  if (given.length !== 1 || given === '\n' || given === '\r' || given === delimiter) throw badOptionValue(name, given, '" \' \\');
  return given;
}

function flag(value: unknown, name: string): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') return value;
  throw badOptionValue(name, shown(value), 'true, false');
}

/** The dialect options given (quote, escape, skip-initial-space, header); what is not given is left to the pack, then the default. */
export function normalizeDialect(raw: RawReadOptions, names: OptionNames, delimiter: string | undefined): DialectSettings | undefined {
  const dialect: DialectSettings = {};
  const quote = dialectChar(raw.quote, names.quote, delimiter);
  const escape = dialectChar(raw.escape, names.escape, delimiter);
  const skipInitialSpace = flag(raw.skipInitialSpace, names.skipInitialSpace);
  const header = flag(raw.header, names.header);
  if (quote !== undefined) dialect.quote = quote;
  if (escape !== undefined) dialect.escape = escape;
  if (skipInitialSpace !== undefined) dialect.skipInitialSpace = skipInitialSpace;
  if (header !== undefined) dialect.header = header;
  return Object.keys(dialect).length > 0 ? dialect : undefined;
}

/**
 * The packs' dialect under the one given to the command or the call: each part given wins, the
 * rest comes from the packs (check, profile and fix all read a file this way).
 */
export function underPackDialect(given: DialectSettings | undefined, fromPacks: DialectSettings | undefined): DialectSettings | undefined {
  return fromPacks || given ? { ...fromPacks, ...given } : undefined;
}

/** The reading options once each part is checked; a part not given is left out, so later defaults apply. */
function readOptions(
  delimiter: string | undefined,
  encoding: string | undefined,
  maxFieldSize: number,
  csvReader: CsvReaderChoice | undefined,
  dialect: DialectSettings | undefined,
  workbook: { sheet?: string; headerRow?: number },
): ReadOptions {
  return {
    delimiter,
    encoding,
    maxFieldSize,
    ...(csvReader === undefined ? {} : { csvReader }),
    ...(dialect ? { dialect } : {}),
    ...workbook,
  };
}

/** --sheet and --header-row, for workbooks. */
function normalizeWorkbook(raw: RawReadOptions, names: OptionNames): { sheet?: string; headerRow?: number } {
  const sheet = typeof raw.sheet === 'number' ? String(raw.sheet) : text(raw.sheet, names.sheet, 'Sheet1, 2');
  const headerRow = raw.headerRow === undefined ? undefined : wholeNumber(raw.headerRow, names.headerRow, 1, 1_048_576, '1 … 1048576');
  return { ...(sheet !== undefined && { sheet }), ...(headerRow !== undefined && { headerRow }) };
}

export function normalizeMaxFieldSize(value: unknown, names: OptionNames): number {
  if (value === undefined) return DEFAULT_MAX_FIELD_SIZE;
  const size = typeof value === 'string' || typeof value === 'number' ? parseByteSize(String(value)) : null;
  if (size === null) throw badOptionValue(names.maxFieldSize, shown(value), '1048576, 64k, 16MiB … up to 512MiB');
  return size;
}

export function normalizeAsOf(value: unknown, names: OptionNames): number {
  if (value === undefined) return todayDay();
  const day = typeof value === 'string' ? parseIsoDay(value) : null;
  if (typeof day !== 'number') throw badOptionValue(names.asOf, shown(value), 'yyyy-mm-dd');
  return day;
}

function normalizeCsvReader(value: unknown, names: OptionNames): CsvReaderChoice | undefined {
  if (value === undefined || value === 'auto' || value === 'csv-parse') return value;
  throw badOptionValue(names.csvReader, shown(value), 'auto, csv-parse');
}

export function normalizeLang(value: unknown, names: OptionNames = LIBRARY_NAMES): Lang {
  if (value === undefined) return 'en';
  if (value === 'en' || value === 'vi') return value;
  throw badOptionValue(names.lang, shown(value), 'en, vi');
}

/** The reading options and the day of the run (dqc profile, dqc init; the first part of a run's options). */
export function normalizeReadOptions(raw: RawReadOptions, names: OptionNames = LIBRARY_NAMES): ReadSettings {
  const delimiter = normalizeDelimiter(raw.delimiter, names);
  const asOfDay = normalizeAsOf(raw.asOf, names);
  const maxFieldSize = normalizeMaxFieldSize(raw.maxFieldSize, names);
  const encoding = text(raw.encoding, 'encoding', 'utf-8, windows-1258, latin1 …');
  const csvReader = normalizeCsvReader(raw.csvReader, names);
  const dialect = normalizeDialect(raw, names, delimiter);
  return { read: readOptions(delimiter, encoding, maxFieldSize, csvReader, dialect, normalizeWorkbook(raw, names)), asOfDay };
}

/** Every option of dqc check and dqc reconcile, checked in the order the command line always has. */
export function normalizeRunOptions(raw: RawRunOptions, names: OptionNames = LIBRARY_NAMES): RunSettings {
  const delimiter = normalizeDelimiter(raw.delimiter, names);
  const asOfDay = normalizeAsOf(raw.asOf, names);
  const fixes = text(raw.fixes, names.fixes, '*.csv, *.jsonl, *.xlsx') ?? null;
  if (fixes !== null) fixListFormatOf(fixes, names.fixes);
  const failOn = raw.failOn ?? 'error';
  if (failOn !== 'error' && failOn !== 'warning') throw badOptionValue(names.failOn, shown(failOn), 'error, warning');
  const sample = raw.sample === undefined ? 5 : wholeNumber(raw.sample, names.sample, 0, Infinity, '0, 1, 2 …');
  const maxWarnings =
    raw.maxWarnings === undefined || raw.maxWarnings === null ? null : wholeNumber(raw.maxWarnings, names.maxWarnings, 0, Infinity, '0, 1, 2 …');
  const maxFieldSize = normalizeMaxFieldSize(raw.maxFieldSize, names);
  const threads = raw.threads === undefined ? undefined : wholeNumber(raw.threads, names.threads, 1, MAX_THREADS, `1 … ${MAX_THREADS}`);
  const encoding = text(raw.encoding, 'encoding', 'utf-8, windows-1258, latin1 …');
  const keyField = text(raw.keyField, names.keyField, DEFAULT_KEY_FIELD);
  const model = text(raw.model, names.model, 'model.json');
  const saveModel = text(raw.saveModel, names.saveModel, 'model.json');
  const csvReader = normalizeCsvReader(raw.csvReader, names);
  const dialect = normalizeDialect(raw, names, delimiter);
  return {
    read: readOptions(delimiter, encoding, maxFieldSize, csvReader, dialect, normalizeWorkbook(raw, names)),
    asOfDay,
    sample,
    failOn,
    maxWarnings,
    fixes,
    keyField,
    threads,
    model: model === undefined ? null : resolve(model),
    saveModel: saveModel === undefined ? null : resolve(saveModel),
  };
}

/**
 * The packs with --model / --save-model given to their same-person rules (as the rules' `model`
 * and `save_model` options): a model is read by every same-person rule, written by the only one.
 */
export function withModelFiles(pack: ResolvedPack, settings: Pick<RunSettings, 'model' | 'saveModel'>, names: OptionNames): ResolvedPack {
  if (settings.model === null && settings.saveModel === null) return pack;
  const rules = pack.rules.filter((rule) => rule.check === 'same-person');
  const option = settings.model !== null ? names.model : names.saveModel;
  if (rules.length === 0) throw usageError(option, messageOf(operationalMessages, 'pack.no-same-person-rule', {}));
  if (settings.saveModel !== null && rules.length > 1) {
    throw usageError(names.saveModel, messageOf(operationalMessages, 'pack.several-same-person-rules', { count: rules.length, rules: rules.map((r) => r.id).join(', ') }));
  }
  return {
    ...pack,
    rules: pack.rules.map((rule) =>
      rule.check !== 'same-person'
        ? rule
        : {
            ...rule,
            options: {
              ...rule.options,
              ...(settings.model !== null ? { model: settings.model } : {}),
              ...(settings.saveModel !== null ? { save_model: settings.saveModel } : {}),
            },
          },
    ),
  };
}

/**
 * The key field must be a field of the pack (checked once the pack is known): `dqc check` needs it
 * for a fix list, `dqc reconcile` to match records.
 */
export function requireKeyField(pack: Pick<ResolvedPack, 'columns'>, keyField: string | undefined, name: string, command: 'check' | 'reconcile' = 'check'): void {
  if (keyField === undefined || Object.hasOwn(pack.columns, keyField)) return;
  const data = { field: keyField, known: Object.keys(pack.columns).join(', ') };
  throw usageError(
    name,
    command === 'reconcile' ? messageOf(reconcileMessages, 'reconcile.unknown-key', data) : messageOf(operationalMessages, 'pack.unknown-field', data),
  );
}
