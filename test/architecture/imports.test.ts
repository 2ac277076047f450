import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cycles, importEdges, partOf, sourceFiles, type ImportEdge } from './import-graph.js';
import { describeViolation, LAYERS, violations } from './layers.js';

// The house as built (docs/architecture.md): the imports of src/ are read as text, and the test
// fails on a cycle (of files or of top-level parts) or on an arrow that points up or sideways.

const SRC = fileURLToPath(new URL('../../src', import.meta.url));
const edges = importEdges(SRC);
const edge = (from: string, to: string): ImportEdge => ({ from, to, line: 1, typeOnly: false });

describe('the imports of src/', () => {
  it('are read: every file is found, and so are its relative imports', () => {
    expect(sourceFiles(SRC).length).toBeGreaterThan(150);
    expect(edges).toContainEqual(expect.objectContaining({ from: 'engine/check.ts', to: 'engine/row-workers.ts' }));
    // type-only and multi-line imports count too
    expect(edges).toContainEqual(expect.objectContaining({ from: 'engine/rule.ts', to: 'pack/types.ts', typeOnly: true }));
    expect(edges).toContainEqual(expect.objectContaining({ from: 'checks/same-person.ts', to: 'dedupe/same-person/records.ts', typeOnly: false }));
    // the worker thread is started from a URL
    expect(edges).toContainEqual(expect.objectContaining({ from: 'engine/row-workers.ts', to: 'engine/row-worker.ts' }));
  });

  it('put every top-level part of src/ on a floor', () => {
    const parts = new Set(sourceFiles(SRC).map((file) => partOf(relative(SRC, file).split(sep).join('/'))));
    expect([...parts].sort()).toEqual(LAYERS.flat().sort());
  });

  it('point down only, with no cycle of files or of parts', () => {
    expect(violations(edges).map(describeViolation)).toEqual([]);
  });

  it('keep the arrows the issue names', () => {
    const from = (part: string) => new Set(edges.filter((e) => partOf(e.from) === part).map((e) => partOf(e.to)));
    for (const below of ['checks', 'engine', 'report']) expect(from('vn').has(below)).toBe(false);
    for (const part of ['input', 'pack']) expect(from(part).has('engine')).toBe(false);
    expect(from('checks').has('report')).toBe(false);
    expect(from('index.ts').has('cli')).toBe(false);
    expect(from('report').has('fix') || from('report').has('profile') || from('report').has('reconcile')).toBe(false);
  });
});

describe('the layering check', () => {
  it.each([
    ['vn/personal-id.ts', 'checks/index.ts', 'vn (floor 3) may not import checks (floor 5)'],
    ['input/csv.ts', 'engine/run.ts', 'input (floor 3) may not import engine (floor 8)'],
    ['pack/resolve.ts', 'engine/rule.ts', 'pack (floor 6) may not import engine (floor 8)'],
    ['checks/unique.ts', 'report/formatters/html.ts', 'checks (floor 5) may not import report (floor 7)'],
    ['index.ts', 'cli/main.ts', 'index.ts (floor 12) may not import cli (floor 12)'],
    ['report/messages.ts', 'fix/messages.ts', 'report (floor 7) may not import fix (floor 9)'],
    ['fix/apply.ts', 'reconcile/run.ts', 'fix (floor 9) may not import reconcile (floor 9)'],
  ])('fails when %s imports %s again', (from, to, why) => {
    const found = violations([...edges, edge(from, to)]).map(describeViolation);
    expect(found).toContainEqual(expect.stringContaining(`src/${from}:1 imports src/${to}: ${why}`));
  });

  it('fails on a circle of files, even inside one part', () => {
    const found = violations([...edges, edge('engine/row-worker.ts', 'engine/row-workers.ts')]).map(describeViolation);
    expect(found).toEqual([expect.stringContaining('files import each other in a circle: engine/row-worker.ts, engine/row-workers.ts')]);
  });

  it('fails on a part that is on no floor', () => {
    expect(violations([edge('newpart/a.ts', 'shared/text.ts')]).map(describeViolation)).toEqual([
      'src/newpart/a.ts:1 imports src/shared/text.ts: newpart is on no floor of test/architecture/layers.ts',
    ]);
  });

  it('finds cycles as Tarjan does: one component per circle, none for a chain', () => {
    expect(cycles([edge('a', 'b'), edge('b', 'c'), edge('c', 'a'), edge('c', 'd')])).toEqual([['a', 'b', 'c']]);
    expect(cycles([edge('a', 'b'), edge('b', 'c')])).toEqual([]);
  });
});

describe('below the command line', () => {
  // The engine and the library never print, exit or read the environment: the command line reads
  // DQC_THREADS, DQC_CSV_READER, DQC_LANG … and passes them down as options. Any use of `process`
  // but the working directory (a default for finding packs) is refused, and so is node:process.
  const below = sourceFiles(SRC)
    .map((file) => relative(SRC, file).split(sep).join('/'))
    .filter((file) => !file.startsWith('cli/'));

  it('covers every file outside src/cli', () => {
    expect(below.length).toBeGreaterThan(150);
  });

  it.each(below.map((file) => [file]))('%s does not touch process.env, exit, stdout, stderr or argv', (file) => {
    // Comments may speak of processes; code may not use one.
    const text = readFileSync(join(SRC, file), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/(^|[^:])\/\/.*$/gm, '$1');
    expect(text).not.toMatch(/\bprocess\b(?!\.cwd\(\))/);
    expect(text).not.toMatch(/from\s+['"](node:)?process['"]/);
  });
});
