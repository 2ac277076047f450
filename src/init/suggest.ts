// Rules dqc init suggests for a column that no field of the extended pack covers, read from its
// profile. Each suggestion is something the profiled file already satisfies or nearly (a steward
// starts from what the export is, and tightens later), at severity `warning`, so that a first
// `dqc check` reports rather than blocks. What is suggested, per column:
//   - its meaning's check type, when the values have one (vn-phone for phone numbers …);
//   - a `date` rule in the detected format for a date column (future days allowed if it had some);
//   - `required` when every row was filled, else `fill-rate` at the observed rate (rounded down to
//     a whole percent) when at least half were;
//   - `enum` of the observed values when there are at most ENUM_MAX_VALUES, each seen about
//     ENUM_MIN_REPEATS times on average (a short list that repeats, not a sample of free text);
//   - `unique` when no value repeated in a full column of at least UNIQUE_MIN_ROWS rows and the
//     values are identifiers or codes (never names, dates or places, which repeat in real life);
//   - `pattern` when every value has one shape of digits and punctuation (`dddd-dddd`) and no
//     other rule says what the value is.

import type { Bilingual, MessageData } from '../model.js';
import type { ColumnProfile } from '../profile/model.js';
import type { SemanticType } from '../profile/semantic.js';
import { t, type ProfileMessageKey as MessageKey } from '../profile/messages.js';

export const ENUM_MAX_VALUES = 20;
const ENUM_MIN_REPEATS = 3;
const UNIQUE_MIN_ROWS = 20;
const FILL_RATE_MIN = 0.5;

export interface Suggestion {
  /** The part of the rule id after the field (`required`, `valid` …). */
  suffix: string;
  check: string;
  options?: Record<string, unknown>;
  /** Why it is suggested, in both languages: the rule's description in the config. */
  description: Bilingual;
}

function both(key: MessageKey, data: MessageData, localData: (lang: 'en' | 'vi') => MessageData = () => ({})): Bilingual {
  return { en: t('en', key, { ...data, ...localData('en') }), vi: t('vi', key, { ...data, ...localData('vi') }) };
}

const SEMANTIC_CHECKS: Partial<Record<SemanticType, (column: ColumnProfile) => { check: string; options?: Record<string, unknown> }>> = {
  'personal-id': () => ({ check: 'vn-personal-id', options: { cross_checks: [] } }),
  cmnd: () => ({ check: 'vn-cmnd' }),
  phone: () => ({ check: 'vn-phone' }),
  'tax-code': () => ({ check: 'vn-tax-code' }),
  'social-insurance': () => ({ check: 'vn-bhxh' }),
  'health-insurance': () => ({ check: 'vn-bhyt' }),
  province: (column) => ({ check: 'vn-province', options: { era: column.semantic?.era ?? 'pre-2025' } }),
  ethnicity: () => ({ check: 'vn-ethnicity' }),
  'person-name': (column) => ({ check: 'vn-person-name', options: { case: nameCase(column), check_middle_name: false } }),
  address: () => ({ check: 'vn-text-encoding', options: { check_nfd: false } }),
};

const IDENTIFIERS: ReadonlySet<SemanticType> = new Set(['personal-id', 'cmnd', 'phone', 'tax-code', 'social-insurance', 'health-insurance']);

/** The case the names of a column are written in, when nine in ten agree; else any. */
function nameCase(column: ColumnProfile): 'title' | 'upper' | 'any' {
  const share = (test: RegExp) => column.shapes.filter((s) => test.test(s.shape)).reduce((n, s) => n + s.count, 0) / Math.max(1, column.filled);
  if (share(/^Aa(?:[ '’-]Aa)*$/) >= 0.9) return 'title';
  if (share(/^A(?:[ '’-]A)*$/) >= 0.9) return 'upper';
  return 'any';
}

/** `^\d{4}-\d{4}$` for the shape `dddd-dddd`; null when the shape has letters or no digit. */
export function patternOfShape(shape: string): string | null {
  if (!/d/.test(shape) || /[aA…]/.test(shape)) return null;
  return `^${shape.replace(/d+|[^d]/g, (part) => (part.startsWith('d') ? (part.length === 1 ? '\\d' : `\\d{${part.length}}`) : part.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')))}$`;
}

function percent(rate: number): string {
  return `${Math.floor(rate * 100)}%`;
}

export function suggestRules(column: ColumnProfile, header: string, today: string): Suggestion[] {
  const out: Suggestion[] = [];
  const data = { header };
  const semantic = column.semantic?.type;
  const forSemantic = semantic ? SEMANTIC_CHECKS[semantic] : undefined;
  if (forSemantic) {
    const { check, options } = forSemantic(column);
    const description = both('init.rule.semantic', data, (lang) => ({ semantic: t(lang, `profile.semantic.${semantic as SemanticType}`) }));
    out.push({ suffix: 'valid', check, options, description });
  } else if (column.type === 'date' && column.dateFormat) {
    const options: Record<string, unknown> = {};
    if (typeof column.max === 'string' && column.max > today) options.allow_future = true;
    out.push({ suffix: 'valid', check: 'date', options, description: both('init.rule.date', { ...data, format: column.dateFormat }) });
  }

  if (column.rows > 0 && column.filled === column.rows) out.push({ suffix: 'required', check: 'required', description: both('init.rule.required', data) });
  else if (column.fillRate >= FILL_RATE_MIN) {
    const min = Math.floor(column.fillRate * 100) / 100;
    out.push({ suffix: 'fill', check: 'fill-rate', options: { min }, description: both('init.rule.fill-rate', { ...data, rate: percent(column.fillRate) }) });
  }

  const distinct = column.distinct;
  const listed = column.top.reduce((n, v) => n + v.count, 0);
  const enumerable =
    !forSemantic &&
    column.type !== 'date' &&
    distinct.exact &&
    distinct.count > 0 &&
    distinct.count <= ENUM_MAX_VALUES &&
    column.top.length === distinct.count &&
    listed === column.filled &&
    column.filled >= ENUM_MIN_REPEATS * distinct.count;
  if (enumerable) {
    const values = column.top.map((v) => v.value).sort();
    out.push({ suffix: 'values', check: 'enum', options: { values }, description: both('init.rule.enum', { ...data, count: values.length }) });
  }

  const allDistinct = distinct.exact && distinct.count === column.filled && column.filled === column.rows;
  const keyLike = semantic ? IDENTIFIERS.has(semantic) : column.type === 'text' || column.type === 'integer';
  if (allDistinct && column.rows >= UNIQUE_MIN_ROWS && keyLike) out.push({ suffix: 'unique', check: 'unique', description: both('init.rule.unique', data) });

  const only = column.shapes.length === 1 ? column.shapes[0] : undefined;
  const pattern = only && only.count === column.filled && !forSemantic && column.type !== 'date' ? patternOfShape(only.shape) : null;
  if (only && pattern && column.shapesUncounted === 0) {
    out.push({
      suffix: 'pattern',
      check: 'pattern',
      options: { pattern, description: both('init.pattern-description', { shape: only.shape }) },
      description: both('init.rule.pattern', { ...data, shape: only.shape }),
    });
  }
  return out;
}
