// What dqc init writes, decided from a profile: a pack that extends a shipped pack, declares the
// file's headers as aliases of the fields they were bound to (by a word of the header or by the
// values: alias bindings need nothing), gives date fields the format the file uses when the pack
// expects another, declares the remaining non-empty columns as new fields, and suggests rules for
// those (suggest.ts). Pure: no files, no console.

import type { Bilingual } from '../model.js';
import { findCheckType } from '../checks/index.js';
import type { ColumnDef, PackRule, ResolvedPack } from '../pack/types.js';
import type { BindingEvidence } from '../profile/fields.js';
import type { ColumnProfile, InputProfile } from '../profile/model.js';
import type { ValueType } from '../profile/value-type.js';
import { t } from '../profile/messages.js';
import { foldText } from '../vn/fold.js';
import { suggestRules } from './suggest.js';

/** A pack file as dqc init writes it (validated against rules/pack.schema.json before it is kept). */
export interface ConfigFile {
  $schema: string;
  name: string;
  description: Bilingual;
  extends?: string;
  columns?: Record<string, ColumnDef>;
  rules?: PackRule[];
}

export interface InitPlan {
  config: ConfigFile;
  /** Columns bound to a field of the extended pack. */
  bound: { header: string; field: string; by: BindingEvidence; format: string | null }[];
  /** Columns declared as new fields. */
  added: { header: string; field: string; type: ValueType }[];
  /** Columns with no value at all: nothing to bind or check. */
  empty: string[];
  /** The suggested rules, as written. */
  rules: PackRule[];
  /** Rules of the extended pack whose columns the file has, and those it lacks. */
  packRules: { bound: number; skipped: number };
}

export interface Base {
  /** How the config names the pack it extends (a shipped name, or a path as given). */
  ref: string;
  pack: ResolvedPack;
}

const PACK_TYPES: Readonly<Record<ValueType, ColumnDef['type']>> = {
  empty: 'string',
  text: 'string',
  integer: 'integer',
  decimal: 'number',
  date: 'date',
  boolean: 'boolean',
};

/** A pack name from a file name: `Dân cư 2025.csv` → `dan-cu-2025`. */
export function configName(path: string | null): string {
  const stem = (path ?? '').split(/[\\/]/).pop()?.replace(/\.(gz)$/i, '').replace(/\.[^.]+$/, '') ?? '';
  const slug = foldText(stem)
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+|-+$/g, '');
  return slug || 'local';
}

/** A field name for a header: `Mã hộ gia đình` → `ma_ho_gia_dinh`, unique among `taken`. */
export function fieldName(header: string, position: number, taken: ReadonlySet<string>): string {
  let base = foldText(header)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (base === '') base = `column_${position}`;
  if (!/^[a-z]/.test(base)) base = `col_${base}`;
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
  return name;
}

function ruleId(field: string, suffix: string, taken: Set<string>): string {
  const base = `${field.replace(/_/g, '-')}-${suffix}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** Rules of a pack that will run on a file binding `fields`: each needs its check type's minimum of columns bound. */
function countPackRules(pack: ResolvedPack, fields: ReadonlySet<string>): { bound: number; skipped: number } {
  let bound = 0;
  for (const rule of pack.rules) {
    const min = findCheckType(rule.check)?.meta.columns.min ?? rule.columns.length;
    if (rule.columns.slice(0, min).every((field) => fields.has(field))) bound++;
  }
  return { bound, skipped: pack.rules.length - bound };
}

export interface PlanOptions {
  /** `$schema` as the config should point to it (relative to the config). */
  schema: string;
  /** The input file as the user named it, for the name and description. */
  path: string | null;
  /** yyyy-mm-dd: dates after it are in the future. */
  today: string;
}

/** The config for one profiled input (or a blank starter when there is none). */
export function planConfig(input: InputProfile | null, base: Base | null, options: PlanOptions): InitPlan {
  const packName = base ? base.pack.packs.map((p) => p.name).join(' + ') : '-';
  const describe = (key: 'init.description' | 'init.description-blank'): Bilingual => ({
    en: t('en', key, { file: options.path ?? '', pack: packName }),
    vi: t('vi', key, { file: options.path ?? '', pack: packName }),
  });
  const config: ConfigFile = {
    $schema: options.schema,
    name: configName(options.path),
    description: describe(input ? 'init.description' : 'init.description-blank'),
  };
  if (base) config.extends = base.ref;
  const plan: InitPlan = { config, bound: [], added: [], empty: [], rules: [], packRules: { bound: 0, skipped: base?.pack.rules.length ?? 0 } };
  if (!input) return plan;

  const packColumns = base?.pack.columns ?? {};
  const columns: Record<string, ColumnDef> = {};
  const fieldsTaken = new Set(Object.keys(packColumns));
  const boundFields = new Set<string>();
  for (const column of input.columns) {
    if (!column.field) continue;
    const { name: field, by } = column.field;
    boundFields.add(field);
    const def: ColumnDef = {};
    if (by !== 'alias') def.aliases = [column.name];
    const format = dateFormatToDeclare(column, packColumns[field]);
    if (format) def.format = format;
    if (Object.keys(def).length > 0) columns[field] = def;
    plan.bound.push({ header: column.name, field, by, format });
  }

  const rulesTaken = new Set(base?.pack.rules.map((r) => r.id) ?? []);
  for (const column of input.columns) {
    if (column.field) continue;
    if (column.filled === 0) {
      plan.empty.push(column.name);
      continue;
    }
    const field = fieldName(column.name, column.position, fieldsTaken);
    fieldsTaken.add(field);
    const def: ColumnDef = { label: { en: column.name, vi: column.name }, aliases: [column.name], type: PACK_TYPES[column.type] };
    if (column.dateFormat) def.format = column.dateFormat;
    columns[field] = def;
    plan.added.push({ header: column.name, field, type: column.type });
    for (const s of suggestRules(column, column.name, options.today)) {
      const rule: PackRule = { id: ruleId(field, s.suffix, rulesTaken), check: s.check, column: field, severity: 'warning' };
      if (s.options && Object.keys(s.options).length > 0) rule.options = s.options;
      rule.description = s.description;
      plan.rules.push(rule);
    }
  }
  if (Object.keys(columns).length > 0) config.columns = columns;
  if (plan.rules.length > 0) config.rules = plan.rules;
  if (base) plan.packRules = countPackRules(base.pack, boundFields);
  return plan;
}

/** A date column's format, when the pack declares the field with another one (or none). */
function dateFormatToDeclare(column: ColumnProfile, declared: ColumnDef | undefined): string | null {
  if (column.type !== 'date' || !column.dateFormat) return null;
  return declared?.format === column.dateFormat ? null : column.dateFormat;
}
