// What same-person matching keeps of each row: numbers in growable typed arrays, names as ids of
// interned syllables. No row text is kept.
//
// Bytes per row: file 2 + row 4 + line 4 + family 4 + middle 4 + given 4 + date of birth 4 + flags 1 +
// sex 1 + ID 8 + ID length 1 + place 4 + phone 8 + last update 4 = 53, times ≤ 1.5 while an array
// grows; at end() union-find adds 8 and a blocking pass 8. About 70 bytes per row at the peak:
// ~0.7 GB for 10 million rows. The intern tables grow with distinct syllables and places (a few
// thousand) and distinct chữ đệm sequences (tens of thousands), not with rows.

import { ByteMemo } from '../../shared/byte-memo.js';
import { grownShared } from '../../shared/grow.js';
import { isStandardSyllable } from '../../vn/names.js';
import { ExtraValues, type ExtraFieldSpec, type ExtraSnapshot } from './extra-fields.js';
import { foldWord, toneNeutralKey } from './similarity.js';

/** Interned strings with a folded twin: id 0 is the empty string. */
export class TokenTable {
  private readonly ids = new Map<string, number>([['', 0]]);
  readonly keys: string[] = [''];
  /** Folded form of each token (ids into `folded`). */
  readonly foldedOf: number[] = [0];
  private readonly foldedIds = new Map<string, number>([['', 0]]);
  readonly folded: string[] = [''];
  /** Per token: every word of it is a standard Vietnamese syllable (as first seen). */
  readonly standard: boolean[] = [true];

  /**
   * A table as another thread needs it to compare names: folded forms and standard flags (no
   * interning, no keys).
   */
  static comparing(foldedOf: readonly number[], folded: readonly string[], standard: readonly boolean[]): TokenTable {
    const table = new TokenTable();
    // One at a time: a register's tokens can be far more than a call's arguments (push(...) throws).
    for (let id = 1; id < foldedOf.length; id++) {
      table.foldedOf.push(foldedOf[id]!);
      table.standard.push(standard[id]!);
    }
    for (let f = 1; f < folded.length; f++) table.folded.push(folded[f]!);
    return table;
  }

  intern(key: string, foldedKey: string, standard = true): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.ids.set(key, id);
      this.keys.push(key);
      this.standard.push(standard);
      let f = this.foldedIds.get(foldedKey);
      if (f === undefined) {
        f = this.folded.length;
        this.foldedIds.set(foldedKey, f);
        this.folded.push(foldedKey);
      }
      this.foldedOf.push(f);
    }
    return id;
  }
}

export const SEX_UNKNOWN = 0;
export const SEX_MALE = 1;
export const SEX_FEMALE = 2;

/** Flag: the name has no diacritic at all (typed without them). */
export const FLAG_PLAIN_NAME = 1;
/** Flag: the date of birth only read with day and month exchanged. */
export const FLAG_DOB_SWAPPED = 2;

/** ID length that marks an ID kept as a hash (letters or more than 15 digits): equality only. */
export const ID_HASHED = 255;
export const NO_DAY = -2_147_483_648;

export interface PersonInput {
  /** Index into PersonStore.files. */
  file: number;
  row: number;
  line: number;
  family: number;
  middle: number;
  given: number;
  flags: number;
  /** yyyymmdd, 0 when blank or unreadable. */
  dob: number;
  sex: number;
  /** NaN when blank. */
  id: number;
  idLength: number;
  place: number;
  /** NaN when blank. */
  phone: number;
  /** Day number, NO_DAY when blank or unreadable. */
  updated: number;
}

export class PersonStore {
  size = 0;
  /** Input files in the order they were read. */
  readonly files: string[] = [];
  file = new Uint16Array(0);
  row = new Uint32Array(0);
  line = new Uint32Array(0);
  family = new Int32Array(0);
  middle = new Int32Array(0);
  given = new Int32Array(0);
  dob = new Int32Array(0);
  flags = new Uint8Array(0);
  sex = new Uint8Array(0);
  id = new Float64Array(0);
  idLength = new Uint8Array(0);
  place = new Int32Array(0);
  phone = new Float64Array(0);
  updated = new Int32Array(0);

  /** Places of birth registration (folded). */
  readonly places = new TokenTable();
  /** The rule's extra columns (options.compare), filled by the rule beside `add`. */
  readonly extras: ExtraValues;

  /** Name syllables and chữ đệm sequences. */
  readonly names: TokenTable;

  constructor(extraFields: readonly ExtraFieldSpec[] = [], names = new TokenTable()) {
    this.extras = new ExtraValues(extraFields);
    this.names = names;
  }

  add(p: PersonInput): void {
    if (this.size === this.row.length) this.grow();
    const i = this.size++;
    this.file[i] = p.file;
    this.row[i] = p.row;
    this.line[i] = p.line;
    this.family[i] = p.family;
    this.middle[i] = p.middle;
    this.given[i] = p.given;
    this.dob[i] = p.dob;
    this.flags[i] = p.flags;
    this.sex[i] = p.sex;
    this.id[i] = p.id;
    this.idLength[i] = p.idLength;
    this.place[i] = p.place;
    this.phone[i] = p.phone;
    this.updated[i] = p.updated;
  }

