import { statSync } from 'node:fs';
import { join } from 'node:path';
import { DqcError, usageError } from '../errors.js';
import type { Lang } from '../model.js';
import { FORMAT_NAMES, loadFormatter, type FormatName } from '../report/formatters/load.js';
import { messages, type MessageKey } from './texts.js';
import { messageOf } from '../messages/render.js';
import type { Report } from '../report/model.js';
import { writeFileAtomic } from './output.js';

// Which report formats a `dqc check` run writes, and where, so that a pipeline reads the data once:
//   --format console,html,junit -o reports/     several formats, -o an existing directory
//   --output-html r.html --output-junit j.xml   a file per format (each adds its format)
//   --format html -o r.html                     one format, -o a file (or a directory)
// Console output goes to stdout when it is in a list; at most one format can go to stdout. Each
// file is written whole or not at all (temp file + rename).

/** The per-format output options, as commander names them. */
export const OUTPUT_OPTIONS = {
  json: 'outputJson',
  html: 'outputHtml',
  markdown: 'outputMarkdown',
  junit: 'outputJunit',
} as const satisfies Partial<Record<FormatName, string>>;

/** File names inside an `-o` directory. */
export const DEFAULT_FILE_NAMES: Record<FormatName, string> = {
  console: 'report.txt',
  json: 'report.json',
  html: 'report.html',
  markdown: 'report.md',
  junit: 'junit.xml',
};

export interface RawReportOptions {
  format?: string;
  output?: string;
  outputJson?: string;
  outputHtml?: string;
  outputMarkdown?: string;
  outputJunit?: string;
  /** false with --no-mask. */
  mask?: boolean;
}

export interface ReportTarget {
  format: FormatName;
  /** null: standard output. */
  path: string | null;
}

export interface ReportPlan {
  targets: ReportTarget[];
  /** Mask ID numbers and names in the shareable formats. */
  mask: boolean;
}

function usage(option: string, key: MessageKey, data: Record<string, string>): DqcError {
  return usageError(option, messageOf(messages, key, data));
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function parseFormats(text: string): FormatName[] {
  const names = text
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  const known = FORMAT_NAMES as readonly string[];
  const unknown = names.find((name) => !known.includes(name));
  if (unknown !== undefined || names.length === 0) {
    throw usage('--format', 'cli.bad-option-value', { option: '--format', value: text, expected: FORMAT_NAMES.join(', ') });
  }
  return [...new Set(names)] as FormatName[];
}

/** Checks the report options once, before any data is read: a mistake costs no run. */
export function planReports(raw: RawReportOptions): ReportPlan {
  // Without --format, the console report is the default, unless --output-<format> options name
  // the reports: then the console shows its summary beside them (not with --quiet).
  const named = Object.values(OUTPUT_OPTIONS).some((key) => raw[key] !== undefined);
  const formats = raw.format !== undefined ? parseFormats(raw.format) : named ? [] : (['console'] as FormatName[]);
  const own = new Map<FormatName, string>();
  for (const [format, key] of Object.entries(OUTPUT_OPTIONS) as [FormatName, keyof RawReportOptions][]) {
    const path = raw[key];
    if (typeof path !== 'string') continue;
    own.set(format, path);
    if (!formats.includes(format)) formats.push(format);
  }

  const targets: ReportTarget[] = [];
  // Formats without a file of their own: console stays on stdout when it is one of several.
  const pending = formats.filter((format) => !own.has(format) && !(format === 'console' && formats.length > 1));
  const output = raw.output;
  const intoDirectory = output !== undefined && (pending.length > 1 || isDirectory(output));
  if (output !== undefined && pending.length > 1 && !isDirectory(output)) {
    throw usage('--output', 'cli.output-not-directory', { path: output, formats: pending.join(', ') });
  }
  for (const format of formats) {
    const path = own.get(format);
    if (path !== undefined) targets.push({ format, path });
    else if (!pending.includes(format)) targets.push({ format, path: null });
    else if (output === undefined) targets.push({ format, path: null });
    else targets.push({ format, path: intoDirectory ? join(output, DEFAULT_FILE_NAMES[format]) : output });
  }

  const onStdout = targets.filter((target) => target.path === null);
  if (onStdout.length > 1) {
    throw usage('--format', 'cli.formats-on-stdout', { formats: onStdout.map((target) => target.format).join(', ') });
  }
  const paths = new Map<string, FormatName>();
  for (const target of targets) {
    if (target.path === null) continue;
    const other = paths.get(target.path);
    if (other) throw usage(`--output-${target.format}`, 'cli.output-twice', { path: target.path, formats: `${other}, ${target.format}` });
    paths.set(target.path, target.format);
  }
  return { targets, mask: raw.mask !== false };
}

/**
 * Writes every report of the plan: files first (each atomically), then stdout. When nothing goes
 * to stdout, the console summary is printed there unless --quiet.
 */
export async function writeReports(
  report: Report,
  plan: ReportPlan,
  options: { lang: Lang; color: boolean; quiet: boolean },
  stdout: (text: string) => void,
): Promise<void> {
  const plain = { lang: options.lang, color: false, mask: plan.mask };
  const consoleInFile = plan.targets.some((target) => target.format === 'console');
  const summary = !plan.targets.some((target) => target.path === null) && !consoleInFile && !options.quiet;
  // Only the formatters this run writes are imported, all of them before the first file is written.
  const names = new Set<FormatName>(plan.targets.map((target) => target.format));
  if (summary) names.add('console');
  const formatters = new Map(await Promise.all([...names].map(async (name) => [name, await loadFormatter(name)] as const)));
  const formatter = (name: FormatName) => formatters.get(name)!;
  for (const target of plan.targets) {
    if (target.path === null) continue;
    writeFileAtomic(target.path, formatter(target.format)(report, plain));
  }
  for (const target of plan.targets) {
    if (target.path !== null) continue;
    const color = target.format === 'console' && options.color;
    stdout(formatter(target.format)(report, { ...plain, color }));
  }
  if (summary) stdout(formatter('console')(report, { lang: options.lang, color: options.color }));
}
