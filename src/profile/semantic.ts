// What a column's values mean, read from the values with the validators of src/vn/: a Vietnamese
// personal ID, a CMND, a phone number … Each validator counts the non-blank values it accepts; a
// column is of a semantic type when at least SEMANTIC_SHARE of them pass, taking the types in the
// order of `decide`, most specific first (a phone number is also a 10-digit BHXH code; a status like
// "Đang hoạt động" is also shaped like a name). Validators that accepted fewer than half of the
// first PRUNE_AFTER values stop running, so a column pays for one or two of them.
//
// Dates are recognised by their type (value-type.ts); which date they are (of birth, of death,
// last updated) is read from the header (fields.ts), and from the values only for a date of birth:
// a column of past days spread over DOB_MIN_SPAN_YEARS years or more.

import { foldText } from '../vn/fold.js';
import { classifyLegacyId } from '../vn/cmnd.js';
import { matchEthnicity } from '../vn/ethnicity.js';
import { readBhxh, readBhyt, type BhytReading } from '../vn/insurance.js';
import { isVietnameseNameLetter } from '../vn/names.js';
import { parsePersonalId, parseSex } from '../vn/personal-id.js';
import { normalizePhone } from '../vn/phones.js';
import { findProvince, type ProvinceEra } from '../vn/provinces.js';
import { parseTaxCode, type ParsedTaxCode } from '../vn/tax-code.js';

export const SEMANTIC_SHARE = 0.9;
const PRUNE_AFTER = 200;
/** The old 15-character BHYT card must be this share of a column's values to tell it from a BHXH column. */
const BHYT_OLD_FORM_SHARE = 0.01;
/** A tax-code column holds mostly 10/13-digit codes with a valid check digit (12-digit personal IDs are MSTs too since 2025). */
const TAX_STRICT_SHARE = 0.5;
/** Every province value a 2025 name (with some tolerance) makes the column a post-2025 one. */
const POST_2025_SHARE = 0.98;
export const DOB_MIN_SPAN_YEARS = 20;
/**
 * A column of names has many different values: at least this share of its rows, or NAME_ENOUGH_DISTINCT
 * (Vietnamese names repeat a lot in a large file: 200,000 people carry about 42,000 full names).
 */
const NAME_MIN_DISTINCT_SHARE = 0.3;
const NAME_ENOUGH_DISTINCT = 1_000;
const NAME_MIN_ROWS_FOR_VARIETY = 20;

export const SEMANTIC_TYPES = [
  'personal-id',
  'cmnd',
  'phone',
  'tax-code',
  'social-insurance',
  'health-insurance',
  'sex',
  'status',
  'ethnicity',
  'province',
  'person-name',
  'address',
  'date-of-birth',
  'date-of-death',
  'updated-date',
] as const;
export type SemanticType = (typeof SEMANTIC_TYPES)[number];
export type DateRole = Extract<SemanticType, 'date-of-birth' | 'date-of-death' | 'updated-date'>;

export interface Semantic {
  type: SemanticType;
  /** Share of the non-blank values the validator accepted. */
  share: number;
  /** Provinces: whose list the names come from (the 63 before 1 July 2025, or the 34 after). */
  era?: ProvinceEra;
}

// Record statuses of population exports, folded: the words the liveness check knows, and the usual
// words for the dead, the moved and the removed.
const STATUS_WORDS = new Set(
  [
    'đang hoạt động', 'hoạt động', 'còn hoạt động', 'còn sống', 'đang sống', 'active', 'alive', 'living',
    'đã chết', 'chết', 'đã mất', 'mất', 'tử vong', 'đã tử vong', 'qua đời', 'đã qua đời', 'dead', 'deceased',
    'inactive', 'ngừng hoạt động', 'không hoạt động', 'tạm vắng', 'tạm trú', 'chuyển đi', 'đã chuyển đi',
    'đã xóa', 'đã hủy', 'hủy', 'khóa', 'đã khóa', 'removed', 'moved',
  ].map(foldText),
);

