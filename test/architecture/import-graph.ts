// Reads the import lines of src/ as text and builds the graph of files and of top-level parts
// (a folder of src/, or a file directly in it), so that a test can hold the layering as built.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

export interface ImportEdge {
  from: string; // file, relative to src/, with '/' separators
  to: string;
  line: number;
  typeOnly: boolean;
}

const SPECIFIER =
  /(?<![\w$.])(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)|new URL\(\s*['"](\.{1,2}\/[^'"]+)['"]/g;

export function sourceFiles(srcDir: string): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) files.push(path);
    }
  };
  walk(srcDir);
  return files.sort();
}

const toKey = (srcDir: string, path: string): string => relative(srcDir, path).split(sep).join('/');

export function importEdges(srcDir: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const file of sourceFiles(srcDir)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(SPECIFIER)) {
      const specifier = match[2] ?? match[3] ?? match[4];
      if (specifier === undefined) continue;
      const target = resolve(dirname(file), specifier.replace(/\.js$/, '.ts'));
      const line = text.slice(0, match.index).split('\n').length;
      edges.push({ from: toKey(srcDir, file), to: toKey(srcDir, target), line, typeOnly: match[1] !== undefined });
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
