import type { Lang } from '../model.js';

// Number and date forms of the shareable reports (HTML, Markdown, JUnit). Vietnamese writes
// 1.234.567, 12,5% and 22/11/2026; English 1,234,567, 12.5% and 2026-11-22 (ISO: no reader
// mistakes it for 11 February). Counts are grouped; row and line numbers are identifiers and are
// written plain (row 1234), as an editor shows them.

const LOCALES: Record<Lang, string> = { en: 'en-US', vi: 'vi-VN' };

const scoreFormats: Record<Lang, Intl.NumberFormat> = {
  en: new Intl.NumberFormat(LOCALES.en, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  vi: new Intl.NumberFormat(LOCALES.vi, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
};

const decimalFormats: Record<Lang, Intl.NumberFormat> = {
  en: new Intl.NumberFormat(LOCALES.en, { maximumFractionDigits: 2 }),
  vi: new Intl.NumberFormat(LOCALES.vi, { maximumFractionDigits: 2 }),
};

/** A 0–100 score with one decimal (98.6 / 98,6); a dash when there is none. */
export function formatScore(score: number | null, lang: Lang): string {
  return score === null ? '–' : scoreFormats[lang].format(score);
}

/** Up to two decimals: 0.95 / 0,95. */
export function formatDecimal(value: number, lang: Lang): string {
  return decimalFormats[lang].format(value);
}

/**
 * A rate as a percentage with up to two decimals (12.5% / 12,5%), never rounded to 0% or 100%
 * when it is not exactly that: 1 failure in a million rows reads "< 0.01%", not "0%".
 */
export function formatRate(rate: number, lang: Lang): string {
  const percent = rate * 100;
  if (percent > 0 && percent < 0.01) return `< ${decimalFormats[lang].format(0.01)}%`;
  if (percent < 100 && percent > 99.99) return `> ${decimalFormats[lang].format(99.99)}%`;
  return `${decimalFormats[lang].format(percent)}%`;
}

/** A calendar day given as yyyy-mm-dd: 22/11/2026 in Vietnamese, 2026-11-22 in English. */
export function formatDate(isoDay: string, lang: Lang): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDay);
  if (!match) return isoDay;
  const [, y, m, d] = match;
  return lang === 'vi' ? `${d}/${m}/${y}` : `${y}-${m}-${d}`;
}

/** A moment (ISO string) to the minute, in UTC so that a report reads the same everywhere. */
export function formatDateTime(iso: string, lang: Lang): string {
  const time = /T(\d{2}):(\d{2})/.exec(iso);
  return time ? `${formatDate(iso, lang)} ${time[1]}:${time[2]} UTC` : formatDate(iso, lang);
}
