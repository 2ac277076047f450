// The byte fast paths (CheckHooks.passes) of the text and identifier checks: a pass must mean that
// the check's own row() reports nothing for the text the bytes decode to, for every option set
// given here; and on realistic cells they must pass often (a fast path that never passes is no
// fast path).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnyCheckType, CheckContext, CheckHooks } from '../../src/checks/define.js';
import { ByteVerdicts, CODE_POINT, nfcStable, utf8At } from '../../src/checks/support/byte-text.js';
import length from '../../src/checks/length.js';
import range from '../../src/checks/range.js';
import unicodeNfc from '../../src/checks/unicode-nfc.js';
import vnPersonName from '../../src/checks/vn-person-name.js';
import vnBhxh from '../../src/checks/vn-bhxh.js';
import vnCmnd from '../../src/checks/vn-cmnd.js';
import vnPhone from '../../src/checks/vn-phone.js';
import vnTaxCode from '../../src/checks/vn-tax-code.js';
import vnTextEncoding from '../../src/checks/vn-text-encoding.js';
import whitespace, { isInvisible, isJsSpace } from '../../src/checks/whitespace.js';
import { arbCell, arbIdLike, arbName, arbPlainText, arbTrickyText, fixtureCells, TRICKY } from './fast-path-inputs.js';

const AS_OF_2026 = Math.floor(Date.UTC(2026, 10, 1) / 86_400_000);
const AS_OF_2024 = Math.floor(Date.UTC(2024, 5, 1) / 86_400_000);

function contextFor(options: object, reported: unknown[], asOfDay = AS_OF_2026): CheckContext<unknown, string> {
  return {
    options: options as Readonly<unknown>,
    columns: ['x'],
    asOfDay,
    threads: 1,
    columnFormat: () => undefined,
    report: (_row: unknown, finding: unknown) => void reported.push(finding),
    reportAt: () => undefined,
    reportDataset: () => undefined,
    reread: () => null,
    rereadable: () => false,
  };
}

/** The check with these options, and whether its row() reports anything for a text. */
function instance(checkType: AnyCheckType, options: Record<string, unknown>, asOfDay = AS_OF_2026): { hooks: CheckHooks; reports: (text: string) => unknown[] } {
  const reported: unknown[] = [];
  const hooks = checkType.create(contextFor({ ...(checkType.meta.defaults as object), ...options }, reported, asOfDay));
  return {
    hooks,
    reports(text) {
      reported.length = 0;
      hooks.row!({ file: 'f', row: 1, line: 2, width: 1, value: (k) => (k === 0 ? text : ''), cell: () => text });
      return [...reported];
    },
  };
}

/** Runs passes on the cell's bytes inside a row (other cells around it) and returns the verdict and the text those bytes decode to. */
function passOn(hooks: CheckHooks, bytes: Uint8Array): { passed: boolean; text: string } {
  const row = Buffer.concat([Buffer.from('a,'), bytes, Buffer.from(',b')]);
  const end = row.length - 2;
  return { passed: hooks.passes!(row, 2, end), text: row.toString('utf8', 2, end) };
}

/** Holds that every pass is a cell the check does not report; returns how many passed. */
function holds(checkType: AnyCheckType, options: Record<string, unknown>, cells: fc.Arbitrary<string>, runs = 3000, asOfDay = AS_OF_2026): number {
  const { hooks, reports } = instance(checkType, options, asOfDay);
  expect(hooks.passes).toBeTypeOf('function');
  let passed = 0;
  fc.assert(
    fc.property(cells, (value) => {
      const verdict = passOn(hooks, Buffer.from(value, 'utf8'));
      if (!verdict.passed) return;
      passed++;
      expect(reports(verdict.text)).toEqual([]);
    }),
    { numRuns: runs },
  );
  return passed;
}

/** The same for raw bytes (malformed UTF-8 included). */
function holdsOnBytes(checkType: AnyCheckType, options: Record<string, unknown>, units: readonly number[]): void {
  const { hooks, reports } = instance(checkType, options);
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...units), { maxLength: 12 }), (array) => {
      const verdict = passOn(hooks, Uint8Array.from(array));
      if (verdict.passed) expect(reports(verdict.text)).toEqual([]);
    }),
    { numRuns: 3000 },
  );
}

const CELLS = fixtureCells();