  /** The index of a file name in `files`, added when new. */
  fileIndex(file: string): number {
    const last = this.files.length - 1;
    if (last >= 0 && this.files[last] === file) return last;
    const found = this.files.indexOf(file);
    if (found >= 0) return found;
    this.files.push(file);
    return this.files.length - 1;
  }

  /** Where record i is, for context.reportAt. */
  location(i: number): { file: string; row: number; line: number } {
    return { file: this.files[this.file[i]!]!, row: this.row[i]!, line: this.line[i]! };
  }

  /** How many of the compared fields the record has (name, date of birth, sex, ID, place, phone). */
  completeness(i: number): number {
    return (
      (this.given[i] !== 0 || this.family[i] !== 0 ? 1 : 0) +
      (this.dob[i] !== 0 ? 1 : 0) +
      (this.sex[i] !== SEX_UNKNOWN ? 1 : 0) +
      (Number.isNaN(this.id[i]) ? 0 : 1) +
      (this.place[i] !== 0 ? 1 : 0) +
      (Number.isNaN(this.phone[i]) ? 0 : 1)
    );
  }

  /** The folded name, for a finding's value ('nguyen van an'). */
  foldedName(i: number): string {
    const t = this.names;
    return [this.family[i]!, this.middle[i]!, this.given[i]!]
      .map((id) => t.folded[t.foldedOf[id]!]!)
      .filter((s) => s !== '')
      .join(' ');
  }

  /**
   * What another thread needs to block and compare these records (pair-worker.ts): the compared
   * columns are on shared memory, so they cross without a copy; the name tables are copied.
   */
  comparingSnapshot(): PersonSnapshot {
    const t = this.names;
    return {
      size: this.size,
      columns: { family: this.family, middle: this.middle, given: this.given, dob: this.dob, flags: this.flags, sex: this.sex, id: this.id, idLength: this.idLength, place: this.place, phone: this.phone },
      names: { foldedOf: t.foldedOf, folded: t.folded, standard: t.standard },
      extras: this.extras.snapshot(),
    };
  }

  /** Records to compare on another thread, from `comparingSnapshot` (no file, row or update day). */
  static comparing(snapshot: PersonSnapshot): PersonStore {
    const store = new PersonStore(snapshot.extras.specs, TokenTable.comparing(snapshot.names.foldedOf, snapshot.names.folded, snapshot.names.standard));
    Object.assign(store, snapshot.columns);
    store.size = snapshot.size;
    store.extras.restore(snapshot.extras);
    return store;
  }

  private grow(): void {
    // 1.5× keeps the transient copy small next to doubling at national scale. Shared memory, so that
    // another thread can compare the records without a copy of them.
    const capacity = Math.max(1024, Math.ceil(this.row.length * 1.5));
    this.file = grownShared(this.file, Uint16Array, capacity);
    this.row = grownShared(this.row, Uint32Array, capacity);
    this.line = grownShared(this.line, Uint32Array, capacity);
    this.family = grownShared(this.family, Int32Array, capacity);
    this.middle = grownShared(this.middle, Int32Array, capacity);
    this.given = grownShared(this.given, Int32Array, capacity);
    this.dob = grownShared(this.dob, Int32Array, capacity);
    this.flags = grownShared(this.flags, Uint8Array, capacity);
    this.sex = grownShared(this.sex, Uint8Array, capacity);
    this.id = grownShared(this.id, Float64Array, capacity);
    this.idLength = grownShared(this.idLength, Uint8Array, capacity);
    this.place = grownShared(this.place, Int32Array, capacity);
    this.phone = grownShared(this.phone, Float64Array, capacity);
    this.updated = grownShared(this.updated, Int32Array, capacity);
  }
}

/** The compared columns of a PersonStore and its name tables, for another thread. */
export interface PersonSnapshot {
  size: number;
  columns: Pick<PersonStore, 'family' | 'middle' | 'given' | 'dob' | 'flags' | 'sex' | 'id' | 'idLength' | 'place' | 'phone'>;
  names: { foldedOf: readonly number[]; folded: readonly string[]; standard: readonly boolean[] };
  extras: ExtraSnapshot;
}

interface NameWord {
  key: string;
  folded: string;
  plain: boolean;
  standard: boolean;
  /** Its token in the table once interned as a one-word part (−1 before). */
  token: number;
}

/** Distinct name words a NameParser remembers before it starts again. */
const WORDS_REMEMBERED = 200_000;

const utf8 = new TextDecoder();

export type NameOrder = 'family-first' | 'given-first';

export interface ParsedName {
  readonly family: number;
  readonly middle: number;
  readonly given: number;
  readonly plain: boolean;
}

/**
 * Reads full names into interned parts. Words are cached (a register has a few thousand distinct
 * syllables), so folding and Unicode normalisation run once per distinct word, not per row.
 */
