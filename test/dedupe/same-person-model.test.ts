// The Fellegi–Sunter model of same-person matching: EM on a simulated population, each comparison
// level on a table of name / date / ID pairs, the explanations in both languages, the model file.
import { describe, expect, it } from 'vitest';
import {
  adjacentSwap,
  COMMON_GIVEN,
  dateLevel,
  familyLevel,
  FIELD_COUNT,
  FIELDS,
  givenLevel,
  idSlip,
  LEVEL_COUNTS,
  LEVELS,
  levelOf,
  middleLevel,
  packPattern,
  PairComparer,
} from '../../src/dedupe/same-person/comparisons.js';
import { matchPersons, matchPersonsOnTwoThreads } from '../../src/dedupe/same-person/cluster.js';
import { expectationMaximisation } from '../../src/dedupe/same-person/em.js';
import { estimateModel, estimateModelSharing } from '../../src/dedupe/same-person/estimate.js';
import { PairHelper } from '../../src/dedupe/same-person/pair-helper.js';
import { explainMatch, signedWeight } from '../../src/dedupe/same-person/explain.js';
import {
  DEFAULT_PARAMS,
  MatchModel,
  modelFromJson,
  modelToJson,
  rescaledPrior,
  roundedProbability,
  weightThreshold,
  type WeightTerm,
} from '../../src/dedupe/same-person/model.js';
import { FLAG_DOB_SWAPPED, FLAG_PLAIN_NAME, NameParser, PersonStore, SEX_FEMALE, SEX_MALE, SEX_UNKNOWN } from '../../src/dedupe/same-person/records.js';
import { compareDates, oneDigitOff } from '../../src/dedupe/same-person/similarity.js';
import { foldText } from '../../src/vn/fold.js';
import { mulberry32 } from '../../src/shared/random.js';


function draw(random: () => number, probabilities: readonly number[]): number {
  let x = random();
  for (let k = 1; k < probabilities.length; k++) {
    x -= probabilities[k]!;
    if (x < 0) return k;
  }
  return probabilities.length - 1;
}

