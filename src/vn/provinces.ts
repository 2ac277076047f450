// Vietnam's provinces before and after the merger of 1 Jul 2025, and the personal-ID province codes.
// Sources (../shared/domain/data, see vn-reference.md §1.3 and §6):
// - provinces-pre-2025.csv: the 63 provinces, GSO code, type, ID code (daohoangson/dvhcvn @ v20250301);
// - cccd-province-codes.csv: the 63 ID province codes (Circular 07/2016/TT-BCA annex I), each `0` +
//   the GSO code, with the 2025 province it went into;
// - provinces-2025.csv: the 34 provinces and the old GSO codes merged into each (GSO Công văn
//   915/CTK-CSCL).
// Names keep the GSO spelling (`Hoà Bình`, `Huế`); other spellings are found through the folded key.
// Regenerate the tables from the CSVs rather than editing them by hand.

import { foldKey } from './fold.js';

export type ProvinceEra = 'pre-2025' | 'post-2025';
export type ProvinceType = 'Tỉnh' | 'Thành phố';

/** One of the 63 provinces in force until 30 Jun 2025. */
export interface OldProvince {
  /** 2-digit GSO code. */
  readonly code: string;
  readonly name: string;
  readonly type: ProvinceType;
  /** 3-digit province code of the personal ID number: `0` + the GSO code for all 63. */
  readonly idCode: string;
  /** GSO code of the 2025 province it was merged into (or kept as). */
  readonly newCode: string;
}

/** One of the 34 provinces in force from 1 Jul 2025. */
export interface NewProvince {
  readonly code: string;
  readonly name: string;
  readonly type: ProvinceType;
  /** GSO codes of the old provinces merged into it (its own code is always one of them). */
  readonly mergedFrom: readonly string[];
}

const T = 'Tỉnh';
const TP = 'Thành phố';

const PRE_2025: readonly (readonly [string, string, ProvinceType])[] = [
  ['01', 'Hà Nội', TP],
  ['02', 'Hà Giang', T],
  ['04', 'Cao Bằng', T],
  ['06', 'Bắc Kạn', T],
  ['08', 'Tuyên Quang', T],
  ['10', 'Lào Cai', T],
  ['11', 'Điện Biên', T],
  ['12', 'Lai Châu', T],
  ['14', 'Sơn La', T],
  ['15', 'Yên Bái', T],
  ['17', 'Hoà Bình', T],
  ['19', 'Thái Nguyên', T],
  ['20', 'Lạng Sơn', T],
  ['22', 'Quảng Ninh', T],
  ['24', 'Bắc Giang', T],
  ['25', 'Phú Thọ', T],
  ['26', 'Vĩnh Phúc', T],
  ['27', 'Bắc Ninh', T],
  ['30', 'Hải Dương', T],
  ['31', 'Hải Phòng', TP],
  ['33', 'Hưng Yên', T],
  ['34', 'Thái Bình', T],
  ['35', 'Hà Nam', T],
  ['36', 'Nam Định', T],
  ['37', 'Ninh Bình', T],
  ['38', 'Thanh Hóa', T],
  ['40', 'Nghệ An', T],
  ['42', 'Hà Tĩnh', T],
  ['44', 'Quảng Bình', T],
  ['45', 'Quảng Trị', T],
  ['46', 'Huế', TP],
  ['48', 'Đà Nẵng', TP],
  ['49', 'Quảng Nam', T],
  ['51', 'Quảng Ngãi', T],
  ['52', 'Bình Định', T],
  ['54', 'Phú Yên', T],
  ['56', 'Khánh Hòa', T],
  ['58', 'Ninh Thuận', T],
  ['60', 'Bình Thuận', T],
  ['62', 'Kon Tum', T],
  ['64', 'Gia Lai', T],
  ['66', 'Đắk Lắk', T],
  ['67', 'Đắk Nông', T],
  ['68', 'Lâm Đồng', T],
  ['70', 'Bình Phước', T],
  ['72', 'Tây Ninh', T],
  ['74', 'Bình Dương', T],
  ['75', 'Đồng Nai', T],
  ['77', 'Bà Rịa - Vũng Tàu', T],
  ['79', 'Hồ Chí Minh', TP],
  ['80', 'Long An', T],
  ['82', 'Tiền Giang', T],
  ['83', 'Bến Tre', T],
  ['84', 'Trà Vinh', T],
  ['86', 'Vĩnh Long', T],
  ['87', 'Đồng Tháp', T],
  ['89', 'An Giang', T],
  ['91', 'Kiên Giang', T],
  ['92', 'Cần Thơ', TP],
  ['93', 'Hậu Giang', T],
  ['94', 'Sóc Trăng', T],
  ['95', 'Bạc Liêu', T],
  ['96', 'Cà Mau', T],
];

