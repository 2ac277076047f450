// Why a pair matched, field by field, in English and Vietnamese: the weight each comparison added or
// removed, then the prior and the match probability — a waterfall in words:
//   given name equal +6.1, date of birth day/month swapped +3.2, ID missing 0, prior −13.3 → 0.98
// Fields the rule does not have are left out; a field it has but one record lacks says "missing 0".

import type { FieldName } from './comparisons.js';
import type { Comparator } from './extra-fields.js';
import { probabilityOf, type WeightTerm } from './model.js';

type Words = Readonly<Record<FieldName, { name: string; levels: readonly string[] }>>;

// Level 0 (missing) first, then the levels in comparisons.ts LEVELS order.
const EN: Words = {
  given: { name: 'given name', levels: ['missing', 'equal', 'equal without diacritics', 'equal but diacritics differ', 'typo', 'initial', 'similar', 'different'] },
  family: { name: 'family name', levels: ['missing', 'equal', 'equal without diacritics', 'equal but diacritics differ', 'variant (Hoàng/Huỳnh, Vũ/Võ)', 'typo', 'different'] },
  middle: { name: 'middle name', levels: ['missing', 'equal', 'equal without diacritics', 'equal but diacritics differ', 'dropped', 'typo', 'different'] },
  dob: { name: 'date of birth', levels: ['missing', 'equal', 'day/month swapped', 'one digit off', 'one digit off in the decade', 'same year only', 'different'] },
  sex: { name: 'sex', levels: ['missing', 'equal', 'different'] },
  id: { name: 'ID', levels: ['missing', 'equal', 'one digit off or two swapped', 'different'] },
  place: { name: 'place of birth registration', levels: ['missing', 'equal', 'different'] },
  phone: { name: 'phone', levels: ['missing', 'equal', 'different'] },
};

const VI: Words = {
  given: { name: 'tên', levels: ['thiếu', 'trùng', 'trùng khi bỏ dấu', 'trùng nhưng khác dấu', 'lỗi gõ', 'chỉ chữ cái đầu', 'gần giống', 'khác'] },
  family: { name: 'họ', levels: ['thiếu', 'trùng', 'trùng khi bỏ dấu', 'trùng nhưng khác dấu', 'biến thể (Hoàng/Huỳnh, Vũ/Võ)', 'lỗi gõ', 'khác'] },
  middle: { name: 'tên đệm', levels: ['thiếu', 'trùng', 'trùng khi bỏ dấu', 'trùng nhưng khác dấu', 'bị bỏ', 'lỗi gõ', 'khác'] },
  dob: { name: 'ngày sinh', levels: ['thiếu', 'trùng', 'đảo ngày/tháng', 'sai một chữ số', 'sai một chữ số ở hàng chục của năm', 'chỉ trùng năm', 'khác'] },
  sex: { name: 'giới tính', levels: ['thiếu', 'trùng', 'khác'] },
  id: { name: 'số định danh', levels: ['thiếu', 'trùng', 'sai một chữ số hoặc đảo hai chữ số', 'khác'] },
  place: { name: 'nơi đăng ký khai sinh', levels: ['thiếu', 'trùng', 'khác'] },
  phone: { name: 'số điện thoại', levels: ['thiếu', 'trùng', 'khác'] },
};

/** An extra column's levels, missing first, per comparator (extra-fields.ts COMPARATOR_LEVELS order). */
const COMPARATOR_WORDS: Readonly<Record<'en' | 'vi', Readonly<Record<Comparator, readonly string[]>>>> = {
  en: {
    exact: ['missing', 'equal', 'different'],
    'edit-distance': ['missing', 'equal', 'one edit apart', 'two edits apart', 'different'],
    'jaro-winkler': ['missing', 'equal', 'very similar', 'similar', 'different'],
    numeric: ['missing', 'equal', 'close', 'different'],
    date: ['missing', 'equal', 'day/month swapped', 'one digit off', 'one digit off in the decade', 'same year only', 'different'],
  },
  vi: {
    exact: ['thiếu', 'trùng', 'khác'],
    'edit-distance': ['thiếu', 'trùng', 'khác một ký tự', 'khác hai ký tự', 'khác'],
    'jaro-winkler': ['thiếu', 'trùng', 'rất giống', 'gần giống', 'khác'],
    numeric: ['thiếu', 'trùng', 'gần bằng', 'khác'],
    date: ['thiếu', 'trùng', 'đảo ngày/tháng', 'sai một chữ số', 'sai một chữ số ở hàng chục của năm', 'chỉ trùng năm', 'khác'],
  },
};

