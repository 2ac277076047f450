import type { Ajv, Options, ValidateFunction } from 'ajv';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { checkTypes } from '../checks/index.js';
import type { AnyCheckType } from '../checks/define.js';
import { SHIPPED_RULES_DIR } from './locate.js';
import type { PackFile } from './types.js';

// The JSON schemas of packs (rules/pack.schema.json) and of each check type's options. Loading ajv
// and compiling them cost ~150 ms of every run's start-up, for schemas that only change with dqc
// itself; so the build compiles them once to plain functions (ajv's standalone code, written by
// validators-build.ts beside this file as validators.generated.cjs). The generated module carries a
// fingerprint of what it was made from (ajv's version, its options, every schema): when it is missing
// (the sources run as TypeScript, a build by tsc alone) or made from other schemas, ajv compiles
// them here as before, so a stale build is slow, never wrong.

/**
 * strict catches mistakes in the schemas, allErrors gives the pack author every problem at once,
 * verbose the schema a misspelt key is held against (for "did you mean").
 */
export const AJV_OPTIONS: Options = { allErrors: true, strict: true, verbose: true };

/** The generated module's name, beside this file. */
export const GENERATED_FILE = 'validators.generated.cjs';

/** Export names in the generated module: the pack schema's, and one per check type. */
export const PACK_EXPORT = 'pack';
export const checkTypeExport = (id: string): string => `check:${id}`;

const load = createRequire(import.meta.url);

/** The schemas, by export name, in a fixed order: the pack schema, then the check types by id. */
export function schemasToCompile(): [string, object][] {
  const pack = JSON.parse(readFileSync(resolve(SHIPPED_RULES_DIR, 'pack.schema.json'), 'utf8')) as object;
  const checks = Object.entries(checkTypes)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, checkType]): [string, object] => [checkTypeExport(id), checkType.meta.schema]);
  return [[PACK_EXPORT, pack], ...checks];
}

/** What the validators are made from; the generated module is used only when it was made from the same. */
export function validatorsFingerprint(schemas: readonly [string, object][]): string {
  const ajvVersion = (JSON.parse(readFileSync(load.resolve('ajv/package.json'), 'utf8')) as { version: string }).version;
  return createHash('sha256').update(JSON.stringify([ajvVersion, AJV_OPTIONS, schemas])).digest('hex');
}

interface GeneratedValidators {
  fingerprint: string;
  [name: string]: ValidateFunction | string;
}

let generated: GeneratedValidators | null | undefined;

/** The build's validators when they were made from today's schemas, else null. */
function generatedValidators(): GeneratedValidators | null {
  if (generated === undefined) {
    let module: GeneratedValidators | null;
    try {
      module = load(`./${GENERATED_FILE}`) as GeneratedValidators;
    } catch {
      module = null;
    }
    generated = module && module.fingerprint === validatorsFingerprint(schemasToCompile()) ? module : null;
  }
  return generated;
}

/** Whether the build's validators are used (false: ajv compiles the schemas in this process). */
export function usingBuiltValidators(): boolean {
  return generatedValidators() !== null;
}

let packAjv: Ajv | undefined;
let optionsAjv: Ajv | undefined;
/** ajv itself, loaded only when the build's validators cannot be used. */
const newAjv = (): Ajv => new (load('ajv') as typeof import('ajv')).Ajv(AJV_OPTIONS);

let validatePack: ValidateFunction<PackFile> | undefined;

/** The validator of rules/pack.schema.json. */
export function packValidator(): ValidateFunction<PackFile> {
  if (!validatePack) {
    const made = generatedValidators()?.[PACK_EXPORT];
    if (typeof made === 'function') validatePack = made as ValidateFunction<PackFile>;
    else {
      packAjv ??= newAjv();
      validatePack = packAjv.compile<PackFile>(JSON.parse(readFileSync(resolve(SHIPPED_RULES_DIR, 'pack.schema.json'), 'utf8')) as object);
    }
  }
  return validatePack;
}

const optionValidators = new Map<string, ValidateFunction>();

/** The validator of a check type's options (meta.schema). */
export function optionsValidator(checkType: AnyCheckType): ValidateFunction {
  let validate = optionValidators.get(checkType.meta.id);
  if (!validate) {
    const made = generatedValidators()?.[checkTypeExport(checkType.meta.id)];
    if (typeof made === 'function' && checkTypes[checkType.meta.id as keyof typeof checkTypes] === checkType) validate = made;
    else {
      // One ajv for the check types' options, another for the pack schema, as before the build made them.
      optionsAjv ??= newAjv();
      validate = optionsAjv.compile(checkType.meta.schema);
    }
    optionValidators.set(checkType.meta.id, validate);
  }
  return validate;
}
