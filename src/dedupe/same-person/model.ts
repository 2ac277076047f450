// A Fellegi–Sunter model of "these two records are one person" (Fellegi & Sunter 1969; as Splink
// and fastLink use it). For each field f and each agreement level k: m = P(level k | same person),
// u = P(level k | two different people). A pair's match weight is
//
//   W = log2(λ / (1 − λ)) + Σ_f log2(m_f,k / u_f,k)   (+ a term-frequency adjustment for names)
//
// with λ the prior: the probability that two records drawn at random are one person. Its match
// probability is 2^W / (1 + 2^W). Level 0 (missing on either side) adds nothing.
//
// Term frequencies (Splink's way): when two records agree on a name part, the u of that agreement is
// replaced by the share of records bearing that very value, so Nguyễn (~38% of family names) counts
// less than an average family name and a rare given name counts more. The frequencies are smoothed
// toward the average (ALPHA_TF pseudo-records), so a small file gets almost no adjustment.

import { F_FAMILY, F_GIVEN, F_MIDDLE, FIELDS, fieldsOf, LEVELS, NAME_AGREES_UP_TO, NAME_EXACT, NAME_UNACCENTED, PairComparer, type FieldInfo } from './comparisons.js';
import { COMPARATOR_DEFAULTS, COMPARATORS, type Comparator, type ExtraFieldSpec } from './extra-fields.js';
import type { PersonStore } from './records.js';

/** Name fields with term-frequency adjustment. */
export const TF_FIELDS = ['given', 'family', 'middle'] as const;
export type TfField = (typeof TF_FIELDS)[number];
const TF_FIELD_INDEX: Readonly<Record<TfField, number>> = { given: F_GIVEN, family: F_FAMILY, middle: F_MIDDLE };

/** The smallest probability a level may get: nothing is impossible. */
export const PROBABILITY_FLOOR = 1e-9;
/** Pseudo-records pulling a name's frequency toward the average. */
const ALPHA_TF = 200;
/** A term-frequency adjustment is kept within ±this many bits. */
const TF_LIMIT = 10;

/** What a model file holds besides its parameters: how they were estimated. */
export interface EstimationNotes {
  random_pairs: number;
  sessions: { blocking: string; pairs: number; sampled: number; patterns: number; iterations: number; lambda: number; fields: string[] }[];
  /** Fields whose m stayed at the built-in value (no session could estimate them). */
  default_m: string[];
}

/** The parameters: m and u by field and level (index 0, missing, unused), the prior, name frequencies. */
export interface ModelParams {
  prior: number;
  /** Rows the prior was estimated on (the prior is rescaled to another file's size). */
  rows: number;
  m: number[][];
  u: number[][];
  /** Share of records bearing each folded value of a name part. */
  tf?: Partial<Record<TfField, Record<string, number>>>;
  estimated?: EstimationNotes;
}

export const MODEL_FORMAT = 'dqc-same-person-model';

/** A copy of the arrays, normalised, every level at least PROBABILITY_FLOOR. */
export function normalised(levels: readonly number[]): number[] {
  const out = levels.slice();
  let sum = 0;
  for (let k = 1; k < out.length; k++) {
    out[k] = Math.max(PROBABILITY_FLOOR, out[k]!);
    sum += out[k]!;
  }
  for (let k = 1; k < out.length; k++) out[k] = out[k]! / sum;
  out[0] = 1;
  return out;
}

/**
 * Built-in parameters, used where a file is too small to estimate them and as the Dirichlet prior of
 * estimation (m) and the pseudo-counts of u. u and the agreeing levels of m are what
 * `bench/dedupe-quality.ts --people 200000` learnt on the generated register (2026-12-07), rounded;
 * the disagreeing levels of m are raised above what the generator plants (it never changes a
 * person's sex, family name or place), to what a real register's clerical errors might give, and the
 * u of "equal without diacritics" set so that it weighs what "equal" does (the generator spells only
 * duplicates without diacritics, so there a plain record is itself a sign of a duplicate; in a
 * register typed partly on systems without Vietnamese input it is not), and the
 * date-of-birth slips lowered to such rates (the generator plants a wrong digit in 27% of its
 * duplicates; a built-in 7% keeps "same name, birthday one digit off, nothing else" below the
 * threshold in a small file, where such pairs are as often two people). Only
 * their order of magnitude matters once a file has a few thousand rows.
 */
