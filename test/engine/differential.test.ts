import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeDefectSoup } from '../../bench/defect-soup.js';
import { runCheck } from '../../src/engine/check.js';
import type { Finding } from '../../src/model.js';
import { resolvePacks } from '../../src/pack/resolve.js';
import { dayNumber } from '../../src/shared/dates.js';
import { ROOT, tempDir } from '../support/cli.js';

// The batch engine must report exactly what the row engine it replaced reported: the whole report
// model (every formatter renders it: console, JSON, HTML, Markdown, JUnit) and every finding in
// emission order (the fix list is written from them in that order), on every fixture and on a
// generated export full of planted defects, on 1, 2 and 4 threads, read whole or by byte ranges.
//
// What the row engine reported is recorded in test/engine/golden/ (it was run one last time to
// write them, then deleted): the fixtures' outcomes whole, the planted defects' as a SHA-256 of
// the same text and a count of findings. A change of behaviour meant on purpose rewrites them:
// DQC_UPDATE_GOLDEN=1 npx vitest run test/engine/differential.test.ts, and the diff is reviewed.
//
// The full pack is the one the row engine ran: a copy of rules/vn-population.json as it stood then
// (golden/vn-population.pack.json), so that rules added to the shipped pack later (same-person,
// issue 16) do not change what is compared; reports name it as the shipped file.

type Outcome = { report: unknown; findings: Finding[] } | { error: string };

const GOLDEN = join(ROOT, 'test', 'engine', 'golden');
const FULL_PACK = join(GOLDEN, 'vn-population.pack.json');
const UPDATE = process.env.DQC_UPDATE_GOLDEN === '1';

async function run(inputs: string[], packs: string[], threads: number, options: { rangeBytes?: number; csvParse?: boolean } = {}): Promise<Outcome> {
  const findings: Finding[] = [];
  try {
    const { startedAt: _s, durationMs: _d, ...report } = await runCheck({
      inputs,
      pack: resolvePacks(packs),
      asOfDay: dayNumber(2026, 11, 1),
      sampleSize: 50,
      gate: { failOn: 'error', maxWarnings: null },
      read: options.csvParse ? { csvReader: 'csv-parse' } : {},
      onFinding: (finding) => findings.push(finding),
      threads,
      rangeBytes: options.rangeBytes,
    });
    return { report, findings };
  } catch (error) {
    return { error: String(error) };
  }
}

let soup = '';

/** An outcome as text, the paths that differ between machines and runs named instead. */
function canonical(outcome: Outcome): string {
  let text = JSON.stringify(outcome, null, 1);
  for (const [path, name] of [
    [soup, '<soup>'],
    [FULL_PACK, join(ROOT, 'rules', 'vn-population.json')],
    [ROOT, '<root>'],
  ] as const) {
    if (path) text = text.replaceAll(JSON.stringify(path).slice(1, -1), name);
  }
  return text;
}

const slug = (name: string) => name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase();

/** What the row engine reported for a fixture case (recorded), compared whole. */
function expectAsRecorded(name: string, outcome: Outcome): void {
  const path = join(GOLDEN, `${slug(name)}.json`);
  const text = canonical(outcome);
  if (UPDATE) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(path, `${text}\n`);
    return;
  }
  expect(existsSync(path), `${path} is recorded`).toBe(true);
  expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(path, 'utf8')));
}

/** What the row engine reported for a run over the planted defects (recorded as a digest). */
function expectDigestAsRecorded(name: string, outcome: Outcome): void {
  if ('error' in outcome) throw new Error(outcome.error);
  const path = join(GOLDEN, 'planted-defects.json');
  const recorded: Record<string, { sha256: string; findings: number }> = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {};
  const seen = { sha256: createHash('sha256').update(canonical(outcome)).digest('hex'), findings: outcome.findings.length };
  if (UPDATE) {
    recorded[name] = seen;
    writeFileSync(path, `${JSON.stringify(recorded, null, 2)}\n`);
    return;
  }
  expect(recorded[name], `${name} is recorded in ${path}`).toBeDefined();
  expect(seen).toEqual(recorded[name]);
}

