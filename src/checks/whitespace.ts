import { defineCheckType } from './define.js';
import { CODE_POINT, utf8At } from './support/byte-text.js';
import { isBlank } from '../shared/text.js';
import { diagnoseLegacyText } from '../vn/legacy-encoding.js';

interface Options {
  trim: boolean;
  collapse: boolean;
  invisible: boolean;
}

type MessageId = 'invisible-char' | 'untrimmed' | 'repeated-space';

// Characters that look like a space but are not U+0020: they break exact matching and joins.
// Line breaks count too, so a name split over two lines becomes two words, not one.
const SPACE_LIKE = /[\t\n\v\f\r\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/g;
// Characters that show nothing at all: removed, not turned into a space.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NOTHING = /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\u00ad\u200b-\u200d\u2060\ufeff]/g;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00a0\u00ad\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]/;
// \s as String.prototype.trim sees it, so the check and its fix agree on what "untrimmed" is.
const EDGE_SPACE = /^\s|\s$/;
const REPEATED_SPACE = / {2}/;
const SPACE_RUN = / {2,}/g;

// The same sets by code point, for the byte fast path (the test compares them with the regexes
// over every code point of the BMP). JS_SPACE is \s; BLANK_EXTRA what shared/text.ts isBlank
// counts as blank besides \s.
export function isInvisible(c: number): boolean {
  return c < 0x20 || (c >= 0x7f && c <= 0xa0) || c === 0xad || c === 0x1680 || (c >= 0x2000 && c <= 0x200d) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x2060 || c === 0x3000 || c === 0xfeff;
}
export function isJsSpace(c: number): boolean {
  return (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
const isBlankExtra = (c: number): boolean => (c >= 0x200b && c <= 0x200d) || c === 0x2060;

// TCVN3 (ABC) writes ư as byte 0xAD, which Latin-1 and CP1252 show as the soft hyphen U+00AD. In a
// cell that reads as TCVN3 that character is a letter: removing it would turn "L\u00ad¬ng" (Lương)
// into "L¬ng" (Lơng) for good, and the encoding rule's fix — made from the same cell — would then
// find the cell changed under it. Such a cell is judged without the soft hyphen.
const SOFT_HYPHEN = '\u00ad';
const ALL_SOFT_HYPHENS = /\u00ad/g;
// Judged on the text with every other invisible character cleaned, as the cell will read after the fix.
const isTcvn3Letter = (value: string): boolean => {
  if (!value.includes(SOFT_HYPHEN)) return false;
  const visible = value.replace(SPACE_LIKE, ' ').replace(NOTHING, (ch) => (ch === SOFT_HYPHEN ? ch : '')).replace(SPACE_RUN, ' ').trim();
  return diagnoseLegacyText(visible)?.encodings.includes('tcvn3') ?? false;
};

export default defineCheckType<Options, MessageId>({
  meta: {
    id: 'whitespace',
    dimension: 'clean',
    scope: 'row',
    valueOnly: true,
    columns: { min: 1, max: 1 },
    description: {
      en: 'No invisible or non-standard space characters, no leading or trailing white space, no repeated spaces.',
      vi: 'Không có ký tự ẩn hay khoảng trắng không chuẩn, không có khoảng trắng thừa ở đầu/cuối, không có nhiều khoảng trắng liền nhau.',
    },
    schema: {
      type: 'object',
      properties: {
        trim: { type: 'boolean' },
        collapse: { type: 'boolean' },
        invisible: { type: 'boolean' },
      },
      additionalProperties: false,
    },
    defaults: { trim: true, collapse: true, invisible: true },
    messages: {
      'invisible-char': {
        en: '{field} contains invisible or non-standard space characters',
        vi: '{field} chứa ký tự ẩn hoặc khoảng trắng không chuẩn',
      },
      untrimmed: {
        en: '{field} has white space at the start or end',
        vi: '{field} có khoảng trắng thừa ở đầu hoặc cuối',
      },
      'repeated-space': {
        en: '{field} has several spaces in a row',
        vi: '{field} có nhiều khoảng trắng liền nhau',
      },
    },
    fixable: true,
  },
  create(context) {
    const field = context.columns[0] ?? '';
    const { trim, collapse, invisible } = context.options;

    // The fix cleans everything the enabled options cover, not only the problem reported first.
    const clean = (value: string, keepSoftHyphen: boolean): string => {
      let text = value;
      if (invisible) text = text.replace(SPACE_LIKE, ' ').replace(NOTHING, (ch) => (keepSoftHyphen && ch === SOFT_HYPHEN ? ch : ''));
      if (collapse) text = text.replace(SPACE_RUN, ' ');
      if (trim) text = text.trim();
      return text;
    };

    const problem = (value: string, keepSoftHyphen: boolean): MessageId | null => {
      if (invisible && INVISIBLE.test(keepSoftHyphen ? value.replace(ALL_SOFT_HYPHENS, '') : value)) return 'invisible-char';
      if (trim && EDGE_SPACE.test(value)) return 'untrimmed';
      if (collapse && REPEATED_SPACE.test(value)) return 'repeated-space';
      return null;
    };

    return {
      // No finding when: no invisible character (then no soft hyphen either, so isTcvn3Letter is
      // false), no white space at either end, no two spaces in a row, and something not blank.
      passes(bytes, start, end) {
        if (start === end) return true;
        let filled = false;
        let previous = -1;
        for (let p = start; p < end; ) {
          let c = bytes[p]!;
          if (c > 0x20 && c < 0x7f) {
            filled = true;
            p++;
          } else if (c < 0x80) {
            p++;
          } else {
            const read = utf8At(bytes, p, end);
            if (read < 0) return false;
            c = read & CODE_POINT;
            p += read >>> 21;
          }
          if (c <= 0x20 || c >= 0x7f) {
            if (invisible && isInvisible(c)) return false;
            const space = isJsSpace(c);
            if (trim && space && previous < 0) return false;
            if (collapse && c === 0x20 && previous === 0x20) return false;
            if (!space && !isBlankExtra(c)) filled = true;
          }
          previous = c;
        }
        return !(trim && (!filled || isJsSpace(previous)));
      },
      row(row) {
        const value = row.value(0);
        if (value === '') return;
        // Only white space: something was typed but nothing is there, so the fix is to empty it.
        if (trim && isBlank(value)) {
          context.report(row, { messageId: 'untrimmed', data: { field }, fix: { action: 'clear', confidence: 1 } });
          return;
        }
        const keepSoftHyphen = invisible && isTcvn3Letter(value);
        const messageId = problem(value, keepSoftHyphen);
        if (messageId === null) return;
        const cleaned = clean(value, keepSoftHyphen);
        context.report(row, {
          messageId,
          data: { field },
          fix: cleaned === '' ? { action: 'clear', confidence: 1 } : { action: 'set', value: cleaned, confidence: 1 },
        });
      },
    };
  },
});
