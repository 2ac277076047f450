import { removeLiveTemps } from '../shared/temp-files.js';

// Ctrl-C (SIGINT) or a `kill` (SIGTERM) during a run: remove the temp files of the outputs not yet
// renamed into place (a fix list, its spill file, a report, `dqc fix`'s output and audit log), then
// exit as shells expect of a process stopped by a signal, 128 + the signal's number. Without a
// handler Node dies at once and every temp file stays beside its target.

const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;
type HandledSignal = keyof typeof EXIT_CODES;

/** Installs the handlers for one run; returns the function that removes them again. */
export function cleanUpOnSignals(): () => void {
  const handlers = (Object.keys(EXIT_CODES) as HandledSignal[]).map((signal) => {
    const handler = (): void => {
      removeLiveTemps();
      process.exit(EXIT_CODES[signal]);
    };
    process.on(signal, handler);
    return () => process.off(signal, handler);
  });
  return () => {
    for (const remove of handlers) remove();
  };
}