export const DEFAULT_PARAMS: Readonly<ModelParams> = {
  prior: 1e-5,
  rows: 20_000,
  m: [
    normalised([1, 0.7, 0.08, 0.01, 0.15, 0.005, 0.03, 0.025]),
    normalised([1, 0.85, 0.13, 0.005, 0.005, 0.005, 0.005]),
    normalised([1, 0.64, 0.09, 0.005, 0.25, 0.005, 0.01]),
    normalised([1, 0.85, 0.03, 0.07, 0.01, 0.01, 0.03]),
    normalised([1, 0.998, 0.002]),
    normalised([1, 0.6, 0.398, 0.002]),
    normalised([1, 0.97, 0.03]),
    normalised([1, 0.7, 0.3]),
  ],
  u: [
    normalised([1, 0.0102, 0.00117, 0.0014, 0.0132, 1e-5, 0.0109, 0.963]),
    normalised([1, 0.158, 0.024, 0.00013, 0.002, 0.0064, 0.8093]),
    normalised([1, 0.0863, 0.0121, 0.00085, 0.0659, 0.002, 0.8327]),
    normalised([1, 4.5e-5, 8e-6, 8.7e-4, 1.4e-4, 0.0117, 0.9872]),
    normalised([1, 0.5, 0.5]),
    normalised([1, 1e-7, 1e-6, 0.9999989]),
    normalised([1, 0.03, 0.97]),
    normalised([1, 1e-5, 0.99999]),
  ],
};

/** The built-in parameters of a rule with extra columns: DEFAULT_PARAMS, then each comparator's defaults. */
export function defaultParamsFor(extras: readonly ExtraFieldSpec[]): ModelParams {
  return {
    ...DEFAULT_PARAMS,
    m: [...DEFAULT_PARAMS.m, ...extras.map((e) => normalised([...COMPARATOR_DEFAULTS[e.comparator].m]))],
    u: [...DEFAULT_PARAMS.u, ...extras.map((e) => normalised([...COMPARATOR_DEFAULTS[e.comparator].u]))],
  };
}

/** Duplicates per record assumed where the prior cannot be estimated. */
export const DEFAULT_DUPLICATE_SHARE = 0.05;
/**
 * Where the prior cannot be estimated (too few candidate pairs), a file is taken as a sample of a
 * register of at least this many rows (a commune): two records of a 10-row extract that share a
 * name and a birthday are no likelier one person than in the commune's register they come from.
 */
export const DEFAULT_PRIOR_ROWS = 10_000;

/** The prior for a file of `rows` rows when nothing better is known. */
export function defaultPrior(rows: number): number {
  return clampPrior((2 * DEFAULT_DUPLICATE_SHARE) / (Math.max(rows, DEFAULT_PRIOR_ROWS) - 1));
}

export function clampPrior(lambda: number): number {
  return Math.min(0.5, Math.max(1e-15, lambda));
}

export function log2Odds(p: number): number {
  return Math.log2(p / (1 - p));
}

export function probabilityOf(weight: number): number {
  return 1 / (1 + 2 ** -weight);
}

/** The probability rounded to two decimals, as reported and compared with the thresholds. */
export function roundedProbability(weight: number): number {
  return Math.round(probabilityOf(weight) * 100) / 100;
}

/** The smallest weight whose rounded probability reaches `threshold`. */
export function weightThreshold(threshold: number): number {
  const p = threshold - 0.005;
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  return log2Odds(p);
}

/** One term of a pair's match weight: a field's level and the weight it added. */
export interface WeightTerm {
  /** A person field (comparisons.ts FIELDS) or, with `comparator`, an extra column's field name. */
  field: string;
  comparator?: Comparator;
  level: number;
  weight: number;
  /** The name's frequency moved the weight: 'common' or 'rare' (|adjustment| ≥ 1 bit). */
  frequency?: 'common' | 'rare';
  /** Both records have the field, but it was not compared (the given names differ). */
  notCompared?: boolean;
}

