import type { Lang, MessageData } from '../../model.js';
import type { Report } from '../model.js';
import { renderBilingual } from '../../messages/render.js';
import { formatDate, formatDecimal } from '../locale.js';
import { t, type MessageKey } from '../messages.js';

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

// Message data is written by check types and the reader in one neutral form (numbers as numbers,
// their own dates as dd/MM/yyyy or yyyy-mm-dd, fields by their pack name); the reader's forms are
// applied here, at render time, so a Vietnamese report does not say "2643 ngày" beside "2.643 dòng".
// Cell values (and what echoes them) are shown as the file holds them.
const ECHO_KEYS = new Set(['value', 'canonical', 'digits', 'key', 'candidates', 'members', 'left_value', 'right_value', 'card_bhxh', 'bhxh', 'dob', 'birth', 'new', 'renamed', 'base_value', 'birth_value', 'first_value', 'issued', 'event_value']);
/** Numbers that name something (a row, a line, a year, a position) are written plain, as an editor shows them. */
const PLAIN_NUMBER = /(?:^|_)(?:row|line|file|cluster|year|position|digit|day|code|prefix)$/;
const FIELD_KEY = /(?:^|_)field$/;
const DMY = /^(\d{2})\/(\d{2})\/(\d{4})$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const PERCENT = /^(\d+)(?:\.(\d+))?%$/;

/** A percentage a check wrote as text (92.0%) with the reader's decimal mark, as many decimals as it had. */
function localizedPercent(whole: string, decimals: string | undefined, lang: Lang): string {
  const digits = decimals?.length ?? 0;
  const format = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return `${format.format(Number(`${whole}.${decimals ?? '0'}`))}%`;
}

function fieldName(report: Pick<Report, 'fieldLabels'>, field: string, lang: Lang): string {
  // English keeps the pack's field name, the one the pack, the fix list and --column use.
  if (lang === 'en') return field;
  const label = report.fieldLabels?.[field];
  return label ? label[lang] || field : field;
}

/** A message's data in the reader's forms: counts grouped, the tool's dates and field names per language. */
export function localizedData(report: Pick<Report, 'fieldLabels'>, data: MessageData, lang: Lang): MessageData {
  const out: MessageData = {};
  for (const [key, value] of Object.entries(data)) {
    if (ECHO_KEYS.has(key)) {
      out[key] = value;
    } else if (typeof value === 'number') {
      out[key] = PLAIN_NUMBER.test(key) || !Number.isFinite(value) ? value : Number.isInteger(value) ? formatNumber(value, lang) : formatDecimal(value, lang);
    } else if (typeof value !== 'string') {
      out[key] = value;
    } else if (FIELD_KEY.test(key)) {
      out[key] = fieldName(report, value, lang);
    } else if (key === 'fields' || key === 'columns') {
      out[key] = value.split(', ').map((field) => fieldName(report, field, lang)).join(', ');
    } else if (DMY.test(value) || ISO_DAY.test(value)) {
      const dmy = DMY.exec(value);
      out[key] = formatDate(dmy ? `${dmy[3]}-${dmy[2]}-${dmy[1]}` : value, lang);
    } else {
      const percent = PERCENT.exec(value);
      out[key] = percent ? localizedPercent(percent[1] as string, percent[2], lang) : value;
    }
  }
  return out;
}

/** A finding's message in the asked language, from the templates the report carries. */
export function findingMessage(report: Report, code: string, data: MessageData, lang: Lang): string {
  const template = report.messages[code];
  return template ? renderBilingual(template, lang, localizedData(report, data, lang)) : code;
}

/** An input problem's message in the asked language, its data in the reader's forms. */
export function problemMessage(report: Pick<Report, 'fieldLabels'>, code: MessageKey, data: MessageData, lang: Lang): string {
  return t(lang, code, localizedData(report, data, lang));
}
