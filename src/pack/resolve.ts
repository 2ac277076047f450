import { basename, dirname, isAbsolute, resolve as resolvePath } from 'node:path';
import type { DialectSettings } from '../input/dialect.js';
import type { AnyCheckType } from '../checks/define.js';
import { findCheckType, checkTypes } from '../checks/index.js';
import { todayDay } from '../shared/dates.js';
import { describeSetupError } from '../checks/support/setup-error.js';
import { DqcError, operationalDetail } from '../errors.js';
import type { Dimension } from '../model.js';
import { foldKey } from '../vn/fold.js';
import { describeAjvErrors, type SchemaProblem } from './ajv-errors.js';
import { locatePack } from './locate.js';
import { normalizeOptions } from './options.js';
import { readPackSource } from './parse.js';
import type { PackPositions } from './positions.js';
import { didYouMean } from './suggest.js';
import { packValidator } from './validators.js';
import type { ColumnDef, PackFile, PackRule, ReconcileRoles, ResolvedPack, RuleOrigin, StructureSettings, Thresholds } from './types.js';
import type { ResolvedRule } from './types.js';
import { operationalMessages } from '../messages/operational.js';
import { messageOf } from '../messages/render.js';

/** What a pack's `structure` is when no pack gives a setting. */
export const DEFAULT_STRUCTURE: Required<StructureSettings> = { unknown_columns: 'warning', missing_columns: 'warning' };

/** One pack file read, with its problems so far and the places of its parts. */
interface PackFileState {
  pack: PackFile;
  positions: PackPositions;
  problems: SchemaProblem[];
}

/** A field's name or alias, where it was declared, and in which order (the later one is blamed for a clash). */
interface FieldName {
  field: string;
  name: string;
  origin: RuleOrigin;
}

interface MergeState {
  packs: { name: string; file: string }[];
  columns: Record<string, ColumnDef>;
  rules: Map<string, { rule: PackRule; origin: RuleOrigin }>;
  thresholds: Thresholds;
  structure: StructureSettings;
  dialect: DialectSettings;
  reconcile: ReconcileRoles & { origin?: Partial<Record<keyof ReconcileRoles, string>> };
  /** Every pack file read, in the order read: its problems are reported together at the end. */
  files: Map<string, PackFileState>;
  names: FieldName[];
  /** Rules replaced by a rule of the same id in the same file: refused, but their own problems are said too. */
  shadowed: { rule: PackRule; origin: RuleOrigin }[];
}

