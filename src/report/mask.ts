import type { MessageData, ProposedFix } from '../model.js';
import type { Report, RuleResult, Sample } from './model.js';

// Masking of personal data in shareable reports (HTML, Markdown, JUnit). A report that goes to a
// manager, a pull request or a CI page must not carry whole ID numbers or names; the steward's
// console and the machine JSON stay unmasked (docs/decisions.md).
//
// What is masked, in samples only (counts, rule ids and headers are not personal data):
// - identity numbers: personal ID (CCCD), CMND, ID document, tax code, BHXH, BHYT, phone —
//   001085012345 → 001******345: the first and last 3 digits stay, other digits become *,
//   separators stay (a finding about separators still reads right). Every value of such a column is
//   masked, whatever it holds: one with fewer than 7 digits (N/A, 0, 12345, a truncated number)
//   has every letter and digit starred (*/*, *****), since what a column holds is not known from
//   one value (a truncated ID, a passport number in letters).
// - names: the first word (the surname, Vietnamese order) stays whole, every other word keeps its
//   first letter — Nguyễn Văn An → Nguyễn V** A*.
// - anywhere else in a sample or an input problem (a message parameter, a reason): any run of 9 or
//   more digits, the length of the shortest ID number (CMND), is masked like an ID number.
//
// Which fields are identity numbers or names: the field a sample is about, recognised by the check
// type of its rule (vn-personal-id, vn-person-name, same-person …), by the shipped pack's field
// names, or by words in a user pack's field names (cccd, cmnd, phone, ten, name …).

export type PersonalKind = 'number' | 'name';

/** Fields of rules/vn-population.json that hold identity numbers or names. */
const FIELD_KINDS: Record<string, PersonalKind> = {
  id_number: 'number',
  cmnd: 'number',
  id_document: 'number',
  tax_code: 'number',
  social_insurance: 'number',
  health_insurance: 'number',
  phone: 'number',
  full_name: 'name',
};

/** Check types whose first column is an identity number or a name, whatever the pack calls it. */
const CHECK_KINDS: Record<string, PersonalKind> = {
  'vn-personal-id': 'number',
  'vn-cmnd': 'number',
  'vn-tax-code': 'number',
  'vn-bhxh': 'number',
  'vn-bhyt': 'number',
  'vn-phone': 'number',
  'vn-person-name': 'name',
  'same-person': 'name',
};

// Words of a field name (folded: lower case, no diacritics, words split on _ - . space).
const NUMBER_WORDS = new Set(['id', 'cccd', 'cmnd', 'cmt', 'dinh', 'passport', 'chieu', 'mst', 'tax', 'thue', 'bhxh', 'bhyt', 'insurance', 'phone', 'sdt', 'mobile', 'thoai']);
const NAME_WORDS = new Set(['name', 'ten', 'hoten']);

/**
 * Message parameters that echo the cell (or its corrected form) and so get the cell's own masking;
 * the others only get the digit-run safety net.
 */
const ECHO_KEYS = new Set(['value', 'canonical', 'digits', 'key', 'candidates', 'card_bhxh', 'bhxh']);

const MIN_DIGITS_MASKED = 7;
const DIGIT_RUN = /\d{9,}/g;

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase();
}

/** The kind of a field from its name alone (user packs). */
export function kindOfFieldName(field: string): PersonalKind | undefined {
  const known = FIELD_KINDS[field];
  if (known) return known;
  const words = fold(field).split(/[^a-z0-9]+/).filter(Boolean);
  if (words.some((w) => NUMBER_WORDS.has(w))) return 'number';
  if (words.some((w) => NAME_WORDS.has(w))) return 'name';
  return undefined;
}

/** Fields of this report that hold identity numbers or names. */
export function personalFields(rules: readonly RuleResult[]): Map<string, PersonalKind> {
  const kinds = new Map<string, PersonalKind>();
  for (const rule of rules) {
    const first = rule.columns[0];
    const byCheck = CHECK_KINDS[rule.check];
    if (first !== undefined && byCheck) kinds.set(first, byCheck);
  }
  for (const rule of rules) {
    for (const field of rule.columns) {
      if (kinds.has(field)) continue;
      const kind = kindOfFieldName(field);
      if (kind) kinds.set(field, kind);
    }
  }
  return kinds;
}

