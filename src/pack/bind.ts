import { usageError } from '../errors.js';
import { foldKey } from '../vn/fold.js';
import type { ColumnDef } from './types.js';
import { operationalMessages } from '../messages/operational.js';
import { messageOf } from '../messages/render.js';

/** `--column field=Header` values, checked against the fields the packs declare. */
/** `field=Header` bindings checked against the pack's fields; `option` names them in an error. */
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
    overrides[field] = header;
  }
  return overrides;
}

/**
 * Which header each semantic field is bound to in one file. Headers match a field's name or
 * aliases ignoring case, diacritics, spaces, underscores, dots and hyphens, so "Số định danh cá
 * nhân", "SO_DINH_DANH_CA_NHAN" and "so dinh danh ca nhan" all bind to the same field.
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
  const bound = new Map<string, number>();
  for (const [field, column] of Object.entries(columns)) {
    const override = overrides[field];
    const candidates = override !== undefined ? [override] : [field, ...(column.aliases ?? [])];
    for (const candidate of candidates) {
      const exact = header.indexOf(candidate);
      const index = exact >= 0 ? exact : byKey.get(foldKey(candidate));
      if (index !== undefined) {
        bound.set(field, index);
        break;
      }
    }
  }
  return bound;
}
