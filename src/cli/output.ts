import { renameSync, writeFileSync } from 'node:fs';
import { DqcError } from '../errors.js';
import { discardTemp, tempBeside, untrackTemp } from '../shared/temp-files.js';

/** Writes a whole file or nothing: a temp file beside the target, then a rename. */
export function writeFileAtomic(path: string, content: string | Buffer): void {
  const temp = tempBeside(path);
  try {
    writeFileSync(temp, content);
    renameSync(temp, path);
    untrackTemp(temp);
  } catch (error) {
    discardTemp(temp);
    throw new DqcError('DQC_OUTPUT_UNWRITABLE', { path, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
  }
}
