import { randomBytes } from 'node:crypto';
import { renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DqcError } from '../errors.js';
import { discardTemp, trackTemp, untrackTemp } from '../shared/temp-files.js';

/** Writes a whole file or nothing: a temp file beside the target, then a rename. */
export function writeFileAtomic(path: string, content: string | Buffer): void {
  const dir = dirname(path);
  const temp = trackTemp(join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`));
  try {
    writeFileSync(temp, content);
    renameSync(temp, path);
    untrackTemp(temp);
  } catch (error) {
    discardTemp(temp);
    throw new DqcError('DQC_OUTPUT_UNWRITABLE', { path, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
  }
}
