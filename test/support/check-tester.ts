// A strict valid/invalid tester for check types, after ESLint's RuleTester: every invalid case
// names the exact findings (message id, row, column) and the exact fix, or asserts there is none.
import { describe, expect, it } from 'vitest';
import type { AnyCheckType } from '../../src/checks/define.js';
import { dayNumber } from '../../src/shared/dates.js';
import { ArrayRow } from '../../src/input/row.js';
import { RuleInstance } from '../../src/engine/rule.js';
import { LANGS, type ProposedFix } from '../../src/model.js';
import { normalizeOptions } from '../../src/pack/options.js';
import { missingPlaceholders, renderBilingual } from '../../src/messages/render.js';
import type { Finding } from '../../src/model.js';

export interface TestCase {
  /** Rows of the rule's own columns; a plain string is a one-column row. */
  rows: (string | string[])[];
  options?: Record<string, unknown>;
  /** Field names of the rule's columns (default c0, c1 … as many as the first row has). */
  columns?: string[];
  /** Declared date formats by field name (the pack's `columns.<field>.format`). */
  formats?: Record<string, string>;
  /** The --as-of day, yyyy-MM-dd (default 2026-11-22). */
  asOf?: string;
  /** Indexes of the rule's optional columns that the file lacks (they read as ''). */
  absent?: number[];
  /** The file can be read again (context.reread gives back the case's own rows), as a plain CSV file can. */
  rereadable?: boolean;
}

export interface ExpectedFinding {
  messageId: string;
  /** Data row (1-based), or null for a dataset finding. */
  row: number | null;
  /** Index into the rule's columns (default 0 for row findings, null for dataset findings). */
  column?: number | null;
  /** Message parameters that must be present with these values. */
  data?: Record<string, string | number>;
  /** The exact fix, or null to assert that none is proposed. */
  fix: ProposedFix | null;
}

export interface InvalidCase extends TestCase {
  errors: ExpectedFinding[];
}

export interface CheckTests {
  valid: TestCase[];
  invalid: InvalidCase[];
}

/** Runs one case through the same RuleInstance the engine uses; returns its findings. */
export function runCase(checkType: AnyCheckType, testCase: TestCase): Finding[] {
  return runCaseWithColumns(checkType, testCase).findings;
}

function runCaseWithColumns(checkType: AnyCheckType, testCase: TestCase): { findings: Finding[]; columns: string[] } {
  const normalized = normalizeOptions(checkType, testCase.options);
  if ('problems' in normalized) {
    throw new Error(`invalid options ${JSON.stringify(testCase.options)}: ${JSON.stringify(normalized.problems)}`);
  }
  const rows = testCase.rows.map((r) => (typeof r === 'string' ? [r] : r));
  const width = Math.max(checkType.meta.columns.min, rows[0]?.length ?? 1);
  const columns = testCase.columns ?? Array.from({ length: width }, (_, k) => `c${k}`);
  const [y, m, d] = (testCase.asOf ?? '2026-11-22').split('-').map(Number) as [number, number, number];
  const findings: Finding[] = [];
  const instance = new RuleInstance(
    {
      id: 'under-test',
      check: checkType.meta.id,
      columns,
      options: normalized.options,
      severity: 'error',
      dimension: checkType.meta.dimension,
      pack: 'test',
    },
    checkType,
    {
      asOfDay: dayNumber(y, m, d),
      columnFormats: new Map(Object.entries(testCase.formats ?? {})),
      onFinding: (f) => findings.push(f),
      ...(testCase.rereadable && {
        rereadable: () => true,
        reread: (_file: string, row: number) => (rows[row - 1] ? { cells: rows[row - 1]!, line: row + 1 } : null),
      }),
    },
  );
  const indexes = columns.map((_, k) => (testCase.absent?.includes(k) ? -1 : k));
  const bound = instance.bind({ file: 'test.csv', indexes, headers: columns });
  if (!bound) throw new Error(`a required column is absent (absent: ${JSON.stringify(testCase.absent)})`);
  rows.forEach((cells, i) => instance.row(new ArrayRow(i + 1, i + 2, cells)));
  instance.end();
  return { findings, columns };
}

function caseTitle(testCase: TestCase): string {
  const text = JSON.stringify(testCase.rows);
  const opts = testCase.options ? ` ${JSON.stringify(testCase.options)}` : '';
  return (text.length > 70 ? `${text.slice(0, 67)}...` : text) + opts;
}

export const CheckTester = {
  run(id: string, checkType: AnyCheckType, tests: CheckTests): void {
    describe(`check type ${id}`, () => {
      it('has a complete bilingual meta', () => {
        expect(checkType.meta.id).toBe(id);
        for (const lang of LANGS) expect(checkType.meta.description[lang].trim()).not.toBe('');
        for (const [messageId, text] of Object.entries(checkType.meta.messages)) {
          expect(messageId).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
          for (const lang of LANGS) expect(text[lang].trim(), `${messageId} (${lang})`).not.toBe('');
        }
      });

      it('rejects unknown options', () => {
        const options = { ...(tests.valid[0]?.options ?? {}), 'no-such-option': true };
        const result = normalizeOptions(checkType, options);
        expect('problems' in result && result.problems.map((p) => p.key)).toContain('schema.unknown-property');
      });

      it('has no duplicate cases', () => {
        const seen = new Set<string>();
        for (const testCase of [...tests.valid, ...tests.invalid]) {
          const key = JSON.stringify({ ...testCase, errors: undefined });
          expect(seen.has(key), `duplicate case ${key}`).toBe(false);
          seen.add(key);
        }
      });

      it('covers every message id with an invalid case', () => {
        const covered = new Set(tests.invalid.flatMap((c) => c.errors.map((e) => e.messageId)));
        expect([...covered].sort()).toEqual(expect.arrayContaining(Object.keys(checkType.meta.messages).sort()));
      });

      describe('valid', () => {
        for (const testCase of tests.valid) {
          it(caseTitle(testCase), () => {
            expect(runCase(checkType, testCase).map((f) => `${f.messageId}@${f.row}: ${f.value}`)).toEqual([]);
          });
        }
      });

      describe('invalid', () => {
        for (const testCase of tests.invalid) {
          it(caseTitle(testCase), () => {
            expect(testCase.errors.length, 'an invalid case must expect at least one finding').toBeGreaterThan(0);
            const { findings, columns } = runCaseWithColumns(checkType, testCase);
            const actual = findings.map((f) => ({
              messageId: f.messageId,
              row: f.row,
              column: f.field === null ? null : columns.indexOf(f.field),
              fix: f.fix ?? null,
            }));
            const expected = testCase.errors.map((e) => ({
              messageId: e.messageId,
              row: e.row,
              column: e.column === undefined ? (e.row === null ? null : 0) : e.column,
              fix: e.fix,
            }));
            expect(actual).toEqual(expected);
            findings.forEach((finding, i) => {
              const want = testCase.errors[i]?.data;
              if (want) expect(finding.data).toMatchObject(want);
              const template = checkType.meta.messages[finding.messageId];
              expect(template, `unknown message id ${finding.messageId}`).toBeDefined();
              for (const lang of LANGS) {
                const text = template![lang];
                expect(missingPlaceholders(text, finding.data), `${finding.messageId} (${lang}) leaves placeholders`).toEqual([]);
                expect(renderBilingual(template!, lang, finding.data).trim()).not.toBe('');
              }
            });
          });
        }
      });
    });
  },
};
