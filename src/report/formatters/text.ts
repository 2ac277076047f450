import type { Lang, MessageData } from '../../model.js';
import type { Report } from '../model.js';
import { renderBilingual } from '../../messages/render.js';

/** A finding's message in the asked language, from the templates the report carries. */
export function findingMessage(report: Report, code: string, data: MessageData, lang: Lang): string {
  const template = report.messages[code];
  return template ? renderBilingual(template, lang, data) : code;
}

const numberFormats: Record<Lang, Intl.NumberFormat> = {
  en: new Intl.NumberFormat('en-US'),
  vi: new Intl.NumberFormat('vi-VN'),
};

/** 1,234,567 in English, 1.234.567 in Vietnamese. */
export function formatNumber(n: number, lang: Lang): string {
  return numberFormats[lang].format(n);
}

/** Seconds with two decimals: 4.42 in English, 4,42 in Vietnamese. */
export function formatSeconds(ms: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(ms / 1000);
}
