import fc from 'fast-check';
import { LineCounter, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { hasDuplicateJsonKey, indexJsonPositions, positionsOf } from '../../src/pack/positions.js';

// A JSON pack's duplicate keys are found by a linear scan; the YAML parser (which keeps every node's
// place) runs only when the scan finds one or a problem asks where it is. The scan must say "a key
// twice" exactly when the YAML index lists duplicates.
function yamlDuplicates(text: string): number {
  const counter = new LineCounter();
  const document = parseDocument(text, { lineCounter: counter, uniqueKeys: false, logLevel: 'silent', schema: 'json' });
  return document.errors.length > 0 ? 0 : positionsOf(document, counter).duplicates.length;
}

/** JSON texts whose objects may give a key twice, with escapes, nesting, arrays and odd spacing. */
const key = fc.oneof(fc.constantFrom('a', 'b', 'id', 'a"b', 'a\\b', 'é', '\u00e9', 'e\u0301', '', ',', '{', ':'), fc.string({ maxLength: 3 }));
const jsonText: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('1', 'true', 'null', '"x"', '"}"', '"[,"', '"\\""'),
    fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
    fc
      .array(fc.tuple(key, tie('value'), fc.boolean(), fc.constantFrom('', ' ', '\n  ')), { maxLength: 5 })
      .map((pairs) => `{${pairs.map(([k, v, escape, space]) => `${space}${escape ? JSON.stringify(k).replace(/[a-z]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`) : JSON.stringify(k)}${space}:${space}${v}`).join(',')}${pairs.length > 0 ? pairs[0]![3] : ''}}`),
  ),
})).value;

describe('duplicate keys of a JSON pack', () => {
  it('the scan finds a key given twice exactly when the YAML index does', () => {
    fc.assert(
      fc.property(jsonText, (text) => {
        JSON.parse(text); // only texts JSON.parse accepts reach the scan
        expect(hasDuplicateJsonKey(text)).toBe(yamlDuplicates(text) > 0);
      }),
      { numRuns: 2000 },
    );
  });

  it('compares keys as JSON reads them, not as written, and only keys of one object', () => {
    expect(hasDuplicateJsonKey('{"a": 1, "\\u0061": 2}')).toBe(true);
    expect(hasDuplicateJsonKey('{"a": {"a": 1}, "b": ["a", "a"]}')).toBe(false);
    expect(hasDuplicateJsonKey('{"a": "b", "c": {"d": 1}, "b": 2}')).toBe(false);
    expect(hasDuplicateJsonKey('[{"x": 1}, {"x": 2, "y": {"z": [1, {"x": 3}]}, "x": 4}]')).toBe(true);
  });

  it('without duplicates, places are still found when a problem asks for them', () => {
    const text = '{\n  "name": "p",\n  "rules": [\n    { "id": "r", "check": "x" }\n  ]\n}';
    const positions = indexJsonPositions(text);
    expect(positions.duplicates).toEqual([]);
    expect(positions.locate('/rules/0/check')).toEqual({ line: 4, column: 27 });
    expect(positions.locate('/rules/0', 'id')).toEqual({ line: 4, column: 7 });
  });

  it('with a duplicate, both places of the key are given', () => {
    const positions = indexJsonPositions('{\n  "name": "p",\n  "name": "q"\n}');
    expect(positions.duplicates).toEqual([{ pointer: '', key: 'name', first: { line: 2, column: 3 }, again: { line: 3, column: 3 } }]);
  });
});
