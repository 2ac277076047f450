// Chứng minh nhân dân (CMND), the identity card before the CCCD (vn-reference.md §2, §1.6):
// 9 digits whose first 2-3 name the *issuing* provincial police (not the birth place; no complete
// list is public, so there is no allow-list), and not unique (about 50,000 Bà Rịa–Vũng Tàu numbers
// of 2007 repeat Đồng Nai's). The 12-digit CMND of ~2012-2021 is the personal ID number.
// Every CMND stopped being valid on 31 Dec 2024 (Law on Identification 26/2023/QH15 Art. 46);
// documents that quote one stay valid, so a historical CMND number is legitimate.

import { isAsciiDigits } from '../shared/text.js';
import { normalizeIdDigits } from './personal-id.js';

/** The last day a CMND (9 or 12 digits) was a valid identity document, in days since 1970-01-01. */
export const CMND_LAST_VALID_DAY = Math.floor(Date.UTC(2024, 11, 31) / 86_400_000);

export type LegacyIdKind = 'cmnd' | 'personal-id' | 'other';

/** What the digits of an ID cell are: a 9-digit CMND, a 12-digit (personal ID) number, or neither. */
export function classifyLegacyId(text: string): { kind: LegacyIdKind; digits: string } {
  const digits = normalizeIdDigits(text);
  const numeric = isAsciiDigits(digits);
  if (numeric && digits.length === 9) return { kind: 'cmnd', digits };
  if (numeric && digits.length === 12) return { kind: 'personal-id', digits };
  return { kind: 'other', digits };
}

/**
 * The 9 digits of a CMND a spreadsheet stored as a number (`012345678` → 12345678). Only a guess:
 * without a list of police prefixes an 8-digit value may as well be a mistyped number.
 */
export function restoreCmndLeadingZero(digits: string): string | undefined {
  return /^[1-9]\d{7}$/.test(digits) ? `0${digits}` : undefined;
}