const POST_2025: readonly (readonly [string, string, ProvinceType, string])[] = [
  ['01', 'Hà Nội', TP, '01'],
  ['04', 'Cao Bằng', T, '04'],
  ['08', 'Tuyên Quang', T, '02 08'],
  ['11', 'Điện Biên', T, '11'],
  ['12', 'Lai Châu', T, '12'],
  ['14', 'Sơn La', T, '14'],
  ['15', 'Lào Cai', T, '10 15'],
  ['19', 'Thái Nguyên', T, '06 19'],
  ['20', 'Lạng Sơn', T, '20'],
  ['22', 'Quảng Ninh', T, '22'],
  ['24', 'Bắc Ninh', T, '24 27'],
  ['25', 'Phú Thọ', T, '17 25 26'],
  ['31', 'Hải Phòng', TP, '30 31'],
  ['33', 'Hưng Yên', T, '33 34'],
  ['37', 'Ninh Bình', T, '35 36 37'],
  ['38', 'Thanh Hóa', T, '38'],
  ['40', 'Nghệ An', T, '40'],
  ['42', 'Hà Tĩnh', T, '42'],
  ['44', 'Quảng Trị', T, '44 45'],
  ['46', 'Huế', TP, '46'],
  ['48', 'Đà Nẵng', TP, '48 49'],
  ['51', 'Quảng Ngãi', T, '51 62'],
  ['52', 'Gia Lai', T, '52 64'],
  ['56', 'Khánh Hòa', T, '56 58'],
  ['66', 'Đắk Lắk', T, '54 66'],
  ['68', 'Lâm Đồng', T, '60 67 68'],
  ['75', 'Đồng Nai', T, '70 75'],
  ['79', 'Hồ Chí Minh', TP, '74 77 79'],
  ['80', 'Tây Ninh', T, '72 80'],
  ['82', 'Đồng Tháp', T, '82 87'],
  ['86', 'Vĩnh Long', T, '83 84 86'],
  ['91', 'An Giang', T, '89 91'],
  ['92', 'Cần Thơ', TP, '92 93 94'],
  ['96', 'Cà Mau', T, '95 96'],
];

export const PROVINCES_2025: readonly NewProvince[] = POST_2025.map(([code, name, type, from]) =>
  Object.freeze({ code, name, type, mergedFrom: Object.freeze(from.split(' ')) }),
);

const newCodeOf = new Map(PROVINCES_2025.flatMap((p) => p.mergedFrom.map((old) => [old, p.code] as const)));

export const PROVINCES_PRE_2025: readonly OldProvince[] = PRE_2025.map(([code, name, type]) => {
  const newCode = newCodeOf.get(code);
  if (newCode === undefined) throw new Error(`provinces: ${code} ${name} is merged into no 2025 province`);
  return Object.freeze({ code, name, type, idCode: `0${code}`, newCode });
});

const oldByCode = new Map(PROVINCES_PRE_2025.map((p) => [p.code, p]));
const oldByIdCode = new Map(PROVINCES_PRE_2025.map((p) => [p.idCode, p]));
const newByCode = new Map(PROVINCES_2025.map((p) => [p.code, p]));

/** The 63 personal-ID province codes ('001' … '096'). */
export const ID_PROVINCE_CODES: ReadonlySet<string> = new Set(oldByIdCode.keys());

export function oldProvinceByCode(code: string): OldProvince | undefined {
  return oldByCode.get(code);
}

export function newProvinceByCode(code: string): NewProvince | undefined {
  return newByCode.get(code);
}

