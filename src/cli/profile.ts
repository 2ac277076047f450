import type { Command } from 'commander';
import { badOptionValue } from '../errors.js';
import type { Lang } from '../model.js';
import { packRefs } from '../pack/config.js';
import { resolvePacks } from '../pack/resolve.js';
import { PROFILE_FORMAT_NAMES, profileFormatters, type ProfileFormatName } from '../profile/formatters.js';
import { runProfile } from '../profile/run.js';
import { t } from './texts.js';
import type { Io } from './check.js';
import { normalizeCheckOptions } from './check-options.js';
import { expandInputs } from './inputs.js';
import { writeFileAtomic } from './output.js';
import { colorWanted, createProgress, progressWanted } from './progress.js';

/** What commander hands over for `dqc profile`. */
export interface RawProfileOptions {
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

export const DEFAULT_TOP = 10;
const MAX_TOP = 1_000;


/** `dqc profile`: arguments in, profile out, exit code back (2 when a file could not be read to the end). */
export async function profileCommand(patterns: string[], raw: RawProfileOptions, lang: Lang, io: Io): Promise<number> {
  const format = raw.format ?? 'console';
  if (!(PROFILE_FORMAT_NAMES as readonly string[]).includes(format)) throw badOptionValue('--format', format, PROFILE_FORMAT_NAMES.join(', '));
  const topText = raw.top ?? String(DEFAULT_TOP);
  if (!/^\d+$/.test(topText) || Number(topText) > MAX_TOP) throw badOptionValue('--top', topText, `0 … ${MAX_TOP}`);
  // The reading options mean what they mean for dqc check, and are checked the same way.
  const read = normalizeCheckOptions({
    delimiter: raw.delimiter,
    encoding: raw.encoding,
    asOf: raw.asOf,
    maxFieldSize: raw.maxFieldSize,
    quiet: raw.quiet,
    color: raw.color,
  });
  const pack = resolvePacks(packRefs(raw.pack));
  const inputs = await expandInputs(patterns);
  const progress = createProgress(lang, progressWanted(read.quiet, Boolean(process.stderr.isTTY), process.env));
  let profile;
  try {
    profile = await runProfile({
      inputs,
      pack,
      top: Number(topText),
      today: read.asOfDay,
      read: { delimiter: read.delimiter, encoding: read.encoding, maxFieldSize: read.maxFieldSize },
      onProgress: (rows) => progress.update(rows),
    });
  } finally {
    progress.stop();
  }

  const color = colorWanted(read.color, Boolean(process.stdout.isTTY), process.env);
  const text = profileFormatters[format as ProfileFormatName](profile, { lang, color: format === 'console' && color, mask: raw.mask !== false });
  if (raw.output) {
    writeFileAtomic(raw.output, text);
    if (!read.quiet && format !== 'console') io.stdout(profileFormatters.console(profile, { lang, color }));
  } else {
    io.stdout(text);
  }
  return profile.inputs.some((input) => !input.complete) ? 2 : 0;
}

export function registerProfileCommand(program: Command, lang: Lang, io: Io, exit: { code: number }): void {
  const collect = (value: string, previous: string[] = []) => [...previous, value];
  program
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
    .option('--no-mask', t(lang, 'cli.profile.no-mask'))
    .action(async (inputs: string[], options: RawProfileOptions) => {
      exit.code = await profileCommand(inputs, options, lang, io);
    });
}
