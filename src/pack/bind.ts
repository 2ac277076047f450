import { usageError } from '../errors.js';
import { foldKey } from '../vn/fold.js';
import type { ColumnDef } from './types.js';
import { operationalMessages } from '../messages/operational.js';
import { messageOf } from '../messages/render.js';

/**
 * `field=Header` bindings checked against the pack's fields; `option` names them in an error. Two
 * fields given one header are refused: a column is bound to one field only.
 */
export function parseColumnOverrides(values: readonly string[], columns: Record<string, ColumnDef>, option = '--column'): Record<string, string> {
  const overrides: Record<string, string> = {};
  for (const value of values) {
    const eq = value.indexOf('=');
    const field = value.slice(0, eq).trim();
    const header = value.slice(eq + 1).trim();
    if (eq <= 0 || header === '') {
      throw usageError(option, messageOf(operationalMessages, 'pack.bad-column-override', { value }));
    }
    if (!Object.hasOwn(columns, field)) {
      const known = Object.keys(columns).join(', ');
      throw usageError(option, messageOf(operationalMessages, 'pack.unknown-field', { field, known }));
    }
    const other = Object.entries(overrides).find(([f, h]) => f !== field && foldKey(h) === foldKey(header));
    if (other) {
      throw usageError(option, messageOf(operationalMessages, 'pack.override-shared', { field: other[0], header: other[1], other: field, otherHeader: header }));
    }
    overrides[field] = header;
  }
  return overrides;
}

/**
 * Which header each semantic field is bound to in one file. Headers match a field's name or
 * aliases ignoring case, diacritics, spaces, underscores, dots and hyphens, so "Số định danh cá
 * nhân", "SO_DINH_DANH_CA_NHAN" and "so dinh danh ca nhan" all bind to the same field.
 * A column is bound to one field at most: the packs cannot give two fields one name (resolve.ts
 * refuses it), and a header named by `--column` is not also bound to another field by its aliases.
 */
export function bindColumns(
  header: readonly string[],
  columns: Record<string, ColumnDef>,
  overrides: Record<string, string> = {},
): Map<string, number> {
  const byKey = new Map<string, number>();
  header.forEach((name, i) => {
    const key = foldKey(name);
    if (!byKey.has(key)) byKey.set(key, i);
  });
  const find = (candidate: string): number | undefined => {
    const exact = header.indexOf(candidate);
    return exact >= 0 ? exact : byKey.get(foldKey(candidate));
  };
  const bound = new Map<string, number>();
  const taken = new Set<number>();
  for (const [field, override] of Object.entries(overrides)) {
    const index = Object.hasOwn(columns, field) ? find(override) : undefined;
    if (index !== undefined && !taken.has(index)) {
      bound.set(field, index);
      taken.add(index);
    }
  }
  for (const [field, column] of Object.entries(columns)) {
    if (overrides[field] !== undefined) continue;
    for (const candidate of [field, ...(column.aliases ?? [])]) {
      const index = find(candidate);
      if (index !== undefined && !taken.has(index)) {
        bound.set(field, index);
        taken.add(index);
        break;
      }
    }
  }
  // The packs' order of fields, whatever the order of --column.
  return new Map(Object.keys(columns).flatMap((field) => (bound.has(field) ? [[field, bound.get(field)!] as const] : [])));
}
