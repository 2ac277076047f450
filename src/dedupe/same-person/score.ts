// Pairwise evidence that two records are one person, Fellegi–Sunter style: each field adds a
// weight (log-odds, natural-log-like units) for agreement or against disagreement, a missing value
// adds nothing, and the sum maps to 0..1 through a logistic curve: score = 1 / (1 + e^-(W − 8)).
//
// The weights are set by hand from what the fields can tell apart (not fitted; the bench/ figures
// measure them). Landmarks, with the default threshold 0.7 (W ≥ 8.85) and merge threshold 0.99
// (W ≥ 12.6):
//   same name + same date of birth                      W 11   score 0.95  match, review
//   … + same sex + same place of birth registration     W 12.5 score 0.99  merge_into
//   … + same ID                                         W ≥ 19 score 1.00  merge_into
//   dropped middle name + same date + same sex          W 10.5 score 0.92  match, review
//   given-name typo (Quang/Quanh) + same date + sex     W 10   score 0.88  match, review
//   same name + day/month swapped + same sex            W 9.5  score 0.82  match, review
//   same name + one digit off + same sex + same place   W 9    score 0.73  match, review
//   same name + one digit off + same sex, nothing else  W 8.5  score 0.62  no match: ~4% of the
//     same-name, same-year pairs are one digit apart by chance, and such links chain common
//     names (Nguyễn Văn An: ~100 a year in a 10M register) into large false clusters
//   twins An / Anh, same date, sex, place and phone     W 8    score 0.50  no match
//   twins An / Bình, same date and sex                  W 3    score 0.01  no match
//   same name and date, sex differs                     W 4    score 0.02  no match
//   same name and date, two different IDs              W −1   score 0.00  no match
//   father and son: same name, born 1965 / 1990         W −4   score 0.00  no match
//   same given/family name, date, sex; middle differs   W 6.5  score 0.18  no match (chance
//     namesakes: Nguyễn Văn An / Nguyễn Đức An … are common in a large register)
//
// A name that agrees (folded) counts less when it is common in the register (COMMON_NAME: up to −2
// for thousands of bearers) and more when it is rare in a register large enough to tell (up to
// +2.5); in a file of fewer than ~500 rows the weights above are unchanged.

import { SEX_UNKNOWN, FLAG_DOB_SWAPPED, FLAG_PLAIN_NAME, ID_HASHED, type PersonStore } from './records.js';
import { compareDates, jaroWinkler, oneDigitOff, withinOneEdit, type DateAgreement } from './similarity.js';

/** Score = logistic(W − OFFSET). */
export const OFFSET = 8;

const W = {
  given: { equal: 3, unaccented: 2.8, toneTypo: 1, typo: 1, near: -3, different: -6 },
  family: { equal: 1.5, unaccented: 1.4, toneTypo: 1, variant: 1, near: 0.5, different: -3 },
  middle: { equal: 0.5, unaccented: 0.4, missing: 0, near: 0, different: -5 },
  dob: { exact: 6, swapped: 3.5, 'one-digit': 2.5, 'one-digit-decade': 0, 'same-year': -5, different: -9 } satisfies Record<DateAgreement, number>,
  sex: { equal: 1, different: -7 },
  // An ID is the strongest evidence both ways; one wrong key is a typo, not a different person.
  id: { equal: 8, oneDigit: 4, different: -12 },
  place: { equal: 0.5, different: -0.5 },
  // Families share a phone (a parent's number on a child's record): weak for, nothing against.
  phone: { equal: 1.5 },
};

/**
 * Name-rarity adjustment, taken off the name agreement: perLog × ln(count / from) for a name borne by
 * more than `from` rows (a discount, ≤ max), rarePerLog × ln(count / ref) for one borne by fewer than
 * ref = min(from, rows / rowsPerRef) (a bonus, ≤ rareBonus).
 */
const COMMON_NAME = { from: 50, perLog: 0.7, max: 2, rarePerLog: 1, rareBonus: 2.5, rowsPerRef: 500 };

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

export function scoreOf(weight: number): number {
  return 1 / (1 + Math.exp(-(weight - OFFSET)));
}

/** The score rounded to two decimals, as reported and compared with the thresholds. */
export function roundedScore(weight: number): number {
  return Math.round(scoreOf(weight) * 100) / 100;
}

/** Which optional fields the rule has, so `why` mentions a missing one only when it could be there. */
export interface FieldPresence {
  sex: boolean;
  id: boolean;
}

export class PairScorer {
  /** Filled by `weigh(…, true)`: why the pair scored as it did. */
  readonly reasons: string[] = [];
  private explain = false;
  private nameSim = 1;
  /** Set by given/family/middle: every part agrees once folded (a middle name may be missing). */
  private nameAgrees = true;

