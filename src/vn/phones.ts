// Vietnamese telephone numbers: mobile prefixes, the 2018 conversion of 11-digit mobile numbers to
// 10 digits, and the 2017 fixed-line area codes.
// Tables generated from ../shared/domain/data/mobile-prefixes.csv (validatorjs/validator.js, gsm.vn,
// tienphong.vn, plo.vn), phone-prefix-conversion-2018.csv (gsm.vn, tienphong.vn, plo.vn, 2018) and
// landline-area-codes-2017.csv (sunshine-tech/VietnamProvinces); see vn-reference.md §3.3.

import { isAsciiDigits } from '../shared/text.js';

export interface MobilePrefix {
  /** Three digits with the trunk 0, e.g. '091'. */
  prefix: string;
  /** The carrier the prefix was allocated to; informational only, numbers can be ported. */
  carrier: string;
  /** Where the prefix came from; 052, 055 and 087 carry an UNVERIFIED allocation date. */
  note: string;
}

export const MOBILE_PREFIXES: readonly MobilePrefix[] = [
  { prefix: '032', carrier: 'Viettel', note: '2018 (from 0162)' },
  { prefix: '033', carrier: 'Viettel', note: '2018 (from 0163)' },
  { prefix: '034', carrier: 'Viettel', note: '2018 (from 0164)' },
  { prefix: '035', carrier: 'Viettel', note: '2018 (from 0165)' },
  { prefix: '036', carrier: 'Viettel', note: '2018 (from 0166)' },
  { prefix: '037', carrier: 'Viettel', note: '2018 (from 0167)' },
  { prefix: '038', carrier: 'Viettel', note: '2018 (from 0168)' },
  { prefix: '039', carrier: 'Viettel', note: '2018 (from 0169)' },
  { prefix: '086', carrier: 'Viettel', note: 'native 10-digit' },
  { prefix: '096', carrier: 'Viettel', note: 'native 10-digit' },
  { prefix: '097', carrier: 'Viettel', note: 'native 10-digit' },
  { prefix: '098', carrier: 'Viettel', note: 'native 10-digit' },
  { prefix: '070', carrier: 'MobiFone', note: '2018 (from 0120)' },
  { prefix: '076', carrier: 'MobiFone', note: '2018 (from 0126)' },
  { prefix: '077', carrier: 'MobiFone', note: '2018 (from 0122)' },
  { prefix: '078', carrier: 'MobiFone', note: '2018 (from 0128)' },
  { prefix: '079', carrier: 'MobiFone', note: '2018 (from 0121)' },
  { prefix: '089', carrier: 'MobiFone', note: 'native 10-digit' },
  { prefix: '090', carrier: 'MobiFone', note: 'native 10-digit' },
  { prefix: '093', carrier: 'MobiFone', note: 'native 10-digit' },
  { prefix: '081', carrier: 'VinaPhone', note: '2018 (from 0127)' },
  { prefix: '082', carrier: 'VinaPhone', note: '2018 (from 0129)' },
  { prefix: '083', carrier: 'VinaPhone', note: '2018 (from 0123)' },
  { prefix: '084', carrier: 'VinaPhone', note: '2018 (from 0124)' },
  { prefix: '085', carrier: 'VinaPhone', note: '2018 (from 0125)' },
  { prefix: '088', carrier: 'VinaPhone', note: 'native 10-digit' },
  { prefix: '091', carrier: 'VinaPhone', note: 'native 10-digit' },
  { prefix: '094', carrier: 'VinaPhone', note: 'native 10-digit' },
  { prefix: '052', carrier: 'Vietnamobile', note: 'later allocation (UNVERIFIED date)' },
  { prefix: '056', carrier: 'Vietnamobile', note: '2018 (from 0186)' },
  { prefix: '058', carrier: 'Vietnamobile', note: '2018 (from 0188)' },
  { prefix: '092', carrier: 'Vietnamobile', note: 'native 10-digit' },
  { prefix: '059', carrier: 'Gmobile', note: '2018 (from 0199)' },
  { prefix: '099', carrier: 'Gmobile', note: 'native 10-digit' },
  { prefix: '087', carrier: 'iTel (Indochina Telecom)', note: 'MVNO, later allocation (UNVERIFIED date)' },
  { prefix: '055', carrier: 'Reddi (Mobicast)', note: 'MVNO, later allocation (UNVERIFIED date)' },
];

