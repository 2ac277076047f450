import { resolve } from 'node:path';
import type { Command } from 'commander';
import { type DqcError, usageError } from '../errors.js';
import { messageOf } from '../messages/render.js';
import { reconcileMessages } from '../reconcile/messages.js';
import { fixRecordFromFinding } from '../fix/model.js';
import { openFixWriter, type FixWriter } from '../fix/writer.js';
import type { Lang } from '../model.js';
import { parseColumnOverrides } from '../pack/bind.js';
import { packRefs } from '../pack/config.js';
import { resolvePacks } from '../pack/resolve.js';
import { ReconcileResults } from '../reconcile/results.js';
import { DEFAULT_KEY_FIELD, runReconcile } from '../reconcile/run.js';
import { exitCodeFor } from '../report/gate.js';
import { t } from './texts.js';
import type { Io } from './check.js';
import { normalizeCheckOptions, type RawCheckOptions } from './check-options.js';
import { expandInputs } from './inputs.js';
import { colorWanted, createProgress, progressWanted } from './progress.js';
import { writeReports } from './report-outputs.js';
import { addReadAndGateOptions, addReportOptions } from './run-options.js';

/** What commander hands over for `dqc reconcile`: the options of `dqc check` and its own. */
export interface RawReconcileOptions extends RawCheckOptions {
  reference?: string;
  referenceColumn?: string[];
  expectComplete?: boolean;
}

function usage(key: 'reconcile.reference-required' | 'reconcile.reference-one-file' | 'reconcile.reference-is-input', data = {}): DqcError {
  return usageError('--reference', messageOf(reconcileMessages, key, data));
}

/** `dqc reconcile`: arguments in, report (and fix list) out, exit code back. The work is in src/reconcile. */
export async function reconcileCommand(patterns: string[], raw: RawReconcileOptions, lang: Lang, io: Io): Promise<number> {
  const options = normalizeCheckOptions(raw);
  if (raw.reference === undefined || raw.reference.trim() === '') throw usage('reconcile.reference-required');
  const pack = resolvePacks(packRefs(raw.pack)); // --pack, else ./dqc.config.*, else vn-population
  const columnOverrides = parseColumnOverrides(options.columns, pack.columns);
  const referenceColumnOverrides = parseColumnOverrides(raw.referenceColumn ?? [], pack.columns);
  const inputs = await expandInputs(patterns);
  const references = await expandInputs([raw.reference]);
  if (references.length !== 1) throw usage('reconcile.reference-one-file', { path: raw.reference, count: references.length });
  const reference = references[0] as string;
  if (inputs.some((input) => resolve(input) === resolve(reference))) throw usage('reconcile.reference-is-input', { path: reference });

  const messages = ReconcileResults.messages();
  const fixes: FixWriter | null = options.fixes ? openFixWriter(options.fixes) : null;
  const progress = createProgress(lang, progressWanted(options.quiet, Boolean(process.stderr.isTTY), process.env));
  let report;
  try {
    report = await runReconcile({
      inputs,
      reference,
      pack,
      keyField: options.keyField ?? DEFAULT_KEY_FIELD,
      columnOverrides,
      referenceColumnOverrides,
      expectComplete: raw.expectComplete ?? false,
      asOfDay: options.asOfDay,
      sampleSize: options.sample,
      read: { delimiter: options.delimiter, encoding: options.encoding, maxFieldSize: options.maxFieldSize },
      gate: { failOn: options.failOn, maxWarnings: options.maxWarnings },
      onProgress: (rows) => progress.update(rows),
      onFinding: fixes
        ? (finding) => {
            const record = fixRecordFromFinding(finding, finding.key ?? '', lang, messages);
            if (record) fixes.add(record);
          }
        : undefined,
    });
  } catch (error) {
    await fixes?.abort();
    throw error;
  } finally {
    progress.stop();
  }
  await fixes?.commit();

  const color = colorWanted(options.color, Boolean(process.stdout.isTTY), process.env);
  writeReports(report, options.reports, { lang, color, quiet: options.quiet }, io.stdout);
  return exitCodeFor(report);
}

/** Declares `dqc reconcile` on the program; its options are `dqc check`'s plus the reference's. */
export function registerReconcileCommand(program: Command, lang: Lang, io: Io, exit: { code: number }): void {
  const collect = (value: string, previous: string[] = []) => [...previous, value];
  const reconcile = program
    .command('reconcile')
    .description(t(lang, 'cli.reconcile'))
    .argument('<inputs...>', t(lang, 'cli.reconcile.inputs'))
    .option('-r, --reference <file>', t(lang, 'cli.opt.reference'))
    .option('-k, --key <field>', t(lang, 'cli.opt.reconcile-key'))
    .option('--expect-complete', t(lang, 'cli.opt.expect-complete'))
    .option('-p, --pack <pack>', t(lang, 'cli.opt.pack'), collect)
    .option('-c, --column <field=header>', t(lang, 'cli.opt.column'), collect)
    .option('--reference-column <field=header>', t(lang, 'cli.opt.reference-column'), collect);
  addReadAndGateOptions(addReportOptions(reconcile, lang), lang)
    .option('--fixes <file>', t(lang, 'cli.opt.reconcile-fixes'))
    .option('-q, --quiet', t(lang, 'cli.opt.quiet'))
    .option('--no-color', t(lang, 'cli.opt.no-color'))
    .action(async (inputs: string[], options: RawReconcileOptions) => {
      exit.code = await reconcileCommand(inputs, options, lang, io);
    });
}
