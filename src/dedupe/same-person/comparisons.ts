// The comparison vector of a pair of records (Fellegi–Sunter's γ): for each compared field, the
// level at which the two records agree. Level 0 of every field is "missing on either side": it adds
// no evidence either way and takes no part in estimation. Names are compared syllable by syllable
// after folding (../shared/domain/vn-reference.md §4.1–4.3), dates as yyyymmdd integers, IDs and
// phones as numbers: no string is made per pair, and the name levels of two token ids are memoised.

import { COMPARATOR_LEVELS, ExtraComparer, type Comparator, type ExtraFieldSpec } from './extra-fields.js';
import { FLAG_DOB_SWAPPED, FLAG_PLAIN_NAME, ID_HASHED, SEX_UNKNOWN, type PersonStore } from './records.js';
import { jaroWinkler, PairMemo, withinOneEdit } from './similarity.js';

/** The compared fields, in the order of a comparison vector. */
export const FIELDS = ['given', 'family', 'middle', 'dob', 'sex', 'id', 'place', 'phone'] as const;
export type FieldName = (typeof FIELDS)[number];

/** Each field's levels after level 0 (missing), strongest agreement first. */
export const LEVELS: Readonly<Record<FieldName, readonly string[]>> = {
  given: ['exact', 'unaccented', 'accents-differ', 'typo', 'initial', 'similar', 'different'],
  family: ['exact', 'unaccented', 'accents-differ', 'variant', 'typo', 'different'],
  middle: ['exact', 'unaccented', 'accents-differ', 'dropped', 'typo', 'different'],
  dob: ['exact', 'swapped', 'one-digit', 'one-digit-decade', 'same-year', 'different'],
  sex: ['equal', 'different'],
  id: ['exact', 'one-digit', 'different'],
  place: ['equal', 'different'],
  phone: ['equal', 'different'],
};

export const FIELD_COUNT = FIELDS.length;
export const F_GIVEN = 0;
export const F_FAMILY = 1;
export const F_MIDDLE = 2;
export const F_DOB = 3;
export const F_SEX = 4;
export const F_ID = 5;
export const F_PLACE = 6;
export const F_PHONE = 7;

/** Levels per field, level 0 (missing) included. */
export const LEVEL_COUNTS: readonly number[] = FIELDS.map((f) => LEVELS[f].length + 1);

/** Bits of one field's level in a packed pattern (3 bits: at most 8 levels with missing). */
export const LEVEL_BITS = 3;

/** One field of a comparison vector: a person field, or an extra column with its comparator. */
export interface FieldInfo {
  name: string;
  /** Levels after level 0 (missing). */
  levels: readonly string[];
  /** Set for an extra column (extra-fields.ts). */
  comparator?: Comparator;
}

/** The fields of a comparison vector: the person fields, then the rule's extra columns in order. */
export function fieldsOf(extras: readonly ExtraFieldSpec[]): FieldInfo[] {
  return [
    ...FIELDS.map((name) => ({ name, levels: LEVELS[name] })),
    ...extras.map((e) => ({ name: e.name, levels: COMPARATOR_LEVELS[e.comparator], comparator: e.comparator })),
  ];
}

// Name levels (same numbers for given, family and middle where they share a meaning).
export const NAME_MISSING = 0;
export const NAME_EXACT = 1;
export const NAME_UNACCENTED = 2;
export const NAME_ACCENTS = 3;
/** Levels 1–3 of a name part are "the same name": a term-frequency adjustment applies. */
export const NAME_AGREES_UP_TO = 3;
const GIVEN_TYPO = 4;
const GIVEN_INITIAL = 5;
const GIVEN_SIMILAR = 6;
const GIVEN_DIFFERENT = 7;
const FAMILY_VARIANT = 4;
const FAMILY_TYPO = 5;
const FAMILY_DIFFERENT = 6;
const MIDDLE_DROPPED = 4;
const MIDDLE_TYPO = 5;
const MIDDLE_DIFFERENT = 6;

const DOB_LEVEL = { exact: 1, swapped: 2, 'one-digit': 3, 'one-digit-decade': 4, 'same-year': 5, different: 6 } as const;
const EQUAL = 1;
const DIFFERENT = 2;
const ID_EXACT = 1;
const ID_ONE_DIGIT = 2;
const ID_DIFFERENT = 3;

/**
 * Northern and southern readings of one Hán surname (§4.3): never corrected, but a person may be
 * written Hoàng in one register and Huỳnh in another.
 */