// Words of a Vietnamese address, lower case, with and without their accents: administrative units
// and street words. Compared without folding, which would cost a normalisation per value.
const ADDRESS_WORDS = new Set(
  [
    'số', 'đường', 'phố', 'phường', 'xã', 'quận', 'huyện', 'thị', 'trấn', 'thành', 'tỉnh', 'thôn', 'ấp', 'xóm', 'tổ',
    'khu', 'ngõ', 'ngách', 'hẻm', 'kiệt', 'bản', 'khóm', 'tp', 'tt', 'street', 'ward', 'district',
  ].flatMap((w) => [w, foldText(w)]),
);
const ADDRESS_SPLIT = /[\s,.;:/()\d-]+/;
const COMBINING = /[\u0300-\u036f]/;

const NAME_SEPARATORS = new Set([' ', "'", '’', '-']);

function isPersonName(text: string): boolean {
  let words = 1;
  let previousSeparator = false;
  for (const ch of text) {
    if (NAME_SEPARATORS.has(ch)) {
      if (ch === ' ' && !previousSeparator) words++;
      previousSeparator = true;
      continue;
    }
    if (!isVietnameseNameLetter(ch)) return false;
    previousSeparator = false;
  }
  return words >= 2 && words <= 8;
}

function isAddress(text: string): boolean {
  if (!/[\d,]/.test(text)) return false;
  const lower = (COMBINING.test(text) ? text.normalize('NFC') : text).toLowerCase();
  const words = lower.split(ADDRESS_SPLIT).filter((w) => w !== '');
  return words.length >= 3 && words.some((w) => ADDRESS_WORDS.has(w));
}