/** What the place and phone fields are called when a rule by role fills them with an address or an email. */
const STAND_INS = {
  en: { place: 'address', phone: 'email' },
  vi: { place: 'địa chỉ', phone: 'email' },
} as const;

/** Which fields hold a stand-in: an address for the place, an email for the phone (same-person roles). */
export interface StandIns {
  place: boolean;
  phone: boolean;
}

const FREQUENCY = {
  en: { common: 'common name', rare: 'rare name' },
  vi: { common: 'tên phổ biến', rare: 'tên hiếm' },
} as const;

/** A field both records have that was not compared (comparisons.ts: birthday, place, phone between two given names). */
const NOT_COMPARED = { en: 'not compared (given name or date of birth differs)', vi: 'không so sánh (tên hoặc ngày sinh khác)' } as const;

/** A weight with its sign, one decimal: +6.1, −2.3, 0 (Vietnamese: +6,1). */
export function signedWeight(weight: number, lang: 'en' | 'vi'): string {
  const rounded = (Math.sign(weight) * Math.round(Math.abs(weight) * 10)) / 10;
  if (rounded === 0) return '0';
  const text = Math.abs(rounded).toFixed(1);
  return (rounded > 0 ? '+' : '−') + (lang === 'vi' ? text.replace('.', ',') : text);
}

/** Up to two decimals, as every decimal in a message is written (1, 0.96 / 0,96: report/locale.ts). */
function probabilityText(p: number, lang: 'en' | 'vi'): string {
  const text = String(Math.round(p * 100) / 100);
  return lang === 'vi' ? text.replace('.', ',') : text;
}

/**
 * The waterfall of a pair in one language. `present` says which fields the rule has: a field it
 * lacks is left out (a name part that is empty on both sides, such as the middle name of two
 * records without one, too).
 */
export function explainMatch(
  terms: readonly WeightTerm[],
  prior: number,
  present: ReadonlySet<string>,
  lang: 'en' | 'vi',
  standIns: StandIns = { place: false, phone: false },
): string {
  const words = lang === 'en' ? EN : VI;
  const parts: string[] = [];
  let total = prior;
  for (const term of terms) {
    total += term.weight;
    if (term.comparator) {
      // An extra column is called by its field name, as the pack names it.
      parts.push(`${term.field} ${COMPARATOR_WORDS[lang][term.comparator][term.level]} ${signedWeight(term.weight, lang)}`);
      continue;
    }
    const field = term.field as FieldName;
    if (!present.has(field) || (field === 'middle' && term.level === 0)) continue;
    const w = (field === 'place' || field === 'phone') && standIns[field] ? { ...words[field], name: STAND_INS[lang][field] } : words[field];
    if (term.notCompared) {
      parts.push(`${w.name} ${NOT_COMPARED[lang]} 0`);
      continue;
    }
    const note = term.frequency ? ` (${FREQUENCY[lang][term.frequency]})` : '';
    parts.push(`${w.name} ${w.levels[term.level]}${note} ${signedWeight(term.weight, lang)}`);
  }
  const priorWord = lang === 'en' ? 'prior' : 'tiên nghiệm';
  parts.push(`${priorWord} ${signedWeight(prior, lang)} → ${probabilityText(probabilityOf(total), lang)}`);
  return parts.join(', ');
}
