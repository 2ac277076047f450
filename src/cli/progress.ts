import ora, { type Ora } from 'ora';
import type { Lang } from '../model.js';
import { formatNumber } from '../report/formatters/text.js';

export interface Progress {
  update(rows: number): void;
  stop(): void;
}

const silent: Progress = { update: () => undefined, stop: () => undefined };

/** A spinner with rows read and rows/s, only on an interactive terminal and never under CI. */
export function createProgress(lang: Lang, enabled: boolean): Progress {
  if (!enabled) return silent;
  const started = Date.now();
  const spinner: Ora = ora({ stream: process.stderr, text: lang === 'vi' ? 'Đang đọc…' : 'Reading…' }).start();
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

export function progressWanted(quiet: boolean): boolean {
  return !quiet && Boolean(process.stderr.isTTY) && !process.env.CI;
}