/** The model bound to one register: weights by field and level, term frequencies by token. */
export class MatchModel {
  readonly comparer: PairComparer;
  /** The fields of a comparison vector, extra columns last. */
  readonly fields: readonly FieldInfo[];
  /** log2(m/u) per field, per level (0 at level 0). */
  readonly weights: Float64Array[];
  readonly priorWeight: number;
  /** Per name field: the term-frequency adjustment of each folded token id, in bits. */
  readonly tfAdjust: Float64Array[];

  constructor(
    private readonly s: PersonStore,
    readonly params: ModelParams,
    readonly prior: number,
  ) {
    this.comparer = new PairComparer(s);
    this.fields = fieldsOf(s.extras.specs);
    this.weights = this.fields.map((_, f) => Float64Array.from(levelWeights(params, f)));
    this.priorWeight = log2Odds(prior);
    this.tfAdjust = TF_FIELDS.map((field) => this.tfTable(field));
  }

  /** The match weight of records a and b. */
  weight(a: number, b: number): number {
    const levels = this.comparer.levels;
    this.comparer.fill(a, b);
    const w = this.weights;
    let total = this.priorWeight;
    for (let f = 0; f < levels.length; f++) total += w[f]![levels[f]!]!;
    const s = this.s;
    const foldedOf = s.names.foldedOf;
    const lg = levels[F_GIVEN]!;
    if (lg >= 1 && lg <= NAME_AGREES_UP_TO) total += this.tfAdjust[0]![foldedOf[s.given[a]!]!]!;
    const lf = levels[F_FAMILY]!;
    if (lf >= 1 && lf <= NAME_AGREES_UP_TO) total += this.tfAdjust[1]![foldedOf[s.family[a]!]!]!;
    const lm = levels[F_MIDDLE]!;
    if (lm >= 1 && lm <= NAME_AGREES_UP_TO) total += this.tfAdjust[2]![foldedOf[s.middle[a]!]!]!;
    return total;
  }

  /** The terms of a pair's weight, field by field (the prior apart). */
  terms(a: number, b: number): WeightTerm[] {
    this.comparer.fill(a, b);
    const levels = this.comparer.levels;
    const s = this.s;
    const foldedOf = s.names.foldedOf;
    const parts = [s.given, s.family, s.middle];
    return this.fields.map(({ name: field, comparator }, f) => {
      const level = levels[f]!;
      let weight = this.weights[f]![level]!;
      let frequency: WeightTerm['frequency'];
      if (f <= F_MIDDLE && level >= 1 && level <= NAME_AGREES_UP_TO) {
        const adjust = this.tfAdjust[f]![foldedOf[parts[f]![a]!]!]!;
        weight += adjust;
        if (adjust <= -1) frequency = 'common';
        else if (adjust >= 1) frequency = 'rare';
      }
      const notCompared = (this.comparer.notCompared & (1 << f)) !== 0;
      return { field, ...(comparator && { comparator }), level, weight, ...(frequency && { frequency }), ...(notCompared && { notCompared }) };
    });
  }

  /**
   * log2(u_agree / tf(v)) for each folded token: u_agree is the model's u of "same name" (levels
   * 1–3), tf(v) the token's share of the records that have this name part (from the model file when
   * it has the token, else this register's, smoothed toward u_agree).
   */
  private tfTable(field: TfField): Float64Array {
    const s = this.s;
    const f = TF_FIELD_INDEX[field];
    const table = new Float64Array(s.names.folded.length);
    const u = this.params.u[f]!;
    let uAgree = 0;
    for (let k = 1; k <= NAME_AGREES_UP_TO; k++) uAgree += u[k]!;
    const counts = nameCounts(s, field);
    let total = 0;
    for (let v = 1; v < counts.length; v++) total += counts[v]!;
    const saved = this.params.tf?.[field];
    for (let v = 1; v < table.length; v++) {
      const known = saved?.[s.names.folded[v]!];
      const tf = known !== undefined && known > 0 ? known : (counts[v]! + ALPHA_TF * uAgree) / (total + ALPHA_TF);
      table[v] = Math.max(-TF_LIMIT, Math.min(TF_LIMIT, Math.log2(uAgree / tf)));
    }
    return table;
  }
}

