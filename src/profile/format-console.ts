import { Chalk } from 'chalk';
import type { Lang } from '../model.js';
import { terminalText as s } from '../report/formatters/escape.js';
import { formatNumber } from '../report/formatters/text.js';
import { formatDate, formatRate } from '../report/locale.js';
import { t } from './messages.js';
import type { ColumnProfile, InputProfile, Profile } from './model.js';
import type { ProfileFormatContext } from './format-context.js';

const TOP_SHOWN = 5;
const SHAPES_SHOWN = 3;
const PROBLEM_SAMPLES_SHOWN = 3;
/** Long values (addresses) are cut in the console; the JSON has them whole. */
const VALUE_CHARS = 40;

function clip(text: string): string {
  return text.length <= VALUE_CHARS ? text : `${text.slice(0, VALUE_CHARS - 1)}…`;
}

function columnLines(column: ColumnProfile, lang: Lang, c: InstanceType<typeof Chalk>): string[] {
  const n = (value: number) => formatNumber(value, lang);
  const pct = (value: number) => formatRate(value, lang);
  const field = column.field
    ? c.cyan(t(lang, 'profile.field', { field: s(column.field.name), by: t(lang, `profile.by.${column.field.by}`) }))
    : c.dim(t(lang, 'profile.no-field'));
  // Headers and values come from the file: shown through terminalText, never obeyed by the terminal.
  const lines = [`${c.bold(`${column.position}. ${s(column.name)}`)}  ${field}`];

  const format = column.dateFormat ?? (column.decimalSeparator ? ` '${column.decimalSeparator}'` : '');
  const type = t(lang, `profile.type.${column.type}`);
  // Text and empty are what is left when no type fits: a share would say nothing.
  const facts =
    column.type === 'text' || column.type === 'empty'
      ? [t(lang, 'profile.type-plain', { type })]
      : [t(lang, 'profile.type', { type, format: column.dateFormat ? ` ${format}` : format, share: pct(column.typeShare) })];
  if (column.semantic) {
    const era = column.semantic.era ? `, ${t(lang, `profile.era.${column.semantic.era}`)}` : '';
    facts.push(t(lang, 'profile.semantic', { semantic: t(lang, `profile.semantic.${column.semantic.type}`) + era, share: pct(column.semantic.share) }));
  } else if (column.type !== 'empty') {
    facts.push(c.dim(t(lang, 'profile.no-semantic')));
  }
  lines.push(`    ${facts.join(' · ')}`);

  const fill = [
    t(lang, 'profile.fill', {
      filled: n(column.filled),
      rows: n(column.rows),
      rate: pct(column.fillRate),
      distinct: n(column.distinct.count),
      estimated: column.distinct.exact ? '' : t(lang, 'profile.estimated'),
    }),
  ];
  if (column.length) {
    const { min, max } = column.length;
    fill.push(min === max ? t(lang, 'profile.length-fixed', { length: min }) : t(lang, 'profile.length', { min, max }));
  }
  if (column.min !== null && column.max !== null) {
    // Dates are held as yyyy-mm-dd: shown 22/11/2026 in Vietnamese, as the rest of the output.
    const show = (v: number | string) => (typeof v === 'number' ? n(v) : formatDate(v, lang));
    fill.push(t(lang, 'profile.range', { min: show(column.min), max: show(column.max) }));
  }
  lines.push(`    ${fill.join(' · ')}`);

  if (column.shapes.length > 0 && column.filled > 0) {
    const shapes = column.shapes
      .slice(0, SHAPES_SHOWN)
      .map((shape) => `${s(shape.shape)} ${c.dim(pct(shape.count / column.filled))}`)
      .join(', ');
    lines.push(`    ${t(lang, 'profile.shapes', { shapes })}`);
  }
  const repeated = column.top.filter((v) => v.count > 1);
  if (repeated.length > 0) {
    const values = repeated
      .slice(0, TOP_SHOWN)
      .map((v) => `${s(JSON.stringify(clip(v.value)))} ${c.dim(v.error > 0 ? t(lang, 'profile.at-least', { count: n(v.count) }) : n(v.count))}`)
      .join(', ');
    lines.push(`    ${t(lang, 'profile.top', { values })}`);
  } else if (column.filled > 0) {
    lines.push(`    ${c.dim(t(lang, 'profile.no-repeats'))}`);
  }
  return lines;
}

function inputLines(input: InputProfile, profile: Profile, lang: Lang, c: InstanceType<typeof Chalk>): string[] {
  const n = (value: number) => formatNumber(value, lang);
  const delimiter = input.delimiter === null ? '' : t(lang, 'console.delimiter', { delimiter: JSON.stringify(input.delimiter) });
  const out = [
    c.bold(
      s(t(lang, 'profile.input', { path: input.path, rows: n(input.rows), columns: n(input.columns.length), format: input.format, encoding: input.encoding, delimiter })),
    ),
  ];
  if (!input.complete) out.push(c.red(`  ✖ ${t(lang, 'profile.incomplete')}`));
  for (const problem of input.problems) {
    const paint = problem.severity === 'error' ? c.red : c.yellow;
    out.push(paint(`  ${problem.severity === 'error' ? '✖' : '⚠'} ${problem.code} (${n(problem.count)})`));
    for (const sample of problem.samples.slice(0, PROBLEM_SAMPLES_SHOWN)) out.push(`      ${s(t(lang, problem.code, sample.data))}`);
  }
  out.push('');
  for (const column of input.columns) out.push(...columnLines(column, lang, c), '');
  const packs = profile.settings.packs.map((p) => p.name).join(' + ');
  out.push(
    s(t(lang, 'profile.summary', {
      columns: n(input.columns.length),
      semantic: n(input.columns.filter((col) => col.semantic !== null).length),
      bound: n(input.columns.filter((col) => col.field !== null).length),
      packs,
    })),
  );
  return out;
}

/** The steward's view of a profile: one block per column, what it holds and how it is written. */
export function formatProfileConsole(profile: Profile, { lang, color }: ProfileFormatContext): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const blocks = profile.inputs.map((input) => inputLines(input, profile, lang, c).join('\n'));
  return `${blocks.join('\n\n')}\n`;
}
