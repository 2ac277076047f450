import type { Bilingual, Lang, MessageData } from '../model.js';

const PLACEHOLDER = /\{(\w+)\}/g;

/** Fills `{name}` placeholders; a missing value stays visible as `{name}` so tests can catch it. */
export function fillTemplate(template: string, data: MessageData = {}): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = data[name];
    return value === undefined ? whole : String(value);
  });
}

export function renderBilingual(text: Bilingual, lang: Lang, data?: MessageData): string {
  return fillTemplate(text[lang] || text.en, data);
}

/** Placeholders of a template that `data` leaves unfilled. */
export function missingPlaceholders(template: string, data: MessageData = {}): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] as string).filter((name) => !(name in data));
}