const SURNAME_VARIANTS: ReadonlyMap<string, string> = new Map([
  ['hoang', 'huynh'],
  ['huynh', 'hoang'],
  ['vu', 'vo'],
  ['vo', 'vu'],
]);

/**
 * Packs a comparison vector into one integer (3 bits a field, given first in the low bits; at most
 * 17 fields stay exact in a double).
 */
export function packPattern(levels: ArrayLike<number>): number {
  let p = 0;
  for (let f = levels.length - 1; f >= 0; f--) p = p * 8 + levels[f]!;
  return p;
}

/** The level of field f in a packed pattern. */
export function levelOf(pattern: number, f: number): number {
  return Math.floor(pattern / 8 ** f) % 8;
}

/**
 * A given name borne by this many times fewer records of the register than a name one letter from
 * it is taken for a slip of that name, as a syllable that is no Vietnamese word is (givenLevel).
 */
export const RARE_GIVEN_RATIO = 20;
/** Records bearing a given name before it counts as one many people bear (below it, its length decides). */
export const COMMON_GIVEN = 10;

/** Memo entries before a memo is cleared (a few distinct name pairs per candidate pair). */
const MEMO_CAP = 1 << 20;

/** Computes comparison vectors of record pairs of one PersonStore. */
export class PairComparer {
  /** The levels of the last `compare`, by field: the person fields, then the extra columns. */
  readonly levels: Uint8Array;
  private readonly extras: ExtraComparer | null;
  /**
   * Bit f set: field f has a value on both sides of the last pair but was not compared (level 0),
   * by the conditional rules below (birthday, place and phone only between one given name).
   */
  notCompared = 0;
  private readonly givenMemo = new PairMemo(MEMO_CAP);
  /** Records per folded given name (records.ts TokenTable ids), counted when the comparer is made. */
  private readonly givenCounts: Int32Array;
  private readonly familyMemo = new PairMemo(MEMO_CAP);
  private readonly middleMemo = new PairMemo(MEMO_CAP);

  /**
   * `conditional` false compares every field on its own, without the rules that leave birthday,
   * place, phone and a near ID uncompared between two given names: u is estimated that way (for two
   * different people, whether their birthdays agree does not depend on their given names, and the
   * few random pairs of one given name would leave u to chance).
   */
  constructor(
    private readonly s: PersonStore,
    private readonly conditional = true,
  ) {
    const extras = s.extras.specs.length;
    this.levels = new Uint8Array(FIELD_COUNT + extras);
    this.givenCounts = new Int32Array(s.names.folded.length);
    for (let i = 0; i < s.size; i++) this.givenCounts[s.names.foldedOf[s.given[i]!]!]!++;
    this.extras = extras > 0 ? new ExtraComparer(s.extras, (x, y) => dateLevel(x, y, false, false)) : null;
  }

  /** Fields in a comparison vector (the person fields and the extra columns). */
  get fieldCount(): number {
    return this.levels.length;
  }

  /** Fills `levels` for records a and b; returns the packed pattern. */
  compare(a: number, b: number): number {
    this.fill(a, b);
    return packPattern(this.levels);
  }

