import { Ajv, type ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { AnyCheckType } from '../checks/define.js';
import { findCheckType, checkTypes } from '../checks/index.js';
import { todayDay } from '../shared/dates.js';
import { describeSetupError } from '../checks/support/setup-error.js';
import { DqcError, operationalDetail } from '../errors.js';
import type { Dimension } from '../model.js';
import { describeAjvErrors, type SchemaProblem } from './ajv-errors.js';
import { locatePack, SHIPPED_RULES_DIR } from './locate.js';
import { normalizeOptions } from './options.js';
import { readPackData } from './parse.js';
import type { ColumnDef, PackFile, PackRule, ResolvedPack, RuleOrigin, Thresholds } from './types.js';
import type { ResolvedRule } from './types.js';
import { operationalMessages } from '../messages/operational.js';
import { messageOf } from '../messages/render.js';

let validatePack: ValidateFunction<PackFile> | undefined;

/** A pack file read and checked against rules/pack.schema.json, with every problem at once. */
function loadPackFile(file: string): PackFile {
  validatePack ??= new Ajv({ allErrors: true, strict: true }).compile<PackFile>(
    JSON.parse(readFileSync(resolve(SHIPPED_RULES_DIR, 'pack.schema.json'), 'utf8')) as object,
  );
  const data = readPackData(file);
  if (!validatePack(data)) {
    const details = describeAjvErrors(validatePack.errors);
    throw new DqcError('DQC_PACK_INVALID', { file, count: details.length }, { file }, details);
  }
  return data;
}

interface MergeState {
  packs: { name: string; file: string }[];
  columns: Record<string, ColumnDef>;
  rules: Map<string, { rule: PackRule; origin: RuleOrigin }>;
  thresholds: Thresholds;
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
  const pack = loadPackFile(file);
  const parents = pack.extends === undefined ? [] : Array.isArray(pack.extends) ? pack.extends : [pack.extends];
  for (const parent of parents) applyPack(locatePack(parent, dirname(file)), state, [...stack, file]);

  state.packs.push({ name: pack.name, file });
  for (const [field, column] of Object.entries(pack.columns ?? {})) {
    state.columns[field] = mergeColumn(state.columns[field], column);
  }
  const seen = new Set<string>();
  const duplicates: SchemaProblem[] = [];
  (pack.rules ?? []).forEach((rule, i) => {
    if (seen.has(rule.id)) duplicates.push({ path: `/rules/${i}/id`, ...messageOf(operationalMessages, 'pack.duplicate-rule', { id: rule.id }) });
    seen.add(rule.id);
    const earlier = state.rules.get(rule.id)?.rule;
    // Same check type: an override (a severity-only change keeps the options). Another check type:
    // a new rule under the old id, nothing of the old one carries over.
    const overrides = earlier && (rule.check === undefined || rule.check === earlier.check);
    const merged: PackRule = overrides ? { ...earlier, ...rule } : { ...rule };
    if (rule.column !== undefined) delete merged.columns;
    if (rule.columns !== undefined) delete merged.column;
    state.rules.set(rule.id, { rule: merged, origin: { file, pointer: `/rules/${i}` } });
  });
  if (duplicates.length > 0) {
    throw new DqcError('DQC_PACK_INVALID', { file, count: duplicates.length }, { file }, duplicates);
  }
  const dims = { ...state.thresholds.dimensions };
  for (const [dim, threshold] of Object.entries(pack.thresholds?.dimensions ?? {})) {
    dims[dim as Dimension] = { ...dims[dim as Dimension], ...threshold };
  }
  state.thresholds = { ...state.thresholds, ...pack.thresholds, dimensions: dims };
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
      columnFormat: (k) => declared[columns[k] ?? '']?.format,
      report: () => undefined,
      reportAt: () => undefined,
      reportDataset: () => undefined,
    });
    return null;
  } catch (error) {
    return { error };
  }
}

/** Checks each merged rule against its check type; all problems of all packs are reported together. */
function resolveRules(state: MergeState): ResolvedRule[] {
  const problems = new Map<string, SchemaProblem[]>();
  const problem = (origin: RuleOrigin, p: SchemaProblem) => {
    const list = problems.get(origin.file) ?? [];
    list.push(p);
    problems.set(origin.file, list);
  };
  const rules: ResolvedRule[] = [];
  for (const { rule, origin } of state.rules.values()) {
    if (rule.severity === 'off') continue;
    if (!rule.check) {
      problem(origin, { path: `${origin.pointer}`, ...messageOf(operationalMessages, 'pack.missing-check', { id: rule.id }) });
      continue;
    }
    const checkType = findCheckType(rule.check);
    if (!checkType) {
      const known = Object.keys(checkTypes).join(', ');
      problem(origin, { path: `${origin.pointer}/check`, ...messageOf(operationalMessages, 'pack.unknown-check', { check: rule.check, known }) });
      continue;
    }
    const columns = rule.columns ?? (rule.column === undefined ? [] : [rule.column]);
    const { min, max } = checkType.meta.columns;
    if (columns.length < min || columns.length > max) {
      const where = rule.columns ? 'columns' : 'column';
      const key = columns.length === 0 ? 'pack.missing-column' : 'pack.column-count';
      problem(origin, operationalDetail(`${origin.pointer}/${where}`, key, { check: rule.check, min, max, count: columns.length }));
    }
    columns.forEach((column, k) => {
      if (!Object.hasOwn(state.columns, column)) {
        const path = rule.columns ? `${origin.pointer}/columns/${k}` : `${origin.pointer}/column`;
        problem(origin, operationalDetail(path, 'pack.unknown-column', { column }));
      }
    });
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
  const files = [...problems.keys()];
  const first = files[0];
  if (first !== undefined) {
    // Problems of every pack at once; with several files, each path says which file it is in.
    const list = [...problems.entries()].flatMap(([file, found]) =>
      files.length === 1 ? found : found.map((p) => ({ ...p, path: `${file}#${p.path}` })),
    );
    throw new DqcError('DQC_PACK_INVALID', { file: files.join(', '), count: list.length }, { file: first }, list);
  }
  return rules;
}

/** Resolves `--pack` references (names or paths, in order) into one flat pack. */
export function resolvePacks(refs: readonly string[], cwd: string = process.cwd()): ResolvedPack {
  const state: MergeState = { packs: [], columns: {}, rules: new Map(), thresholds: {} };
  for (const ref of refs) applyPack(locatePack(ref, cwd), state, []);
  return { packs: state.packs, columns: state.columns, rules: resolveRules(state), thresholds: state.thresholds };
}