/**
 * log2(m/u) of each level of field f (0 at level 0), except that a name part spelt alike and one
 * agreeing only once the diacritics are left out weigh the same: log2((m₁ + m₂) / (u₁ + u₂)), what
 * "the same name" is worth. Whether a record is written without diacritics is a property of the
 * record (of the system that typed it), the same for its three name parts, not evidence that two
 * records are one person: weighed level by level it added 6 bits to every pair with a plain record,
 * the wrong pairs too, and took 2 bits from the same name spelt alike.
 */
export function levelWeights(params: Pick<ModelParams, 'm' | 'u'>, f: number): number[] {
  const m = params.m[f]!;
  const u = params.u[f]!;
  const w = m.map((x, k) => (k === 0 ? 0 : Math.log2(x / u[k]!)));
  if (f <= F_MIDDLE) {
    const same = Math.log2((m[NAME_EXACT]! + m[NAME_UNACCENTED]!) / (u[NAME_EXACT]! + u[NAME_UNACCENTED]!));
    w[NAME_EXACT] = same;
    w[NAME_UNACCENTED] = same;
  }
  return w;
}

/** Records per folded token of one name part. */
export function nameCounts(s: PersonStore, field: TfField): Int32Array {
  const counts = new Int32Array(s.names.folded.length);
  const ids = field === 'given' ? s.given : field === 'family' ? s.family : s.middle;
  const foldedOf = s.names.foldedOf;
  for (let i = 0; i < s.size; i++) {
    const v = foldedOf[ids[i]!]!;
    if (v !== 0) counts[v]!++;
  }
  return counts;
}

/** Name frequencies worth saving: values borne by at least `min` records, as shares. */
export function tfTables(s: PersonStore, min = 5): Record<TfField, Record<string, number>> {
  const out = {} as Record<TfField, Record<string, number>>;
  for (const field of TF_FIELDS) {
    const counts = nameCounts(s, field);
    let total = 0;
    for (let v = 1; v < counts.length; v++) total += counts[v]!;
    const table: Record<string, number> = {};
    const order = [...counts.keys()].filter((v) => v > 0 && counts[v]! >= min).sort((x, y) => counts[y]! - counts[x]! || (s.names.folded[x]! < s.names.folded[y]! ? -1 : 1));
    for (const v of order) table[s.names.folded[v]!] = round6(counts[v]! / total);
    out[field] = table;
  }
  return out;
}

function round6(x: number): number {
  return Number(x.toPrecision(6));
}

// ---------------------------------------------------------------------------------------------
// The model file

/**
 * The model as JSON: levels named, m and u per level, the prior, name frequencies; the extra columns
 * (`extras`, as the rule declares them) under `extra_fields` with their comparators.
 */
export function modelToJson(params: ModelParams, extras: readonly ExtraFieldSpec[] = []): object {
  const entry = (f: number, levels: readonly string[]) => {
    const m = params.m[f]!.slice(1);
    const u = params.u[f]!.slice(1);
    return {
      levels: [...levels],
      m: m.map(round6),
      u: u.map(round6),
      // What each level adds (levelWeights), for a reader of the file (ignored when it is loaded).
      weight: levelWeights(params, f)
        .slice(1)
        .map((x) => Math.round(x * 100) / 100),
    };
  };
  const fields: Record<string, object> = {};
  FIELDS.forEach((field, f) => (fields[field] = entry(f, LEVELS[field])));
  const extraFields: Record<string, object> = {};
  fieldsOf(extras)
    .slice(FIELDS.length)
    .forEach((field, e) => {
      const tolerance = extras[e]!.tolerance;
      extraFields[field.name] = { comparator: field.comparator, ...(tolerance !== undefined && { tolerance }), ...entry(FIELDS.length + e, field.levels) };
    });
  return {
    format: MODEL_FORMAT,
    version: 1,
    prior: round6(params.prior),
    rows: params.rows,
    fields,
    ...(extras.length > 0 && { extra_fields: extraFields }),
    ...(params.tf && { tf: params.tf }),
    ...(params.estimated && { estimated: params.estimated }),
  };
}

