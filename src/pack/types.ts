import type { Bilingual, Dimension } from '../model.js';
import type { ResolvedRule } from '../engine/rule.js';

/** A pack file as written (after schema validation). */
export interface PackFile {
  name: string;
  description?: Bilingual;
  extends?: string | string[];
  columns?: Record<string, ColumnDef>;
  rules?: PackRule[];
  thresholds?: Thresholds;
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
}
