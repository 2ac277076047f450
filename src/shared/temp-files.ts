import { rmSync } from 'node:fs';

// Temp files that are not yet renamed into place. Writers stream to a temp file beside their target
// and rename it on commit; a run stopped by a signal never reaches commit or abort, so the command
// line (the only code that handles signals) removes whatever is still listed here before it exits.

const live = new Set<string>();

/** Lists a temp file about to be created; returns its path. */
export function trackTemp(path: string): string {
  live.add(path);
  return path;
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