// Legacy encodings and decomposed text of Vietnamese names and addresses (vn-text-encoding.test.ts has the decoders' own cases).
const ENCODED = [
  'Nguyá»…n VÄƒn HÃ¹ng', 'Nguyá»…n', 'Tráº§n Thá»‹ Mai', 'ÄÃ  Náºµng', 'HÃ  Ná»™i', 'Ã„â€˜', 'NguyÔn V¨n Hïng', 'NguyÔn', 'Trçn ThÞ Mai',
  'H¬ng', 'Nguyeãn Vaên Huøng', 'Nguyeãn', 'Tra7`n', 'Nguye^~n Va(n Hu`ng', 'Nguye^~n Thi.', 'ddi.a chi?', 'NguyêÞn Vãn', 'Lý',
  'Nguye\u0302\u0303n', 'Nguyê\u0303n', 'Ha\u0300 Nô\u0323i', ' \u0301a', 'a \u0301', 'Phố Huế\u00a0', 'Lê\u200bHà', 'Hà\tNội',
  'Mc Donald', 'TP. Hồ Chí Minh', "H'Hen Niê", 'Y-Moan Ênuôl', 'Số 12/3 ngõ 45, đường Lê Lợi', 'Xóm 15, xã Tân Lập', 'Ấp 15, xã Đông Hưng',
  'Số 233, đường Lạc Long Quân, phường Hải Châu I, quận Hải Châu, TP. Đà Nẵng', 'Thôn 3, xã Ea Kao, TP. Buôn Ma Thuột, tỉnh Đắk Lắk',
];
const ADDRESS_WORDS = ['Số', '12,', 'đường', 'Lạc', 'Long', 'Quân,', 'phường', 'Hải', 'Châu', 'I,', 'quận', 'TP.', 'Đà', 'Nẵng', 'Xóm', 'xã', 'Tân', 'Lập', 'huyện', 'tỉnh', 'Quỳnh', 'Phụ', 'Ấp', 'Đông', 'Hưng', '15/2', 'ngõ'];
const arbAddress = fc.array(fc.constantFrom(...ADDRESS_WORDS), { minLength: 1, maxLength: 12 }).map((words) => words.join(' '));
const arbText = fc.oneof(arbCell(CELLS), fc.constantFrom(...ENCODED), arbAddress, fc.array(fc.constantFrom(...ENCODED, ...TRICKY, ...ADDRESS_WORDS, ' '), { maxLength: 6 }).map((a) => a.join('')));
// Bytes around UTF-8 sequence boundaries: ASCII, space, lead bytes, continuations, invalid bytes.
const BYTE_UNITS = [0x20, 0x41, 0x61, 0x2e, 0x30, 0x64, 0x09, 0x80, 0x81, 0xa0, 0xad, 0xbf, 0xc2, 0xc3, 0xc4, 0xe1, 0xbb, 0x85, 0xe2, 0x80, 0x8b, 0xed, 0xa0, 0xf0, 0x9f, 0xf4, 0x90, 0xff, 0xc0];

const realisticNames = fc.array(fc.constantFrom('Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Thị', 'Văn', 'Đức', 'Ngọc', 'Hương', 'Quỳnh', 'Yến', 'Khánh', 'Liên', 'Ánh'), { minLength: 2, maxLength: 4 }).map((a) => a.join(' '));

describe('utf8At', () => {
  it('reads every well-formed sequence as TextDecoder does and refuses the rest', () => {
    // ignoreBOM: otherwise the decoder swallows a leading EF BB BF, which is U+FEFF, a well-formed sequence.
    const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...BYTE_UNITS, 0xe0, 0xef, 0xf8, 0x7f), { minLength: 1, maxLength: 4 }), (array) => {
        const bytes = Uint8Array.from(array);
        const read = utf8At(bytes, 0, bytes.length);
        let expected: number[] | null = null;
        for (let n = 1; n <= bytes.length && expected === null; n++) {
          try {
            const text = strict.decode(bytes.subarray(0, n));
            expected = [text.codePointAt(0)!, n];
          } catch {
            // not a whole sequence yet
          }
        }
        if (read < 0) expect(expected === null || expected[1] === 0).toBe(true);
        else expect([read & CODE_POINT, read >>> 21]).toEqual(expected);
      }),
      { numRuns: 5000 },
    );
    for (const ch of ['a', 'é', 'ư', 'ễ', '€', '😀']) {
      const bytes = Buffer.from(ch);
      expect(utf8At(bytes, 0, bytes.length)).toBe(ch.codePointAt(0)! | (bytes.length << 21));
    }
    expect(utf8At(Uint8Array.of(0xed, 0xa0, 0x80), 0, 3)).toBe(-1); // a surrogate
    expect(utf8At(Uint8Array.of(0xc0, 0x80), 0, 2)).toBe(-1); // overlong
    expect(utf8At(Uint8Array.of(0xe1, 0xbb), 0, 2)).toBe(-1); // cut short
  });
});

