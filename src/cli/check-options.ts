import { compileDateParser, todayDay } from '../checks/support/dates.js';
import { DqcError } from '../errors.js';
import type { Lang } from '../model.js';
import type { MessageKey } from '../report/messages.js';
import { FORMAT_NAMES, type FormatName } from '../report/formatters/index.js';

/** What commander hands over for `dqc check`, before normalisation. */
export interface RawCheckOptions {
  pack?: string[];
  column?: string[];
  format?: string;
  output?: string;
  delimiter?: string;
  encoding?: string;
  sample?: string;
  asOf?: string;
  failOn?: string;
  maxWarnings?: string;
  lang?: string;
  quiet?: boolean;
  color?: boolean;
}

/** `dqc check` options normalised once: one spelling, checked, frozen. */
export interface CheckOptions {
  packs: string[];
  columns: string[];
  format: FormatName;
  output: string | null;
  delimiter: string | undefined;
  encoding: string | undefined;
  sample: number;
  asOfDay: number;
  failOn: 'error' | 'warning';
  maxWarnings: number | null;
  quiet: boolean;
  color: boolean | undefined;
}

function bad(option: string, value: string, expected: string): DqcError {
  const key: MessageKey = 'cli.bad-option-value';
  return new DqcError('DQC_USAGE', {}, undefined, [{ path: option, key, data: { option, value, expected } }]);
}

const DELIMITER_NAMES: Record<string, string> = { tab: '\t', '\\t': '\t', comma: ',', semicolon: ';', pipe: '|' };

function count(option: string, value: string | undefined, fallback: number | null): number | null {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw bad(option, value, '0, 1, 2 …');
  return Number(value);
}

const parseIsoDay = compileDateParser('yyyy-MM-dd');

export function normalizeCheckOptions(raw: RawCheckOptions): Readonly<CheckOptions> {
  const format = raw.format ?? 'console';
  if (!(FORMAT_NAMES as readonly string[]).includes(format)) throw bad('--format', format, FORMAT_NAMES.join(', '));
  let delimiter = raw.delimiter;
  if (delimiter !== undefined) {
    delimiter = DELIMITER_NAMES[delimiter.toLowerCase()] ?? delimiter;
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
      throw bad('--delimiter', raw.delimiter ?? '', ', ; | tab');
    }
  }
  let asOfDay = todayDay();
  if (raw.asOf !== undefined) {
    const day = parseIsoDay(raw.asOf);
    if (typeof day !== 'number') throw bad('--as-of', raw.asOf, 'yyyy-mm-dd');
    asOfDay = day;
  }
  const failOn = raw.failOn ?? 'error';
  if (failOn !== 'error' && failOn !== 'warning') throw bad('--fail-on', failOn, 'error, warning');
  return Object.freeze({
    packs: raw.pack && raw.pack.length > 0 ? raw.pack : ['vn-population'],
    columns: raw.column ?? [],
    format: format as FormatName,
    output: raw.output ?? null,
    delimiter,
    encoding: raw.encoding,
    sample: count('--sample', raw.sample, 5) as number,
    asOfDay,
    failOn,
    maxWarnings: count('--max-warnings', raw.maxWarnings, null),
    quiet: raw.quiet ?? false,
    color: raw.color === false ? false : undefined,
  });
}

export function isLang(value: unknown): value is Lang {
  return value === 'vi' || value === 'en';
}
