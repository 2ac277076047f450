import type { ErrorObject } from 'ajv';
import { operationalDetail, type ErrorDetail } from '../errors.js';
import { didYouMean } from './suggest.js';

/** One schema problem, as data to be rendered in the user's language; its path is a JSON pointer. */
export type SchemaProblem = ErrorDetail;

const list = (value: unknown): string => (Array.isArray(value) ? value.map((v) => JSON.stringify(v)).join(', ') : String(value));

/** ajv speaks English only; these are the keywords our schemas use, said in both languages. */
export function describeAjvError(error: ErrorObject, prefix = ''): SchemaProblem {
  const params = error.params as Record<string, unknown>;
  const path = prefix + error.instancePath;
  switch (error.keyword) {
    case 'required':
      return operationalDetail(path, 'schema.required', { property: String(params.missingProperty) });
    case 'additionalProperties':
      return suggesting(operationalDetail(path, 'schema.unknown-property', { property: String(params.additionalProperty) }), String(params.additionalProperty), knownProperties(error));
    case 'type':
      return operationalDetail(path, 'schema.type', { type: list(params.type) });
    case 'enum': {
      const detail = operationalDetail(path, 'schema.enum', { allowed: list(params.allowedValues) });
      const allowed = Array.isArray(params.allowedValues) ? params.allowedValues.filter((v): v is string => typeof v === 'string') : [];
      return typeof error.data === 'string' ? suggesting(detail, error.data, allowed) : detail;
    }
    case 'pattern':
      return operationalDetail(path, 'schema.pattern', { pattern: String(params.pattern) });
    case 'minimum':
    case 'exclusiveMinimum':
      return operationalDetail(path, 'schema.minimum', { limit: String(params.limit) });
    case 'maximum':
    case 'exclusiveMaximum':
      return operationalDetail(path, 'schema.maximum', { limit: String(params.limit) });
    case 'minLength':
    case 'minItems':
      return operationalDetail(path, 'schema.too-short', { limit: String(params.limit) });
    case 'maxLength':
    case 'maxItems':
      return operationalDetail(path, 'schema.too-long', { limit: String(params.limit) });
    default:
      return operationalDetail(path, 'schema.other', { keyword: error.keyword, detail: error.message ?? '' });
  }
}

/** The properties the schema knows where an unknown one was found (ajv gives the schema with `verbose`). */
function knownProperties(error: ErrorObject): string[] {
  const parent = error.parentSchema as { properties?: Record<string, unknown> } | undefined;
  return Object.keys(parent?.properties ?? {});
}

/** A detail with the known name a misspelt one was most likely meant to be, when there is one. */
function suggesting(detail: SchemaProblem, given: string, known: readonly string[]): SchemaProblem {
  const suggestion = didYouMean(given, known);
  return suggestion === undefined ? detail : { ...detail, suggestion };
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