describe('ByteVerdicts', () => {
  it('remembers each byte sequence and judges it once, also past a reset', () => {
    let judged = 0;
    const memo = new ByteVerdicts((bytes, start, end) => {
      judged++;
      return (end - start) % 2 === 0;
    }, 50);
    const words = Array.from({ length: 120 }, (_, i) => Buffer.from(`w${i}${'x'.repeat(i % 3)}`));
    for (const word of words) expect(memo.get(word, 0, word.length)).toBe(word.length % 2 === 0);
    expect(judged).toBe(120);
    const before = judged;
    for (const word of words.slice(100)) expect(memo.get(word, 0, word.length)).toBe(word.length % 2 === 0);
    expect(judged).toBe(before);
    expect(memo.size).toBeLessThanOrEqual(50);
  });

  it('keeps every verdict as its table grows', () => {
    let judged = 0;
    const memo = new ByteVerdicts((bytes, start, end) => {
      judged++;
      return bytes[end - 1]! % 3 === 0;
    });
    const words = Array.from({ length: 20_000 }, (_, i) => Buffer.from(`tok ${i * 7919} ${'đ'.repeat(i % 4)}`));
    for (let round = 0; round < 2; round++) {
      for (const word of words) expect(memo.get(word, 4, word.length)).toBe(word[word.length - 1]! % 3 === 0);
    }
    expect(judged).toBe(20_000);
    expect(memo.size).toBe(20_000);
  });
});

describe('vn-text-encoding: the byte fast path', () => {
  it.each([[{ check_nfd: false }], [{ check_nfd: true }]])('passes only cells the check does not report (%o)', (options) => {
    const passed = holds(vnTextEncoding, options, arbText, 6000);
    expect(passed).toBeGreaterThan(1000);
    holdsOnBytes(vnTextEncoding, options, BYTE_UNITS);
  });

  it('passes plain names and addresses and empty cells, not legacy encodings, VIQR marks or (with check_nfd) NFD', () => {
    const { hooks } = instance(vnTextEncoding, { check_nfd: false });
    const nfd = instance(vnTextEncoding, { check_nfd: true }).hooks;
    const passes = (h: CheckHooks, text: string) => passOn(h, Buffer.from(text)).passed;
    for (const text of ['', 'Nguyễn Văn Hùng', 'Phan Khánh Liên', 'Số 233, đường Lạc Long Quân, phường Hải Châu I, quận Hải Châu, TP. Đà Nẵng', 'Nguyen Van Hung']) {
      expect(passes(hooks, text)).toBe(true);
      expect(passes(nfd, text)).toBe(true);
    }
    for (const text of ['Nguyá»…n VÄƒn', 'NguyÔn V¨n Hïng', 'Nguyeãn Vaên', 'Nguye^~n', 'Ddinh']) expect(passes(hooks, text)).toBe(false);
    for (const text of ['Nguye\u0302\u0303n', 'Nguyê\u0303n']) {
      expect(passes(hooks, text)).toBe(true); // decomposed, but check_nfd is off
      expect(passes(nfd, text)).toBe(false);
    }
    const realistic = holds(vnTextEncoding, { check_nfd: false }, fc.oneof(realisticNames, arbAddress), 500);
    expect(realistic).toBeGreaterThan(450);
  });
});

