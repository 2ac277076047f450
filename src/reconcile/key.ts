// The matching key (the personal ID by default) without a JS string per key: a value of 1–15
// digits is an exact number, anything else a 64-bit hash (see src/dedupe/key-index.ts for the
// collision bound). Separators a spreadsheet or a person adds (`001 085 012345`, `001.085.012.345`)
// are dropped first, so they do not make a record unmatched; leading zeros stay significant.

import { Hash64 } from '../dedupe/hash.js';
import { digitsKey } from '../shared/numeric-key.js';
import type { KeyIndex } from '../dedupe/key-index.js';
import { normalizeIdDigits } from '../vn/personal-id.js';
import { isBlank } from '../shared/text.js';

/** One key read from a cell; reused for every row (no allocation on the hot path). */
export class KeyReader {
  /** True when the cell was blank: the row has no key. */
  blank = true;
  /** ≥ 0: an exact numeric key; -1: hashed, see hi/lo. */
  numeric = -1;
  hi = 0;
  lo = 0;
  private readonly hash = new Hash64();

  read(cell: string): this {
    const trimmed = cell.trim();
    this.blank = isBlank(trimmed);
    if (this.blank) return this;
    let numeric = digitsKey(trimmed);
    let text = trimmed;
    if (numeric < 0) {
      text = normalizeIdDigits(trimmed);
      numeric = digitsKey(text);
    }
    this.numeric = numeric;
    if (numeric < 0) {
      this.hash.reset();
      this.hash.text(text);
      this.hi = this.hash.hi;
      this.lo = this.hash.lo;
    }
    return this;
  }

  /** Inserts the key with `row`: -1 when new, else the slot holding the earlier row. */
  insertInto(index: KeyIndex, row: number, fingerprints?: ArrayLike<number>): number {
    return this.numeric >= 0 ? index.insertNumber(this.numeric, row, fingerprints) : index.insertHash(this.hi, this.lo, row, fingerprints);
  }

  /** The key's slot in the index, or -1. */
  findIn(index: KeyIndex): number {
    return this.numeric >= 0 ? index.getNumber(this.numeric) : index.getHash(this.hi, this.lo);
  }
}

/** How a proposed ID differs from the one in the record: what the confidence of the proposal rests on. */
export type IdDifference = 'blank' | 'leading-zero' | 'one-digit' | 'transposition' | 'other';

export function idDifference(current: string, proposed: string): IdDifference {
  const a = normalizeIdDigits(current);
  const b = normalizeIdDigits(proposed);
  if (isBlank(a)) return 'blank';
  if (b.length > a.length && b.endsWith(a) && /^0+$/.test(b.slice(0, b.length - a.length))) return 'leading-zero';
  if (a.length !== b.length) return 'other';
  const diffs: number[] = [];
  for (let i = 0; i < a.length && diffs.length <= 2; i++) if (a[i] !== b[i]) diffs.push(i);
  if (diffs.length === 1) return 'one-digit';
  if (diffs.length === 2 && diffs[1] === diffs[0]! + 1 && a[diffs[0]!] === b[diffs[1]!] && a[diffs[1]!] === b[diffs[0]!]) {
    return 'transposition';
  }
  return 'other';
}

/**
 * Confidence of replacing an ID by the one of the only unmatched reference person with the same
 * folded name and date of birth. A typo a person or a spreadsheet makes (one digit, two neighbours
 * swapped, leading zeros dropped) makes the match very likely; an unrelated number much less.
 */
export const ID_PROPOSAL_CONFIDENCE: Readonly<Record<IdDifference, number>> = {
  'leading-zero': 0.95,
  'one-digit': 0.9,
  transposition: 0.9,
  blank: 0.8,
  other: 0.6,
};
