import type { AnyCheckType } from '../checks/define.js';
import { describeAjvErrors, type SchemaProblem } from './ajv-errors.js';
import { optionsValidator } from './validators.js';

/**
 * The one place options are normalised: defaults merged under the rule's own values, validated
 * against the check type's schema, frozen. Returns the problems instead when there are any.
 */
export function normalizeOptions(
  checkType: AnyCheckType,
  options: Record<string, unknown> | undefined,
): { options: Readonly<Record<string, unknown>> } | { problems: SchemaProblem[] } {
  const merged = { ...(checkType.meta.defaults as Record<string, unknown>), ...(options ?? {}) };
  const validate = optionsValidator(checkType);
  if (!validate(merged)) return { problems: describeAjvErrors(validate.errors) };
  return { options: Object.freeze(merged) };
}
