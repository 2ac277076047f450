import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeDefectSoup } from '../../bench/defect-soup.js';
import { runCheck } from '../../src/engine/check.js';
import type { Finding } from '../../src/model.js';
import { resolvePacks } from '../../src/pack/resolve.js';
import { dayNumber } from '../../src/shared/dates.js';
import { ROOT, tempDir } from '../support/cli.js';

// The batch engine must report exactly what the row engine it replaced reports: the whole report
// model (every formatter renders it: console, JSON, HTML, Markdown, JUnit) and every finding in
// emission order (the fix list is written from them in that order), on every fixture and on a
// generated export full of planted defects, on 1, 2 and 4 threads.

type Outcome = { report: unknown; findings: Finding[] } | { error: string };

async function run(inputs: string[], packs: string[], engine: 'rows' | 'batch' | 'rows-csv-parse', threads: number, rangeBytes?: number): Promise<Outcome> {
  const findings: Finding[] = [];
  try {
    const { startedAt: _s, durationMs: _d, ...report } = await runCheck({
      inputs,
      pack: resolvePacks(packs),
      asOfDay: dayNumber(2026, 11, 1),
      sampleSize: 50,
      gate: { failOn: 'error', maxWarnings: null },
      read: engine === 'rows' ? { engine } : engine === 'rows-csv-parse' ? { engine: 'rows', csvReader: 'csv-parse' } : {},
      onFinding: (finding) => findings.push(finding),
      threads,
      rangeBytes,
    });
    return { report, findings };
  } catch (error) {
    return { error: String(error) };
  }
}

const fixture = (...parts: string[]) => join(ROOT, 'fixtures', ...parts);
const files = (dir: string) =>
  readdirSync(fixture(dir))
    .filter((name) => /\.(csv|tsv|json|jsonl|ndjson|gz)$/.test(name) && name !== 'expected.json')
    .map((name) => fixture(dir, name));

const CASES: [string, string[], string[]][] = [
  ['the clean fixture', [fixture('population-clean.csv')], ['vn-population']],
  ['the defects fixture', [fixture('population-defects.csv')], ['vn-population']],
  ['both population fixtures in one run', [fixture('population-clean.csv'), fixture('population-defects.csv')], ['vn-population']],
  ['the duplicates register (unique and same-person)', [fixture('duplicates.csv')], [fixture('duplicates.pack.json')]],
  ['the reconcile pair', [fixture('reconcile-local.csv'), fixture('reconcile-reference.csv')], ['vn-population']],
  ...[...files('formats'), ...files('broken')].map((path): [string, string[], string[]] => [path.slice(ROOT.length + 1), [path], ['vn-population']]),
];

let soup = '';
beforeAll(async () => {
  soup = join(tempDir('dqc-differential-'), 'soup.csv');
  await writeDefectSoup(soup, 20_000);
});

describe('the batch engine reports what the row engine reported', () => {
  it.each(CASES)('%s', async (_name, inputs, packs) => {
    const expected = await run(inputs, packs, 'rows', 1);
    expect(await run(inputs, packs, 'batch', 1)).toEqual(expected);
  });

  it('on 20,000 rows of planted defects, on 1, 2 and 4 threads', async () => {
    const expected = await run([soup], ['vn-population'], 'rows', 1);
    if ('error' in expected) throw new Error(expected.error);
    expect(expected.findings.length).toBeGreaterThan(5000);
    for (const threads of [1, 2, 4]) expect(await run([soup], ['vn-population'], 'batch', threads)).toEqual(expected);
  }, 120_000);

  // Plain CSV files are read by byte ranges on several threads (split-reading.ts); cut into many
  // small ranges, most cuts are guesses made between the fixtures' few rows, and some fall inside
  // quoted line breaks, ragged or blank rows, bad bytes, an unclosed quote.
  it.each(CASES)('%s, read by ranges of 200 bytes on 2 threads', async (_name, inputs, packs) => {
    const expected = await run(inputs, packs, 'rows', 1);
    expect(await run(inputs, packs, 'batch', 2, 200)).toEqual(expected);
  });

  it('on 20,000 rows of planted defects read by ranges (64 KiB and 7,001 bytes), on 2 and 4 threads', async () => {
    const inputs = [soup, fixture('population-defects.csv'), soup];
    const expected = await run(inputs, ['vn-population'], 'rows', 1);
    if ('error' in expected) throw new Error(expected.error);
    for (const threads of [2, 4]) {
      for (const bytes of [65_536, 7_001]) expect(await run(inputs, ['vn-population'], 'batch', threads, bytes)).toEqual(expected);
    }
  }, 240_000);

  // csv-parse's rows cannot be read again: there `unique` keeps every row's fingerprints as it
  // passes, as it always did; the byte scanner's rows are read again when a key repeats.
  it.each([
    ['the duplicates pack', [fixture('duplicates.pack.json')]],
    ['the full pack', ['vn-population']],
  ])('%s over the planted defects: repeats judged from the file read again = from fingerprints kept', async (_name, packs) => {
    const expected = await run([soup], packs, 'rows-csv-parse', 1);
    if ('error' in expected) throw new Error(expected.error);
    expect(expected.findings.filter((f) => f.check === 'unique').length).toBeGreaterThan(100);
    expect(await run([soup], packs, 'batch', 1)).toEqual(expected);
    expect(await run([soup, fixture('population-defects.csv'), soup], packs, 'batch', 1)).toEqual(
      await run([soup, fixture('population-defects.csv'), soup], packs, 'rows-csv-parse', 1),
    );
  }, 120_000);
});
