import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRegex } from '../../src/checks/support/regex-ast.js';
import { attackStrings } from '../../src/checks/support/regex-attacks.js';
import { compileSafePattern } from '../../src/checks/support/safe-pattern.js';
import { CheckSetupError } from '../../src/checks/support/setup-error.js';
import { dqc } from '../support/cli.js';
import { runs, STACK_LINE, writeTemp } from './support.js';

// A pack's regular expression cannot hang a run: at pack load each pattern is time-boxed on test
// values aimed at its repetitions, and a catastrophic one is refused with the value that showed it.
// The refused list is the classic ReDoS shapes (nested repetition, overlapping alternatives,
// adjacent repetitions of the same characters); the accepted list is what packs really use,
// including shapes a star-height rule (safe-regex2) would refuse.

function refusal(pattern: string, flags = ''): CheckSetupError | null {
  try {
    compileSafePattern(pattern, flags, 1000);
    return null;
  } catch (error) {
    if (error instanceof CheckSetupError) return error;
    throw error;
  }
}

describe('catastrophic patterns are refused at pack load', () => {
  const CATASTROPHIC: [string, string][] = [
    ['^(a+)+$', ''],
    ['^(a|aa)+$', ''],
    ['^(a|a)*$', 'u'],
    ['^(\\w+\\s?)+$', ''],
    ['^(\\p{L}+\\s?)+$', 'u'],
    ['(x+x+)+y', ''],
    ['^(.*a){12}$', ''],
    ['^(\\s*,\\s*)*$', ''],
    ['^(a|b|ab)*c$', ''],
    ['\\d+\\d+\\d+x', ''],
    ['^ID-(\\d+)+$', ''], // behind a literal prefix
    ['^(?:CD|ID)-(\\d+)+$', ''], // behind an alternation
    ['^([a-zA-Z0-9_\\.\\-])+\\@(([a-zA-Z0-9\\-])+\\.)+([a-zA-Z0-9]{2,4})+$', ''], // a copied e-mail regex
    ['^([a-zA-Z0-9])(([\\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$', ''],
  ];
  for (const [pattern, flags] of CATASTROPHIC) {
    it(`/${pattern}/${flags}`, () => {
      const error = refusal(pattern, flags);
      expect(error?.key).toBe('pack.unsafe-pattern');
      expect(error?.data).toMatchObject({ pattern, flags, length: 1000, ms: 100 });
      expect(String(error?.data.sample)).toMatch(/^".+…/);
    });
  }
});

describe('ordinary patterns are accepted', () => {
  const ORDINARY: [string, string][] = [
    ['^\\d{12}$', ''],
    ['^\\d{9}$|^\\d{12}$', ''],
    ['^(\\d{3}-){2}\\d{4}$', ''],
    ['^(\\d+-)+\\d+$', ''],
    ['^(?:[0-9]{3}[ .-]?){3}[0-9]{3}$', ''],
    ['^(0|\\+84)(3|5|7|8|9)\\d{8}$', ''],
    ['^[A-Z]{2}\\d{6}$', 'i'],
    ['^\\p{Lu}\\p{Ll}+( \\p{Lu}\\p{Ll}+)*$', 'u'],
    ['^[a-zà-ỹđ ]+$', 'iu'],
    ['^([a-z0-9_.-]+)@([a-z0-9-]+\\.)+[a-z]{2,}$', 'i'],
    ['^(0[1-9]|[12]\\d|3[01])/(0[1-9]|1[0-2])/\\d{4}$', ''],
    ['^(?=.*\\d)(?=.*[a-z]).{8,}$', ''],
    ['^(ab|a)*c$', ''],
    ['^[\\s\\S]*$', ''],
    ['Tỉnh|Thành phố', 'u'],
    ['^\\u{1F600}+$', 'u'],
    ['(\\d+)-\\1', ''],
    ['{', ''],
    [']', ''],
  ];
  for (const [pattern, flags] of ORDINARY) {
    it(`/${pattern}/${flags}`, () => {
      expect(refusal(pattern, flags)).toBeNull();
    });
  }

  it('a pattern that does not compile is a check-setup problem naming it', () => {
    const error = refusal('^(\\d+$');
    expect(error?.key).toBe('pack.check-setup');
    expect(String(error?.data.reason)).toMatch(/^pattern \/\^\(\\d\+\$\/ does not compile: /);
  });
});

describe('test values', () => {
  it('reach a repetition behind a prefix, and end in a character that fails the match', () => {
    const values = attackStrings('^ID-(\\d+)+$', '', 50);
    expect(values).toContain(`ID-${'0'.repeat(46)}\u0000`);
    expect(values.every((v) => v.length === 50)).toBe(true);
  });

  it('the pattern reader never throws and always yields values of the asked length, whatever compiles', () => {
    const token = fc.constantFrom('a', 'b', '\\d', '\\w', '\\s', '.', '[a-z]', '[^,]', '(', ')', '(?:', '(?=', '(?<n>', '|', '*', '+', '?', '{2}', '{1,3}', '{2,}', '^', '$', '\\b', '\\1', '\\k<n>', '\\p{L}', '\\u{1F600}', '-', '{', ']', '\\', 'Đ', '😀');
    fc.assert(
      fc.property(fc.array(token, { maxLength: 12 }).map((parts) => parts.join('')), fc.constantFrom('', 'i', 'u', 'iu'), (pattern, flags) => {
        try {
          new RegExp(pattern, flags);
        } catch {
          return; // only patterns the engine accepts ever reach the reader
        }
        expect(() => parseRegex(pattern, flags)).not.toThrow();
        const values = attackStrings(pattern, flags, 40);
        expect(values.length).toBeGreaterThan(0);
        for (const value of values) expect(value.length).toBeGreaterThanOrEqual(40);
      }),
      { numRuns: runs(500) },
    );
  });
});

describe('dqc refuses a pack with a catastrophic pattern', () => {
  const pack = writeTemp(
    'unsafe.yaml',
    [
      'name: unsafe',
      'extends: vn-population',
      'rules:',
      '  - id: name-shape',
      '    check: pattern',
      '    column: full_name',
      '    options:',
      "      pattern: '^(\\p{L}+\\s?)+$'",
      '      flags: u',
      '',
    ].join('\n'),
  );

  it('exit 2, naming the pack file, the rule, the pattern and the value that showed it (English)', () => {
    const run = dqc(['check', 'fixtures/population-clean.csv', '--pack', pack]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(run.stderr).toContain(pack);
    expect(run.stderr).toContain('/rules/0/options (line 8, column 7): rule "name-shape": the pattern /^(\\p{L}+\\s?)+$/u can take too long (catastrophic backtracking)');
    expect(run.stderr).toMatch(/on a test value of 1000 characters \(".+….+"\) it ran for more than 100 ms/);
  });

  it('and in Vietnamese; dqc rules refuses the pack too', () => {
    const run = dqc(['rules', '--pack', pack, '--lang', 'vi']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(pack);
    expect(run.stderr).toContain('quy tắc "name-shape": biểu thức chính quy /^(\\p{L}+\\s?)+$/u có thể chạy quá lâu (quay lui bùng nổ)');
  });
});