describe('unicode-nfc: the byte fast path', () => {
  it('passes only cells the check does not report', () => {
    expect(holds(unicodeNfc, {}, arbText, 6000)).toBeGreaterThan(1000);
    holdsOnBytes(unicodeNfc, {}, BYTE_UNITS);
    expect(holds(unicodeNfc, {}, fc.oneof(realisticNames, arbAddress), 500)).toBe(500);
  });

  it('only counts as stable code points that are NFC alone and in every pair', () => {
    const stable: string[] = [];
    for (let c = 0; c < 0x10000; c++) if (nfcStable(c) && !(c >= 0xd800 && c <= 0xdfff)) stable.push(String.fromCharCode(c));
    expect(stable.length).toBeGreaterThan(900);
    for (const a of stable) {
      expect(a.normalize('NFC')).toBe(a);
      for (const b of stable) {
        const pair = a + b;
        if (pair.normalize('NFC') !== pair) expect.fail(`U+${a.charCodeAt(0).toString(16)} U+${b.charCodeAt(0).toString(16)} is not NFC`);
      }
    }
  });
});

describe('whitespace: the byte fast path', () => {
  const OPTIONS = [{}, { trim: false }, { collapse: false }, { invisible: false }, { trim: false, collapse: false, invisible: false }];
  it.each(OPTIONS)('passes only cells the check does not report (%o)', (options) => {
    const spacey = fc.array(fc.constantFrom(' ', '  ', 'a', 'ư', '\u00a0', '\u200b', '\ufeff', '\u00ad', '\t', '\u2060', 'NguyÔn', 'H\u00ad¬ng', '\u3000'), { maxLength: 6 }).map((a) => a.join(''));
    expect(holds(whitespace, options, fc.oneof(arbText, spacey), 4000)).toBeGreaterThan(500);
    holdsOnBytes(whitespace, options, BYTE_UNITS);
  });

  it('passes names with single inner spaces and the empty cell, not edges, doubled spaces or invisible characters', () => {
    const { hooks } = instance(whitespace, {});
    const passes = (text: string) => passOn(hooks, Buffer.from(text)).passed;
    for (const text of ['', 'Nguyễn Văn Hùng', '12/05/2011', 'a']) expect(passes(text)).toBe(true);
    for (const text of [' a', 'a ', 'a  b', 'a\u00a0b', '\u200b', 'Lê\u200bHà', '\u2060', ' ']) expect(passes(text)).toBe(false);
    expect(passOn(instance(whitespace, { invisible: false }).hooks, Buffer.from('\u200b')).passed).toBe(false); // blank
    expect(passOn(instance(whitespace, { invisible: false }).hooks, Buffer.from('a\u00a0b')).passed).toBe(true);
    expect(holds(whitespace, {}, realisticNames, 300)).toBe(300);
  });

  it('matches its code point sets with the regular expressions of the check and of \\s', () => {
    // eslint-disable-next-line no-control-regex -- the check's own set
    const invisible = /[\u0000-\u001f\u007f-\u009f\u00a0\u00ad\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]/;
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (isInvisible(c) !== invisible.test(ch)) expect.fail(`U+${c.toString(16)}: invisible`);
      if (isJsSpace(c) !== /\s/.test(ch)) expect.fail(`U+${c.toString(16)}: \\s`);
    }
  });
});

const digit = fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
const digits = (min: number, max: number) => fc.string({ unit: digit, minLength: min, maxLength: max });
const arbId = fc.oneof(arbIdLike, digits(0, 14), fc.tuple(fc.constantFrom('0', '01', '02', '03', '09', '84', '0084', '024', '028', '0296', '001', '079', '000', '400', '012'), digits(0, 11)).map(([a, b]) => a + b), arbTrickyText);

describe('vn-phone: the byte fast path', () => {
  it.each([[{}], [{ allow_landline: false }], [{ format: 'e164' }]])('passes only cells the check does not report (%o)', (options) => {
    holds(vnPhone, options, arbId, 5000);
    holdsOnBytes(vnPhone, options, [0x30, 0x31, 0x32, 0x38, 0x34, 0x39, 0x2b, 0x20, 0xef, 0xbc, 0x91]);
  });

  it('passes current mobile numbers, landlines when allowed, and the empty cell', () => {
    const mobile = fc.tuple(fc.constantFrom('032', '086', '090', '091', '098', '070', '081', '052', '099'), digits(7, 7)).map(([a, b]) => a + b);
    expect(holds(vnPhone, {}, mobile, 500)).toBe(500);
    const { hooks } = instance(vnPhone, {});
    const landline = instance(vnPhone, { allow_landline: false }).hooks;
    const passes = (h: CheckHooks, text: string) => passOn(h, Buffer.from(text)).passed;
    expect(passes(hooks, '')).toBe(true);
    expect(passes(hooks, '02438123456')).toBe(true);
    expect(passes(landline, '02438123456')).toBe(false);
    for (const text of ['0123456789', '01681234567', '912345678', '84912345678', '0912 345 678', '+84912345678', '0002345678', '0112345678']) expect(passes(hooks, text)).toBe(false);
    expect(passes(instance(vnPhone, { format: 'e164' }).hooks, '0912345678')).toBe(false);
  });
});

