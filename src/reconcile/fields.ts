// The fields `dqc reconcile` compares, and what "the same value" means for each: two spellings
// that say the same thing about a person must not become a finding, two that say different things
// must. Each value becomes a comparison key, and the key a 32-bit fingerprint (0 = blank), so the
// index keeps numbers, not strings.

import { format as formatDate } from 'date-fns';
import { compileDateParser, civilFromDays, formatDay, isUsableDateFormat, type DateParser } from '../shared/dates.js';
import { memoize } from '../shared/memo.js';
import { isBlank } from '../shared/text.js';
import { Hash32 } from '../dedupe/hash.js';
import { toneNeutralKey } from '../dedupe/same-person/similarity.js';
import type { ColumnDef } from '../pack/types.js';
import { foldText } from '../vn/fold.js';
import { parseSex } from '../vn/personal-id.js';
import { findProvince } from '../vn/provinces.js';

/** Compared fields, in the order findings about one row are reported. */
export const COMPARED_FIELDS = ['full_name', 'date_of_birth', 'sex', 'birth_registration_place', 'date_of_death'] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

export const NAME = 0;
export const DOB = 1;
export const SEX = 2;
export const PLACE = 3;
export const DEATH = 4;

type Kind = 'name' | 'date' | 'sex' | 'place';
const KIND: readonly Kind[] = ['name', 'date', 'sex', 'place', 'date'];

// Name: case, spacing, Unicode form and where the tone mark sits (Hoà/Hòa) do not count; a missing
// or different diacritic does (Nguyen ≠ Nguyễn: the reference spelling is the one to keep).
const wordKey = memoize(toneNeutralKey, 50_000);

function nameKey(text: string): string {
  const words = text.trim().split(/\s+/);
  let key = '';
  for (let i = 0; i < words.length; i++) key += (i === 0 ? '' : ' ') + wordKey(words[i]!);
  return key;
}

// Folding every name of a 10M-row reference with foldText (NFD, three regular expressions) was an
// eighth of the run; a table over Latin and Vietnamese letters gives the same text for them
// (test/reconcile/fields.test.ts compares the two) and leaves anything else to foldText.
const FOLD_DROP = 0xffff;
const FOLD_SPACE = 0xfffe;
const FOLD_SLOW = 0xfffd;
const FOLD_TABLE = new Uint16Array(0x370 + 0x100);
for (let i = 0; i < FOLD_TABLE.length; i++) {
  const unit = String.fromCharCode(i < 0x370 ? i : 0x1e00 + i - 0x370);
  const folded = foldText(unit);
  FOLD_TABLE[i] = /\s/.test(unit) ? FOLD_SPACE : folded === '' ? FOLD_DROP : folded.length === 1 ? folded.charCodeAt(0) : FOLD_SLOW;
}
const foldScratch = new Uint16Array(256);

/** Name folded for finding a person by name: no case, no diacritics, đ → d, spaces collapsed (= foldText). */
export function foldedName(text: string): string {
  if (text.length > foldScratch.length) return foldText(text);
  let n = 0;
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const f = c < 0x370 ? FOLD_TABLE[c]! : c >= 0x1e00 && c < 0x1f00 ? FOLD_TABLE[c - 0x1e00 + 0x370]! : FOLD_SLOW;
    if (f === FOLD_DROP) continue;
    if (f === FOLD_SPACE) {
      space = n > 0;
      continue;
    }
    if (f === FOLD_SLOW) return foldText(text);
    if (space) {
      foldScratch[n++] = 32;
      space = false;
    }
    foldScratch[n++] = f;
  }
  return String.fromCharCode.apply(null, foldScratch.subarray(0, n) as unknown as number[]);
}

// Place of birth registration: a province by its code whatever the spelling (`TP. Hồ Chí Minh`,
// `Thành phố Hồ Chí Minh`, `HCM`, `Thừa Thiên Huế`/`Huế`); anything else (a commune, a country) folded.
const placeKey = memoize((text: string): string => {
  const old = findProvince('pre-2025', text);
  if (old) return `p${old.code}`;
  const now = findProvince('post-2025', text);
  if (now) return `n${now.code}`;
  return `?${foldText(text)}`;
}, 10_000);

