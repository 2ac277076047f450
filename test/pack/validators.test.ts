import { Ajv, type ValidateFunction } from 'ajv';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTypes } from '../../src/checks/index.js';
import {
  AJV_OPTIONS,
  checkTypeExport,
  PACK_EXPORT,
  schemasToCompile,
  validatorsFingerprint,
} from '../../src/pack/validators.js';
import { validatorsModuleCode } from '../../src/pack/validators-build.js';
import { ROOT } from '../support/cli.js';

// The build compiles the pack schema and the check types' option schemas to plain functions (ajv's
// standalone code), so that a run does not load ajv nor compile them. They must accept and refuse
// exactly what ajv's own compilation does, with the same errors (the pack problems are made of them).

// The module as CommonJS runs it, its require (ajv's runtime helpers) resolved from here.
const generated: Record<string, ValidateFunction | string> = {};
new Function('exports', 'require', validatorsModuleCode())(generated, createRequire(import.meta.url));

/** What ajv says of `data`, compiled at run time as before the build did it. */
function compiled(schema: object): ValidateFunction {
  return new Ajv(AJV_OPTIONS).compile(schema);
}

function same(built: ValidateFunction, runtime: ValidateFunction, data: unknown): void {
  const ok = runtime(structuredClone(data));
  expect(built(structuredClone(data))).toBe(ok);
  expect(built.errors ?? null).toEqual(runtime.errors ?? null);
}

const shippedPack = JSON.parse(readFileSync(join(ROOT, 'rules', 'vn-population.json'), 'utf8')) as Record<string, unknown>;
const rules = shippedPack.rules as Record<string, unknown>[];

/** Packs good and bad: every top-level part and every rule part replaced by values of the wrong kind. */
function packVariants(): unknown[] {
  const wrong = [null, 1, -1, 0.5, 'x', '', true, [], {}, ['a'], { en: 'a' }, { unknown: 1 }];
  const variants: unknown[] = [shippedPack, JSON.parse(readFileSync(join(ROOT, 'fixtures', 'duplicates.pack.json'), 'utf8')), {}, [], 'pack', null];
  for (const key of [...Object.keys(shippedPack), 'extends', 'dialect', 'thresholds', 'structure', 'nme']) {
    for (const value of wrong) variants.push({ ...shippedPack, [key]: value });
  }
  for (const key of ['id', 'check', 'column', 'columns', 'severity', 'dimension', 'options', 'max_failures', 'max_fail_rate', 'description', 'colum']) {
    for (const value of wrong) variants.push({ name: 'p', rules: [{ ...rules[0], [key]: value }, rules[1]] });
  }
  return variants;
}

/** Options of a check type: its defaults, nothing, and each property (known or misspelt) of the wrong kind. */
function optionVariants(schema: Record<string, unknown>, defaults: unknown): unknown[] {
  const wrong = [null, 0, -1, 1.5, 100_000, 'x', '', true, [], ['x'], [1], {}, { a: 1 }];
  const properties = Object.keys((schema.properties as Record<string, unknown> | undefined) ?? {});
  const base = (defaults ?? {}) as Record<string, unknown>;
  const variants: unknown[] = [base, {}, null, 'x', []];
  for (const key of [...properties, 'unknwn', `${properties[0] ?? 'x'}s`]) {
    for (const value of wrong) variants.push({ ...base, [key]: value });
  }
  return variants;
}

describe('validators compiled at build time', () => {
  it('say of every pack what ajv compiling the pack schema says, errors included', () => {
    const schema = schemasToCompile().find(([name]) => name === PACK_EXPORT)![1];
    const runtime = compiled(schema);
    const variants = packVariants();
    expect(variants.length).toBeGreaterThan(200);
    for (const data of variants) same(generated[PACK_EXPORT] as ValidateFunction, runtime, data);
  });

  it('say of every check type’s options what ajv compiling its schema says, errors included', () => {
    let refused = 0;
    for (const [id, checkType] of Object.entries(checkTypes)) {
      const runtime = compiled(checkType.meta.schema);
      const built = generated[checkTypeExport(id)] as ValidateFunction;
      expect(typeof built, id).toBe('function');
      for (const data of optionVariants(checkType.meta.schema, checkType.meta.defaults)) {
        same(built, runtime, data);
        if (!runtime(structuredClone(data))) refused++;
      }
    }
    expect(refused).toBeGreaterThan(100);
  });

  it('carry the fingerprint of what they were made from, which any change of a schema changes', () => {
    const schemas = schemasToCompile();
    expect(generated.fingerprint).toBe(validatorsFingerprint(schemas));
    const changed = schemas.map(([name, schema]): [string, object] => [name, name === checkTypeExport('required') ? { ...schema, minProperties: 0 } : schema]);
    expect(validatorsFingerprint(changed)).not.toBe(generated.fingerprint);
  });
});

describe('the build (npm run build, and the tests’ global setup)', () => {
  it('writes them beside dist/pack/validators.js, and the built CLI uses them', () => {
    const script = `const v = await import(${JSON.stringify(join(ROOT, 'dist', 'pack', 'validators.js'))}); console.log(v.usingBuiltValidators());`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('true');
  });
});