const fixture = (...parts: string[]) => join(ROOT, 'fixtures', ...parts);
const files = (dir: string) =>
  readdirSync(fixture(dir))
    .filter((name) => /\.(csv|tsv|json|jsonl|ndjson|gz)$/.test(name) && name !== 'expected.json')
    .map((name) => fixture(dir, name));

const CASES: [string, string[], string[]][] = [
  ['the clean fixture', [fixture('population-clean.csv')], [FULL_PACK]],
  ['the defects fixture', [fixture('population-defects.csv')], [FULL_PACK]],
  ['both population fixtures in one run', [fixture('population-clean.csv'), fixture('population-defects.csv')], [FULL_PACK]],
  ['the duplicates register (unique and same-person)', [fixture('duplicates.csv')], [fixture('duplicates.pack.json')]],
  ['the reconcile pair', [fixture('reconcile-local.csv'), fixture('reconcile-reference.csv')], [FULL_PACK]],
  ...[...files('formats'), ...files('broken')].map((path): [string, string[], string[]] => [path.slice(ROOT.length + 1), [path], [FULL_PACK]]),
];

beforeAll(async () => {
  soup = join(tempDir('dqc-differential-'), 'soup.csv');
  await writeDefectSoup(soup, 20_000);
});

describe('the batch engine reports what the row engine reported', () => {
  it.each(CASES)('%s', async (name, inputs, packs) => {
    expectAsRecorded(name, await run(inputs, packs, 1));
  });

  // Plain CSV files are read by byte ranges on several threads (split-reading.ts); cut into many
  // small ranges, most cuts are guesses made between the fixtures' few rows, and some fall inside
  // quoted line breaks, ragged or blank rows, bad bytes, an unclosed quote.
  it.each(CASES)('%s, read by ranges of 200 bytes on 2 threads', async (name, inputs, packs) => {
    if (UPDATE) return;
    expectAsRecorded(name, await run(inputs, packs, 2, { rangeBytes: 200 }));
  });

  it('on 20,000 rows of planted defects, on 1, 2 and 4 threads', async () => {
    const outcome = await run([soup], [FULL_PACK], 1);
    expect('findings' in outcome && outcome.findings.length).toBeGreaterThan(5000);
    expectDigestAsRecorded('full pack', outcome);
    for (const threads of [2, 4]) expectDigestAsRecorded('full pack', await run([soup], [FULL_PACK], threads));
  }, 120_000);

  it('on 20,000 rows of planted defects read by ranges (64 KiB and 7,001 bytes), on 2 and 4 threads', async () => {
    const inputs = [soup, fixture('population-defects.csv'), soup];
    expectDigestAsRecorded('full pack, three files', await run(inputs, [FULL_PACK], 1));
    for (const threads of [2, 4]) {
      for (const bytes of [65_536, 7_001]) expectDigestAsRecorded('full pack, three files', await run(inputs, [FULL_PACK], threads, { rangeBytes: bytes }));
    }
  }, 240_000);

  // csv-parse's rows cannot be read again: there `unique` keeps every row's fingerprints as it
  // passes, as it always did; the byte scanner's rows are read again when a key repeats.
  it.each([
    ['the duplicates pack', [fixture('duplicates.pack.json')]],
    ['the full pack', [FULL_PACK]],
  ])('%s over the planted defects: repeats judged from the file read again = from fingerprints kept', async (_name, packs) => {
    const expected = await run([soup], packs, 1, { csvParse: true });
    if ('error' in expected) throw new Error(expected.error);
    expect(expected.findings.filter((f) => f.check === 'unique').length).toBeGreaterThan(100);
    expect(await run([soup], packs, 1)).toEqual(expected);
    expect(await run([soup, fixture('population-defects.csv'), soup], packs, 1)).toEqual(
      await run([soup, fixture('population-defects.csv'), soup], packs, 1, { csvParse: true }),
    );
  }, 120_000);
});
