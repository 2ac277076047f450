import { Command, CommanderError, Option } from 'commander';
import { TOOL_VERSION } from '../shared/version.js';
import type { Lang } from '../model.js';
import { t, type MessageKey } from './texts.js';
import type { Io } from './check.js';
import { addReadAndGateOptions, addReportOptions } from './run-options.js';
import { registerFixCommand } from './fix.js';
import { registerInitCommand } from './init.js';
import { registerProfileCommand } from './profile.js';
import { registerReconcileCommand } from './reconcile.js';
import { describeError } from './errors.js';
import { detectLang } from './lang.js';
import { cleanUpOnSignals } from './signals.js';

// commander's own words in the help, said in Vietnamese. They are replaced inside the pieces before
// commander measures and pads them (the style hooks), not in the finished text: "[tùy chọn]" is one
// column wider than "[options]", and a replacement after layout pushed every description after it out
// of line.
const VI_HELP_WORDS: [RegExp, string][] = [
  [/^Usage:$/, 'Cách dùng:'],
  [/^Options:$/, 'Tùy chọn:'],
  [/^Global Options:$/, 'Tùy chọn chung:'],
  [/^Commands:$/, 'Lệnh:'],
  [/^Arguments:$/, 'Tham số:'],
  [/\(default: /g, '(mặc định: '],
  [/\(choices: /g, '(giá trị: '],
  [/\[options\]/g, '[tùy chọn]'],
  [/\[command\]/g, '[lệnh]'],
];

// Made when help is laid out, not at start-up: the first Intl object of a process costs ~15–30 ms
// (ICU's data), which a run that prints no help need not pay here.
let graphemes: Intl.Segmenter | undefined;

/**
 * Columns a help text takes in a terminal: one per grapheme (a letter with its combining marks, as
 * in decomposed Vietnamese "ế" = e + ◌̂ + ◌́, is one column, not three), colour codes taking none.
 * commander counts UTF-16 code units.
 */
export function helpDisplayWidth(text: string): number {
  // eslint-disable-next-line no-control-regex -- colour codes are what is stripped
  const plain = text.replace(/\u001b\[\d*(?:;\d+)*m/g, '');
  let width = 0;
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  for (const { segment } of graphemes.segment(plain)) if (!/^\p{M}+$/u.test(segment)) width++;
  return width;
}

function helpConfiguration(lang: Lang) {
  const say = (text: string) => (lang === 'vi' ? VI_HELP_WORDS.reduce((s, [from, to]) => s.replace(from, to), text) : text);
  return {
    displayWidth: helpDisplayWidth,
    styleTitle: say,
    styleUsage: say,
    styleSubcommandTerm: say,
    styleOptionDescription: say,
    styleArgumentDescription: say,
  };
}

// A command's own modules (the engine, the pack resolver and its schema validators, the formatters,
// profile, fix, reconcile) are imported when that command runs: start-up is part of every run, and
// `dqc --version` or `dqc fix` need none of what `dqc check` loads.
function buildProgram(lang: Lang, io: Io, exit: { code: number }): Command {
  const program = new Command('dqc')
    .description(t(lang, 'cli.description'))
    .version(TOOL_VERSION, '-V, --version', t(lang, 'cli.version'))
    .helpOption('-h, --help', t(lang, 'cli.help'))
    .helpCommand('help [command]', t(lang, 'cli.help-command'))
    // Read before commander runs (detectLang), declared here so every command accepts it.
    .addOption(new Option('--lang <lang>', t(lang, 'cli.opt.lang')).choices(['vi', 'en']))
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => undefined })
    .configureHelp(helpConfiguration(lang));

  const collect = (value: string, previous: string[] = []) => [...previous, value];
  const check = program
    .command('check')
    .description(t(lang, 'cli.check'))
    .argument('<inputs...>', t(lang, 'cli.check.inputs'))
    .option('-p, --pack <pack>', t(lang, 'cli.opt.pack'), collect)
    .option('-c, --column <field=header>', t(lang, 'cli.opt.column'), collect);
  addReadAndGateOptions(addReportOptions(check, lang), lang)
    .option('--fixes <file>', t(lang, 'cli.opt.fixes'))
    .option('--key <field>', t(lang, 'cli.opt.key'))
    .option('--threads <n>', t(lang, 'cli.opt.threads'))
    .option('--model <file>', t(lang, 'cli.opt.model'))
    .option('--save-model <file>', t(lang, 'cli.opt.save-model'))
    .option('-q, --quiet', t(lang, 'cli.opt.quiet'))
    .option('--no-color', t(lang, 'cli.opt.no-color'))
    .action(async (inputs: string[], options: Record<string, unknown>) => {
      const { checkCommand } = await import('./check.js');
      exit.code = await checkCommand(inputs, options, lang, io);
    });

  registerReconcileCommand(program, lang, io, exit);
  registerFixCommand(program, lang, io, exit);
  registerProfileCommand(program, lang, io, exit);
  registerInitCommand(program, lang, io, exit);

  program
    .command('checks')
    .description(t(lang, 'cli.checks'))
    .action(async () => {
      const { checksCommand } = await import('./checks.js');
      exit.code = checksCommand(lang, io);
    });

  program
    .command('rules')
    .description(t(lang, 'cli.rules'))
    .option('-p, --pack <pack>', t(lang, 'cli.opt.pack'), collect)
    .action(async (options: { pack?: string[] }) => {
      const { rulesCommand } = await import('./rules.js');
      exit.code = rulesCommand(options.pack ?? [], lang, io);
    });

  program
    .command('pack')
    .description(t(lang, 'cli.pack'))
    .argument('[packs...]', t(lang, 'cli.pack.names'))
    .action(async (packs: string[]) => {
      const [{ packRefs }, { resolvePacks }] = await Promise.all([import('../pack/config.js'), import('../pack/resolve.js')]);
      const resolved = resolvePacks(packRefs(packs));
      io.stdout(`${JSON.stringify(resolved, null, 2)}\n`);
    });
  return program;
}

/** commander's own errors, said in the user's language where we know them. */
function usageError(error: CommanderError, lang: Lang): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  const keys: Record<string, MessageKey> = {
    'commander.unknownOption': 'cli.unknown-option',
    'commander.unknownCommand': 'cli.unknown-command',
    'commander.missingArgument': 'cli.missing-argument',
    'commander.optionMissingArgument': 'cli.missing-option-value',
  };
  const key = keys[error.code];
  const text = key
    ? t(lang, key, { option: quoted, command: quoted, argument: quoted })
    : t(lang, 'cli.other', { message: error.message.replace(/^error: /, '') });
  return `dqc: ${t(lang, 'DQC_USAGE')} ${text}\n${t(lang, 'cli.help-hint')}`;
}

/** Runs dqc with the given arguments; returns the exit code. The only place errors become exit code 2. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const lang = detectLang(argv, process.env);
  const exit = { code: 0 };
  const program = buildProgram(lang, io, exit);
  const stopCleaningUp = cleanUpOnSignals();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exit.code;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return 0; // --help, --version
      io.stderr(`${usageError(error, lang)}\n`);
      return 2;
    }
    io.stderr(`${describeError(error, lang)}\n`);
    return 2;
  } finally {
    stopCleaningUp();
  }
}

/**
 * `dqc check … | head`: the reader went away. Say nothing more on that stream, as Unix tools do,
 * instead of an unhandled EPIPE with a stack trace; the run still ends with its own exit code.
 */
function ignoreClosedPipe(stream: NodeJS.WriteStream): NodeJS.WriteStream {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  return stream;
}

const stdout = ignoreClosedPipe(process.stdout);
const stderr = ignoreClosedPipe(process.stderr);

const defaultIo: Io = {
  stdout: (text) => stdout.write(text),
  stderr: (text) => stderr.write(text),
};

