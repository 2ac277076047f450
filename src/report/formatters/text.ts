import type { Lang, MessageData } from '../../model.js';
import type { Report } from '../model.js';
import { renderBilingual } from '../render.js';

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

export function formatPercent(rate: number, lang: Lang): string {
  return `${new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 2 }).format(rate * 100)}%`;
}
