import type { DialectSettings } from '../input/dialect.js';
import type { Bilingual, Dimension, Severity } from '../model.js';

/** A pack file as written (after schema validation). */
export interface PackFile {
  name: string;
  description?: Bilingual;
  extends?: string | string[];
  columns?: Record<string, ColumnDef>;
  rules?: PackRule[];
  thresholds?: Thresholds;
  structure?: StructureSettings;
  dialect?: PackDialect;
  reconcile?: ReconcileRoles;
}

/**
 * A pack's `reconcile`: how `dqc reconcile` holds its records against a population extract — which
 * pack's bindings read the reference, and which fields play the roles of the sector event's date and
 * of the record's being still active.
 */
export interface ReconcileRoles {
  /** A shipped pack name or a path; resolved (ResolvedPack) to the pack file's path. */
  reference_pack?: string;
  event_date?: string;
  active_field?: string;
  active_values?: string[];
}

/** A pack's `dialect`: how its CSV files write their fields (the command line's flags win over it). */
export interface PackDialect {
  quote?: string;
  escape?: string;
  skip_initial_space?: boolean;
  header?: boolean;
}

/** How much a header that does not match the pack's fields weighs; `off` says nothing of it. */
export type StructureSeverity = 'error' | 'warning' | 'info' | 'off';

/** A pack's `structure`: how a file's header is held against the fields the packs declare. */
export interface StructureSettings {
  /** A column of the file that binds to no field (header/unknown-column). */
  unknown_columns?: StructureSeverity;
  /** A field of the packs that no column of the file binds to (header/missing-column). */
  missing_columns?: StructureSeverity;
}

export interface ColumnDef {
  label?: Bilingual;
  aliases?: string[];
  type?: 'string' | 'integer' | 'number' | 'date' | 'boolean';
  format?: string;
}

export interface PackRule {
  id: string;
  check?: string;
  column?: string;
  columns?: string[];
  severity?: 'error' | 'warning' | 'info' | 'off';
  dimension?: Dimension;
  description?: Bilingual;
  options?: Record<string, unknown>;
  max_failures?: number;
  max_fail_rate?: number;
}

export interface Thresholds {
  dimensions?: Partial<Record<Dimension, { min_score?: number }>>;
  min_overall_score?: number;
}

/** Where a merged rule was last declared, for error messages. */
export interface RuleOrigin {
  file: string;
  pointer: string;
}

/** The flat result of all packs and their `extends`: what a run uses. */
export interface ResolvedPack {
  /** Pack names in the order they were applied (extended packs first). */
  packs: { name: string; file: string }[];
  columns: Record<string, ColumnDef>;
  rules: ResolvedRule[];
  thresholds: Thresholds;
  /** Every setting filled in (the defaults where no pack gives one); absent in a pack built by hand. */
  structure?: Required<StructureSettings>;
  /** The CSV dialect the packs give (the last pack that gives a part wins); absent when none does. */
  dialect?: DialectSettings;
  /** The reconcile roles the packs give (the last pack that gives one wins; reference_pack a located file); absent when none does. */
  reconcile?: ReconcileRoles;
}

/** A rule as the engine runs it: resolved from the packs, options already normalised. */
export interface ResolvedRule {
  id: string;
  check: string;
  columns: string[];
  options: Readonly<Record<string, unknown>>;
  severity: Severity;
  dimension: Dimension;
  maxFailures?: number;
  maxFailRate?: number;
  /** Pack file that declared (or last overrode) the rule. */
  pack: string;
  /** `file#/rules/N`: where to point a person at the rule. */
  origin?: string;
  /** What the pack says the rule is for; the check type's description when it says nothing. */
  description?: Bilingual;
}
