// Each fast path of the check types against the slow path it skips (the code as it was before the
// fast path, kept here as the reference), on the fixture cells and on generated input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAsciiDigits, isBlank, isOneRepeatedDigit } from '../../src/shared/text.js';
import { classifyLegacyId } from '../../src/vn/cmnd.js';
import { foldText } from '../../src/vn/fold.js';
import { readBhxh, readBhyt } from '../../src/vn/insurance.js';
import { assessVietnamese, isOrdinaryText, isPlausible } from '../../src/vn/legacy-encoding.js';
import { countryByIdCode, isBornAbroadCode } from '../../src/vn/countries.js';
import { decodePersonalId, idPlace, isScientificNotation, normalizeIdDigits, parsePersonalId, parseSex } from '../../src/vn/personal-id.js';
import { provinceByIdCode } from '../../src/vn/provinces.js';
import { normalizePhone } from '../../src/vn/phones.js';
import { compactCode, parseTaxCode } from '../../src/vn/tax-code.js';
import { arbCell, arbIdLike, arbName, arbTrickyText, fixtureCells, TRICKY } from './fast-path-inputs.js';

const CELLS = fixtureCells();
const RUNS = { numRuns: 3000 };

// ---- the slow paths, as they were ----------------------------------------------------------------
const slow = {
  isBlank: (text: string) => text.length === 0 || /^[\s\u200b-\u200d\u2060\ufeff]*$/.test(text),
  foldText: (text: string) =>
    text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim(),
  normalizeIdDigits(text: string): string {
    const ascii = text.replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48)).trim();
    const float = /^(\d{8,})[.,]0+$/.exec(ascii);
    return float ? (float[1] as string) : ascii.replace(/[\s\u00a0\u00ad\u200b-\u200d\u2060\ufeff.,\-\u2010-\u2015]/g, '');
  },
  isScientificNotation: (text: string) => /^[+]?\d+(?:[.,]\d+)?e\+?\d+$/i.test(text.trim()),
  compactCode(text: string): string {
    const compact = text
      .replace(/[\uff10-\uff19]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
      .replace(/[\s\u200b-\u200d\u2060\ufeff.\-\u2010-\u2015]/g, '');
    return compact.startsWith("'") ? compact.slice(1) : compact;
  },
  classifyLegacyId(text: string) {
    const digits = slow.normalizeIdDigits(text);
    if (/^\d{9}$/.test(digits)) return { kind: 'cmnd', digits };
    if (/^\d{12}$/.test(digits)) return { kind: 'personal-id', digits };
    return { kind: 'other', digits };
  },
  readBhxh(text: string) {
    const digits = slow.compactCode(text);
    if (/^\d{10}$/.test(digits)) return { ok: true, code: digits, leadingZero: false };
    if (/^\d{9}$/.test(digits)) return { ok: true, code: `0${digits}`, leadingZero: true };
    return { ok: false };
  },
  isOrdinaryText(text: string): boolean {
    for (const token of text.split(' ')) {
      if (token !== '' && !isPlausible(assessVietnamese(token.normalize('NFC')))) return false;
    }
    return true;
  },
  idPlace(code: string) {
    const province = provinceByIdCode(code);
    if (province) return { kind: 'province', province };
    if (isBornAbroadCode(code)) return { kind: 'abroad', country: countryByIdCode(code) };
    if (code === '000') return { kind: 'unconfirmed' };
    return { kind: 'invalid' };
  },
  decodePersonalId(digits: string) {
    const placeCode = digits.slice(0, 3);
    const centuryDigit = Number(digits[3]);
    return {
      digits,
      placeCode,
      place: slow.idPlace(placeCode),
      centuryDigit,
      sex: centuryDigit % 2 === 0 ? 'male' : 'female',
      birthYear: 1900 + 100 * Math.floor(centuryDigit / 2) + Number(digits.slice(4, 6)),
      serial: digits.slice(6),
    };
  },
  parseSex(text: string): string | undefined {
    return new Map([['nam', 'male'], ['nu', 'female'], ['male', 'male'], ['female', 'female'], ['m', 'male'], ['f', 'female']]).get(
      slow.foldText(text),
    );
  },
};

