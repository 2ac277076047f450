import type { Command } from 'commander';
import type { Lang } from '../model.js';
import { t } from './texts.js';
import type { Io } from './check.js';
import type { RawCheckOptions } from './check-options.js';
import { addReadAndGateOptions, addReportOptions } from './run-options.js';

/** What commander hands over for `dqc reconcile`: the options of `dqc check` and its own. */
export interface RawReconcileOptions extends RawCheckOptions {
  reference?: string;
  referenceColumn?: string[];
  expectComplete?: boolean;
}

/** `dqc reconcile`: arguments in, report (and fix list) out, exit code back. The run is the library's (src/api/reconcile.ts). */
export async function reconcileCommand(patterns: string[], raw: RawReconcileOptions, lang: Lang, io: Io): Promise<number> {
  // Imported here, not at the top: the program declares every command at each start (main.ts).
  const [{ CLI_FLAGS }, { reconcileWith }, { packRefs }, { reportedRun }, { normalizeCheckOptions }] = await Promise.all([
    import('../api/options.js'),
    import('../api/reconcile.js'),
    import('../pack/config.js'),
    import('./check.js'),
    import('./check-options.js'),
  ]);
  const options = normalizeCheckOptions(raw, process.env);
  return reportedRun(options, lang, io, (onProgress) =>
    reconcileWith(patterns, {
      reference: raw.reference,
      packs: packRefs(raw.pack), // --pack, else ./dqc.config.*, else vn-population
      columns: options.columns,
      referenceColumns: raw.referenceColumn ?? [],
      expectComplete: raw.expectComplete ?? false,
      settings: options.settings,
      lang,
      names: CLI_FLAGS,
      onProgress,
    }),
  );
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
