import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileBytePattern } from '../../src/checks/support/byte-pattern.js';
import required from '../../src/checks/required.js';
import { isBlank } from '../../src/shared/text.js';

// The byte fast paths must never pass a cell the check itself would report: each is compared with
// what the check decides on the text.

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
  const hooks = required.create({
    options: {},
    columns: ['x'],
    asOfDay: 0,
    columnFormat: () => undefined,
    report: () => undefined,
    reportAt: () => undefined,
    reportDataset: () => undefined,
    reread: () => null,
    rereadable: () => false,
  });
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