export class NameParser {
  private readonly wordCache = new Map<string, NameWord>();
  /** Words read from bytes (parseBytes): a word's bytes → its index here. */
  private readonly byteWordList: NameWord[] = [];
  private readonly byteWords = new ByteMemo(
    (bytes, start, end) => {
      this.byteWordList.push(this.word(utf8.decode(bytes.subarray(start, end))));
      return this.byteWordList.length - 1;
    },
    WORDS_REMEMBERED,
    () => {
      this.byteWordList.length = 0;
    },
  );
  private readonly scratch: NameWord[] = [];

  constructor(
    private readonly table: TokenTable,
    private readonly order: NameOrder,
  ) {}

  parse(text: string): ParsedName | null {
    const words: NameWord[] = [];
    for (const raw of text.split(/[\s\u00a0\u200b-\u200d\u2060\ufeff]+/)) {
      if (raw === '') continue;
      const word = this.word(raw);
      if (word.key !== '') words.push(word);
    }
    return this.nameOf(words);
  }

  /**
   * parse() of a cell's UTF-8 bytes whose words are parted by ASCII spaces and tabs: each word is
   * looked up by its bytes, so a word seen before makes no string. Undefined when the cell holds a
   * byte that may begin another kind of space (a control, U+0080–U+00BF, U+1680, U+2000–U+3000,
   * U+FEFF): then parse its text.
   */
  parseBytes(bytes: Uint8Array, start: number, end: number): ParsedName | null | undefined {
    const words = this.scratch;
    words.length = 0;
    for (let p = start; p < end; ) {
      const b = bytes[p]!;
      if (b === 0x20 || b === 0x09) {
        p++;
        continue;
      }
      let q = p;
      for (; q < end; q++) {
        const c = bytes[q]!;
        if (c === 0x20 || c === 0x09) break;
        if (c < 0x20 || c === 0xc2 || c === 0xe2 || c === 0xe3 || c === 0xef || (c === 0xe1 && bytes[q + 1] === 0x9a)) return undefined;
      }
      const word = this.byteWordList[this.byteWords.get(bytes, p, q)]!;
      if (word.key !== '') words.push(word);
      p = q;
    }
    return this.nameOf(words);
  }

  private nameOf(words: readonly NameWord[]): ParsedName | null {
    if (words.length === 0) return null;
    const familyAt = this.order === 'family-first' ? 0 : words.length - 1;
    const givenAt = this.order === 'family-first' ? words.length - 1 : 0;
    const given = words[givenAt]!;
    const family = words.length > 1 ? words[familyAt]! : null;
    let plain = true;
    for (const w of words) plain &&= w.plain;
    return {
      family: family ? this.tokenOf(family, true) : 0,
      middle: words.length < 3 ? 0 : words.length === 3 ? this.tokenOf(words[1]!, true) : this.middleOf(words.slice(1, -1)),
      given: this.tokenOf(given, given.standard),
      plain,
    };
  }

  /** A one-word part's token, interned once per word (the id depends on the word's key alone). */
  private tokenOf(word: NameWord, standard: boolean): number {
    if (word.token < 0) word.token = this.table.intern(word.key, word.folded, standard);
    return word.token;
  }

  private middleOf(words: readonly NameWord[]): number {
    return this.table.intern(words.map((w) => w.key).join(' '), words.map((w) => w.folded).join(' '));
  }

  /**
   * A name held in separate columns (family, middle, given; any may be blank). A given-name cell of
   * several words ('mary ann') gives its first word as the given name and the rest as the middle
   * name when there is no middle-name column. Null when every part is blank.
   */
  parseParts(familyText: string, middleText: string, givenText: string, hasMiddle: boolean): ParsedName | null {
    const family = this.words(familyText);
    let middle = this.words(middleText);
    let given = this.words(givenText);
    if (!hasMiddle && given.length > 1) {
      middle = given.slice(1);
      given = given.slice(0, 1);
    }
    if (family.length === 0 && given.length === 0 && middle.length === 0) return null;
    const part = (words: NameWord[], standard = true) =>
      words.length === 0 ? 0 : this.table.intern(words.map((w) => w.key).join(' '), words.map((w) => w.folded).join(' '), standard);
    return {
      family: part(family),
      middle: part(middle),
      given: part(given, given.length === 1 && given[0]!.standard),
      plain: [...family, ...middle, ...given].every((w) => w.plain),
    };
  }

  private words(text: string): NameWord[] {
    const words: NameWord[] = [];
    for (const raw of text.split(/[\s\u00a0\u200b-\u200d\u2060\ufeff]+/)) {
      if (raw === '') continue;
      const word = this.word(raw);
      if (word.key !== '') words.push(word);
    }
    return words;
  }

  private word(raw: string): NameWord {
    let word = this.wordCache.get(raw);
    if (!word) {
      const folded = foldWord(raw);
      const key = toneNeutralKey(raw);
      word = { key: folded === '' ? '' : key, folded, plain: key === folded, standard: isStandardSyllable(raw), token: -1 };
      if (this.wordCache.size >= WORDS_REMEMBERED) this.wordCache.clear();
      this.wordCache.set(raw, word);
    }
    return word;
  }
}
