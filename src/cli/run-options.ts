import type { Command } from 'commander';
import type { RawReadOptions } from '../api/options.js';
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
  return addWorkbookOptions(addDialectOptions(command.option('--delimiter <char>', t(lang, 'cli.opt.delimiter')), lang), lang)
    .option('--encoding <label>', t(lang, 'cli.opt.encoding'))
    .option('--sample <n>', t(lang, 'cli.opt.sample'), '5')
    .option('--as-of <date>', t(lang, 'cli.opt.as-of'))
    .option('--fail-on <severity>', t(lang, 'cli.opt.fail-on'), 'error')
    .option('--max-warnings <n>', t(lang, 'cli.opt.max-warnings'))
    .option('--max-field-size <size>', t(lang, 'cli.opt.max-field-size'));
}

/** The CSV dialect flags, as commander hands them over. */
export interface RawDialectFlags {
  quote?: string;
  escape?: string;
  skipInitialSpace?: boolean;
  header?: boolean;
}

/** Quote, escape, spaces after the delimiter, no header: for every command that reads CSV. */
export function addDialectOptions(command: Command, lang: Lang): Command {
  return command
    .option('--quote <char>', t(lang, 'cli.opt.quote'))
    .option('--escape <char>', t(lang, 'cli.opt.escape'))
    .option('--skip-initial-space', t(lang, 'cli.opt.skip-initial-space'))
    .option('--no-header', t(lang, 'cli.opt.no-header'));
}

/** A workbook's sheet and header row: for the commands that read workbooks (check, reconcile, profile, init). */
export function addWorkbookOptions(command: Command, lang: Lang): Command {
  return command.option('--sheet <name|number>', t(lang, 'cli.opt.sheet')).option('--header-row <n>', t(lang, 'cli.opt.header-row'));
}

export interface RawWorkbookFlags {
  sheet?: string;
  headerRow?: string;
}

export function workbookFlags(raw: RawWorkbookFlags): RawWorkbookFlags {
  return { ...(raw.sheet !== undefined && { sheet: raw.sheet }), ...(raw.headerRow !== undefined && { headerRow: raw.headerRow }) };
}

/**
 * Only the flags given: commander makes `--no-header` true by default, which must not override a
 * pack's `header: false`, so only its use (false) is passed on, and likewise only a given
 * --skip-initial-space.
 */
export function dialectFlags(raw: RawDialectFlags): RawDialectFlags {
  return {
    ...(raw.quote === undefined ? {} : { quote: raw.quote }),
    ...(raw.escape === undefined ? {} : { escape: raw.escape }),
    ...(raw.skipInitialSpace === true ? { skipInitialSpace: true } : {}),
    ...(raw.header === false ? { header: false } : {}),
  };
}

/**
 * What the environment says of reading (the command line reads the environment, nothing below it
 * does): DQC_CSV_READER=csv-parse reads CSV with csv-parse, to compare the two readers.
 */
export function readFromEnvironment(env: NodeJS.ProcessEnv): Pick<RawReadOptions, 'csvReader'> {
  return env.DQC_CSV_READER === 'csv-parse' ? { csvReader: 'csv-parse' } : {};
}
