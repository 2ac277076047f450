import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CheckContext } from '../../src/checks/define.js';
import { compileBytePattern } from '../../src/checks/support/byte-pattern.js';
import placeholder from '../../src/checks/placeholder.js';
import required from '../../src/checks/required.js';
import personalId from '../../src/checks/vn-personal-id.js';
import { isBlank } from '../../src/shared/text.js';

// The byte fast paths must never pass a cell the check itself would report: each is compared with
// what the check decides on the text.

/** The context a check type's create() gets, with its row findings pushed to `reported`. */
function contextFor<O>(options: O, reported: unknown[] = [], asOfDay = 0, column = 'x'): CheckContext<O, string> {
  return {
    options,
    columns: [column],
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

const SIMPLE = ['^[0-9]{12}$', '^\\d{9}$', '^[0-9]{9,12}$', '^[A-Z]{2}[0-9]{13}$', '^[a-z]+[0-9]*$', '^0[35789][0-9]{8}$', '^[A-Z0-9]{10}$', '^x?[0-9]+$'];
const REFUSED = ['[0-9]{12}', '^[0-9]*0$', '^(ab)+$', '^[^0-9]+$', '^.{3}$', '^\\w+$', '^[0-9]+[0-9]$', '^a|b$'];

describe('compileBytePattern', () => {
  it.each(SIMPLE)('compiles %s and agrees with the regular expression', (pattern) => {
    for (const flags of ['', 'i', 'u']) {
      const matches = compileBytePattern(pattern, flags);
      expect(matches).not.toBeNull();
      const regexp = new RegExp(pattern, flags);
      const text = fc.string({ unit: fc.constantFrom('0', '1', '9', 'a', 'Z', 'x', 'A', ' ', 'é', '-', 'Đ'), maxLength: 16 });
      fc.assert(
        fc.property(text, (value) => {
          const bytes = Buffer.from(`,${value},`, 'utf8');
          // A pass is only ever given where the regular expression matches.
          const passed = matches!(bytes, 1, bytes.length - 1);
          expect(passed).toBe(regexp.test(value));
        }),
        { numRuns: 400 },
      );
    }
  });

  it.each(REFUSED)('refuses %s (greedy matching could not decide it exactly, or not a simple pattern)', (pattern) => {
    expect(compileBytePattern(pattern, '')).toBeNull();
  });
});

describe('required: the byte fast path', () => {
  const hooks = required.create(contextFor({}));
  it('passes only values that are not blank', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(' ', '\t', '\u00a0', '\u3000', 'a', '1', '.', 'ư', '\n'), maxLength: 6 }), (value) => {
        const bytes = Buffer.from(value, 'utf8');
        if (hooks.passes!(bytes, 0, bytes.length)) expect(isBlank(value)).toBe(false);
      }),
      { numRuns: 2000 },
    );
    expect(hooks.passes!(Buffer.from('  a '), 0, 4)).toBe(true);
    expect(hooks.passes!(Buffer.from('   '), 0, 3)).toBe(false);
  });
});

describe('placeholder: the byte fast path', () => {
  const reported: unknown[] = [];
  const hooks = placeholder.create(contextFor({ ...placeholder.meta.defaults }, reported));
  it('passes only values the check does not report', () => {
    const unit = fc.constantFrom(' ', '0', '1', '9', 'a', 'N', '/', 'A', '-', 'ư', '\t', '.', 'x', 'k', 'h', 'ô', 'n', 'g');
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit, maxLength: 16 }), fc.constantFrom('000000000000', '111111111', 'N/A', 'không có', 'khong co', '0000000000000', '12345678901')), (value) => {
        const bytes = Buffer.from(value, 'utf8');
        if (!hooks.passes!(bytes, 0, bytes.length)) return;
        reported.length = 0;
        hooks.row!({ file: 'f', row: 1, line: 2, width: 1, value: () => value, cell: () => value });
        expect(reported).toEqual([]);
      }),
      { numRuns: 3000 },
    );
    expect(hooks.passes!(Buffer.from('012345678901'), 0, 12)).toBe(true);
    expect(hooks.passes!(Buffer.from('000000000000'), 0, 12)).toBe(false);
  });
});

describe('vn-personal-id: the byte fast path (no cross-checks)', () => {
  const digit = fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
  const id = fc.tuple(fc.constantFrom('001', '079', '048', '000', '099', '400', '123', '096'), digit, fc.string({ unit: digit, minLength: 8, maxLength: 8 })).map(([a, b, c]) => a + b + c);
  it.each([
    [true, 2026],
    [false, 2026],
    [true, 1995],
  ])('passes only IDs the check does not report (structure %s, as of %i)', (structure, year) => {
    const reported: unknown[] = [];
    const hooks = personalId.create(contextFor({ ...personalId.meta.defaults, cross_checks: [], structure }, reported, Math.floor(Date.UTC(year, 10, 1) / 86_400_000), 'id_number'));
    let passed = 0;
    fc.assert(
      fc.property(id, (value) => {
        const bytes = Buffer.from(` ${value} `, 'latin1');
        if (!hooks.passes!(bytes, 1, 13)) return;
        passed++;
        reported.length = 0;
        hooks.row!({ file: 'f', row: 1, line: 2, width: 1, value: (k) => (k === 0 ? value : ''), cell: () => value });
        expect(reported).toEqual([]);
      }),
      { numRuns: 3000 },
    );
    expect(passed).toBeGreaterThan(100);
    expect(hooks.passes!(Buffer.from('07920501234'), 0, 11)).toBe(false);
  });
});