const SAMPLES = [...CELLS, ...TRICKY, '', ' ', '0', '00', '000000', '0000000', '1111112', '٠٠٠٠٠٠', '０００', '1.23E+11', '001203012345.0'];

function agree(name: string, fast: (text: string) => unknown, reference: (text: string) => unknown, arb: fc.Arbitrary<string> = arbCell(CELLS)): void {
  it(`${name}: fast path = slow path`, () => {
    for (const text of SAMPLES) expect(fast(text), JSON.stringify(text)).toEqual(reference(text));
    fc.assert(
      fc.property(arb, (text) => {
        expect(fast(text)).toEqual(reference(text));
      }),
      RUNS,
    );
  });
}

describe('support/text fast paths', () => {
  agree('isBlank', isBlank, slow.isBlank);
  agree('isAsciiDigits', isAsciiDigits, (t) => /^\d+$/.test(t));
  agree('isOneRepeatedDigit', isOneRepeatedDigit, (t) => /^([0-9])\1*$/.test(t), fc.oneof(arbIdLike, fc.constantFrom('0', '000000', '1111111', '11111121', '', 'aaaa')));
});

describe('identifier normalisers skip their regexes for a digits-only cell', () => {
  agree('normalizeIdDigits', normalizeIdDigits, slow.normalizeIdDigits, fc.oneof(arbIdLike, arbCell(CELLS)));
  agree('isScientificNotation', isScientificNotation, slow.isScientificNotation, fc.oneof(arbIdLike, arbCell(CELLS)));
  agree('compactCode', compactCode, slow.compactCode, fc.oneof(arbIdLike, arbCell(CELLS)));
  agree('classifyLegacyId', classifyLegacyId, slow.classifyLegacyId, fc.oneof(arbIdLike, arbCell(CELLS)));
  agree('readBhxh', readBhxh, slow.readBhxh, fc.oneof(arbIdLike, arbCell(CELLS)));
  agree(
    'parsePersonalId',
    (t) => parsePersonalId(t)?.digits ?? null,
    (t) => {
      const digits = slow.normalizeIdDigits(t);
      return /^\d{12}$/.test(digits) ? digits : null;
    },
    fc.oneof(arbIdLike, arbCell(CELLS)),
  );
  agree('idPlace', idPlace, slow.idPlace, fc.oneof(fc.stringMatching(/^\d{3}$/), arbIdLike.map((t) => t.slice(0, 3))));
  agree('decodePersonalId', decodePersonalId, slow.decodePersonalId, fc.oneof(fc.stringMatching(/^\d{12}$/), arbIdLike));
  it('idPlace: every three-digit code as the slow path decides it', () => {
    for (let n = 0; n < 1000; n++) {
      const code = String(n).padStart(3, '0');
      expect(idPlace(code)).toEqual(slow.idPlace(code));
    }
  });
  it('a digits-only phone, tax code or BHYT cell reads as it did through the general path', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,15}$/), (digits) => {
        // A separator that the general path strips gives the same reading plus a 'separators' change.
        const spaced = `${digits.slice(0, 3)} ${digits.slice(3)}`;
        const plain = normalizePhone(digits);
        const general = normalizePhone(spaced);
        expect({ ...plain, changes: [] }).toEqual({ ...general, changes: [] });
        expect(general.changes.filter((c) => c !== 'separators')).toEqual(plain.changes);
        expect(parseTaxCode(digits)).toEqual(parseTaxCode(`\u200b${digits}`));
        expect(readBhyt(digits)).toEqual(readBhyt(`'${digits}`));
      }),
      RUNS,
    );
  });
});

describe('Vietnamese text fast paths', () => {
  agree('foldText', foldText, slow.foldText, fc.oneof(arbTrickyText, arbName, arbCell(CELLS), fc.string({ unit: 'grapheme-ascii' })));
  agree('parseSex', parseSex, slow.parseSex, fc.oneof(fc.constantFrom('Nam', 'Nữ', 'Nữ'.normalize('NFD'), 'nam', 'NỮ', ' Nam', 'M', 'f', 'Nu'), arbCell(CELLS)));
  agree('isOrdinaryText', isOrdinaryText, slow.isOrdinaryText, fc.oneof(arbName, arbTrickyText, arbCell(CELLS)));
});
