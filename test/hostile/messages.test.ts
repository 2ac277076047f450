import { describe, expect, it } from 'vitest';
import { PROBLEM_SEVERITY } from '../../src/input/problems.js';
import { messages } from '../../src/cli/texts.js';
import { missingPlaceholders } from '../../src/messages/render.js';
import { readAll, writeTemp } from './support.js';

// Every input problem (the hostile-input guards among them) and the pack refusal are said in both
// languages with the same placeholders, and what the readers report fills every placeholder.

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const KEYS = [...Object.keys(PROBLEM_SEVERITY), 'pack.unsafe-pattern', 'cli.opt.max-field-size'];

describe('hostile-input messages', () => {
  it.each(KEYS)('%s: English and Vietnamese with diacritics, same placeholders', (key) => {
    const text = (messages as Record<string, { en: string; vi: string }>)[key];
    expect(text, key).toBeDefined();
    if (!text) return;
    expect(placeholders(text.vi)).toEqual(placeholders(text.en));
    expect(text.vi).not.toBe(text.en);
    expect(text.vi).toMatch(/[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i);
  });

  it('the guards report every placeholder their message needs', async () => {
    const reads = await Promise.all([
      readAll(writeTemp('a.csv', `a,b\n1,${'x'.repeat(200)}\n`), { maxFieldSize: 100 }),
      readAll(writeTemp('b.ndjson', `{"a":"${'x'.repeat(200)}"}\n`), { maxFieldSize: 100 }),
      readAll(writeTemp('c.ndjson', `{"a":${'['.repeat(300)}${']'.repeat(300)}}\n`)),
    ]);
    const problems = reads.flatMap((r) => r.problems);
    expect(problems.map((p) => p.code).sort()).toEqual(['file/row-too-large', 'row/too-deep', 'row/too-large']);
    for (const p of problems) {
      const text = messages[p.code];
      expect(missingPlaceholders(text.en, p.data), p.code).toEqual([]);
      expect(missingPlaceholders(text.vi, p.data), p.code).toEqual([]);
    }
  });
});