/**
 * Reads a model file's JSON for a rule comparing `extras` besides the person fields (the file must
 * hold exactly those, with the same comparators); throws an Error saying what is wrong.
 */
export function modelFromJson(data: unknown, extras: readonly ExtraFieldSpec[] = []): ModelParams {
  const fail = (what: string): never => {
    throw new Error(`not a same-person model: ${what}`);
  };
  if (!isRecord(data) || data.format !== MODEL_FORMAT) fail(`"format" must be "${MODEL_FORMAT}"`);
  const d = data as Record<string, unknown>;
  if (d.version !== 1) fail('"version" must be 1');
  const prior = d.prior;
  if (typeof prior !== 'number' || !(prior > 0 && prior < 1)) fail('"prior" must be a number between 0 and 1');
  const rows = d.rows;
  if (typeof rows !== 'number' || !Number.isInteger(rows) || rows < 2) fail('"rows" must be a whole number of at least 2');
  if (!isRecord(d.fields)) fail('"fields" is missing');
  const fields = d.fields as Record<string, unknown>;
  const m: number[][] = [];
  const u: number[][] = [];
  const read = (field: string, entry: unknown, levels: readonly string[]): void => {
    if (!isRecord(entry)) fail(`field "${field}" is missing`);
    const e = entry as Record<string, unknown>;
    if (!Array.isArray(e.levels) || e.levels.join() !== levels.join()) fail(`field "${field}" must have the levels ${levels.join(', ')}`);
    for (const key of ['m', 'u'] as const) {
      const values = e[key];
      if (!Array.isArray(values) || values.length !== levels.length || !values.every((x) => typeof x === 'number' && x >= 0 && x <= 1)) {
        fail(`field "${field}": "${key}" must be ${levels.length} probabilities`);
      }
    }
    m.push(normalised([1, ...(e.m as number[])]));
    u.push(normalised([1, ...(e.u as number[])]));
  };
  for (const field of FIELDS) read(field, fields[field], LEVELS[field]);
  const saved = d.extra_fields === undefined ? {} : d.extra_fields;
  if (!isRecord(saved)) fail('"extra_fields" must be an object');
  const savedNames = Object.keys(saved as object);
  const unknown = savedNames.filter((name) => !extras.some((e) => e.name === name));
  if (unknown.length > 0) fail(`it compares ${unknown.join(', ')}, which the rule does not (options.compare)`);
  for (const spec of fieldsOf(extras).slice(FIELDS.length)) {
    const entry = (saved as Record<string, unknown>)[spec.name];
    if (!isRecord(entry)) fail(`it was saved without the column "${spec.name}" the rule compares: save the model again`);
    const comparator = (entry as Record<string, unknown>).comparator;
    if (comparator !== spec.comparator) {
      fail(`column "${spec.name}" was compared with ${COMPARATORS.includes(comparator as Comparator) ? String(comparator) : 'another comparator'}, the rule says ${spec.comparator}`);
    }
    read(spec.name, entry, spec.levels);
  }
  let tf: ModelParams['tf'];
  if (d.tf !== undefined) {
    if (!isRecord(d.tf)) fail('"tf" must be an object');
    tf = {};
    for (const field of TF_FIELDS) {
      const table = (d.tf as Record<string, unknown>)[field];
      if (table === undefined) continue;
      if (!isRecord(table) || !Object.values(table).every((x) => typeof x === 'number' && x > 0 && x <= 1)) {
        fail(`"tf.${field}" must map names to shares between 0 and 1`);
      }
      tf[field] = table as Record<string, number>;
    }
  }
  return { prior: prior as number, rows: rows as number, m, u, ...(tf && { tf }) };
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** A model estimated on `fromRows` rows, its prior rescaled to `rows` (the share of duplicates taken as constant). */
export function rescaledPrior(params: ModelParams, rows: number): number {
  return clampPrior((params.prior * (params.rows - 1)) / Math.max(1, rows - 1));
}
