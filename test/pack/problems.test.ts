import { describe, expect, it } from 'vitest';
import { DqcError, formatError, type ErrorDetail } from '../../src/errors.js';
import { resolvePacks } from '../../src/pack/resolve.js';
import { didYouMean, editDistance } from '../../src/pack/suggest.js';
import { writeTemp } from '../hostile/support.js';

// A pack's problems come all at once (schema, duplicate keys and rule ids, check types, options,
// patterns, columns), each at its line and column of the file, JSON as YAML, with the name a
// misspelt one was most likely meant to be.

function problemsOf(files: string[]): DqcError {
  try {
    resolvePacks(files);
  } catch (error) {
    if (error instanceof DqcError) return error;
    throw error;
  }
  throw new Error(`${files.join(', ')} was accepted`);
}

/** The details as `path @line:column key [suggestion]`, the order they are reported in. */
const brief = (details: readonly ErrorDetail[]) =>
  details.map((d) => `${d.path} @${d.line ?? '?'}:${d.column ?? '?'} ${d.key}${d.suggestion ? ` [${d.suggestion}]` : ''}`);

// Line numbers below are those of these texts: keep them in step.
const JSON_PACK = `{
  "name": "every-stage",
  "columns": {
    "id_number": { "aliases": ["so_dinh_danh"] },
    "full_name": { "alias": ["ho_ten"] }
  },
  "rules": [
    { "id": "a", "check": "requird", "column": "id_number" },
    { "id": "b", "check": "pattern", "column": "ful_name", "options": { "patern": "x" } },
    { "id": "c", "check": "pattern", "column": "id_number", "options": { "pattern": "([a-z" } },
    { "id": "d", "check": "required", "colunm": "id_number", "severity": "eror" },
    { "id": "e", "check": "range", "column": "id_number", "options": { "min": 5, "max": 1 } }
  ]
}
`;

const YAML_PACK = `name: every-stage
columns:
  id_number: { aliases: [so_dinh_danh] }
  full_name:
    alias: [ho_ten]
rules:
  - id: a
    check: requird
    column: id_number
  - id: b
    check: pattern
    column: ful_name
    options: { patern: x }
  - id: c
    check: pattern
    column: id_number
    options:
      pattern: "([a-z"
  - id: d
    check: required
    colunm: id_number
    severity: eror
  - id: e
    check: range
    column: id_number
    options: { min: 5, max: 1 }
`;

