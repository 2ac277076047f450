// The char-code name scans against the general functions of names.ts they stand in for.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { D_CONFUSABLES, isVietnameseNameLetter, middleNameAgainstSex, titleCaseVi, VIETNAMESE_VOWELS } from '../../src/vn/names.js';
import { isPlainName, isPlainTitleCase, isPlainUpperCase, plainMiddleNameAgainstSex } from '../../src/vn/name-scan.js';
import { arbName, arbPlainText, arbTrickyText, fixtureCells, TRICKY } from '../checks/fast-path-inputs.js';

const RUNS = { numRuns: 5000 };
const CELLS = fixtureCells();
const PLAIN = [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZĐđ -'’", ...VIETNAMESE_VOWELS];
const anyName = fc.oneof(arbName, arbPlainText, arbTrickyText, fc.constantFrom(...CELLS, ...TRICKY));
// vn-person-name's title case: per space-separated part.
const titleCase = (name: string) => name.split(' ').map(titleCaseVi).join(' ');

describe('PLAIN characters', () => {
  it('are exactly the letters, space, hyphen and apostrophes a name may hold without a finding', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      const plain = isPlainName(ch);
      expect(plain, `U+${c.toString(16)}`).toBe(PLAIN.includes(ch));
      if (plain) expect(isVietnameseNameLetter(ch) || /[ '’-]/.test(ch)).toBe(true);
    }
  });

  it('form NFC text in any order: no pair of them changes under NFC', () => {
    for (const a of PLAIN) for (const b of PLAIN) expect((a + b).normalize('NFC')).toBe(a + b);
  });
});

describe('name scans = names.ts on the same input', () => {
  it('a PLAIN name is NFC and has no digit, invalid character or look-alike of Đ', () => {
    fc.assert(
      fc.property(anyName, (name) => {
        if (!isPlainName(name)) return;
        expect(name.normalize('NFC')).toBe(name);
        for (const ch of name) {
          expect(isVietnameseNameLetter(ch) || /[ '’-]/.test(ch)).toBe(true);
          expect(D_CONFUSABLES.has(ch) || /\p{Nd}/u.test(ch)).toBe(false);
        }
      }),
      RUNS,
    );
  });

  it('isPlainTitleCase(name) ⇔ title case leaves the name unchanged', () => {
    const check = (name: string) => {
      if (isPlainName(name)) expect(isPlainTitleCase(name), JSON.stringify(name)).toBe(titleCase(name) === name);
    };
    for (const cell of CELLS) check(cell);
    fc.assert(fc.property(fc.oneof(arbName, arbPlainText, anyName), check), RUNS);
  });

  it('isPlainUpperCase(name) ⇔ upper case leaves the name unchanged', () => {
    const check = (name: string) => {
      if (isPlainName(name)) expect(isPlainUpperCase(name)).toBe(name.toLocaleUpperCase('vi') === name);
    };
    for (const cell of CELLS) check(cell);
    fc.assert(fc.property(fc.oneof(arbName, arbPlainText, arbName.map((n) => n.toLocaleUpperCase('vi'))), check), RUNS);
  });

  it('plainMiddleNameAgainstSex = middleNameAgainstSex', () => {
    const check = (name: string) => {
      if (!isPlainName(name)) return;
      for (const sex of ['male', 'female'] as const) {
        expect(plainMiddleNameAgainstSex(name, sex), `${JSON.stringify(name)} ${sex}`).toBe(middleNameAgainstSex(name, sex));
      }
    };
    for (const name of ['Nguyễn Thị Lan', 'Nguyễn Văn', 'Thị Văn An', 'Lê  THỊ  ', ' Lê Văn Văn', 'Lê Thi Thị An', 'Văn Thị', 'A thị văn b']) {
      check(name);
    }
    for (const cell of CELLS) check(cell);
    fc.assert(fc.property(fc.oneof(arbName, arbPlainText), check), RUNS);
  });
});
