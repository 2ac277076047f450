import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeError } from '../../src/cli/errors.js';
import { DqcError } from '../../src/errors.js';
import { resolvePacks } from '../../src/pack/resolve.js';
import { dqc } from '../support/cli.js';
import { STACK_LINE, writeTemp } from './support.js';

// Packs and configuration are data: nothing in a pack is ever run. YAML is read with the core
// schema (no constructors of code) and a tag it does not know is refused; keys such as __proto__
// stay plain keys and are refused by the pack schema; aliases cannot blow up; a pack named with
// another extension is still read as JSON, never imported.

function loadError(file: string): DqcError {
  try {
    resolvePacks([file]);
  } catch (error) {
    if (error instanceof DqcError) return error;
    throw error;
  }
  throw new Error(`${file} was accepted`);
}

const BASE = 'name: evil\ncolumns:\n  id: { aliases: [so_dinh_danh] }\n';

describe('a YAML pack cannot run code', () => {
  const TAGS = [
    ['!!js/function', 'check: !!js/function "function () { globalThis.dqcPwned = true }"'],
    ['!!js/regexp', 'check: !!js/regexp /x/'],
    ['!!js/undefined', 'check: !!js/undefined ""'],
    ['!<tag:yaml.org,2002:js/function>', 'check: !<tag:yaml.org,2002:js/function> "function () {}"'],
    ['!!python/object/apply:os.system', 'check: !!python/object/apply:os.system ["echo pwned"]'],
    ['a local tag', 'check: !custom required'],
  ] as const;
  for (const [name, line] of TAGS) {
    it(`refuses the ${name} tag with its line and column`, () => {
      const file = writeTemp('tag.yaml', `${BASE}rules:\n  - id: r\n    column: id\n    ${line}\n`);
      const error = loadError(file);
      expect(error.code).toBe('DQC_PACK_PARSE');
      expect(error.location).toMatchObject({ file, line: 7 });
      expect(String(error.data.reason)).toMatch(/tag/i);
      expect((globalThis as Record<string, unknown>).dqcPwned).toBeUndefined();
    });
  }

  it('keeps __proto__ and constructor as plain keys, refused by the schema, with no pollution', () => {
    for (const text of [
      `${BASE}__proto__: { polluted: true }\n`,
      `${BASE}rules:\n  - id: r\n    check: required\n    column: id\n    options: { __proto__: { polluted: true } }\n`,
      `${BASE}thresholds: { constructor: { prototype: { polluted: true } } }\n`,
    ]) {
      const error = loadError(writeTemp('proto.yaml', text));
      expect(error.code).toBe('DQC_PACK_INVALID');
      expect(error.details.map((d) => d.key)).toContain('schema.unknown-property');
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
    }
  });

  it('refuses alias bombs ("billion laughs") at once', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const error = loadError(writeTemp('laughs.yaml', `name: x\n${levels.join('\n')}\n`));
    expect(error.code).toBe('DQC_PACK_PARSE');
    expect(String(error.data.reason)).toMatch(/alias/i);
  });

  it('YAML merge keys (<<) are not merged: the key is refused by the schema', () => {
    const error = loadError(writeTemp('merge.yaml', `${BASE}base: &b { severity: off }\nrules:\n  - <<: *b\n    id: r\n`));
    expect(error.code).toBe('DQC_PACK_INVALID');
    expect(error.details.map((d) => d.data.property)).toEqual(expect.arrayContaining(['base', '<<']));
  });
});

describe('a pack is never imported', () => {
  it('a .js file given as a pack, or extended, is read as JSON and refused; its code never runs', () => {
    const marker = writeTemp('marker-target', '');
    const marked = join(dirname(marker), 'ran');
    const js = writeTemp('evil.js', `require('node:fs').writeFileSync(${JSON.stringify(marked)}, 'ran'); module.exports = { name: 'x' };\n`);
    expect(loadError(js).code).toBe('DQC_PACK_PARSE');
    const extending = writeTemp('extends.json', JSON.stringify({ name: 'y', extends: js }));
    expect(loadError(extending).code).toBe('DQC_PACK_PARSE');
    expect(existsSync(marked)).toBe(false);
  });
});

describe('hostile pack shapes end in exit 2, never a crash', () => {
  const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
  const PACKS: [string, string][] = [
    ['deep.json', `{"name":"x","columns":{"id":{"aliases":["a"]}},"rules":[{"id":"r","check":"enum","column":"id","options":{"values":${deep(100_000)}}}]}`],
    ['deep.yaml', `name: x\nthresholds: ${deep(20_000)}\n`],
    ['binary.yaml', '\u0000\u0001\u0002\ufffd'],
    ['empty.json', ''],
    ['array.json', '[1, 2, 3]'],
    ['many-rules.json', JSON.stringify({ name: 'x', columns: { id: { aliases: ['so_dinh_danh'] } }, rules: Array.from({ length: 2000 }, (_, i) => ({ id: `r${i}`, check: 'required', column: 'id' })) })],
  ];
  for (const [name, text] of PACKS) {
    it(name, () => {
      const file = writeTemp(name, text);
      if (name === 'many-rules.json') {
        // Large but valid: it loads.
        expect(resolvePacks([file]).rules).toHaveLength(2000);
        return;
      }
      // The CLI's own rendering of the error (src/cli/errors.ts), without a process per case.
      const message = describeError(loadError(file), 'en');
      expect(message).toContain(file);
      expect(message).not.toContain('Internal error');
    });
  }

  it('through the CLI: exit 2, the file named, no stack trace', () => {
    const file = writeTemp('deep-cli.yaml', `name: x
thresholds: ${deep(20_000)}
`);
    const run = dqc(['pack', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(file);
    expect(run.stderr).not.toMatch(STACK_LINE);
  });
});