/** The old province of a 3-digit personal-ID province code ('001' → Hà Nội). */
export function provinceByIdCode(idCode: string): OldProvince | undefined {
  return oldByIdCode.get(idCode);
}

/** The 2025 province an old province went into: always exactly one (no province was split). */
export function newProvinceOf(old: OldProvince): NewProvince {
  return newByCode.get(old.newCode) as NewProvince;
}

/**
 * Official names a list accepts besides its own, and the spellings seen in exports, by the official
 * name they stand for. Thừa Thiên Huế became the city of Huế on 1 Jan 2025, so most pre-2025 data
 * still has the old name; `Bắc Cạn` and `Thừa Thiên - Huế` are how other tables spell them (§4.1).
 */
const OFFICIAL_ALSO: Readonly<Record<ProvinceEra, readonly (readonly [string, string, ProvinceType])[]>> = {
  'pre-2025': [['46', 'Thừa Thiên Huế', T]],
  'post-2025': [],
};

const VARIANTS: Readonly<Record<ProvinceEra, readonly (readonly [string, string])[]>> = {
  'pre-2025': [
    ['Bắc Cạn', 'Bắc Kạn'],
    ['TT Huế', 'Thừa Thiên Huế'],
    ['TT-Huế', 'Thừa Thiên Huế'],
    ['HCM', 'Hồ Chí Minh'],
    ['BRVT', 'Bà Rịa - Vũng Tàu'],
    ['BR-VT', 'Bà Rịa - Vũng Tàu'],
    ['Đắc Lắc', 'Đắk Lắk'],
    ['Đắc Lắk', 'Đắk Lắk'],
    ['Đắc Nông', 'Đắk Nông'],
  ],
  'post-2025': [
    ['HCM', 'Hồ Chí Minh'],
    ['Đắc Lắc', 'Đắk Lắk'],
    ['Đắc Lắk', 'Đắk Lắk'],
  ],
};

// Administrative prefixes: `Tỉnh`, `Thành phố`, `TP.`, `TP`, `T.` (also glued on, as in `TPHCM`).
const PREFIX = /^(?:tinh\s+|thanh\s+pho\s+|tp\.?\s*|t\.\s*)/;

/** The folded name without its administrative prefix (`Tỉnh`, `Thành phố`, `TP.`, `TP`, `T.`). */
export function provinceKey(text: string): string {
  return foldKey(stripFolded(text));
}

function stripFolded(text: string): string {
  return foldTextKeepDots(text).replace(PREFIX, '');
}

// foldText with dots kept: `T.` and `TP.` are only prefixes when the dot is there.
function foldTextKeepDots(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[\s\u00a0\u200b-\u200d\u2060\ufeff]+/g, ' ')
    .trim();
}

/** True when the text starts with an administrative prefix (`Tỉnh`, `Thành phố`, `TP.` …). */
export function hasProvincePrefix(text: string): boolean {
  return PREFIX.test(foldTextKeepDots(text));
}

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

/**
 * A form that differs from the text only where the tone mark sits (`Hoà`/`Hòa` agree): per syllable
 * the tone mark is moved to its end, other marks (â, ơ, ư …) stay. Case and spacing are kept.
 */
export function toneNeutral(text: string): string {
  return text
    .normalize('NFD')
    .split(' ')
    .map((syllable) => {
      const tones = syllable.match(TONE_MARKS);
      return tones ? syllable.replace(TONE_MARKS, '') + tones.join('') : syllable;
    })
    .join(' ')
    .normalize('NFC');
}

// The same prefixes before folding, for telling a mere change of case or prefix from a respelling.
const PREFIX_VI = /^(?:tỉnh\s+|thành\s+phố\s+|tp\.?\s*|t\.\s*)/;

function plainForm(text: string): string {
  const lower = text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s\u00a0\u200b-\u200d\u2060\ufeff]+/g, ' ')
    .trim()
    .replace(PREFIX_VI, '')
    .replace(/\s*-\s*/g, ' - ');
  return toneNeutral(lower);
}