/** Comparison vectors drawn from a chosen m, u and λ, counted by pattern (as the rule counts them). */
function simulate(m: number[][], u: number[][], lambda: number, pairs: number, seed: number, missing = 0) {
  const random = mulberry32(seed);
  const fields = m.length;
  const counts = new Map<string, number>();
  for (let i = 0; i < pairs; i++) {
    const match = random() < lambda;
    const levels = (match ? m : u).map((p) => (random() < missing ? 0 : draw(random, p)));
    const key = levels.join(',');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const levels = new Uint8Array(counts.size * fields);
  const weights = new Float64Array(counts.size);
  let p = 0;
  for (const [key, count] of counts) {
    key.split(',').forEach((x, f) => (levels[p * fields + f] = Number(x)));
    weights[p++] = count;
  }
  return { levels, counts: weights, levelCounts: m.map((x) => x.length), active: m.map(() => true) };
}

function maxError(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): number {
  let worst = 0;
  a.forEach((row, f) => row.forEach((x, k) => k > 0 && (worst = Math.max(worst, Math.abs(x - b[f]![k]!)))));
  return worst;
}

// Index 0 of each field is "missing" (unused by the EM); five fields of 2–4 levels.
const TRUE_M = [
  [1, 0.85, 0.1, 0.05],
  [1, 0.9, 0.06, 0.04],
  [1, 0.75, 0.15, 0.05, 0.05],
  [1, 0.95, 0.05],
  [1, 0.8, 0.2],
];
const TRUE_U = [
  [1, 0.05, 0.1, 0.85],
  [1, 0.2, 0.1, 0.7],
  [1, 0.01, 0.04, 0.15, 0.8],
  [1, 0.5, 0.5],
  [1, 0.1, 0.9],
];
const FLAT = TRUE_M.map((row) => row.map((_, k) => (k === 0 ? 1 : 1 / (row.length - 1))));
const AGREEING = TRUE_M.map((row) => row.map((_, k) => (k === 0 ? 1 : k === 1 ? 0.7 : 0.3 / (row.length - 2))));

describe('expectationMaximisation', () => {
  // The stated tolerance: every m and u within 0.03 of the value the pairs were drawn from, λ within 0.01.
  const TOLERANCE = 0.03;

  it.each([
    ['λ 0.1, u and m estimated together', 0.1, false, 0],
    ['λ 0.3, u and m estimated together, 20% of values missing', 0.3, false, 0.2],
    ['λ 0.02, u fixed (as from random pairs)', 0.02, true, 0],
  ] as const)('recovers known m, u and λ from 200,000 simulated pairs: %s', (_, lambda, fixU, missing) => {
    const data = simulate(TRUE_M, TRUE_U, lambda, 200_000, 7, missing);
    const result = expectationMaximisation({
      ...data,
      m: AGREEING,
      u: fixU ? TRUE_U : FLAT,
      lambda: 0.5,
      fixU,
    });
    expect(result.converged).toBe(true);
    expect(Math.abs(result.lambda - lambda)).toBeLessThan(0.01);
    expect(maxError(result.m, TRUE_M)).toBeLessThan(TOLERANCE);
    expect(maxError(result.u, TRUE_U)).toBeLessThan(TOLERANCE);
  });

  it('keeps every level above zero, however few pairs, and leaves inactive fields alone', () => {
    const data = simulate(TRUE_M, TRUE_U, 0.5, 50, 3);
    const result = expectationMaximisation({ ...data, active: [true, true, true, true, false], m: AGREEING, u: FLAT, lambda: 0.5 });
    for (const row of [...result.m, ...result.u]) for (const x of row.slice(1)) expect(x).toBeGreaterThan(0);
    expect(result.m[4]).toEqual(AGREEING[4]);
    for (const row of result.m) expect(row.slice(1).reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
  });

  it('pulls m toward a Dirichlet prior in proportion to its strength', () => {
    const data = simulate(TRUE_M, TRUE_U, 0.2, 2_000, 5);
    const prior = FLAT;
    const weak = expectationMaximisation({ ...data, m: AGREEING, u: TRUE_U, lambda: 0.5, fixU: true, priorM: prior, priorStrength: 1 });
    const strong = expectationMaximisation({ ...data, m: AGREEING, u: TRUE_U, lambda: 0.5, fixU: true, priorM: prior, priorStrength: 100_000 });
    expect(maxError(strong.m, prior)).toBeLessThan(0.02);
    expect(maxError(weak.m, TRUE_M)).toBeLessThan(0.06);
  });
});

// ---------------------------------------------------------------------------------------------

describe('name levels', () => {
  it.each([
    // Vietnamese given names (folded)
    ['huong', 'huong', 'exact'],
    ['quang', 'quanh', 'typo'],
    ['huong', 'huogn', 'typo'],
    ['an', 'anh', 'similar'], // twins' names: one letter apart, both real names
    ['lan', 'binh', 'different'],
    ['h', 'huong', 'initial'],
    // Western given names
    ['john', 'johnn', 'typo'],
    ['catherine', 'katherine', 'typo'],
    ['j', 'john', 'initial'],
    ['michael', 'michelle', 'similar'],
    ['sandra', 'sanrda', 'typo'], // two neighbours swapped
    ['thomas', 'tomas', 'typo'],
    ['serndra', 'sandra', 'different'], // two edits (a → er): neither a typo nor similar
    ['matthew', 'matt', 'similar'], // a short form is no typo either
    ['john', 'mary', 'different'],
    ['robert', 'bob', 'different'], // a nickname: only an ID in common makes the birthday count (below)
  ] as const)('given %s / %s → %s', (a, b, expected) => {
    expect(LEVELS.given[givenLevel(a, b) - 1]).toBe(expected);
    expect(LEVELS.given[givenLevel(b, a) - 1]).toBe(expected);
  });

  it('takes a one-letter slip in a short name as a typo only when one side is no standard syllable', () => {
    expect(LEVELS.given[givenLevel('nam', 'nm', true, false) - 1]).toBe('typo');
    expect(LEVELS.given[givenLevel('vy', 'vvy', true, false) - 1]).toBe('typo');
    expect(LEVELS.given[givenLevel('an', 'anh', true, true) - 1]).toBe('similar');
    // Western names: Jon and John, one not a Vietnamese syllable, are a typo; Tom and Tim, both
    // spellings a Vietnamese syllable could have, are two names, as in English.
    expect(LEVELS.given[givenLevel('jon', 'john', false, false) - 1]).toBe('typo');
    expect(LEVELS.given[givenLevel('tom', 'tim', true, true) - 1]).not.toBe('typo');
  });

  it.each([
    ['nguyen', 'nguyen', 'exact'],
    ['hoang', 'huynh', 'variant'],
    ['vu', 'vo', 'variant'],
    ['nguyen', 'nguyn', 'typo'],
    ['smith', 'smyth', 'typo'],
    ['mcdonald', 'macdonald', 'typo'],
    ['robinson', 'robinzon', 'typo'],
    ['le', 'pham', 'different'],
    ['smith', 'jones', 'different'],
  ] as const)('family %s / %s → %s', (a, b, expected) => {
    expect(LEVELS.family[familyLevel(a, b) - 1]).toBe(expected);
  });

  it.each([
    ['van', 'van', 'exact'],
    ['thi thu', 'thu', 'dropped'],
    ['thi', 'thi thu', 'dropped'],
    ['minh', 'mihn', 'typo'],
    ['van', 'thi', 'different'],
    ['mary ann', 'ann', 'dropped'],
    ['elizabeth', 'elizabteh', 'typo'],
    ['james', 'louise', 'different'],
  ] as const)('middle %s / %s → %s', (a, b, expected) => {
    expect(LEVELS.middle[middleLevel(a, b) - 1]).toBe(expected);
  });
});

interface Rec {
  name: string;
  dob?: number;
  sex?: number;
  id?: string;
  place?: string;
  phone?: number;
  swapped?: boolean;
  order?: 'family-first' | 'given-first';
}

function storeOf(records: readonly Rec[]): PersonStore {
  const store = new PersonStore();
  const parsers = { 'family-first': new NameParser(store.names, 'family-first'), 'given-first': new NameParser(store.names, 'given-first') };
  records.forEach((r, i) => {
    const name = parsers[r.order ?? 'family-first'].parse(r.name)!;
    store.add({
      file: 0,
      row: i + 1,
      line: i + 2,
      family: name.family,
      middle: name.middle,
      given: name.given,
      flags: (name.plain ? FLAG_PLAIN_NAME : 0) | (r.swapped ? FLAG_DOB_SWAPPED : 0),
      dob: r.dob ?? 0,
      sex: r.sex ?? SEX_UNKNOWN,
      id: r.id === undefined ? NaN : Number(r.id),
      idLength: r.id?.length ?? 0,
      place: r.place ? store.places.intern(foldText(r.place), '') : 0,
      phone: r.phone ?? NaN,
      updated: 0,
    });
  });
  return store;
}

/** The named levels of a pair, field by field (missing fields left out). */
function levelsOf(a: Rec, b: Rec): Record<string, string> {
  const comparer = new PairComparer(storeOf([a, b]));
  const pattern = comparer.compare(0, 1);
  const out: Record<string, string> = {};
  FIELDS.forEach((field, f) => {
    const level = levelOf(pattern, f);
    expect(level).toBe(comparer.levels[f]);
    if (level > 0) out[field] = LEVELS[field][level - 1]!;
  });
  return out;
}

describe('PairComparer', () => {
  it('takes a given name one letter from another for a slip when the register barely bears it beside the other, for another name when many bear both', () => {
    const hoa = Array.from({ length: 20 }, (_, i): Rec => ({ name: 'Lê Thị Hoa', dob: 19850301 + i }));
    const level = (records: Rec[], a: number, b: number) => {
      const comparer = new PairComparer(storeOf(records));
      comparer.fill(a, b);
      return LEVELS.given[comparer.levels[0]! - 1];
    };
    // one Ha beside twenty Hoa: a slip, so the birthday counts
    expect(level([...hoa, { name: 'Lê Thị Ha', dob: 19850301 }], 0, 20)).toBe('typo');
    // as many Ha as Hoa: two names (twins may bear them)
    const ha = hoa.map((r) => ({ ...r, name: 'Lê Thị Hà' }));
    expect(level([...hoa, ...ha], 0, 20)).toBe('different');
    // An and Anh, both borne by many, stay two names
    const an = hoa.map((r) => ({ ...r, name: 'Lê Văn An' }));
    const anh = hoa.map((r) => ({ ...r, name: 'Lê Văn Anh' }));
    expect(level([...an, ...anh], 0, 20)).toBe('similar');
    // Hiền and Hiếu, four letters each: a slip while few bear them, two names once many do
    const hien = (n: number) => Array.from({ length: n }, (_, i): Rec => ({ name: 'Lê Thị Hiền', dob: 19850301 + i }));
    const hieu = (n: number) => hien(n).map((r) => ({ ...r, name: 'Lê Thị Hiếu' }));
    expect(level([...hien(2), ...hieu(2)], 0, 2)).toBe('typo');
    expect(level([...hien(COMMON_GIVEN), ...hieu(COMMON_GIVEN)], 0, COMMON_GIVEN)).not.toBe('typo');
  });

  it.each<[string, Rec, Rec, Record<string, string>]>([
    [
      'the same Vietnamese record',
      { name: 'Nguyễn Văn An', dob: 19900102, sex: SEX_MALE, id: '001090012345', place: 'Hà Nội', phone: 912345678 },
      { name: 'Nguyễn Văn An', dob: 19900102, sex: SEX_MALE, id: '001090012345', place: 'Hà Nội', phone: 912345678 },
      { given: 'exact', family: 'exact', middle: 'exact', dob: 'exact', sex: 'equal', id: 'exact', place: 'equal', phone: 'equal' },
    ],
    [
      'without diacritics, Hoà/Hòa, NFD',
      { name: 'Lê Thị Hoà', dob: 19850305 },
      { name: 'Le Thi Hoa'.normalize('NFD'), dob: 19850305 },
      { given: 'unaccented', family: 'unaccented', middle: 'unaccented', dob: 'exact' },
    ],
    ['Hoà and Hòa are one spelling', { name: 'Lê Thị Hoà' }, { name: 'Lê Thị Hòa' }, { given: 'exact', family: 'exact', middle: 'exact' }],
    ['a wrong tone mark (ư typed u)', { name: 'Đặng Thị Hương' }, { name: 'Đặng Thị Huơng' }, { given: 'accents-differ', family: 'exact', middle: 'exact' }],
    ['a dropped middle name', { name: 'Phạm Minh Tuấn' }, { name: 'Phạm Tuấn' }, { given: 'exact', family: 'exact', middle: 'dropped' }],
    ['one chữ đệm of two dropped', { name: 'Nguyễn Thị Thu Hà' }, { name: 'Nguyễn Thu Hà' }, { given: 'exact', family: 'exact', middle: 'dropped' }],
    ['Hoàng and Huỳnh', { name: 'Hoàng Thị Kim' }, { name: 'Huỳnh Thị Kim' }, { given: 'exact', family: 'variant', middle: 'exact' }],
    [
      'Western names, given first, a dropped middle name and an initial',
      { name: 'John Michael Smith', order: 'given-first' },
      { name: 'J Smith', order: 'given-first' },
      { given: 'initial', family: 'exact', middle: 'dropped' },
    ],
    ['day and month swapped', { name: 'A B', dob: 19900503 }, { name: 'A B', dob: 19900305 }, { given: 'exact', family: 'exact', dob: 'swapped' }],
    ['a date read only with day and month exchanged', { name: 'A B', dob: 19901225 }, { name: 'A B', dob: 19901225, swapped: true }, { given: 'exact', family: 'exact', dob: 'swapped' }],
    ['one digit off in the day', { name: 'A B', dob: 19900102 }, { name: 'A B', dob: 19900105 }, { given: 'exact', family: 'exact', dob: 'one-digit' }],
    ['one digit off in the decade', { name: 'A B', dob: 19500214 }, { name: 'A B', dob: 19800214 }, { given: 'exact', family: 'exact', dob: 'one-digit-decade' }],
    ['same year only', { name: 'A B', dob: 19900102 }, { name: 'A B', dob: 19900315 }, { given: 'exact', family: 'exact', dob: 'same-year' }],
    ['another year', { name: 'A B', dob: 19900102 }, { name: 'A B', dob: 19650712 }, { given: 'exact', family: 'exact', dob: 'different' }],
    ['ID one digit off', { name: 'A B', id: '031081005678' }, { name: 'A B', id: '031081005679' }, { given: 'exact', family: 'exact', id: 'one-digit' }],
    ['ID two neighbours swapped', { name: 'A B', id: '031081005678' }, { name: 'A B', id: '031081005687' }, { given: 'exact', family: 'exact', id: 'one-digit' }],
    ['ID different', { name: 'A B', id: '001088012345' }, { name: 'A B', id: '036088987654' }, { given: 'exact', family: 'exact', id: 'different' }],
    ['ID of another length', { name: 'A B', id: '123456789' }, { name: 'A B', id: '001088012345' }, { given: 'exact', family: 'exact', id: 'different' }],
    ['sex differs, ID missing on one side', { name: 'A B', sex: SEX_MALE, id: '001088012345' }, { name: 'A B', sex: SEX_FEMALE }, { given: 'exact', family: 'exact', sex: 'different' }],
    [
      'birthday, place and phone are not compared between two given names (twins share them)',
      { name: 'Nguyễn Văn An', dob: 19900102, place: 'Hà Nội', phone: 912345678 },
      { name: 'Nguyễn Văn Bình', dob: 19900102, place: 'Hà Nội', phone: 912345678 },
      { given: 'different', family: 'exact', middle: 'exact' },
    ],
    [
      'an ID one digit off is a typo only when the given names agree (twins get consecutive serials)',
      { name: 'Vũ Thị Hoà', dob: 19870409, id: '036187004321' },
      { name: 'Vũ Thị Hồng', dob: 19870409, id: '036187004322' },
      { given: 'different', family: 'exact', middle: 'exact', id: 'different' },
    ],
    [
      'given and family name swapped on one record (names in two columns), compared crosswise',
      { name: 'Smith John', dob: 19700102, order: 'given-first' },
      { name: 'John Smith', dob: 19700102, order: 'given-first' },
      { given: 'exact', family: 'exact', dob: 'exact' },
    ],
    [
      '… also when one of them has a slip as well',
      { name: 'Smith John', dob: 19700102, order: 'given-first' },
      { name: 'Jonh Smith', dob: 19700102, order: 'given-first' },
      { given: 'typo', family: 'typo', dob: 'exact' },
    ],
    [
      '… but not when the other part is another name (one name in common is no swap)',
      { name: 'Smith John', dob: 19700102, order: 'given-first' },
      { name: 'John Brown', dob: 19700102, order: 'given-first' },
      { given: 'different', family: 'different' },
    ],
    [
      'a birthday in common counts between two given names when the records carry one ID (a nickname: twins never share an ID)',
      { name: 'Robert Hall', dob: 19551013, id: '4847690', place: '18 Harbour Crescent', order: 'given-first' },
      { name: 'Bob Hall', dob: 19551013, id: '4847690', place: '18 Harbour Crescent', order: 'given-first' },
      { given: 'different', family: 'exact', dob: 'exact', id: 'exact' },
    ],
    [
      '… nor when the birthday differs',
      { name: 'Trần Văn Hùng', dob: 19650712, place: 'Nam Định', phone: 987654321 },
      { name: 'Trần Văn Hùng', dob: 19900903, place: 'Nam Định', phone: 987654321 },
      { given: 'exact', family: 'exact', middle: 'exact', dob: 'different' },
    ],
  ])('%s', (_, a, b, expected) => {
    expect(levelsOf(a, b)).toEqual(expected);
    expect(levelsOf(b, a)).toEqual(expected);
  });

  it('levels dates as compareDates does, on every kind of pair', () => {
    const random = mulberry32(11);
    const dates: number[] = [19900102, 19900201, 19900105, 19910102, 19500214, 19800214, 19900315, 19650102, 20001231, 19991231];
    for (let i = 0; i < 2000; i++) dates.push(19000101 + Math.floor(random() * 120) * 10_000 + Math.floor(random() * 12) * 100 + Math.floor(random() * 28));
    // Each date beside a copy with one digit changed: the one-digit levels, at every position.
    for (let i = 0; i < 200; i++) {
      const date = dates[i]!;
      const place = 10 ** Math.floor(random() * 8);
      const digit = Math.floor(date / place) % 10;
      dates.splice(i * 2 + 1, 0, date + (((digit + 1 + Math.floor(random() * 9)) % 10) - digit) * place);
    }
    for (let i = 0; i < dates.length; i += 3) {
      for (const j of [i + 1, i + 2, (i * 7) % dates.length]) {
        const a = dates[i]!;
        const b = dates[j % dates.length]!;
        for (const [sa, sb] of [[false, false], [true, false], [true, true]] as const) {
          expect(LEVELS.dob[dateLevel(a, b, sa, sb) - 1]).toBe(compareDates(a, b, sa, sb));
        }
      }
    }
  });

  it('packs a vector into one integer and back', () => {
    const levels = [7, 6, 5, 4, 2, 3, 1, 0];
    const p = packPattern(levels);
    expect(levels.map((_, f) => levelOf(p, f))).toEqual(levels);
    expect(LEVEL_COUNTS).toHaveLength(FIELD_COUNT);
  });

  it('finds a keying slip in an ID as oneDigitOff and adjacentSwap do', () => {
    const random = mulberry32(5);
    let slips = 0;
    for (let i = 0; i < 20_000; i++) {
      const length = 1 + Math.floor(random() * 15);
      const a = Math.floor(random() * 10 ** length);
      let b = Math.floor(random() * 10 ** length);
      const digits = String(a).padStart(length, '0').split('');
      const k = Math.floor(random() * length);
      if (i % 3 === 0) {
        digits[k] = String((Number(digits[k]) + 1 + Math.floor(random() * 9)) % 10);
        b = Number(digits.join(''));
      } else if (i % 3 === 1 && k + 1 < length) {
        [digits[k], digits[k + 1]] = [digits[k + 1]!, digits[k]!];
        b = Number(digits.join(''));
      }
      if (a === b) continue;
      const expected = oneDigitOff(a, b, length) || adjacentSwap(a, b, length);
      if (expected) slips++;
      expect(idSlip(a, b, length), `${a} ${b} ${length}`).toBe(expected);
    }
    expect(slips).toBeGreaterThan(10_000);
  });

  it('finds two neighbouring digits exchanged, and only that', () => {
    expect(adjacentSwap(123456, 123465, 6)).toBe(true);
    expect(adjacentSwap(123456, 213456, 6)).toBe(true);
    expect(adjacentSwap(123456, 123456, 6)).toBe(false);
    expect(adjacentSwap(123456, 124356, 6)).toBe(true);
    expect(adjacentSwap(123456, 153426, 6)).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------

describe('explanations', () => {
  const terms: WeightTerm[] = [
    { field: 'given', level: 1, weight: 6.1 },
    { field: 'family', level: 1, weight: 0.84, frequency: 'common' },
    { field: 'middle', level: 4, weight: 1.78 },
    { field: 'dob', level: 2, weight: 3.2 },
    { field: 'sex', level: 1, weight: 1 },
    { field: 'id', level: 0, weight: 0 },
    { field: 'place', level: 0, weight: 0 },
    { field: 'phone', level: 2, weight: -1.75 },
  ];
  const present = new Set(FIELDS);

  it('says the weight each field added or removed, the prior and the probability, in English', () => {
    expect(explainMatch(terms, -13.3, present, 'en')).toBe(
      'given name equal +6.1, family name equal (common name) +0.8, middle name dropped +1.8, date of birth day/month swapped +3.2, ' +
        'sex equal +1.0, ID missing 0, place of birth registration missing 0, phone different −1.8, prior −13.3 → 0.19',
    );
  });

  it('… and in Vietnamese, with decimal commas', () => {
    expect(explainMatch(terms, -13.3, present, 'vi')).toBe(
      'tên trùng +6,1, họ trùng (tên phổ biến) +0,8, tên đệm bị bỏ +1,8, ngày sinh đảo ngày/tháng +3,2, ' +
        'giới tính trùng +1,0, số định danh thiếu 0, nơi đăng ký khai sinh thiếu 0, số điện thoại khác −1,8, tiên nghiệm −13,3 → 0,19',
    );
  });

  it('leaves out fields the rule does not have, and says why place and phone were not compared', () => {
    const twins: WeightTerm[] = [
      { field: 'given', level: 7, weight: -8.3 },
      { field: 'family', level: 1, weight: 2.4 },
      { field: 'middle', level: 0, weight: 0 },
      { field: 'dob', level: 0, weight: 0, notCompared: true },
      { field: 'sex', level: 0, weight: 0 },
      { field: 'id', level: 0, weight: 0 },
      { field: 'place', level: 0, weight: 0, notCompared: true },
      { field: 'phone', level: 0, weight: 0, notCompared: true },
    ];
    const some = new Set(['given', 'family', 'middle', 'dob', 'phone'] as const);
    expect(explainMatch(twins, -10, some, 'en')).toBe(
      'given name different −8.3, family name equal +2.4, date of birth not compared (given name or date of birth differs) 0, ' +
        'phone not compared (given name or date of birth differs) 0, prior −10.0 → 0',
    );
    expect(explainMatch(twins, -10, some, 'vi')).toBe(
      'tên khác −8,3, họ trùng +2,4, ngày sinh không so sánh (tên hoặc ngày sinh khác) 0, ' +
        'số điện thoại không so sánh (tên hoặc ngày sinh khác) 0, tiên nghiệm −10,0 → 0',
    );
  });

  it('signs weights with a true minus and rounds to one decimal', () => {
    expect([signedWeight(6.06, 'en'), signedWeight(-2.25, 'en'), signedWeight(0.04, 'en'), signedWeight(-13.3, 'vi')]).toEqual(['+6.1', '−2.3', '0', '−13,3']);
  });
});

// ---------------------------------------------------------------------------------------------

describe('MatchModel', () => {
  it('weighs a name part equal without diacritics as it weighs one spelt alike: a plain record is no evidence', () => {
    const model = new MatchModel(storeOf([{ name: 'Lê Thị Hoa' }]), DEFAULT_PARAMS, 1e-5);
    const json = modelToJson(DEFAULT_PARAMS) as { fields: Record<string, { weight: number[] }> };
    for (const f of [0, 1, 2]) {
      const [m, u] = [DEFAULT_PARAMS.m[f]!, DEFAULT_PARAMS.u[f]!];
      expect(model.weights[f]![1]).toBeCloseTo(Math.log2((m[1]! + m[2]!) / (u[1]! + u[2]!)), 10);
      expect(model.weights[f]![2]).toBe(model.weights[f]![1]);
      // the other levels stay log2(m/u), and the file shows what each level adds
      expect(model.weights[f]![3]).toBeCloseTo(Math.log2(m[3]! / u[3]!), 10);
      const saved = json.fields[FIELDS[f]!]!.weight;
      expect(saved[0]).toBe(saved[1]);
    }
  });

  it('sums log2(m/u) and the prior; a name borne by many counts less than a rare one', () => {
    const records: Rec[] = [];
    // 300 Nguyễn and a rare family name, everyone born on another day
    for (let i = 0; i < 300; i++) records.push({ name: `Nguyễn Văn Người${i}`, dob: 19000101 + (i % 28) + 100 * (i % 12) + 10_000 * i });
    records.push({ name: 'Nguyễn Văn An', dob: 19900102 }, { name: 'Nguyễn Văn An', dob: 19900102 });
    records.push({ name: 'Khổng Văn An', dob: 19900102 }, { name: 'Khổng Văn An', dob: 19900102 });
    const store = storeOf(records);
    const model = new MatchModel(store, DEFAULT_PARAMS, 1e-5);
    const common = model.terms(300, 301);
    const rare = model.terms(302, 303);
    expect(common.find((t) => t.field === 'family')!.weight).toBeLessThan(rare.find((t) => t.field === 'family')!.weight);
    const sum = common.reduce((s, t) => s + t.weight, model.priorWeight);
    expect(model.weight(300, 301)).toBeCloseTo(sum, 10);
    expect(model.priorWeight).toBeCloseTo(Math.log2(1e-5 / (1 - 1e-5)), 10);
  });

  it('turns a probability threshold into a weight threshold that agrees with the rounded probability', () => {
    for (const t of [0.5, 0.7, 0.9, 0.99]) {
      const w = weightThreshold(t);
      expect(roundedProbability(w + 1e-9)).toBeGreaterThanOrEqual(t);
      expect(roundedProbability(w - 1e-3)).toBeLessThan(t);
    }
  });

  it('estimates a model on a small register without failing and keeps the built-in m where no session ran', () => {
    const store = storeOf([{ name: 'Nguyễn Văn An', dob: 19900102 }, { name: 'Nguyen Van An', dob: 19900102 }]);
    const params = estimateModel(store, { maxBlockSize: 1000 });
    expect(params.estimated!.default_m).toEqual([...FIELDS]);
    expect(params.m).toEqual(DEFAULT_PARAMS.m.map((row) => row.slice()));
    expect(params.prior).toBeGreaterThan(0);
  });
});

describe('NameParser.parseBytes', () => {
  it('reads a name from its bytes as parse() reads its text, or leaves it to parse()', () => {
    const names = [
      'Nguyễn Văn An',
      '  Trần   Thị\tThu  Hương ',
      'Lê Thị Hoà',
      'Le Thi Hoa',
      'Nguyễn Văn An'.normalize('NFD'),
      'Phạm Hùng',
      'Hùng',
      "H'Hen Niê",
      'H’Hen Niê',
      'Nguyễn\u00a0Văn An',
      'Đinh\u2003Công Minh',
      '- . -',
      '',
      '   ',
      'Nguyễn Văn Văn An Bình',
    ];
    const encoder = new TextEncoder();
    // the parts as the keys they were interned under (ids depend on the order names come in)
    const keysOf = (table: PersonStore['names'], name: { family: number; middle: number; given: number; plain: boolean } | null) =>
      name && { family: table.keys[name.family], middle: table.keys[name.middle], given: table.keys[name.given], plain: name.plain };
    for (const order of ['family-first', 'given-first'] as const) {
      const textTable = new PersonStore().names;
      const byteTable = new PersonStore().names;
      const byText = new NameParser(textTable, order);
      const byBytes = new NameParser(byteTable, order);
      // twice: the second time every word is known by its bytes
      for (const round of [1, 2]) {
        for (const name of names) {
          const bytes = encoder.encode(`,${name},`);
          const read = byBytes.parseBytes(bytes, 1, bytes.length - 1);
          const expected = byText.parse(name);
          if (read === undefined) {
            expect(/[\u00a0\u2003\u2019]/.test(name), `${name} left to parse() (round ${round})`).toBe(true);
            continue;
          }
          expect(keysOf(byteTable, read), `${JSON.stringify(name)} (${order}, round ${round})`).toEqual(keysOf(textTable, expected));
        }
      }
    }
  });
});

describe('PersonStore.comparing', () => {
  it('rebuilds the name tables of a register with more tokens than a call takes arguments', () => {
    const store = new PersonStore();
    for (let k = 0; k < 200_000; k++) store.names.intern(`name${k}`, `name${k % 150_000}`, k % 3 !== 0);
    const copy = PersonStore.comparing(store.comparingSnapshot());
    expect(copy.names.foldedOf).toEqual(store.names.foldedOf);
    expect(copy.names.folded).toEqual(store.names.folded);
    expect(copy.names.standard).toEqual(store.names.standard);
  });
});

describe('matchPersons', () => {
  it('finds the same clusters with a pair worker beside it as on one thread', async () => {
    const random = mulberry32(21);
    const families = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng'];
    const middles = ['Văn', 'Thị', 'Đức', 'Thu'];
    const givens = ['An', 'Bình', 'Hương', 'Hùng', 'Lan', 'Minh', 'Nam', 'Tuấn'];
    const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const records: Rec[] = [];
    for (let i = 0; i < 4000; i++) {
      const person: Rec = {
        name: `${pick(families)} ${pick(middles)} ${pick(givens)}`,
        dob: 19600101 + Math.floor(random() * 40) * 10_000 + Math.floor(random() * 12) * 100 + Math.floor(random() * 28),
        id: String(1_000_000_000 + Math.floor(random() * 8_999_999_999)).padStart(12, '0'),
        phone: 900_000_000 + Math.floor(random() * 99_999_999),
      };
      records.push(person);
      // a fifth entered again: without diacritics and the ID left out, or with one birthday digit wrong
      if (i % 5 === 0) records.push({ ...person, name: foldText(person.name), id: undefined });
      if (i % 5 === 1) records.push({ ...person, dob: person.dob! + 1 });
    }
    const store = storeOf(records);
    const params = estimateModel(store, { maxBlockSize: 1000 });
    const model = new MatchModel(store, params, params.prior);
    const options = { minWeight: weightThreshold(0.7), maxBlockSize: 1000 };
    const one = matchPersons(store, model, options);
    const helper = PairHelper.start(store);
    let two;
    try {
      // the worker compares half of u's random pairs, and the estimate is the one of one thread
      expect(await estimateModelSharing(store, { maxBlockSize: 1000 }, (firsts, seconds) => helper.count(firsts, seconds))).toEqual(params);
      two = await matchPersonsOnTwoThreads(store, model, options, helper);
    } finally {
      helper.stop();
    }
    expect(one.clusters.length).toBeGreaterThan(1000);
    expect(two.clusters).toEqual(one.clusters);
    expect(two.stats).toEqual(one.stats);
  });
});

describe('the model file', () => {
  it('round-trips through JSON with named levels', () => {
    const json = JSON.parse(JSON.stringify(modelToJson({ ...DEFAULT_PARAMS, tf: { family: { nguyen: 0.38 } } }))) as Record<string, unknown>;
    expect(json.format).toBe('dqc-same-person-model');
    expect((json.fields as Record<string, { levels: string[] }>).dob!.levels).toEqual([...LEVELS.dob]);
    const back = modelFromJson(json);
    expect(maxError(back.m, DEFAULT_PARAMS.m)).toBeLessThan(1e-6);
    expect(maxError(back.u, DEFAULT_PARAMS.u)).toBeLessThan(1e-6);
    expect(back.tf).toEqual({ family: { nguyen: 0.38 } });
  });

  it.each([
    [{}, /format/],
    [{ format: 'dqc-same-person-model', version: 2 }, /version/],
    [{ format: 'dqc-same-person-model', version: 1, prior: 2, rows: 10 }, /prior/],
    [{ format: 'dqc-same-person-model', version: 1, prior: 0.1, rows: 10, fields: {} }, /field "given"/],
  ])('refuses a malformed model %#', (data, message) => {
    expect(() => modelFromJson(data)).toThrow(message);
  });

  it('refuses levels other than its own', () => {
    const json = modelToJson(DEFAULT_PARAMS) as { fields: Record<string, { levels: string[] }> };
    json.fields.id!.levels = ['exact', 'different', 'one-digit'];
    expect(() => modelFromJson(json)).toThrow(/levels exact, one-digit, different/);
  });

  it('rescales the prior to the size of the file it is applied to', () => {
    expect(rescaledPrior({ ...DEFAULT_PARAMS, prior: 1e-5, rows: 20_001 }, 200_001)).toBeCloseTo(1e-6, 12);
  });
});