/** Old 11-digit network code (with the 0) → new 10-digit one; the last 7 digits were kept. */
export const PREFIX_CONVERSION_2018: ReadonlyMap<string, string> = new Map([
  ['0120', '070'],
  ['0121', '079'],
  ['0122', '077'],
  ['0126', '076'],
  ['0128', '078'],
  ['0123', '083'],
  ['0124', '084'],
  ['0125', '085'],
  ['0127', '081'],
  ['0129', '082'],
  ['0162', '032'],
  ['0163', '033'],
  ['0164', '034'],
  ['0165', '035'],
  ['0166', '036'],
  ['0167', '037'],
  ['0168', '038'],
  ['0169', '039'],
  ['0186', '056'],
  ['0188', '058'],
  ['0199', '059'],
]);

/**
 * Fixed-line area code with the trunk 0 → province (63 old provinces, spelt as the source spells
 * them). Hà Nội 024 and TP HCM 028 are followed by 8 digits, every other 02xx code by 7.
 */
export const LANDLINE_AREA_CODES: ReadonlyMap<string, string> = new Map([
  ['0296', 'An Giang'],
  ['0254', 'Bà Rịa - Vũng Tàu'],
  ['0209', 'Bắc Cạn'],
  ['0204', 'Bắc Giang'],
  ['0291', 'Bạc Liêu'],
  ['0222', 'Bắc Ninh'],
  ['0275', 'Bến Tre'],
  ['0256', 'Bình Định'],
  ['0274', 'Bình Dương'],
  ['0271', 'Bình Phước'],
  ['0252', 'Bình Thuận'],
  ['0290', 'Cà Mau'],
  ['0292', 'Cần Thơ'],
  ['0206', 'Cao Bằng'],
  ['0236', 'Đà Nẵng'],
  ['0262', 'Đắk Lắk'],
  ['0261', 'Đắk Nông'],
  ['0215', 'Điện Biên'],
  ['0251', 'Đồng Nai'],
  ['0277', 'Đồng Tháp'],
  ['0269', 'Gia Lai'],
  ['0219', 'Hà Giang'],
  ['0226', 'Hà Nam'],
  ['024', 'Hà Nội'],
  ['0239', 'Hà Tĩnh'],
  ['0220', 'Hải Dương'],
  ['0225', 'Hải Phòng'],
  ['0293', 'Hậu Giang'],
  ['0218', 'Hòa Bình'],
  ['0221', 'Hưng Yên'],
  ['0258', 'Khánh Hòa'],
  ['0297', 'Kiên Giang'],
  ['0260', 'Kon Tum'],
  ['0213', 'Lai Châu'],
  ['0263', 'Lâm Đồng'],
  ['0205', 'Lạng Sơn'],
  ['0214', 'Lào Cai'],
  ['0272', 'Long An'],
  ['0228', 'Nam Định'],
  ['0238', 'Nghệ An'],
  ['0229', 'Ninh Bình'],
  ['0259', 'Ninh Thuận'],
  ['0210', 'Phú Thọ'],
  ['0257', 'Phú Yên'],
  ['0232', 'Quảng Bình'],
  ['0235', 'Quảng Nam'],
  ['0255', 'Quảng Ngãi'],
  ['0203', 'Quảng Ninh'],
  ['0233', 'Quảng Trị'],
  ['0299', 'Sóc Trăng'],
  ['0212', 'Sơn La'],
  ['0276', 'Tây Ninh'],
  ['0227', 'Thái Bình'],
  ['0208', 'Thái Nguyên'],
  ['0237', 'Thanh Hóa'],
  ['0234', 'Thừa Thiên - Huế'],
  ['0273', 'Tiền Giang'],
  ['028', 'Tp. Hồ Chí Minh'],
  ['0294', 'Trà Vinh'],
  ['0207', 'Tuyên Quang'],
  ['0270', 'Vĩnh Long'],
  ['0211', 'Vĩnh Phúc'],
  ['0216', 'Yên Bái'],
]);

