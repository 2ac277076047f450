// Columns a same-person rule compares besides the person fields it knows (names, date of birth, sex,
// ID, place, phone): any other column, with a comparator named in the pack (`options.compare`). Each
// becomes one more field of the comparison vector, with the levels of its comparator, and its m and u
// are learnt like every other field's. Values are read once per record into numbers (an interned
// folded text, a number, a yyyymmdd date), so comparing a pair makes no string; the level of two
// different texts is memoised per pair of interned ids.

import { grownShared } from '../../shared/grow.js';
import { foldText } from '../../vn/fold.js';
import { jaroWinkler, PairMemo } from './similarity.js';

export const COMPARATORS = ['exact', 'edit-distance', 'jaro-winkler', 'numeric', 'date'] as const;
export type Comparator = (typeof COMPARATORS)[number];

/** Most extra fields a rule may compare (a comparison vector packs 3 bits a field into 48 bits). */
export const MAX_EXTRA_FIELDS = 8;

/** Each comparator's levels after level 0 (missing on either side), strongest agreement first. */
export const COMPARATOR_LEVELS: Readonly<Record<Comparator, readonly string[]>> = {
  exact: ['exact', 'different'],
  'edit-distance': ['exact', 'one-edit', 'two-edits', 'different'],
  'jaro-winkler': ['exact', 'very-similar', 'similar', 'different'],
  numeric: ['exact', 'close', 'different'],
  date: ['exact', 'swapped', 'one-digit', 'one-digit-decade', 'same-year', 'different'],
};

/** Jaro–Winkler similarity from which two texts are "very similar" and "similar" (Splink's usual cut-offs). */
export const JW_VERY_SIMILAR = 0.92;
export const JW_SIMILAR = 0.8;
/** `numeric` without a tolerance: values within this share of the larger one are close. */
export const DEFAULT_RELATIVE_TOLERANCE = 0.05;

/** One extra field as the rule declares it, its column resolved. */
export interface ExtraFieldSpec {
  /** The rule column's field name: the field's name in explanations and in the model file. */
  name: string;
  comparator: Comparator;
  /** `numeric`: the largest difference still "close" (absolute); by default 5% of the larger value. */
  tolerance?: number;
}

/**
 * Built-in m and u of each comparator's levels (level 0 first, unused): the starting point of
 * estimation and its Dirichlet prior. They only set an order of magnitude: m from a few hundred
 * candidate pairs and u from the random pairs replace them on any file of a few thousand rows.
 */
export const COMPARATOR_DEFAULTS: Readonly<Record<Comparator, { m: readonly number[]; u: readonly number[] }>> = {
  exact: { m: [1, 0.9, 0.1], u: [1, 0.1, 0.9] },
  'edit-distance': { m: [1, 0.8, 0.1, 0.04, 0.06], u: [1, 0.05, 0.01, 0.01, 0.93] },
  'jaro-winkler': { m: [1, 0.8, 0.1, 0.04, 0.06], u: [1, 0.05, 0.01, 0.04, 0.9] },
  numeric: { m: [1, 0.8, 0.15, 0.05], u: [1, 0.05, 0.1, 0.85] },
  date: { m: [1, 0.8, 0.03, 0.1, 0.02, 0.02, 0.03], u: [1, 1e-4, 1e-5, 1e-3, 2e-4, 0.01, 0.9887] },
};

/** Level numbers shared by the text comparators. */
const EXACT = 1;
const TEXT_MISSING = 0;
/** Memo entries before a memo is cleared. */
const MEMO_CAP = 1 << 18;

/** Folded text of a cell, for the text comparators: case, diacritics and spacing do not count. */
export function foldForCompare(text: string): string {
  return foldText(text);
}

/**
 * Levenshtein distance with adjacent transpositions (optimal string alignment), counted only up to
 * `limit`: any larger distance returns limit + 1. Two rows of the table, no allocation per call
 * beyond them.
 */
export function boundedEditDistance(a: string, b: string, limit: number): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > limit) return limit + 1;
  let before = new Int32Array(lb + 1);
  let previous = new Int32Array(lb + 1);
  let current = new Int32Array(lb + 1);
  for (let j = 0; j <= lb; j++) previous[j] = j;
  for (let i = 1; i <= la; i++) {
    current[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) d = Math.min(d, before[j - 2]! + 1);
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[lb]!, limit + 1);
}

/** The level of two different, non-empty folded texts under a text comparator. */
export function textLevel(comparator: 'exact' | 'edit-distance' | 'jaro-winkler', x: string, y: string): number {
  if (x === y) return EXACT;
  if (comparator === 'exact') return 2;
  if (comparator === 'edit-distance') {
    const d = boundedEditDistance(x, y, 2);
    return d === 1 ? 2 : d === 2 ? 3 : 4;
  }
  const jw = jaroWinkler(x, y);
  return jw >= JW_VERY_SIMILAR ? 2 : jw >= JW_SIMILAR ? 3 : 4;
}

