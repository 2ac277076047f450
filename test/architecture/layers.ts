// The layers of src/ as built (docs/architecture.md): each top-level part has a floor, and an import
// may only go to a part on a lower floor. Parts on one floor (fix, reconcile, profile) are siblings
// and import nothing of each other.

import { cycles, partOf, type ImportEdge } from './import-graph.js';

export const LAYERS: readonly (readonly string[])[] = [
  ['shared', 'model.ts'],
  ['messages'],
  ['errors.ts'],
  ['vn', 'input'],
  ['dedupe'],
  ['checks'],
  ['pack'],
  ['report'],
  ['engine'],
  ['fix', 'reconcile', 'profile'],
  ['init'],
  ['api'],
  ['cli', 'index.ts'],
];

const FLOOR = new Map(LAYERS.flatMap((parts, floor) => parts.map((part) => [part, floor] as const)));

export interface Violation {
  edge: ImportEdge;
  why: string;
}

/** Every import of `edges` that breaks the layering, and every import cycle (of files or of parts). */
export function violations(edges: readonly ImportEdge[]): Violation[] {
  const found: Violation[] = [];
  for (const edge of edges) {
    const from = partOf(edge.from);
    const to = partOf(edge.to);
    if (from === to) continue;
    const a = FLOOR.get(from);
    const b = FLOOR.get(to);
    if (a === undefined || b === undefined) found.push({ edge, why: `${a === undefined ? from : to} is on no floor of test/architecture/layers.ts` });
    else if (b >= a) found.push({ edge, why: `${from} (floor ${a}) may not import ${to} (floor ${b}): arrows point down` });
  }
  const describe = (members: string[]): ImportEdge => ({ from: members[0]!, to: members[1]!, line: 0, typeOnly: false });
  for (const cycle of cycles(edges)) found.push({ edge: describe(cycle), why: `files import each other in a circle: ${cycle.join(', ')}` });
  const parts = edges.map((e) => ({ from: partOf(e.from), to: partOf(e.to) })).filter((e) => e.from !== e.to);
  for (const cycle of cycles(parts)) found.push({ edge: describe(cycle), why: `parts import each other in a circle: ${cycle.join(', ')}` });
  return found;
}

export const describeViolation = ({ edge, why }: Violation): string => `src/${edge.from}:${edge.line} imports src/${edge.to}: ${why}`;
