import { resolve } from 'node:path';
import { usageError } from '../errors.js';
import { fixRecordFromFinding } from '../fix/model.js';
import { openFixWriter, type FixWriter } from '../fix/writer.js';
import { expandInputs, expandSheets } from '../input/expand.js';
import { messageOf } from '../messages/render.js';
import { DEFAULT_KEY_FIELD, type Finding, type Lang } from '../model.js';
import { parseColumnOverrides } from '../pack/bind.js';
import { DEFAULT_PACK } from '../pack/config.js';
import { resolvePacks } from '../pack/resolve.js';
import { reconcileMessages } from '../reconcile/messages.js';
import { ReconcileResults } from '../reconcile/results.js';
import { runReconcile } from '../reconcile/run.js';
import type { Report } from '../report/model.js';
import type { CheckOptions } from './check.js';
import { speaking } from './language.js';
import { LIBRARY_NAMES, normalizeLang, normalizeRunOptions, requireKeyField, type OptionNames, type RunSettings } from './options.js';

/** Options of `reconcile()`: those of `dqc reconcile`, by their library names. */
export interface ReconcileOptions extends Omit<CheckOptions, 'threads'> {
  /** The reference extract: one file (path or glob). */
  reference: string;
  /** `field=Header` bindings for the reference (--reference-column). */
  referenceColumns?: string[];
  /** Report reference people missing from the inputs. */
  expectComplete?: boolean;
}

/** A reconcile as asked, options already normalised: what the command line and `reconcile()` both run. */
export interface ReconcileRequest {
  reference: string | undefined;
  packs: string[];
  columns: string[];
  referenceColumns: string[];
  expectComplete: boolean;
  settings: RunSettings;
  lang: Lang;
  /** What the options are called where they were given, for the errors. */
  names: OptionNames;
  onFinding?: (finding: Finding) => void;
  onProgress?: (rows: number) => void;
}

type ReferenceProblem = 'reconcile.reference-required' | 'reconcile.reference-one-file' | 'reconcile.reference-is-input';

/** dqc reconcile: the reference checked, packs resolved, columns bound, the run, and its fix list beside it. */
export async function reconcileWith(patterns: readonly string[], request: ReconcileRequest): Promise<Report> {
  const { settings, lang } = request;
  const refused = (key: ReferenceProblem, data = {}) => usageError(request.names.reference, messageOf(reconcileMessages, key, data));
  if (request.reference === undefined || request.reference.trim() === '') throw refused('reconcile.reference-required');
  const pack = resolvePacks(request.packs);
  const columnOverrides = parseColumnOverrides(request.columns, pack.columns, request.names.columns);
  const referenceColumnOverrides = parseColumnOverrides(request.referenceColumns, pack.columns, request.names.referenceColumns);
  const inputs = await expandSheets(await expandInputs(patterns), settings.read.sheet);
  const references = await expandInputs([request.reference]);
  if (references.length !== 1) throw refused('reconcile.reference-one-file', { path: request.reference, count: references.length });
  const reference = references[0] as string;
  if (inputs.some((input) => resolve(input) === resolve(reference))) throw refused('reconcile.reference-is-input', { path: reference });
  const keyField = settings.keyField ?? DEFAULT_KEY_FIELD;
  requireKeyField(pack, keyField, request.names.keyField, 'reconcile');

  const messages = ReconcileResults.messages();
  const fixes: FixWriter | null = settings.fixes ? openFixWriter(settings.fixes) : null;
  const listener = request.onFinding;
  let report: Report;
  try {
    report = await runReconcile({
      inputs,
      reference,
      pack,
      keyField,
      columnOverrides,
      referenceColumnOverrides,
      expectComplete: request.expectComplete,
      asOfDay: settings.asOfDay,
      sampleSize: settings.sample,
      read: settings.read,
      gate: { failOn: settings.failOn, maxWarnings: settings.maxWarnings },
      onProgress: request.onProgress,
      onFinding:
        fixes || listener
          ? (finding) => {
              if (fixes) {
                const record = fixRecordFromFinding(finding, finding.key ?? '', lang, messages);
                if (record) fixes.add(record);
              }
              listener?.(finding);
            }
          : undefined,
    });
  } catch (error) {
    await fixes?.abort();
    throw error;
  }
  await fixes?.commit();
  return report;
}

/**
 * Reconciles files (paths or globs) with a reference extract of the population database and returns
 * the report (the same model as check); throws DqcError (in `lang`) when the run cannot be done.
 */
export async function reconcile(inputs: string[], options: ReconcileOptions): Promise<Report> {
  const lang = normalizeLang(options.lang);
  return speaking(lang, async () =>
    reconcileWith(inputs, {
      reference: options.reference,
      packs: options.packs ?? [DEFAULT_PACK],
      columns: options.columns ?? [],
      referenceColumns: options.referenceColumns ?? [],
      expectComplete: options.expectComplete ?? false,
      settings: normalizeRunOptions({ ...options, threads: undefined }, LIBRARY_NAMES),
      lang,
      names: LIBRARY_NAMES,
      onFinding: options.onFinding,
      onProgress: options.onProgress,
    }),
  );
}