  /** Fills `levels` for records a and b. */
  fill(a: number, b: number): void {
    const s = this.s;
    const l = this.levels;
    const plain = ((s.flags[a]! | s.flags[b]!) & FLAG_PLAIN_NAME) !== 0;
    l[F_GIVEN] = this.given(s.given[a]!, s.given[b]!, plain);
    l[F_FAMILY] = this.family(s.family[a]!, s.family[b]!, plain);
    // Given name and family name in each other's column (names held in two columns, swapped on one
    // record): compared crosswise, one part is the same name and the other agrees up to a typo (a
    // swapped record is as likely as any other to carry a slip as well). Each crosswise pair is
    // levelled both as a given and as a family name and the weaker level kept, so that a–b and b–a
    // get one vector.
    if (l[F_GIVEN]! > NAME_AGREES_UP_TO && this.swapped(a, b)) {
      const ga = s.given[a]!;
      const fa = s.family[a]!;
      const gb = s.given[b]!;
      const fb = s.family[b]!;
      const given = Math.max(this.given(ga, fb, plain), this.given(fa, gb, plain));
      const family = Math.max(this.family(fa, gb, plain), this.family(ga, fb, plain));
      if (crosswiseAgrees(given, family) && given + family < l[F_GIVEN]! + l[F_FAMILY]!) {
        l[F_GIVEN] = given;
        l[F_FAMILY] = family;
      }
    }
    l[F_MIDDLE] = this.middle(s.middle[a]!, s.middle[b]!, plain);
    const da = s.dob[a]!;
    const db = s.dob[b]!;
    let notCompared = 0;
    l[F_DOB] = da === 0 || db === 0 ? 0 : dateLevel(da, db, (s.flags[a]! & FLAG_DOB_SWAPPED) !== 0, (s.flags[b]! & FLAG_DOB_SWAPPED) !== 0);
    // Between two given names, a birthday in common is what twins have (An and Anh too): it counts
    // for one person only when the given names agree (up to a typo or an initial), or when the two
    // records carry one ID (twins never do: then the given names differ by a nickname or a slip
    // beyond a typo). A birthday apart still counts against.
    const id = this.id(a, b);
    if (this.conditional && l[F_GIVEN]! > GIVEN_INITIAL && id !== ID_EXACT && l[F_DOB]! !== 0 && l[F_DOB]! <= DOB_LEVEL['one-digit-decade']) {
      l[F_DOB] = 0;
      notCompared |= 1 << F_DOB;
    }
    const sa = s.sex[a]!;
    const sb = s.sex[b]!;
    l[F_SEX] = sa === SEX_UNKNOWN || sb === SEX_UNKNOWN ? 0 : sa === sb ? EQUAL : DIFFERENT;
    // Place and phone are a household's as much as a person's (a parent's phone on a child's record,
    // twins born in one commune): they are compared only when the given name and the date of birth
    // already point to one person (a wrong decade is how a parent and a child born on the same day
    // differ), so that a household in common never outweighs a different given name or birthday,
    // which conditional independence would let it do.
    const household = !this.conditional || householdCompared(l[F_GIVEN]!, l[F_DOB]!);
    // An ID one digit or one swap from another is a typo only for records of one given name (up to a
    // similar one): twins registered together get consecutive serials.
    l[F_ID] = this.conditional && id === ID_ONE_DIGIT && l[F_GIVEN]! > GIVEN_SIMILAR ? ID_DIFFERENT : id;
    const pa = s.place[a]!;
    const pb = s.place[b]!;
    l[F_PLACE] = !household || pa === 0 || pb === 0 ? 0 : pa === pb ? EQUAL : DIFFERENT;
    if (!household && pa !== 0 && pb !== 0) notCompared |= 1 << F_PLACE;
    const fa = s.phone[a]!;
    const fb = s.phone[b]!;
    l[F_PHONE] = !household || Number.isNaN(fa) || Number.isNaN(fb) ? 0 : fa === fb ? EQUAL : DIFFERENT;
    if (!household && !Number.isNaN(fa) && !Number.isNaN(fb)) notCompared |= 1 << F_PHONE;
    this.notCompared = notCompared;
    // Extra columns are compared on their own, without conditions: the pack chose them.
    if (this.extras) this.extras.fill(a, b, l, FIELD_COUNT);
  }

  private id(a: number, b: number): number {
    const s = this.s;
    const ia = s.id[a]!;
    const ib = s.id[b]!;
    if (Number.isNaN(ia) || Number.isNaN(ib)) return 0;
    const la = s.idLength[a]!;
    if (la !== s.idLength[b]) return ID_DIFFERENT;
    if (ia === ib) return ID_EXACT;
    if (la !== ID_HASHED && idSlip(ia, ib, la)) return ID_ONE_DIGIT;
    return ID_DIFFERENT;
  }

  /**
   * Whether a's given name may be b's family name and a's family name b's given name: both records
   * have both parts, two different ones, and one crosswise pair is one name (folded).
   */
  private swapped(a: number, b: number): boolean {
    const s = this.s;
    const f = s.names.foldedOf;
    const ga = f[s.given[a]!]!;
    const fa = f[s.family[a]!]!;
    const gb = f[s.given[b]!]!;
    const fb = f[s.family[b]!]!;
    return ga !== 0 && fa !== 0 && gb !== 0 && fb !== 0 && ga !== fa && gb !== fb && (ga === fb || fa === gb);
  }

