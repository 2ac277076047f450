import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/shared/dates.js';
import { resolvePacks } from '../../src/pack/resolve.js';
import type { Report } from '../../src/report/model.js';
import { ROOT, tempDir } from '../support/cli.js';
import type { Finding } from '../../src/model.js';
import { runCheck } from '../../src/engine/check.js';

/** The report without what differs from run to run (clock), and the findings in emission order. */
async function run(inputs: string[], packs: string[], threads: number): Promise<{ report: Omit<Report, 'startedAt' | 'durationMs'>; findings: Finding[] }> {
  const findings: Finding[] = [];
  const { startedAt: _s, durationMs: _d, ...report } = await runCheck({
    inputs: inputs.map((input) => (input.startsWith('/') ? input : join(ROOT, input))),
    pack: resolvePacks(packs.map((pack) => (pack.includes('/') ? join(ROOT, pack) : pack))),
    asOfDay: dayNumber(2026, 11, 1),
    sampleSize: 1000,
    gate: { failOn: 'error', maxWarnings: null },
    onFinding: (finding) => findings.push(finding),
    threads,
  });
  return { report, findings };
}

// Each case: inputs and packs whose one-thread run the other thread counts must reproduce exactly.
const CASES: [string, string[], string[]][] = [
  ['the defects fixture, full pack', ['fixtures/population-defects.csv'], ['vn-population']],
  ['the clean fixture and the defects fixture in one run', ['fixtures/population-clean.csv', 'fixtures/population-defects.csv'], ['vn-population']],
  ['the duplicates register (unique and same-person, findings from end())', ['fixtures/duplicates.csv'], ['fixtures/duplicates.pack.json']],
];

/**
 * The defects fixture's rows repeated to `copies` × 500 rows: findings on every stretch of rows,
 * so the threads' findings interleave while they read (batches judged on every thread).
 */
function repeatedDefects(copies: number): string {
  const [header, ...rows] = readFileSync(join(ROOT, 'fixtures/population-defects.csv'), 'utf8').split('\n').filter((l) => l.length > 0);
  const path = join(tempDir('dqc-parallel-'), `defects-x${copies}.csv`);
  writeFileSync(path, [header, ...Array.from({ length: copies }, () => rows).flat()].join('\n') + '\n');
  return path;
}
CASES.push(['the defects repeated to 15,000 rows (findings interleave while reading)', [repeatedDefects(30)], ['vn-population']]);

describe('row-parallel runs give the one-thread result (src/engine/row-workers.ts)', () => {
  it('fails the run, not the process, when the finding listener throws (e.g. the fix list cannot be written)', async () => {
    for (const threads of [1, 2]) {
      let seen = 0;
      const run = runCheck({
        inputs: [CASES[3]![1][0]!],
        pack: resolvePacks(['vn-population']),
        asOfDay: dayNumber(2026, 11, 1),
        sampleSize: 5,
        gate: { failOn: 'error', maxWarnings: null },
        onFinding: () => {
          if (++seen === 5000) throw new Error('disk full');
        },
        threads,
      });
      await expect(run).rejects.toThrow('disk full');
    }
  }, 60_000);

  it.each(CASES)('%s: same report and the same findings in the same order on 2 and 3 threads', async (_name, inputs, packs) => {
    const one = await run(inputs, packs, 1);
    expect(one.findings.length).toBeGreaterThan(5); // the comparison is about something
    for (const threads of [2, 3]) {
      const many = await run(inputs, packs, threads);
      expect(many.report).toEqual(one.report);
      expect(many.findings.map((f) => `${f.file}:${f.row}:${f.rule}:${f.code}:${f.key}`)).toEqual(
        one.findings.map((f) => `${f.file}:${f.row}:${f.rule}:${f.code}:${f.key}`),
      );
      expect(many.findings).toEqual(one.findings);
    }
  }, 60_000);
});
