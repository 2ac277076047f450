import type { Command } from 'commander';
import type { ApplyResult } from '../fix/apply.js';
import { FIX_REASONS } from '../fix/plan.js';
import type { Lang } from '../model.js';
import { terminalText } from '../report/formatters/escape.js';
import { formatNumber } from '../report/formatters/text.js';
import { t, type MessageKey } from './texts.js';
import type { Io } from './check.js';
import { addDialectOptions, addWorkbookOptions, dialectFlags, workbookFlags, type RawDialectFlags, type RawWorkbookFlags } from './run-options.js';

/** What commander hands over for `dqc fix`. */
export interface RawFixOptions extends RawDialectFlags, RawWorkbookFlags {
  pack?: string[];
  fixes?: string;
  output?: string;
  onlyRules?: string[];
  minConfidence?: string;
  audit?: string;
  dropped?: string;
  utf8?: boolean;
  delimiter?: string;
  encoding?: string;
  maxFieldSize?: string;
  quiet?: boolean;
}

/** Exit code of dqc fix: 0 every selected fix applied (or already there), 1 some conflicts. */
export function fixExitCode(result: ApplyResult): number {
  return result.fixes.conflicts > 0 ? 1 : 0;
}

/** The summary a person reads after dqc fix, in their language. */
export function describeFixResult(result: ApplyResult, lang: Lang): string {
  const n = (value: number) => formatNumber(value, lang);
  const lines = [t(lang, 'fix.summary.files', { input: result.input, output: result.output })];
  if (result.outputEncoding !== result.encoding) {
    lines.push(`  ${t(lang, 'fix.summary.encoding', { encoding: result.outputEncoding, input_encoding: result.encoding })}`);
  }
  lines.push(
    t(lang, 'fix.summary.rows', { in: n(result.rows.in), out: n(result.rows.out), dropped: n(result.rows.dropped), dropped_file: result.dropped }),
  );
  lines.push(
    t(lang, 'fix.summary.fixes', { applied: n(result.fixes.applied), conflicts: n(result.fixes.conflicts), skipped: n(result.fixes.skipped) }),
  );
  for (const reason of FIX_REASONS) {
    const count = result.reasons[reason];
    if (count) lines.push(`  ${t(lang, 'fix.summary.reason', { reason: t(lang, `fix.reason.${reason}` as MessageKey), count: n(count) })}`);
  }
  if (result.fixes.otherFiles > 0) lines.push(`  ${t(lang, 'fix.summary.other-files', { count: n(result.fixes.otherFiles) })}`);
  if (result.fixes.conflicts > 0) {
    lines.push(t(lang, 'fix.summary.conflicts'));
    for (const e of result.conflicts) {
      lines.push(
        `  ${t(lang, 'fix.summary.conflict', {
          row: e.row ?? '-',
          // Values come from the data and the list: shown, never obeyed by the terminal.
          column: terminalText(e.column || '-'),
          reason: t(lang, `fix.reason.${e.reason}` as MessageKey),
          expected: terminalText(e.expected),
          found: terminalText(e.before ?? ''),
          fix_id: terminalText(e.fix_id),
          rule: terminalText(e.rule),
        })}`,
      );
    }
    if (result.fixes.conflicts > result.conflicts.length) {
      lines.push(`  ${t(lang, 'fix.summary.more', { count: n(result.fixes.conflicts - result.conflicts.length) })}`);
    }
  }
  if (result.workbookRewritten) lines.push(t(lang, 'fix.summary.workbook'));
  lines.push(t(lang, 'fix.summary.audit', { audit: result.audit }));
  lines.push(t(lang, result.fixes.conflicts > 0 ? 'fix.summary.has-conflicts' : 'fix.summary.all-applied'));
  return `${lines.join('\n')}\n`;
}

/** `dqc fix`: arguments in, summary out, exit code back. The work is in src/fix. */
export async function fixCommand(input: string, raw: RawFixOptions, lang: Lang, io: Io): Promise<number> {
  // Imported here, not at the top: the program declares every command at each start (main.ts).
  const [{ CLI_FLAGS }, { normalizeFixOptions }, { applyFixes }] = await Promise.all([
    import('../api/options.js'),
    import('../api/fix.js'),
    import('../fix/apply.js'),
  ]);
  const result = await applyFixes(normalizeFixOptions({ ...raw, header: undefined, ...dialectFlags(raw), ...workbookFlags(raw), packs: raw.pack, input }, CLI_FLAGS));
  if (!raw.quiet) io.stdout(describeFixResult(result, lang));
  return fixExitCode(result);
}

/** Declares `dqc fix` on the program. */
export function registerFixCommand(program: Command, lang: Lang, io: Io, exit: { code: number }): void {
  const collect = (value: string, previous: string[] = []) => [...previous, value];
  const fix = program
    .command('fix')
    .description(t(lang, 'cli.fix'))
    .argument('<input>', t(lang, 'cli.fix.input'))
    .option('--fixes <file>', t(lang, 'cli.fix.opt.fixes'))
    .option('-o, --output <file>', t(lang, 'cli.fix.opt.output'))
    .option('--only-rules <ids>', t(lang, 'cli.fix.opt.only-rules'), collect)
    .option('--min-confidence <n>', t(lang, 'cli.fix.opt.min-confidence'))
    .option('--audit <file>', t(lang, 'cli.fix.opt.audit'))
    .option('--dropped <file>', t(lang, 'cli.fix.opt.dropped'))
    .option('--utf8', t(lang, 'cli.fix.opt.utf8'))
    .option('--delimiter <char>', t(lang, 'cli.opt.delimiter'))
    .option('-p, --pack <pack>', t(lang, 'cli.fix.opt.pack'), collect)
    .option('--encoding <label>', t(lang, 'cli.opt.encoding'))
    .option('--max-field-size <size>', t(lang, 'cli.opt.max-field-size'))
    .option('-q, --quiet', t(lang, 'cli.fix.opt.quiet'));
  addWorkbookOptions(addDialectOptions(fix, lang), lang)
    .action(async (input: string, options: RawFixOptions) => {
      exit.code = await fixCommand(input, options, lang, io);
    });
}