/** An identifier-like value: digits with separators (and +84 phones), or the two letters of an old BHYT card. */
const CODE_LIKE = /^(?:[A-Za-z]{2})?[\d\s.\-'’+()]+$/;

function digitCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

// Two validators read a value as a tax code and two as a BHYT card: parse it once.
let lastTaxText = '';
let lastTax: ParsedTaxCode = { ok: false, problem: 'format' };
function taxCode(text: string): ParsedTaxCode {
  if (text !== lastTaxText) {
    lastTaxText = text;
    lastTax = parseTaxCode(text);
  }
  return lastTax;
}
let lastBhytText = '';
let lastBhyt: BhytReading = { ok: false, problem: 'format' };
function bhyt(text: string): BhytReading {
  if (text !== lastBhytText) {
    lastBhytText = text;
    lastBhyt = readBhyt(text);
  }
  return lastBhyt;
}

type Validator = (text: string, digits: number) => boolean;

// One counter per validator. Identifier validators first look at the number of digits, so a value
// meets only the parsers it could pass.
const VALIDATORS = {
  'personal-id': (t, d) => {
    if (d !== 12) return false;
    const id = parsePersonalId(t);
    return id !== null && (id.place.kind === 'province' || id.place.kind === 'abroad');
  },
  cmnd: (t, d) => d === 9 && classifyLegacyId(t).kind === 'cmnd',
  // Without the missing-leading-zero repair: any 9-digit CMND would read as a phone number.
  phone: (t, d) => {
    if (d < 10 || d > 13) return false;
    const phone = normalizePhone(t);
    return phone.ok && !phone.changes.includes('leading-zero');
  },
  'tax-code': (t, d) => (d === 10 || d === 12 || d === 13) && taxCode(t).ok,
  'tax-code-strict': (t, d) => {
    if (d !== 10 && d !== 13) return false;
    const tax = taxCode(t);
    return tax.ok && tax.kind !== 'personal-id';
  },
  'social-insurance': (t, d) => {
    if (d !== 10) return false;
    const code = readBhxh(t);
    return code.ok && !code.leadingZero;
  },
  'health-insurance': (t, d) => (d === 9 || d === 10 || d === 13) && bhyt(t).ok,
  'health-insurance-old': (t, d) => {
    if (d !== 13) return false;
    const card = bhyt(t);
    return card.ok && card.card.form === 'old';
  },
  sex: (t) => t.length <= 6 && parseSex(t) !== undefined,
  status: (t) => t.length <= 40 && STATUS_WORDS.has(foldText(t)),
  ethnicity: (t) => t.length <= 40 && matchEthnicity(t).kind !== 'unknown',
  // Either list (a column may mix old and new names); the two below tell which list the names are from.
  province: (t) => t.length <= 60 && (findProvince('pre-2025', t) !== undefined || findProvince('post-2025', t) !== undefined),
  'province-pre-2025': (t) => t.length <= 60 && findProvince('pre-2025', t) !== undefined,
  'province-post-2025': (t) => t.length <= 60 && findProvince('post-2025', t) !== undefined,
  'person-name': isPersonName,
  address: isAddress,
} as const satisfies Record<string, Validator>;
type ValidatorId = keyof typeof VALIDATORS;
const VALIDATOR_IDS = Object.keys(VALIDATORS) as ValidatorId[];
const CODE_VALIDATORS: ReadonlySet<ValidatorId> = new Set([
  'personal-id', 'cmnd', 'phone', 'tax-code', 'tax-code-strict', 'social-insurance', 'health-insurance', 'health-insurance-old',
]);

/** Counts validator passes over trimmed non-blank values with their weights. */
export class SemanticTracker {
  private readonly passes = new Map<ValidatorId, number>(VALIDATOR_IDS.map((id) => [id, 0]));
  private readonly alive = new Set<ValidatorId>(VALIDATOR_IDS);
  private seen = 0;

  add(text: string, weight: number): void {
    this.seen += weight;
    if (this.alive.size === 0) return;
    const digits = digitCount(text);
    const codeLike = digits > 0 && CODE_LIKE.test(text);
    for (const id of this.alive) {
      // Identifiers are digits, the words are not.
      if (CODE_VALIDATORS.has(id) !== codeLike) continue;
      if (VALIDATORS[id](text, digits)) this.passes.set(id, (this.passes.get(id) as number) + weight);
    }
    if (this.seen >= PRUNE_AFTER) {
      for (const id of this.alive) {
        // The rare old BHYT form is a sub-count of health-insurance: it lives as long as that does.
        if (id === 'health-insurance-old') continue;
        if ((this.passes.get(id) as number) < this.seen / 2) this.alive.delete(id);
      }
      if (!this.alive.has('health-insurance')) this.alive.delete('health-insurance-old');
    }
  }

  /**
   * The semantic type of the values, or null; `nonBlank` is the weight of all values seen, `distinct`
   * their distinct count (names repeat little: "Đã xác minh" in every other row is a note, not a name).
   */
  decide(nonBlank: number, distinct: number): Semantic | null {
    if (nonBlank === 0) return null;
    const share = (id: ValidatorId) => (this.passes.get(id) as number) / nonBlank;
    const pass = (id: ValidatorId) => share(id) >= SEMANTIC_SHARE;
    const is = (type: SemanticType, id: ValidatorId = type as ValidatorId): Semantic => ({ type, share: share(id) });
    if (pass('sex')) return is('sex');
    if (pass('status')) return is('status');
    if (pass('personal-id')) return is('personal-id');
    if (pass('tax-code') && share('tax-code-strict') >= TAX_STRICT_SHARE) return is('tax-code');
    if (pass('health-insurance') && share('health-insurance-old') >= BHYT_OLD_FORM_SHARE) return is('health-insurance');
    if (pass('phone')) return is('phone');
    if (pass('social-insurance')) return is('social-insurance');
    if (pass('cmnd')) return is('cmnd');
    if (pass('ethnicity')) return is('ethnicity');
    if (pass('province')) {
      // A 2025 name is usually an old name too; a column is post-2025 when (nearly) all its names are.
      const pre = this.passes.get('province-pre-2025') as number;
      const post = this.passes.get('province-post-2025') as number;
      const provinces = this.passes.get('province') as number;
      const era: ProvinceEra = post >= POST_2025_SHARE * provinces && post >= pre ? 'post-2025' : 'pre-2025';
      return { type: 'province', share: share('province'), era };
    }
    const varied =
      nonBlank < NAME_MIN_ROWS_FOR_VARIETY || distinct >= Math.min(NAME_MIN_DISTINCT_SHARE * nonBlank, NAME_ENOUGH_DISTINCT);
    if (pass('person-name') && varied) return is('person-name');
    if (pass('address')) return is('address');
    return null;
  }
}

/** A date column's role from its values alone: a date of birth spreads over decades of past days. */
export function dateRoleFromValues(minDay: number, maxDay: number, today: number): DateRole | null {
  const year = (day: number) => new Date(day * 86_400_000).getUTCFullYear();
  if (year(minDay) >= 1900 && maxDay <= today && year(maxDay) - year(minDay) >= DOB_MIN_SPAN_YEARS) return 'date-of-birth';
  return null;
}
