import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AS_OF } from '../../fixtures/generate.js';
import { SAME_PERSON_SEED, writeSamePersonFiles } from '../../fixtures/same-person.js';
import { runCheck } from '../../src/engine/check.js';
import type { Finding } from '../../src/model.js';
import { resolvePacks } from '../../src/pack/resolve.js';
import { dayNumber } from '../../src/shared/dates.js';
import { ROOT, tempDir } from '../support/cli.js';

// same-person reads repeated cells by their bytes where the reader has them (CellMemo) and by their
// text where it does not (csv-parse): the findings must not tell the two apart.
async function findingsOf(file: string, csvReader: 'csv-parse' | undefined): Promise<Finding[]> {
  const findings: Finding[] = [];
  await runCheck({
    inputs: [file],
    pack: resolvePacks([join(ROOT, 'bench', 'dedupe-pack.json')]),
    asOfDay: dayNumber(2026, 11, 1),
    sampleSize: 10,
    gate: { failOn: 'error', maxWarnings: null },
    read: csvReader ? { csvReader } : {},
    onFinding: (finding) => findings.push(finding),
    threads: 1,
  });
  return findings;
}

describe('same-person on the byte reader and on csv-parse', () => {
  it('finds the same people, with the same reasons and fixes', async () => {
    const file = join(tempDir(), 'register.csv');
    await writeSamePersonFiles(file, null, { seed: SAME_PERSON_SEED, people: 3000, asOf: AS_OF });
    const bytes = await findingsOf(file, undefined);
    const texts = await findingsOf(file, 'csv-parse');
    expect(bytes.length).toBeGreaterThan(200);
    expect(bytes.map(({ row, messageId, data, fix }) => ({ row, messageId, data, fix }))).toEqual(
      texts.map(({ row, messageId, data, fix }) => ({ row, messageId, data, fix })),
    );
  });
});
