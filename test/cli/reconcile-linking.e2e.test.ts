// dqc reconcile finds the reference person of a record whose ID is missing or wrong with the
// same-person model (issue 16): before, only a record whose folded name and date of birth were
// exactly the reference's got a proposal; now a name typed without diacritics or with a typo, a
// dropped middle name or a day/month swap still meet their person, and a twin does not.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, csvRecord, POPULATION_HEADERS, populationRows, type PopulationRow } from '../../fixtures/generate.js';
import { withoutDiacritics } from '../../fixtures/same-person.js';
import { dqcJson, tempDir } from '../support/cli.js';

type Sample = { row: number; code: string; message: string; fix?: { action: string; value?: string; confidence: number } };
type Rule = { id: string; samples: Sample[] };

const write = (path: string, rows: PopulationRow[]) =>
  writeFileSync(path, [csvRecord(POPULATION_HEADERS), ...rows.map((r) => csvRecord(POPULATION_HEADERS.map((h) => r[h])))].join('\n') + '\n');

/** The record's name with one letter of its given name doubled (Quang → Quaang). */
const givenTypo = (name: string) => name.replace(/(\p{L})(\p{L}*)$/u, '$1$1$2');
const dropMiddle = (name: string) => {
  const words = name.split(' ');
  return words.length > 2 ? `${words[0]} ${words[words.length - 1]}` : name;
};
const swapDayMonth = (dmy: string) => `${dmy.slice(3, 5)}/${dmy.slice(0, 2)}/${dmy.slice(6)}`;
const changedId = (id: string) => id.slice(0, 6) + [...id.slice(6)].reverse().join('');

describe('dqc reconcile: records without their ID', () => {
  const dir = tempDir('dqc-reconcile-linking-');
  const local = join(dir, 'local.csv');
  const reference = join(dir, 'reference.csv');
  let people: PopulationRow[];
  let records: { row: PopulationRow; person: PopulationRow | null; what: string }[];
  let rules: Map<string, Rule>;

  beforeAll(() => {
    people = [...populationRows({ seed: 91, count: 400, asOf: AS_OF })];
    const person = (i: number) => people[i]!;
    const swappable = people.findIndex((p, i) => i > 300 && Number(p.ngay_sinh.slice(0, 2)) <= 12 && p.ngay_sinh.slice(0, 2) !== p.ngay_sinh.slice(3, 5));
    const threeWords = people.findIndex((p, i) => i > 200 && p.ho_ten.split(' ').length === 3);
    records = [
      // Most records match by their ID.
      ...people.slice(0, 100).map((p) => ({ row: p, person: p, what: 'as it is' })),
      { row: { ...person(150), so_dinh_danh: '', ho_ten: withoutDiacritics(person(150).ho_ten) }, person: person(150), what: 'no ID, no diacritics' },
      { row: { ...person(160), so_dinh_danh: '', ho_ten: givenTypo(person(160).ho_ten) }, person: person(160), what: 'no ID, a typo' },
      { row: { ...person(threeWords), so_dinh_danh: '', ho_ten: dropMiddle(person(threeWords).ho_ten) }, person: person(threeWords), what: 'no ID, middle name dropped' },
      {
        row: { ...person(swappable), so_dinh_danh: changedId(person(swappable).so_dinh_danh), ngay_sinh: swapDayMonth(person(swappable).ngay_sinh) },
        person: person(swappable),
        what: 'a wrong ID, day and month swapped',
      },
      // A twin: the family and middle name, birthday and sex of someone in the reference, another given name.
      {
        row: { ...person(170), so_dinh_danh: '', ho_ten: person(170).ho_ten.replace(/\S+$/, person(170).ho_ten.endsWith('Quân') ? 'Hùng' : 'Quân') },
        person: null,
        what: 'a twin',
      },
    ];
    write(local, records.map((r) => r.row));
    write(reference, people);
    const { report } = dqcJson(['reconcile', local, '--reference', reference, '--as-of', AS_OF, '--sample', '1000']);
    rules = new Map((report.rules as Rule[]).map((r) => [r.id, r]));
  });

  it('proposes the reference person of each varied record, and nobody for the twin', () => {
    const samples = [...(rules.get('key-blank')?.samples ?? []), ...(rules.get('not-in-reference')?.samples ?? [])];
    for (const [k, record] of records.entries()) {
      if (k < 100) continue;
      const sample = samples.find((s) => s.row === k + 1);
      expect(sample, record.what).toBeDefined();
      if (record.person) {
        expect(sample!.fix, record.what).toMatchObject({ action: 'set', value: record.person.so_dinh_danh });
        expect(sample!.fix!.confidence, record.what).toBeGreaterThan(0);
        expect(sample!.message, record.what).toMatch(/match probability at least 0\.9\): 1/);
      } else {
        expect(sample!.fix, record.what).toMatchObject({ action: 'review', confidence: 0 });
        expect(sample!.message).toMatch(/\): 0/);
      }
    }
  });
});