/** 001085012345 → 001******345; separators kept; fewer than 7 digits shown as they are. */
export function maskNumber(text: string): string {
  let digits = 0;
  for (const c of text) if (c >= '0' && c <= '9') digits++;
  if (digits < MIN_DIGITS_MASKED) return text;
  let seen = 0;
  let out = '';
  for (const c of text) {
    if (c >= '0' && c <= '9') {
      seen++;
      out += seen <= 3 || seen > digits - 3 ? c : '*';
    } else {
      out += c;
    }
  }
  return out;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/gu;

/**
 * A value of an identity-number column: maskNumber when it has 7 digits or more, else every letter
 * and digit starred, separators kept.
 */
export function maskIdentity(text: string): string {
  const digits = text.replace(/\D/g, '').length;
  return digits >= MIN_DIGITS_MASKED ? maskNumber(text) : text.replace(LETTER_OR_DIGIT, '*');
}

const graphemes = new Intl.Segmenter('vi', { granularity: 'grapheme' });

/** Nguyễn Văn An → Nguyễn V** A*: the first word whole, then each word's first letter. */
export function maskName(text: string): string {
  let first = true;
  return text
    .split(/(\s+)/)
    .map((part) => {
      if (part === '' || /^\s+$/.test(part)) return part;
      if (first) {
        first = false;
        return part;
      }
      const letters = [...graphemes.segment(part)].map((s) => s.segment);
      return letters[0] + '*'.repeat(letters.length - 1);
    })
    .join('');
}

/** Runs of 9+ digits in free text (a reason, a parameter) masked like ID numbers. */
export function maskDigitRuns(text: string): string {
  return text.replace(DIGIT_RUN, (run) => maskNumber(run));
}

function maskAs(kind: PersonalKind | undefined, text: string): string {
  if (kind === 'number') return maskIdentity(text);
  if (kind === 'name') return maskDigitRuns(maskName(text));
  return maskDigitRuns(text);
}

/** A key of several columns (`unique` joins them with ' | '): each part masked as its own column. */
function maskKey(text: string, columnKinds: readonly (PersonalKind | undefined)[]): string {
  const parts = text.split(' | ');
  if (parts.length > columnKinds.length || parts.length < 2) return maskAs(columnKinds[0], text);
  return parts.map((part, k) => maskAs(columnKinds[k], part)).join(' | ');
}

function maskData(data: MessageData, kind: PersonalKind | undefined, columnKinds: readonly (PersonalKind | undefined)[] = []): MessageData {
  const out: MessageData = {};
  for (const [key, value] of Object.entries(data)) {
    if (typeof value !== 'string') out[key] = value;
    else if (key === 'key' && columnKinds.length > 1) out[key] = maskKey(value, columnKinds);
    else out[key] = ECHO_KEYS.has(key) ? maskAs(kind, value) : maskDigitRuns(value);
  }
  return out;
}

function maskFix(fix: ProposedFix, kind: PersonalKind | undefined): ProposedFix {
  if (fix.value === undefined) return fix;
  // merge_into and review name a row to keep, not a value.
  return { ...fix, value: fix.action === 'set' ? maskAs(kind, fix.value) : maskDigitRuns(fix.value) };
}

function maskSample(sample: Sample, kind: PersonalKind | undefined, columnKinds: readonly (PersonalKind | undefined)[]): Sample {
  const masked: Sample = {
    ...sample,
    value: sample.value === null ? null : maskAs(kind, sample.value),
    data: maskData(sample.data, kind, columnKinds),
  };
  if (sample.fix) masked.fix = maskFix(sample.fix, kind);
  return masked;
}

/** A copy of the report with identity numbers and names in samples masked; nothing else changes. */
export function maskReport(report: Report): Report {
  const kinds = personalFields(report.rules);
  return {
    ...report,
    inputs: report.inputs.map((input) => ({
      ...input,
      problems: input.problems.map((problem) => ({
        ...problem,
        samples: problem.samples.map((sample) => ({ ...sample, data: maskData(sample.data, undefined) })),
      })),
    })),
    rules: report.rules.map((rule) => {
      const columnKinds = rule.columns.map((field) => kinds.get(field));
      return {
        ...rule,
        samples: rule.samples.map((sample) => maskSample(sample, sample.field === null ? undefined : kinds.get(sample.field), columnKinds)),
      };
    }),
  };
}
