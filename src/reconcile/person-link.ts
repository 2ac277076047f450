// Which record here a reference person is, when the key cannot say (a record with no ID, or an ID
// the reference does not have): the same-person model (dedupe/same-person) weighs the record
// against the reference row field by field — names folded with typo, dropped-middle-name and
// initial levels, the date of birth exact, day/month swapped or one digit off, sex — instead of
// asking for the exact folded name and date of birth.
//
// Pass 1 puts each record in a PersonStore and in three blocks: given name + date of birth, family +
// given name + year of birth, family name + date of birth (so a typo in one name, a dropped middle
// name, or a wrong digit or swapped day in the date still meets its record). Pass 2 holds each reference row
// whose key no record has against the records of its blocks. The prior is one record in the
// records checked: λ = 1 / records, so the match probability says how likely this record, among
// all of them, is the reference person.

import { civilFromDays } from '../shared/dates.js';
import { grown } from '../shared/grow.js';
import { DEFAULT_PARAMS, MatchModel, probabilityOf } from '../dedupe/same-person/model.js';
import { FLAG_PLAIN_NAME, NameParser, NO_DAY, PersonStore, SEX_FEMALE, SEX_MALE, SEX_UNKNOWN, type PersonInput } from '../dedupe/same-person/records.js';
import { parseSex } from '../vn/personal-id.js';

/** Records compared per reference row at most (a block of a very common name and birthday). */
const MAX_BLOCK = 200;

function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** An Int32Array that grows as it is written. */
class Int32List {
  data = new Int32Array(1024);

  set(i: number, value: number): void {
    if (i >= this.data.length) this.data = grown(this.data, Math.max(i + 1, this.data.length * 2));
    this.data[i] = value;
  }

  get(i: number): number {
    return i < this.data.length ? this.data[i]! : 0;
  }
}

/** Records in blocks: a block's key → its last record + 1, each record → the one before it + 1. */
class Blocks {
  private readonly heads = new Map<number, number>();
  private readonly previous = new Int32List();

  add(key: number, i: number): void {
    this.previous.set(i, this.heads.get(key) ?? 0);
    this.heads.set(key, i + 1);
  }

  /** Calls `visit` with each record of the block, the last added first, until it returns false. */
  each(key: number, visit: (i: number) => boolean): void {
    for (let i = (this.heads.get(key) ?? 0) - 1; i >= 0; i = this.previous.get(i) - 1) if (!visit(i)) return;
  }
}

export class PersonLinker {
  private readonly store = new PersonStore();
  private readonly names = new NameParser(this.store.names, 'family-first');
  /** Each record's ordinal, by store index. */
  private readonly ordinalOf = new Int32List();
  private readonly byBirthday = new Blocks();
  private readonly byYear = new Blocks();
  private readonly byFamily = new Blocks();
  private model: MatchModel | null = null;
  private records = 0;
  private readonly seen = new Set<number>();
  private readonly input: PersonInput = { file: 0, row: 0, line: 0, family: 0, middle: 0, given: 0, flags: 0, dob: 0, sex: SEX_UNKNOWN, id: NaN, idLength: 0, place: 0, phone: NaN, updated: NO_DAY };

  /** Pass 1: a record with its name, date of birth (day number or null) and sex. */
  add(ordinal: number, name: string, day: number | null, sex: string): void {
    if (this.model || !this.read(name, day, sex)) return;
    const i = this.store.size;
    this.store.add(this.input);
    this.ordinalOf.set(i, ordinal);
    this.records++;
    const [birthday, year, family] = this.blocks();
    this.byBirthday.add(birthday, i);
    this.byYear.add(year, i);
    this.byFamily.add(family, i);
  }

  /**
   * Pass 2: the records a reference row may be, those whose match probability reaches `threshold`,
   * best first. `visit` gets each record's ordinal and probability.
   */
  link(name: string, day: number | null, sex: string, threshold: number, visit: (ordinal: number, probability: number) => void): void {
    if (this.records === 0 || !this.read(name, day, sex)) return;
    // Built once, when pass 2 starts: the records' names give the term frequencies.
    const model = (this.model ??= new MatchModel(this.store, DEFAULT_PARAMS, 1 / Math.max(2, this.records)));
    const probe = this.store.size;
    this.store.add(this.input);
    try {
      const [birthday, year, family] = this.blocks();
      const seen = this.seen;
      seen.clear();
      const found: [number, number][] = [];
      const consider = (i: number): boolean => {
        if (seen.size >= MAX_BLOCK) return false;
        if (seen.has(i)) return true;
        seen.add(i);
        // The record first: term frequencies are read from its names.
        const probability = probabilityOf(model.weight(i, probe));
        if (probability >= threshold) found.push([this.ordinalOf.get(i), probability]);
        return true;
      };
      this.byBirthday.each(birthday, consider);
      this.byYear.each(year, consider);
      this.byFamily.each(family, consider);
      found.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      for (const [ordinal, probability] of found) visit(ordinal, probability);
    } finally {
      this.store.size = probe;
    }
  }

  /** Reads a person into `input`; false when there is no name or no date of birth to block on. */
  private read(name: string, day: number | null, sex: string): boolean {
    if (day === null) return false;
    const parsed = this.names.parse(name);
    if (!parsed || parsed.given === 0) return false;
    const [y, m, d] = civilFromDays(day);
    const input = this.input;
    input.family = parsed.family;
    input.middle = parsed.middle;
    input.given = parsed.given;
    input.flags = parsed.plain ? FLAG_PLAIN_NAME : 0;
    input.dob = y * 10_000 + m * 100 + d;
    const s = sex.trim() === '' ? null : parseSex(sex);
    input.sex = s === 'male' ? SEX_MALE : s === 'female' ? SEX_FEMALE : SEX_UNKNOWN;
    return true;
  }

  /** The blocks of the person in `input`: folded given name + date of birth, family + given name + year, family name + date of birth. */
  private blocks(): [number, number, number] {
    const { folded, foldedOf } = this.store.names;
    const given = folded[foldedOf[this.input.given]!]!;
    const family = this.input.family === 0 ? '' : folded[foldedOf[this.input.family]!]!;
    const dob = this.input.dob;
    return [hashText(`${given}|${dob}`), hashText(`${family} ${given}|${Math.floor(dob / 10_000)}`), hashText(`${family}||${dob}`)];
  }
}