  private given(a: number, b: number, plain: boolean): number {
    if (a === 0 || b === 0) return NAME_MISSING;
    if (a === b) return NAME_EXACT;
    const t = this.s.names;
    if (t.foldedOf[a] === t.foldedOf[b]) return plain ? NAME_UNACCENTED : NAME_ACCENTS;
    const known = this.givenMemo.get(a, b);
    if (known >= 0) return known;
    const fa = t.foldedOf[a]!;
    const fb = t.foldedOf[b]!;
    // A short name one letter from another is a slip, not a twin's name, when the register barely
    // knows it as a given name beside the other (Hu, Ha beside Thu, Hoa): twins are given names.
    const ca = this.givenCounts[fa] ?? 0;
    const cb = this.givenCounts[fb] ?? 0;
    const knownA = t.standard[a]! && ca * RARE_GIVEN_RATIO > cb;
    const knownB = t.standard[b]! && cb * RARE_GIVEN_RATIO > ca;
    // … and two the register bears as given names of many people are two names, however long
    // (Hiền and Hiếu, Hưng and Hương: twins' names as much as An and Anh).
    const twoNames = knownA && knownB && Math.min(ca, cb) >= COMMON_GIVEN;
    const level = givenLevel(t.folded[fa]!, t.folded[fb]!, knownA, knownB, twoNames);
    this.givenMemo.set(a, b, level);
    return level;
  }

  private family(a: number, b: number, plain: boolean): number {
    if (a === 0 || b === 0) return NAME_MISSING;
    if (a === b) return NAME_EXACT;
    const t = this.s.names;
    if (t.foldedOf[a] === t.foldedOf[b]) return plain ? NAME_UNACCENTED : NAME_ACCENTS;
    const known = this.familyMemo.get(a, b);
    if (known >= 0) return known;
    const level = familyLevel(t.folded[t.foldedOf[a]!]!, t.folded[t.foldedOf[b]!]!);
    this.familyMemo.set(a, b, level);
    return level;
  }

  private middle(a: number, b: number, plain: boolean): number {
    if (a === 0 && b === 0) return NAME_MISSING;
    if (a === 0 || b === 0) return MIDDLE_DROPPED;
    if (a === b) return NAME_EXACT;
    const t = this.s.names;
    if (t.foldedOf[a] === t.foldedOf[b]) return plain ? NAME_UNACCENTED : NAME_ACCENTS;
    const known = this.middleMemo.get(a, b);
    if (known >= 0) return known;
    const level = middleLevel(t.folded[t.foldedOf[a]!]!, t.folded[t.foldedOf[b]!]!);
    this.middleMemo.set(a, b, level);
    return level;
  }
}

/**
 * Whether the crosswise levels (a's given name against b's family name, a's family name against b's
 * given name) say the names were swapped: both parts agree up to a typo.
 */
function crosswiseAgrees(given: number, family: number): boolean {
  return given <= GIVEN_TYPO && family <= FAMILY_TYPO;
}

/** Whether place and phone are compared, given the given-name and date-of-birth levels. */
export function householdCompared(given: number, dob: number): boolean {
  return given <= GIVEN_INITIAL && dob <= DOB_LEVEL['one-digit'];
}

/**
 * similarity.ts compareDates as a level number, in integer arithmetic (it runs on every pair: the
 * random pairs of u, the blocked pairs, the chain checks). Held equal to compareDates by the tests.
 */
export function dateLevel(a: number, b: number, swappedA: boolean, swappedB: boolean): number {
  if (a === b) return swappedA === swappedB ? DOB_LEVEL.exact : DOB_LEVEL.swapped;
  const ya = (a / 10_000) | 0;
  const yb = (b / 10_000) | 0;
  if (ya === yb) {
    const ma = ((a / 100) | 0) % 100;
    const mb = ((b / 100) | 0) % 100;
    if (ma === b % 100 && a % 100 === mb) return DOB_LEVEL.swapped;
  }
  // One wrong key on the 8 digits: exactly one decimal position differs (the decade and century
  // positions, 5–7 from the right, told apart). The lowest position that differs, then whether
  // everything above it agrees: two or three divisions for most pairs instead of eight rounds.
  let x = a;
  let y = b;
  let position = 0;
  while (x % 10 === y % 10) {
    x = (x / 10) | 0;
    y = (y / 10) | 0;
    position++;
  }
  if (((x / 10) | 0) !== ((y / 10) | 0)) return ya === yb ? DOB_LEVEL['same-year'] : DOB_LEVEL.different;
  return position >= 5 ? DOB_LEVEL['one-digit-decade'] : DOB_LEVEL['one-digit'];
}

