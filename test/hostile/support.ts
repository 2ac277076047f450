import { rmSync, writeFileSync } from 'node:fs';
import { afterAll } from 'vitest';
import { join } from 'node:path';
import type { ArrayRow } from '../../src/input/row.js';
import { openInput, type ReadOptions } from '../../src/input/open.js';
import type { InputProblem } from '../../src/input/problems.js';
import { tempDir } from '../support/cli.js';

/** Reads a whole input in-process, as the engine does, keeping every row and problem. */
export async function readAll(path: string, options: ReadOptions = {}) {
  const problems: InputProblem[] = [];
  const { reader, stats } = await openInput(path, options, (p) => problems.push(p));
  const rows: { row: number; line: number; cells: readonly string[] }[] = [];
  for await (const row of reader.rows()) rows.push({ row: row.row, line: row.line, cells: (row as ArrayRow).cells });
  return { reader, stats, rows, problems, header: [...reader.header], counts: { ...reader.counts } };
}

let dir: string | undefined;
let serial = 0;

// The property tests write thousands of small files: remove them with the test file's run.
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** A fresh file in this process's temporary directory (never in the repository). */
export function writeTemp(name: string, content: string | Uint8Array): string {
  dir ??= tempDir();
  const path = join(dir, `${++serial}-${name}`);
  writeFileSync(path, content);
  return path;
}

/** A stack trace line as Node prints it; dqc must never show one. */
export const STACK_LINE = /^\s+at .+\(?.+:\d+:\d+\)?$/m;

/**
 * Property runs: fixed so that `npm test` stays bounded; DQC_FC_SCALE=10 runs ten times as many
 * for a deeper search by hand (fast-check prints the seed of any failure to replay it).
 */
export function runs(n: number): number {
  const scale = Number(process.env.DQC_FC_SCALE ?? '1');
  return Math.max(1, Math.round(n * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}