/**
 * True when the text is the name but for case, spacing, an administrative prefix or where the tone
 * mark sits (`TP. HỒ CHÍ MINH`, `tỉnh Hòa Bình`): putting the name in its place loses nothing.
 */
export function sameNameForm(text: string, name: string): boolean {
  return plainForm(text) === plainForm(name);
}

/** A province as a list of one era knows it: the code, the name to propose, the province. */
export interface ProvinceMatch {
  readonly code: string;
  /** The official name the text stands for (one of the list's names, or an accepted official alias). */
  readonly name: string;
  readonly type: ProvinceType;
  /** The text was a listed spelling variant (`Bắc Cạn`), not the official name in another case or form. */
  readonly variant: boolean;
}

interface EraIndex {
  byKey: Map<string, ProvinceMatch>;
  /** toneNeutral forms of the official names, bare, with their type prefix or `TP.`: written as they should be. */
  official: Set<string>;
}

function buildIndex(era: ProvinceEra): EraIndex {
  const list: readonly { code: string; name: string; type: ProvinceType }[] =
    era === 'pre-2025' ? PROVINCES_PRE_2025 : PROVINCES_2025;
  const byKey = new Map<string, ProvinceMatch>();
  const official = new Set<string>();
  const byName = new Map<string, ProvinceMatch>();
  const add = (code: string, name: string, type: ProvinceType): void => {
    const match: ProvinceMatch = Object.freeze({ code, name, type, variant: false });
    byKey.set(provinceKey(name), match);
    byName.set(name, match);
    official.add(toneNeutral(name));
    official.add(toneNeutral(`${type} ${name}`));
    // `TP.` is the abbreviation of Thành phố that official texts use (TP. Hồ Chí Minh): a city so
    // written is as it should be, not a variant to respell.
    if (type === TP) official.add(toneNeutral(`TP. ${name}`));
  };
  for (const p of list) add(p.code, p.name, p.type);
  for (const [code, name, type] of OFFICIAL_ALSO[era]) add(code, name, type);
  for (const [variant, name] of VARIANTS[era]) {
    const target = byName.get(name);
    if (!target) throw new Error(`provinces: variant ${variant} of unknown ${name}`);
    const key = provinceKey(variant);
    if (!byKey.has(key)) byKey.set(key, Object.freeze({ ...target, variant: true }));
  }
  return { byKey, official };
}

const INDEX: Readonly<Record<ProvinceEra, EraIndex>> = {
  'pre-2025': buildIndex('pre-2025'),
  'post-2025': buildIndex('post-2025'),
};

/** The province a name stands for in one era's list: folded, prefix-free, spelling variants known. */
export function findProvince(era: ProvinceEra, text: string): ProvinceMatch | undefined {
  return INDEX[era].byKey.get(provinceKey(text));
}

/**
 * True when the text is an official name of the era's list exactly as it should be written, bare or
 * with its own type prefix (`Hà Nội`, `Thành phố Hà Nội`, `TP. Hà Nội`); the tone mark may sit on
 * either vowel.
 */
export function isOfficialSpelling(era: ProvinceEra, text: string): boolean {
  const official = INDEX[era].official;
  return official.has(text) || official.has(toneNeutral(text));
}

/**
 * The personal-ID province codes a place of birth registration can stand for: an old name gives its
 * own code, a 2025 name every old province merged into it (the ID keeps the old code for life, §1.5).
 * A full address is read by its last comma-separated part. Undefined when no province is recognised.
 */
export function idCodesForPlace(text: string): ReadonlySet<string> | undefined {
  const codes = idCodesForName(text);
  if (codes || !text.includes(',')) return codes;
  return idCodesForName(text.slice(text.lastIndexOf(',') + 1));
}

function idCodesForName(text: string): ReadonlySet<string> | undefined {
  const key = provinceKey(text);
  const old = INDEX['pre-2025'].byKey.get(key);
  const now = INDEX['post-2025'].byKey.get(key);
  if (!old && !now) return undefined;
  const codes = new Set<string>();
  if (old) codes.add(`0${old.code}`);
  if (now) for (const code of (newByCode.get(now.code) as NewProvince).mergedFrom) codes.add(`0${code}`);
  return codes;
}