  constructor(
    private readonly s: PersonStore,
    private readonly fields: FieldPresence,
  ) {}

  /** The summed weight W of the evidence for records a and b being one person. */
  weigh(a: number, b: number, explain = false): number {
    const s = this.s;
    this.explain = explain;
    this.reasons.length = 0;
    this.nameSim = 0;
    this.nameAgrees = true;
    const nameNotes: string[] = [];
    const plain = ((s.flags[a]! | s.flags[b]!) & FLAG_PLAIN_NAME) !== 0;

    let w = this.given(s.given[a]!, s.given[b]!, plain, nameNotes);
    w += this.family(s.family[a]!, s.family[b]!, plain, nameNotes);
    w += this.middle(s.middle[a]!, s.middle[b]!, plain, nameNotes);
    if (this.nameAgrees) {
      const common = this.commonName(a, b);
      w -= common;
      if (explain && common > 0) nameNotes.push('common name');
      else if (explain && common < 0) nameNotes.push('rare name');
    }
    if (explain) this.reasons.push(`name ${round2(this.nameSim)}${nameNotes.length ? ` (${nameNotes.join(', ')})` : ''}`);

    const da = s.dob[a]!;
    const db = s.dob[b]!;
    if (da === 0 || db === 0) {
      if (explain) this.reasons.push('dob missing');
    } else {
      const agreement = compareDates(da, db, (s.flags[a]! & FLAG_DOB_SWAPPED) !== 0, (s.flags[b]! & FLAG_DOB_SWAPPED) !== 0);
      w += W.dob[agreement];
      if (explain) this.reasons.push(`dob ${DOB_WORDS[agreement]}`);
    }

    const sa = s.sex[a]!;
    const sb = s.sex[b]!;
    if (sa === SEX_UNKNOWN || sb === SEX_UNKNOWN) {
      if (explain && this.fields.sex) this.reasons.push('sex missing');
    } else {
      w += sa === sb ? W.sex.equal : W.sex.different;
      if (explain) this.reasons.push(sa === sb ? 'sex =' : 'sex ≠');
    }

    w += this.id(a, b);

    const pa = s.place[a]!;
    const pb = s.place[b]!;
    if (pa !== 0 && pb !== 0) {
      w += pa === pb ? W.place.equal : W.place.different;
      if (explain) this.reasons.push(pa === pb ? 'place =' : 'place ≠');
    }

    const fa = s.phone[a]!;
    const fb = s.phone[b]!;
    if (fa === fb) {
      w += W.phone.equal;
      if (explain) this.reasons.push('phone =');
    }
    return w;
  }

  /**
   * How much less a name agreement is worth because the name is common in this register: chance
   * namesakes born the same day grow with the count of people bearing the name (log scale).
   */
  private commonName(a: number, b: number): number {
    // A name written without its middle part is rare as a string only because the middle part is
    // missing (Nguyễn Liên against Nguyễn Thu Liên): then the family + given name is what agrees.
    const s = this.s;
    const count =
      s.names.foldedOf[s.middle[a]!] === s.names.foldedOf[s.middle[b]!]
        ? Math.min(s.nameCount(a), s.nameCount(b))
        : Math.min(s.familyGivenCount(a), s.familyGivenCount(b));
    if (count > COMMON_NAME.from) return Math.min(COMMON_NAME.max, COMMON_NAME.perLog * Math.log(count / COMMON_NAME.from));
    // A name is only known to be rare in a register large enough for it to be seen often: ref
    // grows with the register up to `from`, so a small file gets no bonus.
    const ref = Math.min(COMMON_NAME.from, this.s.size / COMMON_NAME.rowsPerRef);
    if (count >= ref) return 0;
    return Math.max(-COMMON_NAME.rareBonus, COMMON_NAME.rarePerLog * Math.log(count / ref));
  }

  private id(a: number, b: number): number {
    const s = this.s;
    const ia = s.id[a]!;
    const ib = s.id[b]!;
    if (Number.isNaN(ia) || Number.isNaN(ib)) {
      if (this.explain && this.fields.id) this.reasons.push('id missing');
      return 0;
    }
    const la = s.idLength[a]!;
    if (ia === ib && la === s.idLength[b]) {
      if (this.explain) this.reasons.push('id =');
      return W.id.equal;
    }
    if (la === s.idLength[b] && la !== ID_HASHED && oneDigitOff(ia, ib, la)) {
      if (this.explain) this.reasons.push('id one digit off');
      return W.id.oneDigit;
    }
    if (this.explain) this.reasons.push('id ≠');
    return W.id.different;
  }

