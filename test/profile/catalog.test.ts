// The profile/init catalog: every text in both languages, with the same placeholders, and the
// Vietnamese really Vietnamese (with its diacritics, not a copy of the English).
import { describe, expect, it } from 'vitest';
import { profileMessages } from '../../src/profile/messages.js';
import { SEMANTIC_TYPES } from '../../src/profile/semantic.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
// Texts made only of placeholders and symbols.
const SAME = new Set(['profile.field', 'profile.at-least', 'init.bound-line', 'init.new-field-line']);

describe('profile catalog (src/profile/messages.ts)', () => {
  it.each(Object.entries(profileMessages))('%s: both languages, same placeholders, really translated', (key, text) => {
    expect(text.en.trim()).not.toBe('');
    expect(text.vi.trim()).not.toBe('');
    expect(placeholders(text.vi)).toEqual(placeholders(text.en));
    if (!SAME.has(key)) expect(text.vi).not.toBe(text.en);
    if (/\p{L}{3,}/u.test(text.vi.replace(/\{\w+\}/g, ''))) expect(text.vi, key).toMatch(/[^\x20-\x7e]/);
  });

  it('names every semantic type and value type', () => {
    for (const type of SEMANTIC_TYPES) expect(profileMessages).toHaveProperty([`profile.semantic.${type}`]);
    for (const type of ['empty', 'text', 'integer', 'decimal', 'date', 'boolean']) expect(profileMessages).toHaveProperty([`profile.type.${type}`]);
  });
});
