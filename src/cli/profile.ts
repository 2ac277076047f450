import type { Command } from 'commander';
import { DEFAULT_TOP } from '../api/profile-defaults.js';
import { badOptionValue } from '../errors.js';
import type { Lang } from '../model.js';
import type { ProfileFormatName } from '../profile/formatters.js';
import { t } from './texts.js';
import type { Io } from './check.js';
import { addDialectOptions, addWorkbookOptions, dialectFlags, readFromEnvironment, workbookFlags, type RawDialectFlags, type RawWorkbookFlags } from './run-options.js';
import { writeFileAtomic } from './output.js';
import { colorWanted, createProgress, progressWanted } from './progress.js';

/** What commander hands over for `dqc profile`. */
export interface RawProfileOptions extends RawDialectFlags, RawWorkbookFlags {
  pack?: string[];
  format?: string;
  output?: string;
  top?: string;
  delimiter?: string;
  encoding?: string;
  asOf?: string;
  maxFieldSize?: string;
  quiet?: boolean;
  color?: boolean;
  mask?: boolean;
}



/** `dqc profile`: arguments in, profile out, exit code back (2 when a file could not be read to the end). */
export async function profileCommand(patterns: string[], raw: RawProfileOptions, lang: Lang, io: Io): Promise<number> {
  // Imported here, not at the top: the program declares every command at each start (main.ts).
  const [{ CLI_FLAGS }, { normalizeProfileOptions, profileWith }, { packRefs }, { PROFILE_FORMAT_NAMES, profileFormatters }] = await Promise.all([
    import('../api/options.js'),
    import('../api/profile.js'),
    import('../pack/config.js'),
    import('../profile/formatters.js'),
  ]);
  const format = raw.format ?? 'console';
  if (!(PROFILE_FORMAT_NAMES as readonly string[]).includes(format)) throw badOptionValue('--format', format, PROFILE_FORMAT_NAMES.join(', '));
  // The reading options mean what they mean for dqc check, and are checked the same way.
  const settings = normalizeProfileOptions(
    { top: raw.top, delimiter: raw.delimiter, encoding: raw.encoding, asOf: raw.asOf, maxFieldSize: raw.maxFieldSize, ...dialectFlags(raw), ...workbookFlags(raw), ...readFromEnvironment(process.env) },
    CLI_FLAGS,
  );
  const quiet = raw.quiet ?? false;
  const progress = await createProgress(lang, progressWanted(quiet, Boolean(process.stderr.isTTY), process.env));
  let profile;
  try {
    profile = await profileWith(patterns, { packs: packRefs(raw.pack), settings, onProgress: (rows) => progress.update(rows) });
  } finally {
    progress.stop();
  }

  const color = colorWanted(raw.color === false ? false : undefined, Boolean(process.stdout.isTTY), process.env);
  const text = profileFormatters[format as ProfileFormatName](profile, { lang, color: format === 'console' && color, mask: raw.mask !== false });
  if (raw.output) {
    writeFileAtomic(raw.output, text);
    if (!quiet && format !== 'console') io.stdout(profileFormatters.console(profile, { lang, color }));
  } else {
    io.stdout(text);
  }
  return profile.inputs.some((input) => !input.complete) ? 2 : 0;
}

export function registerProfileCommand(program: Command, lang: Lang, io: Io, exit: { code: number }): void {
  const collect = (value: string, previous: string[] = []) => [...previous, value];
  const profile = program
    .command('profile')
    .description(t(lang, 'cli.profile'))
    .argument('<inputs...>', t(lang, 'cli.check.inputs'))
    .option('-p, --pack <pack>', t(lang, 'cli.profile.pack'), collect)
    .option('-f, --format <format>', t(lang, 'cli.profile.format'), 'console')
    .option('-o, --output <file>', t(lang, 'cli.profile.output'))
    .option('--top <n>', t(lang, 'cli.profile.top'), String(DEFAULT_TOP))
    .option('--delimiter <char>', t(lang, 'cli.opt.delimiter'))
    .option('--encoding <label>', t(lang, 'cli.opt.encoding'))
    .option('--as-of <date>', t(lang, 'cli.opt.as-of'))
    .option('--max-field-size <size>', t(lang, 'cli.opt.max-field-size'))
    .option('-q, --quiet', t(lang, 'cli.opt.quiet'))
    .option('--no-color', t(lang, 'cli.opt.no-color'))
    .option('--no-mask', t(lang, 'cli.profile.no-mask'));
  addWorkbookOptions(addDialectOptions(profile, lang), lang)
    .action(async (inputs: string[], options: RawProfileOptions) => {
      exit.code = await profileCommand(inputs, options, lang, io);
    });
}