  private given(a: number, b: number, plain: boolean, notes: string[]): number {
    if (a === b) {
      this.nameSim += 0.5;
      if (a === 0) this.nameAgrees = false;
      return a === 0 ? 0 : W.given.equal;
    }
    const t = this.s.names;
    const fa = t.foldedOf[a]!;
    const fb = t.foldedOf[b]!;
    if (fa === fb) {
      this.nameSim += 0.5 * 0.99;
      if (this.explain) notes.push(plain ? 'no diacritics' : 'diacritics differ');
      return plain ? W.given.unaccented : W.given.toneTypo;
    }
    const x = t.folded[fa]!;
    const y = t.folded[fb]!;
    this.nameAgrees = false;
    const jw = jaroWinkler(x, y);
    this.nameSim += 0.5 * jw;
    // A short given name one letter from another is usually another name (An/Anh, Lan/Lân are twins'
    // names), so an edit only counts as a typo from four letters on, or when one side is not a
    // standard Vietnamese syllable at all (Nm, Namm, Vvy: no one is named that).
    const oneEdit = withinOneEdit(x, y);
    if (jw >= 0.95 || (oneEdit && (Math.min(x.length, y.length) >= 4 || !t.standard[a] || !t.standard[b]))) {
      if (this.explain) notes.push('given name typo');
      return W.given.typo;
    }
    if (this.explain) notes.push('given name differs');
    return jw >= 0.85 ? W.given.near : W.given.different;
  }

  private family(a: number, b: number, plain: boolean, notes: string[]): number {
    if (a === b) {
      this.nameSim += 0.3;
      return a === 0 ? 0 : W.family.equal;
    }
    if (a === 0 || b === 0) {
      this.nameAgrees = false;
      return 0;
    }
    const t = this.s.names;
    const fa = t.foldedOf[a]!;
    const fb = t.foldedOf[b]!;
    if (fa === fb) {
      this.nameSim += 0.3 * 0.99;
      if (this.explain && !notes.includes('no diacritics')) notes.push(plain ? 'no diacritics' : 'diacritics differ');
      return plain ? W.family.unaccented : W.family.toneTypo;
    }
    const x = t.folded[fa]!;
    const y = t.folded[fb]!;
    this.nameAgrees = false;
    if (SURNAME_VARIANTS.get(x) === y) {
      this.nameSim += 0.3 * 0.95;
      if (this.explain) notes.push(`family ${x}~${y}`);
      return W.family.variant;
    }
    const jw = jaroWinkler(x, y);
    this.nameSim += 0.3 * jw;
    if (this.explain) notes.push(jw >= 0.9 ? 'family name typo' : 'family name differs');
    return jw >= 0.9 ? W.family.near : W.family.different;
  }

  private middle(a: number, b: number, plain: boolean, notes: string[]): number {
    if (a === b) {
      this.nameSim += 0.2;
      return W.middle.equal;
    }
    if (a === 0 || b === 0) {
      this.nameSim += 0.2 * 0.8;
      if (this.explain) notes.push('middle name missing');
      return W.middle.missing;
    }
    const t = this.s.names;
    const fa = t.foldedOf[a]!;
    const fb = t.foldedOf[b]!;
    if (fa === fb) {
      this.nameSim += 0.2 * 0.99;
      if (this.explain && !notes.includes('no diacritics')) notes.push(plain ? 'no diacritics' : 'diacritics differ');
      return plain ? W.middle.unaccented : 0;
    }
    const x = t.folded[fa]!;
    const y = t.folded[fb]!;
    // 'thi thu' against 'thu': one chữ đệm of two was left out.
    if (isWordSubset(x, y) || isWordSubset(y, x)) {
      this.nameSim += 0.2 * 0.85;
      if (this.explain) notes.push('middle name partly missing');
      return W.middle.missing;
    }
    this.nameAgrees = false;
    const jw = jaroWinkler(x, y);
    this.nameSim += 0.2 * jw;
    if (this.explain) notes.push(jw >= 0.9 ? 'middle name typo' : 'middle name differs');
    return jw >= 0.9 ? W.middle.near : W.middle.different;
  }
}

const DOB_WORDS: Record<DateAgreement, string> = {
  exact: '=',
  swapped: 'day/month swapped',
  'one-digit': 'one digit off',
  'one-digit-decade': 'one digit off in the decade',
  'same-year': 'same year only',
  different: '≠',
};

function isWordSubset(small: string, large: string): boolean {
  const words = large.split(' ');
  return small.split(' ').every((w) => words.includes(w));
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
