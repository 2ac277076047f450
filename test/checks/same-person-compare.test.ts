// The same-person rule's extra columns (options.compare): any other rule column compared with a
// named comparator, its levels in the explanation in both languages, its weight learnt like the
// others, and the pack mistakes refused at setup.
import { describe, expect, it } from 'vitest';
import samePerson from '../../src/checks/same-person.js';
import { defaultParamsFor, modelFromJson, modelToJson } from '../../src/dedupe/same-person/model.js';
import { runCase } from '../support/check-tester.js';

const COLUMNS = ['given', 'surname', 'dob', 'occupation', 'height', 'registered'];
const ROLES = { given_name: 'given', family_name: 'surname', date_of_birth: 'dob' };
const COMPARE = { occupation: 'jaro-winkler', height: { comparator: 'numeric', tolerance: 2 }, registered: 'date' };
const formats = { dob: 'dd/MM/yyyy', registered: 'yyyy-MM-dd' };

/** A pair of records of one name and birthday; the extra cells of the second as given. */
function pair(occupation: string, height: string, registered: string): string[][] {
  return [
    ['Peter', 'Walker', '03/04/1961', 'carpenter', '178', '2020-05-01'],
    ['Linda', 'Hall', '19/11/1975', 'nurse', '165', '2019-01-12'],
    ['Peter', 'Walker', '03/04/1961', occupation, height, registered],
  ];
}

describe('same-person: extra columns with a comparator', () => {
  it('weighs each extra column at its level and says so in English and Vietnamese', () => {
    const [finding] = runCase(samePerson, { columns: COLUMNS, formats, options: { roles: ROLES, compare: COMPARE }, rows: pair('carpentre', '179', '2020-05-01') });
    expect(finding?.row).toBe(3);
    const why = String(finding!.data.why);
    expect(why).toMatch(/occupation very similar \+\d/);
    expect(why).toMatch(/height close \+\d/);
    expect(why).toMatch(/registered equal \+\d/);
    const whyVi = String(finding!.data.why_vi);
    expect(whyVi).toMatch(/occupation rất giống \+\d/);
    expect(whyVi).toMatch(/height gần bằng \+\d/);
    expect(whyVi).toMatch(/registered trùng \+\d/);
  });

  it('counts a disagreeing extra column against the match', () => {
    const run = (occupation: string, height: string, registered: string) =>
      runCase(samePerson, { columns: COLUMNS, formats, options: { roles: ROLES, compare: COMPARE }, rows: pair(occupation, height, registered) });
    const agreeing = run('carpenter', '178', '2020-05-01');
    const differing = run('accountant', '150', '1999-12-30');
    expect(agreeing).toHaveLength(1);
    const weight = (f: (typeof agreeing)[number] | undefined) => (f ? Number(f.data.weight) : -Infinity);
    expect(weight(differing[0])).toBeLessThan(weight(agreeing[0]) - 10);
    if (differing[0]) expect(String(differing[0].data.why)).toMatch(/occupation different −.*height different −.*registered different −/);
  });

  it('takes extra columns after the positional ones', () => {
    const findings = runCase(samePerson, {
      columns: ['ho_ten', 'ngay_sinh', 'nghe_nghiep'],
      options: { compare: { nghe_nghiep: 'edit-distance' } },
      rows: [
        ['Nguyễn Văn An', '01/02/1990', 'giáo viên'],
        ['Nguyen Van An', '01/02/1990', 'giao vien'],
      ],
    });
    expect(findings).toHaveLength(1);
    expect(String(findings[0]!.data.why_vi)).toMatch(/nghe_nghiep trùng \+/);
  });

  it.each([
    [{ roles: ROLES, compare: { nope: 'exact' } }, /compare names 'nope', which is not one of the rule's columns/],
    [{ roles: ROLES, compare: { given: 'exact' } }, /'given' has a role and is named in `compare` too/],
    [{ roles: ROLES, compare: { occupation: { comparator: 'exact', tolerance: 1 } } }, /tolerance is for the numeric comparator/],
    [{ roles: ROLES, compare: { registered: { comparator: 'date', format: 'dd/MM' } } }, /unusable date format 'dd\/MM'/],
    [{ compare: { given: 'exact' } }, /come after the positional ones/],
  ])('refuses %j', (options, message) => {
    expect(() => runCase(samePerson, { columns: COLUMNS, formats, options, rows: [] })).toThrow(message);
  });

  it('refuses an unknown comparator through the option schema', () => {
    expect(() => runCase(samePerson, { columns: COLUMNS, formats, options: { roles: ROLES, compare: { occupation: 'soundex' } }, rows: [] })).toThrow(/invalid options/);
  });
});

describe('same-person model files with extra columns', () => {
  const extras = [
    { name: 'occupation', comparator: 'jaro-winkler' as const },
    { name: 'height', comparator: 'numeric' as const, tolerance: 2 },
  ];
  const params = defaultParamsFor(extras);
  const saved = JSON.parse(JSON.stringify(modelToJson(params, extras))) as Record<string, unknown>;

  it('writes each extra column under extra_fields with its comparator and levels, and reads it back', () => {
    expect(saved.extra_fields).toMatchObject({
      occupation: { comparator: 'jaro-winkler', levels: ['exact', 'very-similar', 'similar', 'different'] },
      height: { comparator: 'numeric', tolerance: 2, levels: ['exact', 'close', 'different'] },
    });
    const read = modelFromJson(saved, extras);
    expect(read.m).toHaveLength(params.m.length);
    read.m.forEach((levels, f) => levels.forEach((x, k) => expect(x).toBeCloseTo(params.m[f]![k]!, 5)));
  });

  it.each([
    ['a rule without the columns', [], /it compares occupation, height, which the rule does not/],
    ['a rule with another comparator', [{ name: 'occupation', comparator: 'exact' as const }, extras[1]!], /column "occupation" was compared with jaro-winkler, the rule says exact/],
    ['a rule with one more column', [...extras, { name: 'eyes', comparator: 'exact' as const }], /saved without the column "eyes"/],
  ])('refuses it for %s', (_, rule, message) => {
    expect(() => modelFromJson(saved, rule)).toThrow(message);
  });
});
