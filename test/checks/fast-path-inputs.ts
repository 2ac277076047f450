// Inputs for the tests that hold each fast path of the check types equal to its slow path: every
// cell of the committed fixtures, and generators of names, identifiers and tricky Unicode.
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures');

/** Every distinct cell of the population fixtures (clean and with planted defects). */
export function fixtureCells(): string[] {
  const cells = new Set<string>();
  for (const name of ['population-clean.csv', 'population-defects.csv', 'duplicates.csv']) {
    const records = parse(readFileSync(join(FIXTURES, name)), { bom: true, relax_column_count: true }) as string[][];
    for (const record of records) for (const cell of record) cells.add(cell);
  }
  return [...cells];
}

/**
 * Characters the fast paths must tell apart from the plain ones: combining marks, NBSP and other
 * spaces (U+2000 has a singleton NFC decomposition), zero-width and soft hyphen, look-alikes of Đ,
 * full-width and Arabic-Indic digits, İ (two units in lower case), ß, Greek sigma, a surrogate
 * pair, a lone surrogate, control characters, legacy-encoding traces (TCVN3, VNI, mojibake).
 */
export const TRICKY = [
  '\u0300', '\u0301', '\u0303', '\u0309', '\u0323', '\u0302', '\u0306', '\u031b', '\u00a0', '\u2000', '\u2002',
  '\u202f', '\u3000', '\t', '\n', '\r', '\u000b', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad',
  '\u00d0', '\u00f0', '\u0189', '\u0256', '\uff10', '\uff15', '\uff0b', '\u0663', 'İ', 'ı', 'ß', 'Σ', 'ς',
  '😀', '\ud800', '\u0001', '\u007f', '¸', '·', '¹', '«', '¬', '©', 'ª', 'ø', 'ï', 'Ã', 'â', '€', '‚', 'Ê', 'ñ',
  '’', "'", '-', '‐', '_', '.', ',', '/', '+', 'e', 'E', ' ', '  ', 'ǅ', 'Å', '\u212b', '\u1100', '\u1161',
];

const VOWELS = [...'aăâeêioôơuưy'].flatMap((v) =>
  ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'].map((t) => (v + t).normalize('NFC')),
);
const PLAIN_CHARS = [...VOWELS, ...VOWELS.map((v) => v.toUpperCase()), ...'abcdfghjklmnpqrstvwxzĐđBCDGHKLMNPQRSTVX', ' ', '-', "'", '’'];

const SYLLABLES = [
  'Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương',
  'Thị', 'Văn', 'Đức', 'Ngọc', 'Thanh', 'Minh', 'Anh', 'Hương', 'Tuấn', 'Khánh', 'Liên', 'Quỳnh', 'Nhân', 'Yến',
  "H'Hen", 'Niê', 'Y-Moan', 'Ênuôl', 'Ksor', 'Kpă', 'Rơ', 'Mah', 'Mc', 'Donald', 'THỊ', 'VĂN', 'thị', 'văn', 'tHị',
  'ThỊ', 'VăN', 'thi', 'van', 'Thi', 'Van', 'Ánh', 'Ấu', 'Ưng', 'Ơn', 'Ý', 'Ỷ', 'Đ', 'đ', 'a', 'Zô', 'Jơ', 'Wăn',
];

const caseOf = (word: string, how: number): string =>
  how === 0 ? word : how === 1 ? word.toLocaleUpperCase('vi') : how === 2 ? word.toLocaleLowerCase('vi') : word;

/** Name-like text: syllables in any case, joined by spaces (sometimes doubled) or hyphens. */
export const arbName: fc.Arbitrary<string> = fc
  .array(fc.tuple(fc.constantFrom(...SYLLABLES), fc.nat(4), fc.constantFrom(' ', ' ', ' ', '  ', '-', ' \u00a0')), {
    minLength: 0,
    maxLength: 6,
  })
  .map((parts) => parts.map(([w, how, sep], i) => (i === 0 ? '' : sep) + caseOf(w, how)).join(''));

/** Text made of PLAIN characters only (letters, space, hyphen, apostrophes), in any arrangement. */
export const arbPlainText: fc.Arbitrary<string> = fc.array(fc.constantFrom(...PLAIN_CHARS), { maxLength: 24 }).map((a) => a.join(''));

/** Text mixing plain and tricky characters, digits and ASCII punctuation. */
export const arbTrickyText: fc.Arbitrary<string> = fc
  .array(fc.oneof(fc.constantFrom(...PLAIN_CHARS), fc.constantFrom(...TRICKY), fc.constantFrom(...'0123456789/.,:;!?()#@'), fc.string({ maxLength: 3 })), {
    maxLength: 24,
  })
  .map((a) => a.join(''));

/** Identifier-like text: digits with separators, full-width digits, exponents, apostrophes. */
export const arbIdLike: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...'0123456789') }, { weight: 1, arbitrary: fc.constantFrom(' ', '.', ',', '-', '\u00a0', '\uff11', '\uff10', 'E+', 'e', "'", '+', '+84', '0084', '\u200b', '\u2013', '(', ')', 'x', '.0', ',00', '-001', 'DN', 'HT') }), {
    maxLength: 18,
  })
  .map((a) => a.join(''));

/** Any of the above, and the fixture cells. */
export function arbCell(cells: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(fc.constantFrom(...cells), arbName, arbPlainText, arbTrickyText, arbIdLike, fc.string(), fc.string({ unit: 'binary', maxLength: 8 }));
}