/** The level of two numbers under `numeric` (NaN: missing). */
export function numericLevel(x: number, y: number, tolerance: number | undefined): number {
  if (Number.isNaN(x) || Number.isNaN(y)) return 0;
  if (x === y) return EXACT;
  const limit = tolerance ?? DEFAULT_RELATIVE_TOLERANCE * Math.max(Math.abs(x), Math.abs(y));
  return Math.abs(x - y) <= limit ? 2 : 3;
}

/** A number as a steward types it: '1,234.5', '1.234,5', '1 234', '42'. NaN when it is none. */
export function readNumber(text: string): number {
  let t = text.trim().replace(/[\s\u00a0]/g, '');
  if (t === '') return NaN;
  const comma = t.lastIndexOf(',');
  const dot = t.lastIndexOf('.');
  // The later of ',' and '.' is the decimal mark when both occur; a lone ',' is one too
  // (Vietnamese writes 1,5), unless it groups thousands exactly ('1,234').
  if (comma >= 0 && dot >= 0) t = comma > dot ? t.replace(/\./g, '').replace(',', '.') : t.replace(/,/g, '');
  else if (comma >= 0) t = /^-?\d{1,3}(,\d{3})+$/.test(t) ? t.replace(/,/g, '') : t.replace(',', '.');
  return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(t) ? Number(t) : NaN;
}

export interface ExtraSnapshot {
  specs: readonly ExtraFieldSpec[];
  columns: Float64Array[];
  texts: string[][];
  size: number;
}

/**
 * The values of the extra fields of every record (one array per field, a record's value at its
 * index): an interned folded text's id (0 blank), a number (NaN blank) or yyyymmdd (0 blank).
 */
export class ExtraValues {
  readonly columns: Float64Array[];
  private readonly ids: Map<string, number>[];
  /** Interned folded texts per field (id 0 is blank). */
  readonly texts: string[][];
  size = 0;

  constructor(readonly specs: readonly ExtraFieldSpec[]) {
    this.columns = specs.map(() => new Float64Array(0));
    this.ids = specs.map(() => new Map<string, number>([['', 0]]));
    this.texts = specs.map(() => ['']);
  }

  /** Appends a record's values (`values[e]` as `set` returned them); grows by 1.5× like PersonStore. */
  add(values: ArrayLike<number>): void {
    if (this.specs.length === 0) return;
    if (this.size === this.columns[0]!.length) {
      const capacity = Math.max(1024, Math.ceil(this.size * 1.5));
      for (let e = 0; e < this.columns.length; e++) this.columns[e] = grownShared(this.columns[e]!, Float64Array, capacity);
    }
    for (let e = 0; e < this.columns.length; e++) this.columns[e]![this.size] = values[e]!;
    this.size++;
  }

  /** The columns (shared memory) and interned texts, for another thread (no interning there). */
  snapshot(): ExtraSnapshot {
    return { specs: this.specs, columns: this.columns, texts: this.texts, size: this.size };
  }

  restore(snapshot: ExtraSnapshot): void {
    this.columns.splice(0, this.columns.length, ...snapshot.columns);
    this.texts.splice(0, this.texts.length, ...snapshot.texts);
    this.size = snapshot.size;
  }

  /** A text value of field e as its interned id (0 when blank after folding). */
  intern(e: number, text: string): number {
    const folded = foldForCompare(text);
    if (folded === '') return 0;
    const ids = this.ids[e]!;
    let id = ids.get(folded);
    if (id === undefined) {
      id = this.texts[e]!.length;
      ids.set(folded, id);
      this.texts[e]!.push(folded);
    }
    return id;
  }
}

/** Compares the extra fields of two records into the levels after the person fields. */
export class ExtraComparer {
  private readonly memos: PairMemo[];

  constructor(
    private readonly values: ExtraValues,
    private readonly dateLevel: (a: number, b: number) => number,
  ) {
    this.memos = values.specs.map(() => new PairMemo(MEMO_CAP));
  }

  get count(): number {
    return this.values.specs.length;
  }

  /** Writes field e's level of records a and b at levels[offset + e], for every e. */
  fill(a: number, b: number, levels: Uint8Array, offset: number): void {
    const v = this.values;
    for (let e = 0; e < v.specs.length; e++) {
      const column = v.columns[e]!;
      const x = column[a]!;
      const y = column[b]!;
      const spec = v.specs[e]!;
      let level: number;
      if (spec.comparator === 'numeric') level = numericLevel(x, y, spec.tolerance);
      else if (x === 0 || y === 0) level = TEXT_MISSING;
      else if (spec.comparator === 'date') level = this.dateLevel(x, y);
      else if (x === y) level = EXACT;
      else level = this.textPair(e, spec.comparator, x, y);
      levels[offset + e] = level;
    }
  }

  private textPair(e: number, comparator: 'exact' | 'edit-distance' | 'jaro-winkler', x: number, y: number): number {
    const memo = this.memos[e]!;
    const known = memo.get(x, y);
    if (known >= 0) return known;
    const texts = this.values.texts[e]!;
    const level = textLevel(comparator, texts[x]!, texts[y]!);
    memo.set(x, y, level);
    return level;
  }
}