describe('vn-cmnd: the byte fast path', () => {
  const OPTIONS = [{}, { role: 'current-id' }, { twelve_digits: 'check' }, { twelve_digits: 'report' }, { role: 'current-id', export_date: '2024-06-30', twelve_digits: 'check' }];
  it.each(OPTIONS)('passes only cells the check does not report (%o)', (options) => {
    holds(vnCmnd, options, arbId, 4000);
    holds(vnCmnd, options, arbId, 1000, AS_OF_2024);
  });

  it('passes 9- and 12-digit numbers as the options allow, and the empty cell', () => {
    const passes = (options: object, text: string) => passOn(instance(vnCmnd, options as Record<string, unknown>).hooks, Buffer.from(text)).passed;
    expect(passes({}, '')).toBe(true);
    expect(passes({}, '012345678')).toBe(true);
    expect(passes({ role: 'current-id' }, '012345678')).toBe(false); // expired by the as-of day
    expect(passes({}, '079205012345')).toBe(true);
    expect(passes({ twelve_digits: 'check' }, '079205012345')).toBe(true);
    expect(passes({ twelve_digits: 'check' }, '099205012345')).toBe(false); // 099: no province
    expect(passes({ twelve_digits: 'report' }, '079205012345')).toBe(false);
    for (const text of ['12345678', '0123456789', '012 345 678', '1.23E+11']) expect(passes({}, text)).toBe(false);
    const ids = fc.tuple(fc.constantFrom('001', '079', '048', '096'), fc.constantFrom('0', '1'), digits(8, 8)).map(([a, b, c]) => a + b + c);
    expect(holds(vnCmnd, { twelve_digits: 'check' }, fc.oneof(ids, digits(9, 9)), 500)).toBe(500);
  });
});

describe('vn-tax-code: the byte fast path', () => {
  it.each([[{}], [{ personal_id_from: '2027-01-01' }]])('passes only cells the check does not report (%o)', (options) => {
    holds(vnTaxCode, options, arbId, 4000);
    holds(vnTaxCode, options, digits(10, 10), 4000);
    holds(vnTaxCode, options, arbId, 1000, AS_OF_2024);
  });

  it('passes MSTs with a right check digit, personal IDs from the day they are allowed, and the empty cell', () => {
    const { hooks } = instance(vnTaxCode, {});
    const passes = (h: CheckHooks, text: string) => passOn(h, Buffer.from(text)).passed;
    expect(passes(hooks, '')).toBe(true);
    expect(passes(hooks, '0100109106')).toBe(true);
    expect(passes(hooks, '0100109107')).toBe(false); // check digit
    expect(passes(hooks, '0100000009')).toBe(false); // serial 0000000
    expect(passes(hooks, '0100109106001')).toBe(false); // canonical form has a dash
    expect(passes(hooks, '079205012345')).toBe(true);
    expect(passes(instance(vnTaxCode, {}, AS_OF_2024).hooks, '079205012345')).toBe(false);
    // About one 10-digit string in eleven has its check digit right: the path finds them.
    expect(holds(vnTaxCode, {}, digits(10, 10), 3000)).toBeGreaterThan(150);
  });
});

describe('vn-bhxh: the byte fast path', () => {
  it('passes only cells the check does not report, and every 10-digit code', () => {
    holds(vnBhxh, {}, arbId, 4000);
    expect(holds(vnBhxh, {}, digits(10, 10), 300)).toBe(300);
    const { hooks } = instance(vnBhxh, {});
    expect(passOn(hooks, Buffer.from('')).passed).toBe(true);
    expect(passOn(hooks, Buffer.from('123456789')).passed).toBe(false);
  });
});

