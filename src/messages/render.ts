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

/** A message as data: its id, its values and its text in both languages, rendered late in either. */
export interface Message {
  key: string;
  data: MessageData;
  text: Bilingual;
}

/** The message `key` of a catalogue with its values, as data. */
export function messageOf<C extends Record<string, Bilingual>>(catalogue: C, key: keyof C & string, data: MessageData = {}): Message {
  return { key, data, text: catalogue[key]! };
}

/** `t(lang, key, data)` over one catalogue: each area renders its own texts, and only those. */
export function translator<C extends Record<string, Bilingual>>(catalogue: C): (lang: Lang, key: keyof C & string, data?: MessageData) => string {
  return (lang, key, data) => renderBilingual(catalogue[key]!, lang, data);
}