const CARRIER_BY_PREFIX: ReadonlyMap<string, string> = new Map(MOBILE_PREFIXES.map((p) => [p.prefix, p.carrier]));

/** Every national number (mobile, landline, pre-2018 mobile) has this many digits with its trunk 0. */
export const MOBILE_LENGTH = 10;
export const LANDLINE_LENGTH = 11;
export const OLD_MOBILE_LENGTH = 11;

/** What normalizePhone changed to reach the national form; each is a separate defect of the cell. */
export type PhoneChange =
  /** White space, dots, dashes, parentheses, a leading apostrophe or full-width digits removed/mapped. */
  | 'separators'
  /** '+84', '0084' or a bare '84' replaced by the trunk 0. */
  | 'country-code'
  /** A trunk 0 after the country code ('+84 0912…'), which must not be dialled. */
  | 'trunk-zero'
  /** A leading 0 added: spreadsheets read phone numbers as numbers and drop it. */
  | 'leading-zero'
  /** A pre-2018 11-digit mobile number converted to its 10-digit form. */
  | 'converted-2018';

/** Why a text is not a Vietnamese phone number. */
export type PhoneProblem =
  /** Characters other than digits and the usual separators, or a misplaced '+'. */
  | 'format'
  /** An international number of another country ('+1…', '0033…'). */
  | 'foreign'
  /** The digits do not add up to the length the prefix needs. */
  | 'length'
  /** A prefix no mobile network or landline area uses. */
  | 'unknown-prefix';

export type PhoneKind = 'mobile' | 'landline';

export type NormalizedPhone =
  | {
      ok: true;
      /** National form: trunk 0 + 9 digits (mobile) or + 10 digits (landline). */
      national: string;
      kind: PhoneKind;
      /** Mobile: the carrier of the prefix. Landline: the province of the area code. */
      owner: string;
      /** The national prefix: 3 digits for mobile, the area code for landlines. */
      prefix: string;
      /** For a converted pre-2018 number, the old 4-digit prefix. */
      oldPrefix?: string;
      changes: readonly PhoneChange[];
    }
  | {
      ok: false;
      problem: PhoneProblem;
      /** The digits as far as they were read (national form when a country code was removed). */
      digits: string;
      /** For 'unknown-prefix', the prefix that is unknown. */
      prefix?: string;
      changes: readonly PhoneChange[];
    };

// Characters written between digit groups: any white space (NBSP and zero-width ones included),
// dots, hyphen and dash variants, parentheses. '/', ',' and ';' are not: they separate two numbers.
const SEPARATORS = /[\s\u200b-\u200d\u2060\ufeff.\-\u2010-\u2015()]/g;
const FULL_WIDTH = /[\uff10-\uff19\uff0b]/g;

