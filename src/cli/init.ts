import { existsSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { DqcError, badOptionValue } from '../errors.js';
import type { InitPlan } from '../init/plan.js';
import type { Lang } from '../model.js';
import { CONFIG_FILE_NAMES, DEFAULT_PACK, findConfig } from '../pack/config.js';
import type { InputProfile } from '../profile/model.js';
import { t } from './texts.js';
import type { Io } from './check.js';
import { addDialectOptions, addWorkbookOptions, dialectFlags, readFromEnvironment, workbookFlags, type RawDialectFlags, type RawWorkbookFlags } from './run-options.js';

/** What commander hands over for `dqc init`. */
export interface RawInitOptions extends RawDialectFlags, RawWorkbookFlags {
  from?: string;
  output?: string;
  force?: boolean;
  pack?: string;
  delimiter?: string;
  encoding?: string;
  asOf?: string;
  maxFieldSize?: string;
}

const CONFIG_EXTENSIONS = ['.json', '.yaml', '.yml'];


/** Other configs dqc check could find in the target's directory. */
function configsBeside(target: string): string[] {
  const dir = dirname(target);
  return CONFIG_FILE_NAMES.map((name) => join(dir, name)).filter((path) => path !== target && existsSync(path));
}

function summary(plan: InitPlan, shown: string, input: InputProfile | null, lang: Lang): string {
  const base = plan.config.extends;
  const out = [
    `${t(lang, 'init.wrote', { path: shown })}: ${base ? t(lang, 'init.extends', { pack: base }) : t(lang, 'init.extends-nothing')}` +
      (input ? `, ${t(lang, 'init.from', { path: input.path, rows: input.rows })}` : ''),
  ];
  if (!input) {
    out.push(t(lang, 'init.no-file'));
    return `${out.join('\n')}\n`;
  }
  if (plan.bound.length > 0) {
    out.push('', t(lang, 'init.bound', { count: plan.bound.length }));
    for (const b of plan.bound) {
      const format = b.format ? `, ${t(lang, 'init.format', { format: b.format })}` : '';
      out.push(`  ${t(lang, 'init.bound-line', { header: b.header, field: b.field, by: t(lang, `profile.by.${b.by}`) + format })}`);
    }
  }
  if (plan.added.length > 0) {
    out.push('', t(lang, 'init.new-fields', { count: plan.added.length }));
    for (const a of plan.added) out.push(`  ${t(lang, 'init.new-field-line', { header: a.header, field: a.field, type: t(lang, `profile.type.${a.type}`) })}`);
  }
  if (plan.empty.length > 0) out.push('', t(lang, 'init.empty-columns', { columns: plan.empty.join(', ') }));
  if (plan.rules.length > 0) {
    out.push('', t(lang, 'init.rules', { count: plan.rules.length }));
    for (const rule of plan.rules) out.push(`  ${rule.id}  [${rule.check}]  ${rule.description?.[lang] ?? ''}`);
  }
  if (base) out.push('', t(lang, 'init.pack-rules', { pack: base, bound: plan.packRules.bound, skipped: plan.packRules.skipped }));
  const path = /[\s'"$`\\]/.test(input.path) ? `'${input.path.replace(/'/g, "'\\''")}'` : input.path;
  out.push('', t(lang, 'init.next', { command: `dqc check ${path}` }));
  return `${out.join('\n')}\n`;
}

/** `dqc init [--from <file>]`: writes a starter config; never overwrites one without --force. */
export async function initCommand(raw: RawInitOptions, lang: Lang, io: Io): Promise<number> {
  const shown = raw.output ?? CONFIG_FILE_NAMES[0];
  if (!CONFIG_EXTENSIONS.includes(extname(shown).toLowerCase())) throw badOptionValue('--output', shown, t(lang, 'cli.init.bad-output'));
  const target = resolve(shown);
  if (!raw.force) {
    if (existsSync(target)) throw new DqcError('DQC_CONFIG_EXISTS', { path: shown });
    // Writing dqc.config.yaml beside a dqc.config.json would change nothing, or change which one is used.
    const other = CONFIG_FILE_NAMES.some((name) => name === basename(target)) ? configsBeside(target)[0] : undefined;
    if (other) throw new DqcError('DQC_CONFIG_EXISTS', { path: relative(process.cwd(), other) || other });
  }
  // Imported here, not at the top: the program declares every command at each start (main.ts).
  const [
    { formatDay },
    { choosePack, relativeRef },
    { planConfig },
    { ENUM_MAX_VALUES },
    { serializeConfig, writeValidConfig },
    { SHIPPED_RULES_DIR },
    { resolvePacks },
    { runProfile },
    { CLI_FLAGS, normalizeReadOptions },
    { expandInputs },
  ] = await Promise.all([
    import('../shared/dates.js'),
    import('../init/choose-pack.js'),
    import('../init/plan.js'),
    import('../init/suggest.js'),
    import('../init/write-config.js'),
    import('../pack/locate.js'),
    import('../pack/resolve.js'),
    import('../profile/run.js'),
    import('../api/options.js'),
    import('../input/expand.js'),
  ]);
  const { read, asOfDay } = normalizeReadOptions(
    { delimiter: raw.delimiter, encoding: raw.encoding, asOf: raw.asOf, maxFieldSize: raw.maxFieldSize, ...dialectFlags(raw), ...workbookFlags(raw), ...readFromEnvironment(process.env) },
    CLI_FLAGS,
  );

  let input: InputProfile | null = null;
  if (raw.from !== undefined) {
    const files = await expandInputs([raw.from]);
    if (files.length !== 1) throw badOptionValue('--from', raw.from, t(lang, 'cli.init.one-file'));
    const pack = resolvePacks([raw.pack ?? DEFAULT_PACK]);
    const profile = await runProfile({
      inputs: files,
      pack,
      top: ENUM_MAX_VALUES,
      today: asOfDay,
      read,
    });
    input = profile.inputs[0] ?? null;
    if (input && !input.complete) {
      // A config from part of a file would miss what the rest holds: say so, as dqc check would.
      throw new DqcError('DQC_INPUT_UNREADABLE', { path: input.path, reason: t(lang, 'profile.incomplete') });
    }
  }
  const configDir = dirname(target);
  const chosen = choosePack(input, raw.pack, configDir);
  const schema = relativeRef(configDir, join(SHIPPED_RULES_DIR, 'pack.schema.json'));
  const plan = planConfig(chosen.input, chosen.base, { schema, path: raw.from ?? null, today: formatDay(asOfDay) });
  writeValidConfig(target, serializeConfig(plan.config, target));

  io.stdout(summary(plan, shown, chosen.input, lang));
  // With --force, a config of higher precedence may still sit beside the one written.
  const used = findConfig(configDir);
  if (used && used !== target && CONFIG_FILE_NAMES.some((name) => name === basename(target))) {
    io.stderr(`${t(lang, 'init.shadowed', { other: basename(used), path: shown })}\n`);
  }
  return 0;
}

export function registerInitCommand(program: Command, lang: Lang, io: Io, exit: { code: number }): void {
  const init = program
    .command('init')
    .description(t(lang, 'cli.init'))
    .option('--from <file>', t(lang, 'cli.init.from'))
    .option('-o, --output <file>', t(lang, 'cli.init.output'), CONFIG_FILE_NAMES[0])
    .option('--force', t(lang, 'cli.init.force'))
    .option('-p, --pack <pack>', t(lang, 'cli.init.pack'))
    .option('--delimiter <char>', t(lang, 'cli.opt.delimiter'))
    .option('--encoding <label>', t(lang, 'cli.opt.encoding'))
    .option('--as-of <date>', t(lang, 'cli.opt.as-of'))
    .option('--max-field-size <size>', t(lang, 'cli.opt.max-field-size'));
  addWorkbookOptions(addDialectOptions(init, lang), lang)
    .action(async (options: RawInitOptions) => {
      exit.code = await initCommand(options, lang, io);
    });
}
