// The shipped vn-population pack finds a person entered twice: once as generated, once again under
// a new ID with the name typed without diacritics (issue 16: before, only `unique` on the ID ran by
// default, and such a person was never found by `dqc check`).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, csvRecord, POPULATION_HEADERS, populationRows, type PopulationRow } from '../../fixtures/generate.js';
import { withoutDiacritics } from '../../fixtures/same-person.js';
import { dqcJson, tempDir } from '../support/cli.js';

const PEOPLE = 3000;
/** The person entered again (data row number). */
const TWICE = 1234;

function writeExport(path: string, rows: PopulationRow[]): void {
  writeFileSync(path, [csvRecord(POPULATION_HEADERS), ...rows.map((row) => csvRecord(POPULATION_HEADERS.map((h) => row[h])))].join('\n') + '\n');
}

describe('the default pack and a person entered twice', () => {
  const dir = tempDir('dqc-same-person-pack-');
  const clean = join(dir, 'clean.csv');
  const twice = join(dir, 'twice.csv');
  let original: PopulationRow;

  beforeAll(() => {
    const rows = [...populationRows({ seed: 4242, count: PEOPLE, asOf: AS_OF })];
    writeExport(clean, rows);
    original = rows[TWICE - 1]!;
    const id = original.so_dinh_danh;
    // Another serial for the same province, century, sex and year: a second, well-formed ID.
    // At least three of its six serial digits differ: not a typo of the first ID.
    let newId = id;
    for (let step = 1; [...newId].filter((c, k) => c !== id[k]).length < 3; step++) {
      newId = id.slice(0, 6) + String((Number(id.slice(6)) + step * 234_567) % 1_000_000).padStart(6, '0');
    }
    writeExport(twice, [...rows, { ...original, so_dinh_danh: newId, so_giay_to: newId, ho_ten: withoutDiacritics(original.ho_ten) }]);
  });

  it('reports nothing on a clean export of 3,000 people', () => {
    const { report } = dqcJson(['check', clean, '--as-of', AS_OF]);
    const rule = report.rules.find((r: { id: string }) => r.id === 'same-person');
    expect(rule).toMatchObject({ check: 'same-person', status: 'passed', failed: 0 });
  });

  it('finds the second entry, proposes to review or merge it into the first, and says why in both languages', () => {
    const en = dqcJson(['check', twice, '--as-of', AS_OF, '--lang', 'en']).report;
    const rule = en.rules.find((r: { id: string }) => r.id === 'same-person');
    expect(rule).toMatchObject({ status: 'failed', failed: 1 });
    const [sample] = rule.samples;
    expect(sample.row).toBe(PEOPLE + 1);
    expect(sample.message).toContain(`looks like the same person as row ${TWICE}`);
    expect(sample.message).toMatch(/given name equal without diacritics|given name equal/);
    expect(sample.message).toMatch(/ID different −\d/);
    expect(sample.message).toMatch(/prior −\d+\.\d → (0\.9\d|1\.00)/);
    expect(['merge_into', 'review']).toContain(sample.fix.action);
    expect(sample.fix.value).toBe(String(TWICE));

    const vi = dqcJson(['check', twice, '--as-of', AS_OF, '--lang', 'vi']).report;
    const message = vi.rules.find((r: { id: string }) => r.id === 'same-person').samples[0].message as string;
    expect(message).toContain(`có vẻ là cùng một người với dòng ${TWICE}`);
    expect(message).toMatch(/tiên nghiệm −\d+,\d/);
  });
});
