// The shipped vn-population pack finds a person entered twice: once as generated, once again under
// a new ID with the name typed without diacritics (issue 16: before, only `unique` on the ID ran by
// default, and such a person was never found by `dqc check`).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, csvRecord, POPULATION_HEADERS, populationRows, type PopulationRow } from '../../fixtures/generate.js';
import { withoutDiacritics } from '../../fixtures/same-person.js';
import { dqc, dqcJson, tempDir } from '../support/cli.js';

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
    expect(sample.message).toMatch(/prior −\d+\.\d → (0\.9\d|1)\)/);
    expect(['merge_into', 'review']).toContain(sample.fix.action);
    expect(sample.fix.value).toBe(String(TWICE));

    const vi = dqcJson(['check', twice, '--as-of', AS_OF, '--lang', 'vi']).report;
    const message = vi.rules.find((r: { id: string }) => r.id === 'same-person').samples[0].message as string;
    expect(message).toContain(`có vẻ là cùng một người với dòng ${TWICE}`);
    expect(message).toMatch(/tiên nghiệm −\d+,\d/);
  });
});

describe('--save-model and --model', () => {
  const dir = tempDir('dqc-same-person-model-');
  const data = join(dir, 'export.csv');
  const model = join(dir, 'model.json');

  beforeAll(() => {
    const rows = [...populationRows({ seed: 77, count: 2000, asOf: AS_OF })];
    const again = { ...rows[99]!, ho_ten: withoutDiacritics(rows[99]!.ho_ten) };
    writeExport(data, [...rows, again]);
  });

  it('writes the model the run used, and a run that reads it finds the same', () => {
    const learnt = dqcJson(['check', data, '--as-of', AS_OF, '--save-model', model]);
    const saved = JSON.parse(readFileSync(model, 'utf8'));
    expect(saved).toMatchObject({ format: 'dqc-same-person-model', version: 1 });
    expect(Object.keys(saved.fields)).toEqual(expect.arrayContaining(['given', 'family', 'dob', 'id']));
    const reused = dqcJson(['check', data, '--as-of', AS_OF, '--model', model]);
    type Rules = { rules: { id: string; samples: { row: number; fix: unknown }[] }[] };
    const samples = (report: unknown) =>
      (report as Rules).rules.find((r) => r.id === 'same-person')!.samples.map((s) => [s.row, s.fix]);
    expect(samples(reused.report)).toEqual(samples(learnt.report));
    expect(samples(reused.report)).toEqual([[2001, expect.objectContaining({ value: '100' })]]);
  });

  it('says what is wrong, with exit 2: no such file, no same-person rule to use it', () => {
    const missing = dqc(['check', data, '--model', join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.json');
    const pack = join(dir, 'no-same-person.json');
    writeFileSync(pack, JSON.stringify({ name: 'no-same-person', extends: 'vn-population', rules: [{ id: 'same-person', severity: 'off' }] }));
    const noRule = dqc(['check', data, '--pack', pack, '--model', model]);
    expect(noRule.code).toBe(2);
    expect(noRule.stderr).toContain('--model');
    expect(noRule.stderr).toContain('no same-person rule');
    const vi = dqc(['check', data, '--pack', pack, '--model', model, '--lang', 'vi']);
    expect(vi.stderr).toContain('không có quy tắc same-person nào');
  });
});