function toAscii(text: string): string {
  return text.replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/** The old 4-digit prefix of a pre-2018 mobile number and its new 3-digit one, if it is one. */
export function convertOldMobile(national: string): string | null {
  if (national.length !== OLD_MOBILE_LENGTH) return null;
  const converted = PREFIX_CONVERSION_2018.get(national.slice(0, 4));
  return converted === undefined ? null : converted + national.slice(4);
}

/** The carrier of a current mobile prefix ('091'), or undefined. */
export function mobileCarrier(prefix: string): string | undefined {
  return CARRIER_BY_PREFIX.get(prefix);
}

/** The area code (with 0) a landline number starts with, or undefined when it has none of the 63. */
export function landlineAreaCode(national: string): string | undefined {
  const short = national.slice(0, 3);
  if (LANDLINE_AREA_CODES.has(short)) return short;
  const long = national.slice(0, 4);
  return LANDLINE_AREA_CODES.has(long) ? long : undefined;
}

/**
 * Reads one phone number as written in an export and returns its national form and every change
 * that was needed to get there.
 */
export function normalizePhone(text: string): NormalizedPhone {
  const changes: PhoneChange[] = [];
  // A cell of ASCII digits only (the usual one) has nothing to convert, strip or refuse here.
  const digitsOnly = isAsciiDigits(text);
  let compact = digitsOnly ? text : toAscii(text).replace(SEPARATORS, '');
  // Spreadsheet users type a leading apostrophe to keep the 0; some exports keep it.
  if (compact.startsWith("'")) compact = compact.slice(1);
  if (compact !== text) changes.push('separators');
  if (!digitsOnly && !/^\+?\d+$/.test(compact)) return { ok: false, problem: 'format', digits: compact, changes };

  let national: string;
  let significant: string | null = null;
  if (compact.startsWith('+84')) {
    significant = compact.slice(3);
  } else if (compact.startsWith('0084')) {
    significant = compact.slice(4);
  } else if (/^(\+|00)[1-9]/.test(compact)) {
    return { ok: false, problem: 'foreign', digits: compact, changes };
  } else if (compact.startsWith('+')) {
    return { ok: false, problem: 'format', digits: compact, changes };
  } else if (compact.startsWith('84') && (compact.length === 11 || compact.length === 12)) {
    // National numbers start with 0, so 84 + 9 or 10 digits can only be a country code.
    significant = compact.slice(2);
  }
  if (significant !== null) {
    changes.push('country-code');
    if (significant.startsWith('0')) {
      changes.push('trunk-zero');
      significant = significant.slice(1);
    }
    national = `0${significant}`;
  } else if (compact.startsWith('0')) {
    national = compact;
  } else if (compact.length === MOBILE_LENGTH - 1 || compact.length === LANDLINE_LENGTH - 1) {
    changes.push('leading-zero');
    national = `0${compact}`;
  } else {
    return { ok: false, problem: 'length', digits: compact, changes };
  }
  return classify(national, changes);
}

function classify(national: string, changes: PhoneChange[]): NormalizedPhone {
  if (national.startsWith('01')) {
    if (national.length !== OLD_MOBILE_LENGTH) return { ok: false, problem: 'length', digits: national, changes };
    const oldPrefix = national.slice(0, 4);
    const converted = convertOldMobile(national);
    if (converted === null) return { ok: false, problem: 'unknown-prefix', digits: national, prefix: oldPrefix, changes };
    changes.push('converted-2018');
    const prefix = converted.slice(0, 3);
    return { ok: true, national: converted, kind: 'mobile', owner: mobileCarrier(prefix) ?? '', prefix, oldPrefix, changes };
  }
  if (national.startsWith('02')) {
    if (national.length !== LANDLINE_LENGTH) return { ok: false, problem: 'length', digits: national, changes };
    const area = landlineAreaCode(national);
    if (area === undefined) return { ok: false, problem: 'unknown-prefix', digits: national, prefix: national.slice(0, 4), changes };
    return { ok: true, national, kind: 'landline', owner: LANDLINE_AREA_CODES.get(area) ?? '', prefix: area, changes };
  }
  if (national.length !== MOBILE_LENGTH) return { ok: false, problem: 'length', digits: national, changes };
  const prefix = national.slice(0, 3);
  const carrier = mobileCarrier(prefix);
  if (carrier === undefined) return { ok: false, problem: 'unknown-prefix', digits: national, prefix, changes };
  return { ok: true, national, kind: 'mobile', owner: carrier, prefix, changes };
}

/** E.164 form of a national number: '+84' and the number without its trunk 0. */
export function toE164(national: string): string {
  return `+84${national.slice(1)}`;
}

// Between two numbers in one cell: list punctuation, ' - ', or a word for "and"/"or".
const LIST_SEPARATORS = /[,;/|&\n]+|\s+-\s+|\s+(?:và|hoặc|or|and)\s+/i;

/**
 * The numbers of a cell that holds two or more valid phone numbers ('0912345678; 0987654321'),
 * in national form, or null when it does not.
 */
export function splitPhones(text: string): string[] | null {
  let parts = text.split(LIST_SEPARATORS);
  if (parts.length < 2) parts = text.trim().split(/\s+/);
  parts = parts.filter((p) => p.trim() !== '');
  if (parts.length < 2) return null;
  const numbers: string[] = [];
  for (const part of parts) {
    const phone = normalizePhone(part.trim());
    if (!phone.ok) return null;
    numbers.push(phone.national);
  }
  return numbers;
}