const escapePointer = (segment: string): string => segment.replace(/~/g, '~0').replace(/\//g, '~1');
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const stringOr = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const numberOr = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

/**
 * The parts of a pack that failed its schema that can still be read, so that its other problems
 * (check types, options, patterns, columns) are found in the same run: a part of the wrong shape is
 * dropped (its schema problem says why), and a rule keeps its index, which names it in problems.
 */
function usablePart(data: unknown, file: string): PackFile {
  const d = isObject(data) ? data : {};
  const columns: Record<string, ColumnDef> = {};
  if (isObject(d.columns)) {
    for (const [field, column] of Object.entries(d.columns)) {
      if (!isObject(column)) continue;
      columns[field] = { aliases: strings(column.aliases), format: stringOr(column.format) };
    }
  }
  const rules = (Array.isArray(d.rules) ? d.rules : []).map((rule): PackRule => {
    if (!isObject(rule) || typeof rule.id !== 'string') return { id: '' };
    return {
      id: rule.id,
      check: stringOr(rule.check),
      column: stringOr(rule.column),
      columns: Array.isArray(rule.columns) ? strings(rule.columns) : undefined,
      severity: rule.severity as PackRule['severity'],
      options: isObject(rule.options) ? rule.options : undefined,
      max_failures: numberOr(rule.max_failures),
      max_fail_rate: numberOr(rule.max_fail_rate),
    };
  });
  const extendsList = typeof d.extends === 'string' ? [d.extends] : strings(d.extends);
  return { name: stringOr(d.name) ?? basename(file), columns, rules, extends: extendsList };
}

/** A pack file read and checked against rules/pack.schema.json; its problems are kept, not thrown. */
function loadPackFile(file: string): PackFileState {
  const validatePack = packValidator();
  const { data, positions } = readPackSource(file);
  const problems: SchemaProblem[] = positions.duplicates.map((d) => ({
    path: `${d.pointer}/${escapePointer(d.key)}`,
    ...messageOf(operationalMessages, 'pack.duplicate-key', { key: d.key, first: d.first?.line ?? '?' }),
    ...(d.again && { line: d.again.line, column: d.again.column }),
  }));
  if (validatePack(data)) return { pack: data, positions, problems };
  problems.push(...describeAjvErrors(validatePack.errors));
  return { pack: usablePart(data, file), positions, problems };
}

function mergeColumn(earlier: ColumnDef | undefined, later: ColumnDef): ColumnDef {
  if (!earlier) return { ...later };
  const aliases = [...new Set([...(earlier.aliases ?? []), ...(later.aliases ?? [])])];
  return { ...earlier, ...later, aliases };
}

/** `extends` depth-first, then this pack; later entries win, a partial rule override keeps the rest. */
function applyPack(file: string, state: MergeState, stack: string[]): void {
  if (stack.includes(file)) {
    throw new DqcError('DQC_EXTENDS_CYCLE', { cycle: [...stack, file].join(' → ') }, { file });
  }
  // A pack extended twice (by two parents) is read once, and its problems are said once.
  const again = state.files.get(file);
  const loaded = again ?? loadPackFile(file);
  state.files.set(file, loaded);
  const { pack, problems } = loaded;
  const parents = pack.extends === undefined ? [] : Array.isArray(pack.extends) ? pack.extends : [pack.extends];
  for (const parent of parents) applyPack(locatePack(parent, dirname(file)), state, [...stack, file]);

  state.packs.push({ name: pack.name, file });
  for (const [field, column] of Object.entries(pack.columns ?? {})) {
    state.columns[field] = mergeColumn(state.columns[field], column);
    state.names.push({ field, name: field, origin: { file, pointer: `/columns/${escapePointer(field)}` } });
    (column.aliases ?? []).forEach((alias, k) => state.names.push({ field, name: alias, origin: { file, pointer: `/columns/${escapePointer(field)}/aliases/${k}` } }));
  }
  const seen = new Set<string>();
  (pack.rules ?? []).forEach((rule, i) => {
    // A rule without an id is the schema's problem; nothing else can be said of it.
    if (rule.id === '') return;
    if (seen.has(rule.id) && !again) {
      problems.push({ path: `/rules/${i}/id`, ...messageOf(operationalMessages, 'pack.duplicate-rule', { id: rule.id }) });
      const shadowed = state.rules.get(rule.id);
      if (shadowed) state.shadowed.push(shadowed);
    }
    seen.add(rule.id);
    const earlier = state.rules.get(rule.id)?.rule;
    // Same check type: an override (a severity-only change keeps the options). Another check type:
    // a new rule under the old id, nothing of the old one carries over.
    const overrides = earlier && (rule.check === undefined || rule.check === earlier.check);
    const own = withPathsFrom(file, rule, findCheckType(rule.check ?? earlier?.check ?? ''));
    const merged: PackRule = overrides ? { ...earlier, ...own } : { ...own };
    if (rule.column !== undefined) delete merged.columns;
    if (rule.columns !== undefined) delete merged.column;
    state.rules.set(rule.id, { rule: merged, origin: { file, pointer: `/rules/${i}` } });
  });
  const dims = { ...state.thresholds.dimensions };
  for (const [dim, threshold] of Object.entries(pack.thresholds?.dimensions ?? {})) {
    dims[dim as Dimension] = { ...dims[dim as Dimension], ...threshold };
  }
  state.thresholds = { ...state.thresholds, ...pack.thresholds, dimensions: dims };
  state.structure = { ...state.structure, ...pack.structure };
  if (pack.reconcile) {
    const roles = { ...pack.reconcile };
    // A reference pack is named relative to the pack that names it, as `extends` is.
    if (roles.reference_pack !== undefined) roles.reference_pack = locatePack(roles.reference_pack, dirname(file));
    const origin = { ...state.reconcile.origin };
    for (const key of Object.keys(roles) as (keyof ReconcileRoles)[]) origin[key] = file;
    state.reconcile = { ...state.reconcile, ...roles, origin };
  }
  const d = pack.dialect;
  if (d) {
    state.dialect = {
      ...state.dialect,
      ...(d.quote === undefined ? {} : { quote: d.quote }),
      ...(d.escape === undefined ? {} : { escape: d.escape }),
      ...(d.skip_initial_space === undefined ? {} : { skipInitialSpace: d.skip_initial_space }),
      ...(d.header === undefined ? {} : { header: d.header }),
    };
  }
}

/** The rule with its path options (meta.pathOptions) taken from the directory of the pack that sets them. */
function withPathsFrom(file: string, rule: PackRule, checkType: AnyCheckType | undefined): PackRule {
  const keys = checkType?.meta.pathOptions;
  if (!keys || !rule.options) return rule;
  const options = { ...rule.options };
  for (const key of keys) {
    const value = options[key];
    if (typeof value === 'string' && value !== '' && !isAbsolute(value)) options[key] = resolvePath(dirname(file), value);
  }
  return { ...rule, options };
}

/** What a check type threw when set up with these options, or null when it accepts them. */
function trySetup(
  checkType: AnyCheckType,
  options: Readonly<Record<string, unknown>>,
  columns: string[],
  declared: Record<string, ColumnDef>,
): { error: unknown } | null {
  try {
    checkType.create({
      options,
      columns,
      asOfDay: todayDay(),
      threads: 1,
      columnFormat: (k) => declared[columns[k] ?? '']?.format,
      report: () => undefined,
      reportAt: () => undefined,
      reportDataset: () => undefined,
      reread: () => null,
      rereadable: () => false,
    });
    return null;
  } catch (error) {
    return { error };
  }
}

/** Checks each merged rule against its check type; its problems go to the file that last declared it. */
function resolveRules(state: MergeState): ResolvedRule[] {
  const problem = (origin: RuleOrigin, p: SchemaProblem) => state.files.get(origin.file)?.problems.push(p);
  const rules: ResolvedRule[] = [];
  for (const { rule, origin } of [...state.shadowed, ...state.rules.values()]) {
    if (rule.severity === 'off') continue;
    if (!rule.check) {
      problem(origin, { path: `${origin.pointer}`, ...messageOf(operationalMessages, 'pack.missing-check', { id: rule.id }) });
      continue;
    }
    const columns = rule.columns ?? (rule.column === undefined ? [] : [rule.column]);
    columns.forEach((column, k) => {
      if (!Object.hasOwn(state.columns, column)) {
        const path = rule.columns ? `${origin.pointer}/columns/${k}` : `${origin.pointer}/column`;
        const suggestion = didYouMean(column, Object.keys(state.columns));
        problem(origin, { ...operationalDetail(path, 'pack.unknown-column', { column }), ...(suggestion !== undefined && { suggestion }) });
      }
    });
    const checkType = findCheckType(rule.check);
    if (!checkType) {
      const known = Object.keys(checkTypes);
      const suggestion = didYouMean(rule.check, known);
      // With a likely name, the list of every check type is noise.
      const message =
        suggestion === undefined
          ? messageOf(operationalMessages, 'pack.unknown-check', { check: rule.check, known: known.join(', ') })
          : messageOf(operationalMessages, 'pack.unknown-check-near', { check: rule.check });
      problem(origin, { path: `${origin.pointer}/check`, ...message, ...(suggestion !== undefined && { suggestion }) });
      continue;
    }
    const { min, max } = checkType.meta.columns;
    if (columns.length < min || columns.length > max) {
      const where = rule.columns ? 'columns' : 'column';
      const key = columns.length === 0 ? 'pack.missing-column' : 'pack.column-count';
      problem(origin, operationalDetail(`${origin.pointer}/${where}`, key, { check: rule.check, min, max, count: columns.length }));
    }
    const normalized = normalizeOptions(checkType, rule.options);
    if ('problems' in normalized) {
      for (const p of normalized.problems) problem(origin, { ...p, path: `${origin.pointer}/options${p.path}` });
      continue;
    }
    // Some mistakes only the check type can see (a pattern that does not compile, min > max):
    // set it up once here so that every such problem is reported with the others, and `dqc pack`
    // and `dqc rules` refuse the pack too.
    const setup = trySetup(checkType, normalized.options, columns, state.columns);
    if (setup) {
      problem(origin, { path: `${origin.pointer}/options`, ...describeSetupError(setup.error, rule.check, rule.id) });
      continue;
    }
    if (state.shadowed.some((s) => s.rule === rule)) continue;
    rules.push({
      id: rule.id,
      check: rule.check,
      columns,
      options: normalized.options,
      severity: rule.severity ?? 'error',
      dimension: rule.dimension ?? checkType.meta.dimension,
      maxFailures: rule.max_failures,
      maxFailRate: rule.max_fail_rate,
      pack: origin.file,
      origin: `${origin.file}#${origin.pointer}`,
      description: rule.description ?? checkType.meta.description,
    });
  }
  return rules;
}

/**
 * Two fields whose names or aliases are one header (compared as binding compares them) would both
 * claim a column of every file that has it. That is the pack's mistake, the same for every file,
 * and known before any is read: it is refused with the pack's other problems, at the name declared
 * later (the one that made the clash), rather than found file by file as an input problem.
 */
function checkSharedNames(state: MergeState): void {
  const owner = new Map<string, FieldName>();
  for (const entry of state.names) {
    const key = foldKey(entry.name);
    const first = owner.get(key);
    if (!first) owner.set(key, entry);
    else if (first.field !== entry.field) {
      state.files.get(entry.origin.file)?.problems.push(
        operationalDetail(entry.origin.pointer, 'pack.shared-header', { field: first.field, other: entry.field, header: entry.name }),
      );
    }
  }
}

/** The fields `reconcile` names are fields of the packs; a problem of the pack that named one otherwise. */
function checkReconcileFields(state: MergeState): void {
  for (const key of ['event_date', 'active_field'] as const) {
    const field = state.reconcile[key];
    const file = state.reconcile.origin?.[key];
    if (field === undefined || file === undefined || Object.hasOwn(state.columns, field)) continue;
    const suggestion = didYouMean(field, Object.keys(state.columns));
    state.files.get(file)?.problems.push({ ...operationalDetail(`/reconcile/${key}`, 'pack.unknown-column', { column: field }), ...(suggestion !== undefined && { suggestion }) });
  }
}

/** Every problem of every pack file, each at its line and column, as one error; nothing when there is none. */
function throwProblems(state: MergeState): void {
  const found = [...state.files.entries()].filter(([, f]) => f.problems.length > 0);
  const first = found[0]?.[0];
  if (first === undefined) return;
  const list = found.flatMap(([file, { problems, positions }]) =>
    problems
      .map((p) => {
        // An unknown key is shown where the key is; anything else where its value is.
        const key = p.key === 'schema.unknown-property' ? String(p.data.property) : undefined;
        const place = p.line !== undefined ? { line: p.line, column: p.column ?? 1 } : positions.locate(p.path, key);
        // With several files, each path says which file it is in.
        const path = found.length === 1 ? p.path : `${file}#${p.path}`;
        return { ...p, path, ...(place && { line: place.line, column: place.column }) };
      })
      // In the order of the file, as its author reads it (sort is stable: one place keeps its order).
      .sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity) || (a.column ?? 0) - (b.column ?? 0)),
  );
  const files = found.map(([file]) => file);
  throw new DqcError('DQC_PACK_INVALID', { file: files.join(', '), count: list.length }, { file: first }, list);
}

/** Resolves `--pack` references (names or paths, in order) into one flat pack; every problem of every pack at once. */
export function resolvePacks(refs: readonly string[], cwd: string = process.cwd()): ResolvedPack {
  const state: MergeState = { packs: [], columns: {}, rules: new Map(), thresholds: {}, structure: {}, dialect: {}, reconcile: {}, files: new Map(), names: [], shadowed: [] };
  for (const ref of refs) applyPack(locatePack(ref, cwd), state, []);
  checkSharedNames(state);
  checkReconcileFields(state);
  const rules = resolveRules(state);
  throwProblems(state);
  const dialect = Object.keys(state.dialect).length > 0 ? { dialect: state.dialect } : {};
  const { origin: _origin, ...roles } = state.reconcile;
  const reconcile = Object.keys(roles).length > 0 ? { reconcile: roles } : {};
  return { packs: state.packs, columns: state.columns, rules, thresholds: state.thresholds, structure: { ...DEFAULT_STRUCTURE, ...state.structure }, ...dialect, ...reconcile };
}
