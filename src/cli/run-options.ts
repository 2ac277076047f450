import type { Command } from 'commander';
import type { Lang } from '../model.js';
import { t } from './texts.js';

/**
 * Options `dqc check` and `dqc reconcile` share: report formats and outputs, reading, the gate.
 * Declared once so the two commands cannot drift (normalizeCheckOptions reads them for both).
 */
export function addReportOptions(command: Command, lang: Lang): Command {
  return command
    .option('-f, --format <formats>', t(lang, 'cli.opt.format'))
    .option('-o, --output <file>', t(lang, 'cli.opt.output'))
    .option('--output-json <file>', t(lang, 'cli.opt.output-json'))
    .option('--output-html <file>', t(lang, 'cli.opt.output-html'))
    .option('--output-markdown <file>', t(lang, 'cli.opt.output-markdown'))
    .option('--output-junit <file>', t(lang, 'cli.opt.output-junit'))
    .option('--no-mask', t(lang, 'cli.opt.no-mask'));
}

export function addReadAndGateOptions(command: Command, lang: Lang): Command {
  return command
    .option('--delimiter <char>', t(lang, 'cli.opt.delimiter'))
    .option('--encoding <label>', t(lang, 'cli.opt.encoding'))
    .option('--sample <n>', t(lang, 'cli.opt.sample'), '5')
    .option('--as-of <date>', t(lang, 'cli.opt.as-of'))
    .option('--fail-on <severity>', t(lang, 'cli.opt.fail-on'), 'error')
    .option('--max-warnings <n>', t(lang, 'cli.opt.max-warnings'))
    .option('--max-field-size <size>', t(lang, 'cli.opt.max-field-size'));
}
