import type { Ora } from 'ora';
import type { Lang } from '../model.js';
import { formatNumber } from '../report/formatters/text.js';

export interface Progress {
  update(rows: number): void;
  stop(): void;
}

const silent: Progress = { update: () => undefined, stop: () => undefined };

/**
 * A spinner with rows read and rows/s, only on an interactive terminal and never under CI. ora (and
 * the ~20 modules under it, ~70 ms) is loaded only then.
 */
export async function createProgress(lang: Lang, enabled: boolean): Promise<Progress> {
  if (!enabled) return silent;
  const { default: ora } = await import('ora');
  const started = Date.now();
  // discardStdin off: touching the terminal's input would stop a dqc run in the background (SIGTTIN).
  const spinner: Ora = ora({
    stream: process.stderr,
    discardStdin: false,
    text: lang === 'vi' ? 'Đang đọc…' : 'Reading…',
  }).start();
  return {
    update(rows) {
      const perSecond = Math.round(rows / Math.max(0.001, (Date.now() - started) / 1000));
      spinner.text =
        lang === 'vi'
          ? `Đã đọc ${formatNumber(rows, lang)} dòng (${formatNumber(perSecond, lang)} dòng/giây)`
          : `${formatNumber(rows, lang)} rows read (${formatNumber(perSecond, lang)} rows/s)`;
    },
    stop() {
      spinner.stop();
    },
  };
}

/** A spinner only helps a person watching a terminal: never under CI, when piped, or with --quiet. */
export function progressWanted(quiet: boolean, stderrIsTty: boolean, env: NodeJS.ProcessEnv): boolean {
  return !quiet && stderrIsTty && !env.CI;
}

/** Colour only on a terminal, never with NO_COLOR (any value) or --no-color; FORCE_COLOR forces it. */
export function colorWanted(flag: boolean | undefined, stdoutIsTty: boolean, env: NodeJS.ProcessEnv): boolean {
  if (flag === false || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return stdoutIsTty && env.TERM !== 'dumb';
}
