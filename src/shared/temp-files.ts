import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

// Temp files that are not yet renamed into place. Writers stream to a temp file beside their target
// and rename it on commit; a run stopped by a signal never reaches commit or abort, so the command
// line (the only code that handles signals) removes whatever is still listed here before it exits.

const live = new Set<string>();

/** Lists a temp file about to be created; returns its path. */
export function trackTemp(path: string): string {
  live.add(path);
  return path;
}

/**
 * A fresh temp path beside `target` (`.name.<random>.tmp<suffix>`, hidden, on the same file system so
 * the rename is atomic), listed: the file a writer streams to before renaming it into place.
 */
export function tempBeside(target: string, suffix = ''): string {
  return trackTemp(join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp${suffix}`));
}

/**
 * Writes a whole file or nothing: `content` to a temp file beside `path`, renamed into place. On a
 * failure the temp file is removed and the error thrown as it came (callers say it in their words).
 */
export function writeWholeFile(path: string, content: string | Buffer): void {
  const temp = tempBeside(path);
  try {
    writeFileSync(temp, content);
    renameSync(temp, path);
    untrackTemp(temp);
  } catch (error) {
    discardTemp(temp);
    throw error;
  }
}

/** The temp file was renamed into place or removed: nothing left to clean. */
export function untrackTemp(path: string): void {
  live.delete(path);
}

/** Removes a temp file (if it is there) and forgets it. */
export function discardTemp(path: string): void {
  try {
    rmSync(path, { force: true });
  } finally {
    live.delete(path);
  }
}

/** Removes every temp file still listed; synchronous, so it can run in a signal handler just before exit. */
export function removeLiveTemps(): void {
  for (const path of live) {
    try {
      rmSync(path, { force: true });
    } catch {
      // Best effort: the process is about to exit, and one file that cannot go must not keep the others.
    }
  }
  live.clear();
}

/** Temp files currently listed (for tests). */
export function liveTemps(): string[] {
  return [...live];
}
