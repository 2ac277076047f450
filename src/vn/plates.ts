// Locality codes of Vietnamese number plates (biển số xe) and the plate grammar.
// Codes: ../shared/domain/data/sector/plate-province-codes.csv — Circular 24/2023/TT-BCA annex 02 and
// Circular 51/2025/TT-BCA annex 02 (transcription minhfat-ux/FPTVPN:server/src/data/vn-plates-official.json),
// press lists of Cục CSGT 29 Jun 2025 (vn-sector-reference §2.3). 81 codes in use (80 localities + 80 =
// Cục CSGT, central agencies); from 1 Jul 2025 a merged province keeps every member's codes.
// Grammar: Circular 79/2024/TT-BCA Art. 37, 39 (via FPTVPN; thesis index id 66473752667 §2.6), §2.2.

/** [plate code, GSO code of its province until 30 Jun 2025, GSO code of its province from 1 Jul 2025]; null for code 80. */
const CODES: readonly (readonly [code: string, pre: string | null, post: string | null])[] = [
  ['11', '04', '04'],
  ['12', '20', '20'],
  ['14', '22', '22'],
  ['15', '31', '31'],
  ['16', '31', '31'],
  ['17', '34', '33'],
  ['18', '36', '37'],
  ['19', '25', '25'],
  ['20', '19', '19'],
  ['21', '15', '15'],
  ['22', '08', '08'],
  ['23', '02', '08'],
  ['24', '10', '15'],
  ['25', '12', '12'],
  ['26', '14', '14'],
  ['27', '11', '11'],
  ['28', '17', '25'],
  ['29', '01', '01'],
  ['30', '01', '01'],
  ['31', '01', '01'],
  ['32', '01', '01'],
  ['33', '01', '01'],
  ['34', '30', '31'],
  ['35', '37', '37'],
  ['36', '38', '38'],
  ['37', '40', '40'],
  ['38', '42', '42'],
  ['39', '75', '75'],
  ['40', '01', '01'],
  ['41', '79', '79'],
  ['43', '48', '48'],
  ['47', '66', '66'],
  ['48', '67', '68'],
  ['49', '68', '68'],
  ['50', '79', '79'],
  ['51', '79', '79'],
  ['52', '79', '79'],
  ['53', '79', '79'],
  ['54', '79', '79'],
  ['55', '79', '79'],
  ['56', '79', '79'],
  ['57', '79', '79'],
  ['58', '79', '79'],
  ['59', '79', '79'],
  ['60', '75', '75'],
  ['61', '74', '79'],
  ['62', '80', '80'],
  ['63', '82', '82'],
  ['64', '86', '86'],
  ['65', '92', '92'],
  ['66', '87', '82'],
  ['67', '89', '91'],
  ['68', '91', '91'],
  ['69', '96', '96'],
  ['70', '72', '80'],
  ['71', '83', '86'],
  ['72', '77', '79'],
  ['73', '44', '44'],
  ['74', '45', '44'],
  ['75', '46', '46'],
  ['76', '51', '51'],
  ['77', '52', '52'],
  ['78', '54', '66'],
  ['79', '56', '56'],
  ['80', null, null],
  ['81', '64', '52'],
  ['82', '62', '51'],
  ['83', '94', '92'],
  ['84', '84', '86'],
  ['85', '58', '56'],
  ['86', '60', '68'],
  ['88', '26', '25'],
  ['89', '33', '33'],
  ['90', '35', '37'],
  ['92', '49', '48'],
  ['93', '70', '75'],
  ['94', '95', '96'],
  ['95', '93', '92'],
  ['97', '06', '19'],
  ['98', '24', '24'],
  ['99', '27', '24'],
];

export interface PlateCode {
  code: string;
  /** GSO code of the 63-list province (null: Cục CSGT, central agencies). */
  pre2025: string | null;
  /** GSO code of the 34-list province. */
  post2025: string | null;
}

