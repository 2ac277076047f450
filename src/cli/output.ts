import { DqcError } from '../errors.js';
import { writeWholeFile } from '../shared/temp-files.js';

/** Writes a whole file or nothing: a temp file beside the target, then a rename. */
export function writeFileAtomic(path: string, content: string | Buffer): void {
  try {
    writeWholeFile(path, content);
  } catch (error) {
    throw new DqcError('DQC_OUTPUT_UNWRITABLE', { path, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
  }
}
