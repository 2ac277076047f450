import { describe, expect, it } from 'vitest';
import { reportMessages } from '../../src/report/formatters/messages.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
// Labels that are the same word in both languages.
const SAME = new Set<string>([]);
// Vietnamese texts that need no diacritic: "{bytes} byte".
const ASCII_OK = new Set(['report.bytes']);

describe('report catalog (src/report/formatters/messages.ts)', () => {
  it.each(Object.entries(reportMessages))('%s: both languages, same placeholders, really translated', (key, text) => {
    expect(text.en.trim()).not.toBe('');
    expect(text.vi.trim()).not.toBe('');
    expect(placeholders(text.vi)).toEqual(placeholders(text.en));
    if (!SAME.has(key)) expect(text.vi).not.toBe(text.en);
    // Vietnamese written with its diacritics, not ASCII-folded
    if (!ASCII_OK.has(key) && /\p{L}{3,}/u.test(text.vi.replace(/\{\w+\}/g, ''))) expect(text.vi, key).toMatch(/[^\x20-\x7e]/);
  });
});