describe('every problem of a pack in one run, with its line and column', () => {
  it('JSON: schema, check types, options, patterns and columns together, in the order of the file', () => {
    const error = problemsOf([writeTemp('every.json', JSON_PACK)]);
    expect(error.code).toBe('DQC_PACK_INVALID');
    expect(brief(error.details)).toEqual([
      '/columns/full_name @5:20 schema.unknown-property [aliases]',
      '/rules/0/check @8:27 pack.unknown-check-near [required]',
      '/rules/1/column @9:48 pack.unknown-column [full_name]',
      '/rules/1/options @9:71 schema.required',
      '/rules/1/options @9:73 schema.unknown-property [pattern]',
      '/rules/2/options @10:72 pack.check-setup',
      // No column to point at: the rule itself.
      '/rules/3/column @11:5 pack.missing-column',
      '/rules/3 @11:39 schema.unknown-property [column]',
      '/rules/3/severity @11:74 schema.enum [error]',
      '/rules/4/options @12:70 pack.check-setup',
    ]);
    expect(error.data.count).toBe(10);
  });

  it('YAML: the same problems at their YAML places', () => {
    const error = problemsOf([writeTemp('every.yaml', YAML_PACK)]);
    expect(brief(error.details)).toEqual([
      '/columns/full_name @5:5 schema.unknown-property [aliases]',
      '/rules/0/check @8:12 pack.unknown-check-near [required]',
      '/rules/1/column @12:13 pack.unknown-column [full_name]',
      '/rules/1/options @13:14 schema.required',
      '/rules/1/options @13:16 schema.unknown-property [pattern]',
      '/rules/2/options @18:7 pack.check-setup',
      '/rules/3/column @19:5 pack.missing-column',
      '/rules/3 @21:5 schema.unknown-property [column]',
      '/rules/3/severity @22:15 schema.enum [error]',
      '/rules/4/options @26:14 pack.check-setup',
    ]);
  });

  it('says the places and the "did you mean" in either language, and a detail without a place as before', () => {
    const error = problemsOf([writeTemp('every.json', JSON_PACK)]);
    const en = formatError(error, 'en');
    expect(en).toContain('  /rules/0/check (line 8, column 27): unknown check type "requird" (did you mean "required"?)');
    expect(en).toContain('  /rules/3 (line 11, column 39): unknown property "colunm" (did you mean "column"?)');
    const vi = formatError(error, 'vi');
    expect(vi).toContain('  /rules/0/check (dòng 8, cột 27): không có loại kiểm tra "requird" (có phải ý bạn là "required"?)');
    const plain = new DqcError('DQC_PACK_INVALID', { file: 'p.json', count: 1 }, { file: 'p.json' }, [
      { path: '/rules/0', key: 'x', data: {}, text: { en: 'something', vi: 'điều gì đó' } },
    ]);
    expect(formatError(plain, 'en')).toBe('dqc: Rule pack p.json is invalid (1 problems):\n  /rules/0: something');
  });

  it('a rule replaced by a later one of the same id still has its own problems said', () => {
    const file = writeTemp('twice.json', '{"name": "twice", "columns": {"a": {}},\n "rules": [\n  {"id": "r", "check": "lenght", "column": "a"},\n  {"id": "r", "check": "required", "column": "a"}\n]}\n');
    expect(brief(problemsOf([file]).details)).toEqual(['/rules/0/check @3:24 pack.unknown-check-near [length]', '/rules/1/id @4:10 pack.duplicate-rule']);
  });

  it('several packs: each path names its file, each place is in that file', () => {
    const base = writeTemp('base.yaml', 'name: base\ncolumns:\n  a: {}\nrules:\n  - id: r\n    check: requred\n    column: a\n');
    const top = writeTemp('top.json', `{\n  "name": "top",\n  "extends": "${base}",\n  "rules": [{ "id": "s", "check": "unique", "column": "b" }]\n}\n`);
    const error = problemsOf([top]);
    // The file named first, then the packs it extends.
    expect(brief(error.details)).toEqual([`${top}#/rules/0/column @4:55 pack.unknown-column`, `${base}#/rules/0/check @6:12 pack.unknown-check-near [required]`]);
  });

  it('an option inherited from an extended pack is placed at the rule that takes it', () => {
    const base = writeTemp('base.json', '{"name": "base", "columns": {"a": {}}, "rules": [{"id": "r", "check": "pattern", "column": "a", "options": {"pattern": "x"}}]}');
    // The override sets flags the inherited pattern cannot take.
    const top = writeTemp('top.yaml', `name: top\nextends: ${base}\nrules:\n  - id: r\n    options: { pattern: "(" }\n`);
    const [detail] = problemsOf([top]).details;
    expect(detail).toMatchObject({ path: '/rules/0/options', line: 5, column: 14, key: 'pack.check-setup' });
  });
});

describe('did you mean', () => {
  it('counts a swap of two letters as one slip', () => {
    expect(editDistance('colunm', 'column')).toBe(1);
    expect(editDistance('requird', 'required')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it.each([
    ['requird', ['required', 'unique'], 'required'],
    ['Required', ['required'], 'required'],
    ['uniqe', ['required', 'unique'], 'unique'],
    ['severty', ['severity', 'column'], 'severity'],
    ['colums', ['columns', 'column'], 'columns'],
    ['vn-phon', ['vn-phone', 'vn-cmnd'], 'vn-phone'],
    ['x', ['id'], undefined],
    ['pattern-match', ['pattern'], undefined],
    ['something', ['required', 'unique'], undefined],
  ])('%s among %j: %s', (given, known, expected) => {
    expect(didYouMean(given, known)).toBe(expected);
  });
});
