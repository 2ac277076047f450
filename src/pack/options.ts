import { Ajv, type ValidateFunction } from 'ajv';
import type { AnyCheckType } from '../checks/define.js';
import { describeAjvErrors, type SchemaProblem } from './ajv-errors.js';

// One ajv instance for check options: strict mode catches schema mistakes in check types,
// allErrors gives the pack author every problem at once, verbose the schema a misspelt key is
// held against (for "did you mean").
const ajv = new Ajv({ allErrors: true, strict: true, verbose: true });
const validators = new Map<string, ValidateFunction>();

function validatorFor(checkType: AnyCheckType): ValidateFunction {
  let validate = validators.get(checkType.meta.id);
  if (!validate) {
    validate = ajv.compile(checkType.meta.schema);
    validators.set(checkType.meta.id, validate);
  }
  return validate;
}

/**
 * The one place options are normalised: defaults merged under the rule's own values, validated
 * against the check type's schema, frozen. Returns the problems instead when there are any.
 */
export function normalizeOptions(
  checkType: AnyCheckType,
  options: Record<string, unknown> | undefined,
): { options: Readonly<Record<string, unknown>> } | { problems: SchemaProblem[] } {
  const merged = { ...(checkType.meta.defaults as Record<string, unknown>), ...(options ?? {}) };
  const validate = validatorFor(checkType);
  if (!validate(merged)) return { problems: describeAjvErrors(validate.errors) };
  return { options: Object.freeze(merged) };
}
