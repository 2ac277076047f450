// Mã số thuế (MST), vn-reference.md §3.1: 10 digits N1N2 (province of establishment) N3–N9 (serial)
// N10 (check digit), a branch adds '-001'…'-999'. The check digit algorithm is the one of
// arthurdejong/python-stdnum (stdnum/vn/mst.py) and koblas/stdnum-js (src/vn/mst.ts). From 1 Jul 2025
// individuals and households use their 12-digit personal ID as MST (Circular 86/2024/TT-BTC Art. 38(2)).

import { isAsciiDigits } from '../shared/text.js';

export const MST_WEIGHTS: readonly number[] = [31, 29, 23, 19, 17, 13, 7, 5, 3];

// What people put between digit groups of an identifier: white space (NBSP and zero-width ones
// included), dots, hyphens and dash variants.
const SEPARATORS = /[\s\u200b-\u200d\u2060\ufeff.\-\u2010-\u2015]/g;
const FULL_WIDTH_DIGITS = /[\uff10-\uff19]/g;

/**
 * An identifier without its separators: white space, dots, dashes, a leading apostrophe (typed in
 * spreadsheets to keep a leading 0); full-width digits mapped to ASCII. Letters are kept.
 */
export function compactCode(text: string): string {
  if (isAsciiDigits(text)) return text; // no separator, full-width digit or apostrophe to remove
  const compact = text.replace(FULL_WIDTH_DIGITS, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(SEPARATORS, '');
  return compact.startsWith("'") ? compact.slice(1) : compact;
}

/**
 * The check digit for the first nine digits, or null when S mod 11 = 0: the digit would be 10,
 * so such serials are never issued.
 */
export function mstCheckDigit(firstNine: string): number | null {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (MST_WEIGHTS[i] as number) * (firstNine.charCodeAt(i) - 48);
  const rest = sum % 11;
  if (rest === 0) return null;
  return 10 - rest;
}

export type TaxCodeKind = 'enterprise' | 'branch' | 'personal-id';

export type TaxCodeProblem =
  /** Not 10, 12 or 13 digits (after removing separators). */
  | 'format'
  /** N3–N9 all 0: both stdnum libraries refuse it. */
  | 'serial-zero'
  /** N10 is not the check digit of N1–N9. */
  | 'check-digit'
  /** Branch suffix 000 (branches are numbered 001–999). */
  | 'branch-suffix';

export type ParsedTaxCode =
  | { ok: true; kind: TaxCodeKind; /** '0100109106', '0100109106-001' or the 12 digits. */ canonical: string }
  | { ok: false; problem: TaxCodeProblem };

const BRANCH_WRITTEN = /^\D*(?:\d\D?){9}\d\s*[-\u2010-\u2015]/;

/** Reads a tax code as written (any separators); 12 digits are read as a personal ID, unchecked here. */
export function parseTaxCode(text: string): ParsedTaxCode {
  const digits = compactCode(text);
  // '0100233488-01' has 12 digits but is a branch code written short, not a personal ID.
  if (BRANCH_WRITTEN.test(text) && digits.length !== 13) return { ok: false, problem: 'format' };
  if (!/^(\d{10}|\d{12}|\d{13})$/.test(digits)) return { ok: false, problem: 'format' };
  if (digits.length === 12) return { ok: true, kind: 'personal-id', canonical: digits };
  if (digits.slice(2, 9) === '0000000') return { ok: false, problem: 'serial-zero' };
  if (mstCheckDigit(digits) !== digits.charCodeAt(9) - 48) return { ok: false, problem: 'check-digit' };
  if (digits.length === 10) return { ok: true, kind: 'enterprise', canonical: digits };
  const suffix = digits.slice(10);
  if (suffix === '000') return { ok: false, problem: 'branch-suffix' };
  return { ok: true, kind: 'branch', canonical: `${digits.slice(0, 10)}-${suffix}` };
}