describe('vn-person-name: the byte fast path', () => {
  const OPTIONS = [{ check_middle_name: false }, { case: 'upper', check_middle_name: false }, { case: 'any' }, { allow_latin: true, check_characters: false }];
  it.each(OPTIONS)('passes only cells the check does not report (%o)', (options) => {
    const names = fc.oneof(arbText, arbName, arbPlainText, realisticNames.map((n) => n.toLocaleUpperCase('vi')));
    expect(holds(vnPersonName, options, names, 5000)).toBeGreaterThan(300);
    holdsOnBytes(vnPersonName, options, [...BYTE_UNITS, 0xe1, 0xbb, 0x85, 0xc6, 0xb0, 0xc4, 0x90, 0x91, 0x4e, 0x6e, 0xe2, 0x80, 0x99]);
  });

  it('passes plain names in the declared case, and not for a rule that hints at the middle name', () => {
    const { hooks } = instance(vnPersonName, { check_middle_name: false });
    const passes = (h: CheckHooks, text: string) => passOn(h, Buffer.from(text)).passed;
    for (const text of ['', 'Nguyễn Văn Hùng', "H'Hen Niê", 'Y-Moan Ênuôl', 'Lê Thị Hà']) expect(passes(hooks, text)).toBe(true);
    for (const text of ['nguyễn văn hùng', 'NGUYỄN VĂN HÙNG', 'Nguyễn Văn Hùng2', 'Nguye\u0302\u0303n', 'Ðặng']) expect(passes(hooks, text)).toBe(false);
    expect(passes(instance(vnPersonName, { case: 'upper', check_middle_name: false }).hooks, 'NGUYỄN VĂN HÙNG')).toBe(true);
    expect(holds(vnPersonName, { check_middle_name: false }, realisticNames, 300)).toBe(300);
    const reported: unknown[] = [];
    const twoColumns = (vnPersonName as AnyCheckType).create({ ...contextFor({ ...vnPersonName.meta.defaults }, reported), columns: ['full_name', 'sex'] });
    expect(twoColumns.passes).toBeUndefined();
  });
});

describe('length: the byte fast path', () => {
  it.each([[{ min: 2, max: 12 }], [{ min: 5 }], [{ max: 3 }], [{}]])('passes only cells the check does not report (%o)', (options) => {
    expect(holds(length, options, fc.oneof(arbText, arbName), 4000)).toBeGreaterThan(300);
    holdsOnBytes(length, options, BYTE_UNITS);
  });

  it('counts code points, not bytes or code units', () => {
    const { hooks } = instance(length, { min: 3, max: 3 });
    for (const text of ['abc', 'Đặn', 'ễễễ']) expect(passOn(hooks, Buffer.from(text)).passed).toBe(true);
    for (const text of ['ab', 'abcd', 'e\u0302\u0303n']) expect(passOn(hooks, Buffer.from(text)).passed).toBe(false);
    expect(passOn(hooks, Buffer.from('')).passed).toBe(true);
  });
});

describe('range: the byte fast path', () => {
  it.each([[{ type: 'number', min: 10, max: 5000 }], [{ type: 'number', min: 0.5 }], [{ type: 'number', max: 99, decimal: ',' }], [{ type: 'number' }]])('passes only cells the check does not report (%o)', (options) => {
    const numbers = fc.oneof(arbId, digits(0, 18), fc.integer({ min: -100, max: 100_000 }).map(String), fc.double({ noNaN: true }).map(String));
    expect(holds(range, options, numbers, 4000)).toBeGreaterThan(300);
  });

  it('passes integers within the bounds, and no dates', () => {
    const { hooks } = instance(range, { type: 'number', min: 10, max: 5000 });
    for (const text of ['', '10', '5000', '0042']) expect(passOn(hooks, Buffer.from(text)).passed).toBe(true);
    for (const text of ['9', '5001', '1,000', '12.5', ' 12', '1234567890123456']) expect(passOn(hooks, Buffer.from(text)).passed).toBe(false);
    expect(instance(range, { type: 'date', format: 'dd/MM/yyyy' }).hooks.passes).toBeUndefined();
  });
});

// Keep the generators honest: they do produce names with doubled spaces and tricky characters.
it('the generated cells include what the paths must refuse', () => {
  const samples = fc.sample(fc.oneof(arbName, arbTrickyText), 2000);
  expect(samples.some((s) => s.includes('  '))).toBe(true);
  expect(samples.some((s) => /[\u0300-\u036f]/.test(s))).toBe(true);
});