const sexKey = (text: string): string => {
  const sex = parseSex(text);
  return sex === undefined ? `?${foldText(text)}` : sex;
};

// Status values that mean the person is dead (compared folded): the record knows of the death
// even when its date of death is empty.
const DEAD_STATUS = new Set(
  ['đã chết', 'chết', 'đã mất', 'mất', 'tử vong', 'đã tử vong', 'đã khai tử', 'khai tử', 'deceased', 'dead', 'died'].map(foldText),
);

export function isDeadStatus(text: string): boolean {
  return DEAD_STATUS.has(foldText(text));
}

const parseIso = compileDateParser('iso');
// The usual ISO form, without the regular expression `iso` needs for times and zones.
const parseIsoDate = compileDateParser('yyyy-MM-dd');

/** How one file's values of the compared fields are read: date columns by their declared format. */
export class FieldReader {
  private readonly dateParsers: (DateParser | null)[];
  private readonly dateFormats: (string | null)[];
  private readonly hash = new Hash32();

  constructor(columns: Record<string, ColumnDef>) {
    this.dateFormats = COMPARED_FIELDS.map((field, k) => {
      const format = columns[field]?.format;
      return KIND[k] === 'date' && format !== undefined && isUsableDateFormat(format) ? format : null;
    });
    this.dateParsers = this.dateFormats.map((format) => (format === null ? null : compileDateParser(format)));
  }

  /** Day number of a date value, in the declared format or else ISO; null when it is neither. */
  day(k: number, text: string): number | null {
    const trimmed = text.trim();
    const declared = this.dateParsers[k]?.(trimmed);
    if (typeof declared === 'number') return declared;
    const isoDate = parseIsoDate(trimmed);
    if (typeof isoDate === 'number') return isoDate;
    const iso = parseIso(trimmed);
    return typeof iso === 'number' ? iso : null;
  }

  /** The comparison key of field k's value; null when blank. */
  key(k: number, text: string): string | null {
    if (isBlank(text)) return null;
    switch (KIND[k]) {
      case 'name':
        return nameKey(text);
      case 'date': {
        const day = this.day(k, text);
        return day === null ? `?${text.trim().toLowerCase()}` : `#${day}`;
      }
      case 'sex':
        return sexKey(text);
      default:
        return placeKey(text);
    }
  }

  /** 32-bit fingerprint of field k's value: 0 when blank, never 0 otherwise. */
  fingerprint(k: number, text: string): number {
    const key = this.key(k, text);
    if (key === null) return 0;
    this.hash.reset();
    this.hash.text(key);
    return this.hash.value || 1;
  }

  /** Fingerprint of any text (the folded name), 0 when blank. */
  textFingerprint(text: string): number {
    if (text === '') return 0;
    this.hash.reset();
    this.hash.text(text);
    return this.hash.value || 1;
  }

  /**
   * A date of the other file written the way this file writes field k: in the form of the current
   * value when it has one we read (declared or ISO), else the declared format (ISO without one).
   */
  writeDate(k: number, day: number, current: string): string {
    const declared = this.dateFormats[k] ?? null;
    const trimmed = current.trim();
    const currentIsIso = !isBlank(trimmed) && typeof this.dateParsers[k]?.(trimmed) !== 'number' && typeof parseIso(trimmed) === 'number';
    if (declared === null || declared === 'iso' || currentIsIso) return formatDay(day);
    const [y, m, d] = civilFromDays(day);
    const date = new Date(2000, 0, 1);
    date.setFullYear(y, m - 1, d);
    try {
      return formatDate(date, declared);
    } catch {
      return formatDay(day);
    }
  }

  isDate(k: number): boolean {
    return KIND[k] === 'date';
  }

  isSex(k: number): boolean {
    return KIND[k] === 'sex';
  }
}
