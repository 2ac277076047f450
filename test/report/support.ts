import { messages } from '../../src/cli/texts.js';
import { reportMessages } from '../../src/report/formatters/messages.js';
import type { Lang } from '../../src/model.js';

/** What a reader sees or hears of an HTML page: text and aria labels, entities decoded, spaces collapsed. */
export function visibleText(page: string): string {
  const labels = [...page.matchAll(/aria-label="([^"]*)"/g)].map((m) => m[1]).join(' ');
  return `${page} ${labels}`
    .replace(/<style>[\s\S]*?<\/style>/g, ' ')
    .replace(/<title>[\s\S]*?<\/title>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** The fixed parts of a template (between placeholders), long enough to mean something. */
export function fragments(template: string): string[] {
  return template
    .split(/\{\w+\}/)
    .map((part) => part.trim())
    .filter((part) => /\p{L}{2,}/u.test(part));
}

export type CatalogKey = keyof typeof reportMessages;

/** Keys of the report catalog with a prefix. */
export function reportKeys(filter: (key: string) => boolean): CatalogKey[] {
  return (Object.keys(reportMessages) as CatalogKey[]).filter(filter);
}

/**
 * English texts of the whole catalog that would betray an untranslated label in a Vietnamese
 * report: fragments of two words or more that the Vietnamese text does not itself contain.
 */
export function englishFragments(): { key: string; fragment: string }[] {
  const found: { key: string; fragment: string }[] = [];
  for (const [key, text] of Object.entries(messages) as [string, Record<Lang, string>][]) {
    if (key.startsWith('cli.')) continue;
    for (const fragment of fragments(text.en)) {
      if (!/\p{L}+\s+\p{L}+/u.test(fragment) || text.vi.includes(fragment)) continue;
      found.push({ key, fragment });
    }
  }
  return found;
}
