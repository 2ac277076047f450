import { existsSync } from 'node:fs';
import { DqcError } from '../errors.js';

/**
 * Paths and globs to files, in the order given (each glob's matches sorted). A path that exists is
 * taken as it is, so names with glob characters like `[2025]` still work.
 */
export async function expandInputs(patterns: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const pattern of patterns) {
    if (existsSync(pattern)) {
      files.push(pattern);
      continue;
    }
    // fast-glob is loaded only for a pattern that is no path: most runs name their files.
    const { default: fg } = await import('fast-glob');
    const matches = (await fg(pattern.replace(/\\/g, '/'), { onlyFiles: true, dot: false })).sort();
    if (matches.length === 0) throw new DqcError('DQC_INPUT_NOT_FOUND', { path: pattern });
    files.push(...matches);
  }
  return [...new Set(files)];
}
