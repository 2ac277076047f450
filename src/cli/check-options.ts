import { compileDateParser, todayDay } from '../shared/dates.js';
import { badOptionValue } from '../errors.js';
import { DEFAULT_MAX_FIELD_SIZE, parseByteSize } from '../input/limits.js';
import type { Lang } from '../model.js';
import type { FormatName } from '../report/formatters/index.js';
import { planReports, type RawReportOptions, type ReportPlan } from './report-outputs.js';
import { fixListFormatOf } from '../fix/writer.js';

/** What commander hands over for `dqc check`, before normalisation. */
export interface RawCheckOptions extends RawReportOptions {
  pack?: string[];
  column?: string[];
  delimiter?: string;
  encoding?: string;
  sample?: string;
  asOf?: string;
  failOn?: string;
  maxWarnings?: string;
  maxFieldSize?: string;
  lang?: string;
  quiet?: boolean;
  color?: boolean;
  fixes?: string;
  key?: string;
  threads?: string;
}

/** `dqc check` options normalised once: one spelling, checked, frozen. */
export interface CheckOptions {
  packs: string[];
  columns: string[];
  /** Report formats and where each goes (--format, -o, --output-<format>, --no-mask). */
  reports: ReportPlan;
  /** The first format and -o as given, for a command that writes one report only. */
  format: FormatName;
  output: string | null;
  delimiter: string | undefined;
  encoding: string | undefined;
  sample: number;
  asOfDay: number;
  failOn: 'error' | 'warning';
  maxWarnings: number | null;
  /** `--max-field-size` in bytes. */
  maxFieldSize: number;
  quiet: boolean;
  color: boolean | undefined;
  /** `--fixes`: where to write the fix list (.csv or .jsonl). */
  fixes: string | null;
  /** `--key`: the field whose value names a record in the fix list (checked against the pack later). */
  keyField: string | undefined;
  /** `--threads`; undefined lets the engine decide (chooseThreads). */
  threads: number | undefined;
}


const DELIMITER_NAMES: Record<string, string> = { tab: '\t', '\\t': '\t', comma: ',', semicolon: ';', pipe: '|' };

function count(option: string, value: string | undefined, fallback: number | null): number | null {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw badOptionValue(option, value, '0, 1, 2 …');
  return Number(value);
}

const parseIsoDay = compileDateParser('yyyy-MM-dd');

function maxFieldSize(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MAX_FIELD_SIZE;
  const size = parseByteSize(value);
  if (size === null) throw badOptionValue('--max-field-size', value, '1048576, 64k, 16MiB … up to 512MiB');
  return size;
}

function threadCount(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 64) throw badOptionValue('--threads', value, '1 … 64');
  return Number(value);
}

export function normalizeCheckOptions(raw: RawCheckOptions): Readonly<CheckOptions> {
  const reports = planReports(raw);
  let delimiter = raw.delimiter;
  if (delimiter !== undefined) {
    delimiter = DELIMITER_NAMES[delimiter.toLowerCase()] ?? delimiter;
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
      throw badOptionValue('--delimiter', raw.delimiter ?? '', ', ; | tab');
    }
  }
  let asOfDay = todayDay();
  if (raw.asOf !== undefined) {
    const day = parseIsoDay(raw.asOf);
    if (typeof day !== 'number') throw badOptionValue('--as-of', raw.asOf, 'yyyy-mm-dd');
    asOfDay = day;
  }
  if (raw.fixes !== undefined) fixListFormatOf(raw.fixes);
  const failOn = raw.failOn ?? 'error';
  if (failOn !== 'error' && failOn !== 'warning') throw badOptionValue('--fail-on', failOn, 'error, warning');
  return Object.freeze({
    packs: raw.pack && raw.pack.length > 0 ? raw.pack : ['vn-population'],
    columns: raw.column ?? [],
    reports,
    format: reports.targets[0]?.format ?? 'console',
    output: raw.output ?? null,
    delimiter,
    encoding: raw.encoding,
    sample: count('--sample', raw.sample, 5) as number,
    asOfDay,
    failOn,
    maxWarnings: count('--max-warnings', raw.maxWarnings, null),
    maxFieldSize: maxFieldSize(raw.maxFieldSize),
    quiet: raw.quiet ?? false,
    color: raw.color === false ? false : undefined,
    fixes: raw.fixes ?? null,
    keyField: raw.key,
    threads: threadCount(raw.threads),
  });
}

export function isLang(value: unknown): value is Lang {
  return value === 'vi' || value === 'en';
}
