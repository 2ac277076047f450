import type { ErrorObject } from 'ajv';
import type { MessageData } from '../model.js';
import type { MessageKey } from '../report/messages.js';

/** One schema problem, as data to be rendered in the user's language. */
export interface SchemaProblem {
  /** JSON pointer of the offending value. */
  path: string;
  key: MessageKey;
  data: MessageData;
}

const list = (value: unknown): string => (Array.isArray(value) ? value.map((v) => JSON.stringify(v)).join(', ') : String(value));

/** ajv speaks English only; these are the keywords our schemas use, said in both languages. */
export function describeAjvError(error: ErrorObject, prefix = ''): SchemaProblem {
  const params = error.params as Record<string, unknown>;
  const path = prefix + error.instancePath;
  switch (error.keyword) {
    case 'required':
      return { path, key: 'schema.required', data: { property: String(params.missingProperty) } };
    case 'additionalProperties':
      return { path, key: 'schema.unknown-property', data: { property: String(params.additionalProperty) } };
    case 'type':
      return { path, key: 'schema.type', data: { type: list(params.type) } };
    case 'enum':
      return { path, key: 'schema.enum', data: { allowed: list(params.allowedValues) } };
    case 'pattern':
      return { path, key: 'schema.pattern', data: { pattern: String(params.pattern) } };
    case 'minimum':
    case 'exclusiveMinimum':
      return { path, key: 'schema.minimum', data: { limit: String(params.limit) } };
    case 'maximum':
    case 'exclusiveMaximum':
      return { path, key: 'schema.maximum', data: { limit: String(params.limit) } };
    case 'minLength':
    case 'minItems':
      return { path, key: 'schema.too-short', data: { limit: String(params.limit) } };
    case 'maxLength':
    case 'maxItems':
      return { path, key: 'schema.too-long', data: { limit: String(params.limit) } };
    default:
      return { path, key: 'schema.other', data: { keyword: error.keyword, detail: error.message ?? '' } };
  }
}

/** ajv reports every branch of a oneOf/anyOf; keep the most specific problems per path. */
export function describeAjvErrors(errors: readonly ErrorObject[] | null | undefined, prefix = ''): SchemaProblem[] {
  const all = (errors ?? []).map((e) => describeAjvError(e, prefix));
  const seen = new Set<string>();
  return all.filter((p) => {
    const id = `${p.path}|${p.key}|${JSON.stringify(p.data)}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
