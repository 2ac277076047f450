import { renameSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { stringify as toYaml } from 'yaml';
import { DqcError } from '../errors.js';
import { discardTemp, tempBeside, untrackTemp } from '../shared/temp-files.js';
import { resolvePacks } from '../pack/resolve.js';
import type { ConfigFile } from './plan.js';

/** The config's text: JSON for .json, YAML otherwise. */
export function serializeConfig(config: ConfigFile, path: string): string {
  return extname(path).toLowerCase() === '.json' ? `${JSON.stringify(config, null, 2)}\n` : toYaml(config, { lineWidth: 0 });
}

function unwritable(path: string, error: unknown): DqcError {
  return new DqcError('DQC_OUTPUT_UNWRITABLE', { path, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
}

/**
 * Writes the config whole or not at all, and only once it is known to be a valid pack: a temp file
 * beside the target (same extension, so it is read the same way) is resolved like any pack, then
 * renamed over the target. On any failure the temp file is removed and the target left as it was.
 */
export function writeValidConfig(path: string, text: string): void {
  const temp = tempBeside(path, extname(path));
  try {
    writeFileSync(temp, text);
  } catch (error) {
    discardTemp(temp);
    throw unwritable(path, error);
  }
  try {
    resolvePacks([temp]);
    renameSync(temp, path);
    untrackTemp(temp);
  } catch (error) {
    discardTemp(temp);
    throw error instanceof DqcError ? error : unwritable(path, error);
  }
}
