// Reads the import lines of src/ as text and builds the graph of files and of top-level parts
// (a folder of src/, or a file directly in it), so that a test can hold the layering as built.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

export interface ImportEdge {
  from: string; // file, relative to src/, with '/' separators
  to: string;
  line: number;
  typeOnly: boolean;
}

// TypeScript's own pre-processor finds every import form (static, type-only, `export … from`,
// `import x = require()`, `import()` and `require()` of a literal); `new URL('./x.js', import.meta.url)`
// (how a worker thread is started) is read by a pattern of its own.
const NEW_URL = /new URL\(\s*['"`](\.{1,2}\/[^'"`]+)['"`]/g;
const SOURCE = /\.(ts|mts|cts|tsx)$/;

export function sourceFiles(srcDir: string): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(path);
    }
  };
  walk(srcDir);
  return files.sort();
}

const toKey = (srcDir: string, path: string): string => relative(srcDir, path).split(sep).join('/');

/** Where a specifier points: `./x.js` is written for `./x.ts`; a folder means its index. */
function target(file: string, specifier: string): string {
  const path = resolve(dirname(file), specifier.replace(/\.(m|c)?js$/, '.$1ts'));
  if (SOURCE.test(path)) return path;
  return existsSync(`${path}.ts`) ? `${path}.ts` : join(path, 'index.ts');
}

export function importEdges(srcDir: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const file of sourceFiles(srcDir)) {
    const text = readFileSync(file, 'utf8');
    const lineAt = (offset: number) => text.slice(0, offset).split('\n').length;
    const found: { specifier: string; offset: number }[] = ts
      .preProcessFile(text, true, true)
      .importedFiles.map((ref) => ({ specifier: ref.fileName, offset: ref.pos }));
    for (const match of text.matchAll(NEW_URL)) found.push({ specifier: match[1]!, offset: match.index });
    for (const { specifier, offset } of found) {
      if (!specifier.startsWith('.')) continue; // a package or node: module
      // A statement is type-only when it says so after its keyword (it may span several lines).
      const start = Math.max(text.lastIndexOf('\nimport', offset), text.lastIndexOf('\nexport', offset), 0);
      const typeOnly = /^\s*(import|export)\s+type\b/.test(text.slice(start, offset));
      edges.push({ from: toKey(srcDir, file), to: toKey(srcDir, target(file, specifier)), line: lineAt(offset), typeOnly });
    }
  }
  return edges;
}

/** The top-level part a file belongs to: its first folder under src/, or the file itself. */
export const partOf = (file: string): string => (file.includes('/') ? file.slice(0, file.indexOf('/')) : file);

/** Strongly connected components with more than one member (Tarjan), each sorted. */
export function cycles(edges: ReadonlyArray<{ from: string; to: string }>): string[][] {
  const next = new Map<string, Set<string>>();
  for (const { from, to } of edges) {
    if (from === to) continue;
    if (!next.has(from)) next.set(from, new Set());
    if (!next.has(to)) next.set(to, new Set());
    next.get(from)!.add(to);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let counter = 0;
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const to of next.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of [...next.keys()].sort()) if (!index.has(node)) visit(node);
  return found.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

export const partEdges = (edges: readonly ImportEdge[]): ImportEdge[] =>
  edges.map((edge) => ({ ...edge, from: partOf(edge.from), to: partOf(edge.to) })).filter((e) => e.from !== e.to);