export const PLATE_CODES: ReadonlyMap<string, PlateCode> = new Map(CODES.map(([code, pre2025, post2025]) => [code, { code, pre2025, post2025 }]));

/**
 * Codes 11–99 not assigned in annex 02 of Circular 24/2023 nor 51/2025 (thesis §2.6.3; FPTVPN notes).
 * 13 is listed as Bắc Giang by one public app only (UNVERIFIED): the vn-plate check reports it apart.
 */
export const UNUSED_PLATE_CODES: ReadonlySet<string> = new Set(['13', '42', '44', '45', '46', '87', '91', '96']);

/** The 20 series letters of civil plates (Art. 37): no I, J, O, Q, R, W. */
export const SERIES_LETTERS = 'ABCDEFGHKLMNPSTUVXYZ';
/** Letters that never appear in a civil series (both sources). */
export const FORBIDDEN_LETTERS = 'IJOQW';
/** Letters of blue (state) plates: A–H, K, L, M (Art. 37, Law 36/2024 Art. 36(2)(a)). */
export const BLUE_LETTERS = 'ABCDEFGHKLM';
/** The second letter of a two-letter motorcycle series that sources disagree on (G per FPTVPN, R per the thesis and hongquan). */
export const CONTESTED_SECOND_LETTERS = 'GR';
/** Special series: current (KT, HC, RM, CD) and legacy, still circulating but not issued (Art. 39(1)). */
export const CURRENT_SPECIAL_SERIES: ReadonlySet<string> = new Set(['KT', 'HC', 'RM', 'CD']);
export const LEGACY_SPECIAL_SERIES: ReadonlySet<string> = new Set(['MK', 'TĐ', 'LD', 'DA', 'MĐ', 'R', 'CT', 'LB']);

export type PlateForm =
  /** `30A12345`: a car, 5-digit order. */
  | 'car'
  /** `29A1234`: an old car plate with a 4-digit order (legal, exchanged on request). */
  | 'car-4-digit'
  /** `29AA12345`: a motorcycle from 15 Aug 2023 (two letters). */
  | 'motorcycle'
  /** `29B112345`: a motorcycle before 15 Aug 2023 (letter and digit), not revoked. */
  | 'motorcycle-letter-digit'
  /** `29KT12345`: a special series. */
  | 'special'
  /** `29123NG45`: a foreign or diplomatic plate (country/organisation code, NG/QT/NN/CV). */
  | 'foreign';

export interface PlateReading {
  form: PlateForm;
  code: string;
  series: string;
  digits: string;
}

/** A plate as compared: upper case, without spaces, dots and hyphens (Đ kept). */
export function normalizePlate(text: string): string {
  return text.toLocaleUpperCase('vi').replace(/[\s.-]/g, '');
}

// Series letters are read loosely (any A–Z) so that a forbidden letter is named as such, not as a bad shape.
const FORMS: readonly (readonly [PlateForm, RegExp])[] = [
  ['foreign', /^(\d{2})(\d{3}(?:NG|QT|NN|CV))(\d{2,3})$/],
  ['special', /^(\d{2})(KT|HC|RM|CD|LD|DA|MK|MĐ\d?|TĐ|R|CT|LB)(\d{3,5})$/],
  ['car', /^(\d{2})([A-Z])(\d{5})$/],
  ['motorcycle', /^(\d{2})([A-Z]{2})(\d{4,5})$/],
  ['motorcycle-letter-digit', /^(\d{2})([A-Z][1-9])(\d{4,5})$/],
  ['car-4-digit', /^(\d{2})([A-Z])(\d{4})$/],
];

/** Every form a normalised plate can be read as (`29B11234` is both an old motorcycle and an old car plate). */
export function readPlate(normalized: string): PlateReading[] {
  const out: PlateReading[] = [];
  for (const [form, pattern] of FORMS) {
    const m = pattern.exec(normalized);
    if (m) out.push({ form, code: m[1]!, series: m[2]!, digits: m[3]! });
  }
  return out;
}
