import { runCheck } from '../engine/check.js';
import { expandInputs, expandSheets } from '../input/expand.js';
import type { Finding, Lang } from '../model.js';
import { parseColumnOverrides } from '../pack/bind.js';
import { DEFAULT_PACK } from '../pack/config.js';
import { resolvePacks } from '../pack/resolve.js';
import type { Report } from '../report/model.js';
import { speaking } from './language.js';
import {
  LIBRARY_NAMES,
  normalizeLang,
  normalizeRunOptions,
  requireKeyField,
  underPackDialect,
  withModelFiles,
  type OptionNames,
  type ReadingOptions,
  type RunSettings,
} from './options.js';

/** Options of `check()`: those of `dqc check` (README "Command line"), by their library names. */
export interface CheckOptions extends ReadingOptions {
  /** Pack names or paths, applied in order (default vn-population). */
  packs?: string[];
  /** `field=Header` bindings (--column). */
  columns?: string[];
  sample?: number;
  failOn?: 'error' | 'warning';
  maxWarnings?: number | null;
  /** Field whose value each Finding.key and fix-list record carries (default id_number). */
  keyField?: string;
  /** Threads to share the rows between (default: decided from the input size and the cores). */
  threads?: number;
  /** Also write a fix list there (.csv or .jsonl); its reasons are in `lang`. */
  fixes?: string;
  /** A same-person model file to read instead of learning one (`--model`). */
  model?: string;
  /** Where to write the same-person model used (`--save-model`). */
  saveModel?: string;
  onFinding?: (finding: Finding) => void;
}

/** A check as asked, options already normalised: what the command line and `check()` both run. */
export interface CheckRequest {
  packs: string[];
  columns: string[];
  settings: RunSettings;
  lang: Lang;
  /** What the options are called where they were given, for the errors. */
  names: OptionNames;
  onFinding?: (finding: Finding) => void;
  onProgress?: (rows: number) => void;
}

/** dqc check: packs resolved, columns bound, inputs expanded, the run, and its fix list beside it. */
export async function checkWith(patterns: readonly string[], request: CheckRequest): Promise<Report> {
  const { settings, lang } = request;
  const pack = withModelFiles(resolvePacks(request.packs), settings, request.names);
  const columnOverrides = parseColumnOverrides(request.columns, pack.columns, request.names.columns);
  const inputs = await expandSheets(await expandInputs(patterns), settings.read.sheet);
  const dialect = underPackDialect(settings.read.dialect, pack.dialect);
  const read = dialect ? { ...settings.read, dialect } : settings.read;
  if (settings.fixes) requireKeyField(pack, settings.keyField, request.names.keyField);
  // The fix list's writer is imported only for a run that writes one.
  const fixList = settings.fixes
    ? (await import('../fix/from-check.js')).openCheckFixList({ path: settings.fixes, lang, pack, columnOverrides, keyField: settings.keyField, read })
    : null;
  const listener = request.onFinding;
  const toList = fixList?.onFinding;
  const onFinding = toList && listener ? (finding: Finding) => (toList(finding), listener(finding)) : (toList ?? listener);
  let report: Report;
  try {
    report = await runCheck({
      inputs,
      pack,
      columnOverrides,
      asOfDay: settings.asOfDay,
      sampleSize: settings.sample,
      read,
      gate: { failOn: settings.failOn, maxWarnings: settings.maxWarnings },
      onProgress: request.onProgress,
      keyField: settings.keyField,
      threads: settings.threads,
      onFinding,
    });
  } catch (error) {
    await fixList?.abort();
    throw error;
  }
  await fixList?.finish();
  return report;
}

/** Checks files (paths or globs) and returns the report; throws DqcError (in `lang`) when the run cannot be done. */
export async function check(inputs: string[], options: CheckOptions = {}): Promise<Report> {
  const lang = normalizeLang(options.lang);
  return speaking(lang, async () =>
    checkWith(inputs, {
      packs: options.packs ?? [DEFAULT_PACK],
      columns: options.columns ?? [],
      settings: normalizeRunOptions(options, LIBRARY_NAMES),
      lang,
      names: LIBRARY_NAMES,
      onFinding: options.onFinding,
      onProgress: options.onProgress,
    }),
  );
}