/**
 * Whether two different IDs of the same `length` digits (held as numbers, below 2^53) are one
 * keying slip apart: one digit wrong, or two neighbouring digits exchanged (similarity.ts
 * oneDigitOff || adjacentSwap, held equal to them by the tests). It runs on every candidate pair
 * with two IDs, nearly all of them two people: from the lowest digit that differs, most pairs are
 * told apart by one more division.
 */
export function idSlip(a: number, b: number, length: number): boolean {
  // The lowest digit position p where the two differ is where their difference's trailing zeros
  // end. Divisions and floors only: `%` of numbers past 2^31 is a slow floating remainder.
  let d = Math.abs(a - b);
  if (d === 0) return false;
  let p = 0;
  let scale = 1;
  while (Math.floor(d / 10) * 10 === d) {
    d /= 10;
    scale *= 10;
    if (++p >= length) return false;
  }
  const unit = scale * 10;
  const upperA = Math.floor(a / unit);
  const upperB = Math.floor(b / unit);
  if (upperA === upperB) return true;
  if (p >= length - 1) return false;
  // …45… for …54…: the digit above the lowest difference exchanged with it, everything above equal.
  const digitA = Math.floor(a / scale) - upperA * 10;
  const digitB = Math.floor(b / scale) - upperB * 10;
  const aboveA = Math.floor(upperA / 10);
  const aboveB = Math.floor(upperB / 10);
  return aboveA === aboveB && digitA === upperB - aboveB * 10 && digitB === upperA - aboveA * 10;
}


/**
 * Two different folded given names. A short given name one letter from another is usually another
 * name (An/Anh, Lan/Lân are twins' names), so an edit only counts as a typo from four letters on, or
 * when one side is not a known given name: not a standard Vietnamese syllable at all (Nm, Namm,
 * Vvy: no one is named that), or (PairComparer) a syllable the register hardly bears as a given name.
 * `twoNames`: both are given names many records of the register bear, so one letter apart is two names.
 */
export function givenLevel(x: string, y: string, standardX = true, standardY = true, twoNames = false): number {
  if (x === y) return NAME_EXACT;
  if ((x.length === 1 && y.startsWith(x)) || (y.length === 1 && x.startsWith(y))) return GIVEN_INITIAL;
  const jw = jaroWinkler(x, y);
  if (twoNames && withinOneEdit(x, y)) return jw >= 0.85 ? GIVEN_SIMILAR : GIVEN_DIFFERENT;
  if (jw >= 0.95 || (withinOneEdit(x, y) && (Math.min(x.length, y.length) >= 4 || !standardX || !standardY))) return GIVEN_TYPO;
  return jw >= 0.85 ? GIVEN_SIMILAR : GIVEN_DIFFERENT;
}

/** Two different folded family names. */
export function familyLevel(x: string, y: string): number {
  if (x === y) return NAME_EXACT;
  if (SURNAME_VARIANTS.get(x) === y) return FAMILY_VARIANT;
  return jaroWinkler(x, y) >= 0.9 || (Math.min(x.length, y.length) >= 4 && withinOneEdit(x, y)) ? FAMILY_TYPO : FAMILY_DIFFERENT;
}

/** Two different folded middle names ('thi thu' against 'thu': one chữ đệm of two left out). */
export function middleLevel(x: string, y: string): number {
  if (x === y) return NAME_EXACT;
  if (isWordSubset(x, y) || isWordSubset(y, x)) return MIDDLE_DROPPED;
  return jaroWinkler(x, y) >= 0.9 ? MIDDLE_TYPO : MIDDLE_DIFFERENT;
}

function isWordSubset(small: string, large: string): boolean {
  const words = large.split(' ');
  return small.split(' ').every((w) => words.includes(w));
}

/** Two neighbouring digits exchanged (…45… for …54…), the other keying slip of an ID. */
export function adjacentSwap(a: number, b: number, length: number): boolean {
  let k = 0;
  let x = a;
  let y = b;
  while (k < length && x % 10 === y % 10) {
    x = Math.floor(x / 10);
    y = Math.floor(y / 10);
    k++;
  }
  if (k >= length - 1) return false;
  const x0 = x % 10;
  const x1 = Math.floor(x / 10) % 10;
  const y0 = y % 10;
  const y1 = Math.floor(y / 10) % 10;
  return x0 === y1 && x1 === y0 && Math.floor(x / 100) === Math.floor(y / 100);
}
