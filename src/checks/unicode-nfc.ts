import { defineCheckType } from './define.js';
import { CODE_POINT, utf8At } from './support/byte-text.js';

// Anything below U+0080 is already NFC; most cells of an export are, so skip normalize() for them.
const NON_ASCII = /[\u0080-\uffff]/;

/**
 * Code points that are NFC on their own, are starters (canonical combining class 0) and never
 * compose with the one before them: a text of these alone is NFC. U+0080–U+02FF (Latin-1, Latin
 * Extended-A/B with ă đ ơ ư, IPA, spacing modifiers) and U+1E00–U+1EFF (Latin Extended Additional,
 * the toned Vietnamese vowels). The combining marks U+0300– are not among them; the test checks
 * every code point and every pair of them against normalize().
 */
export function nfcStable(codePoint: number): boolean {
  return codePoint < 0x300 || (codePoint >= 0x1e00 && codePoint <= 0x1eff);
}

export default defineCheckType<Record<string, never>, 'not-nfc'>({
  meta: {
    id: 'unicode-nfc',
    dimension: 'clean',
    scope: 'row',
    valueOnly: true,
    columns: { min: 1, max: 1 },
    description: {
      en: 'Text is in Unicode NFC (precomposed) form, so the same Vietnamese name always compares equal.',
      vi: 'Văn bản ở dạng Unicode dựng sẵn (NFC), để cùng một tên tiếng Việt luôn được so khớp là giống nhau.',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaults: {},
    messages: {
      'not-nfc': {
        en: '{field} is not in Unicode NFC form (it has decomposed accents)',
        vi: '{field} không ở dạng Unicode dựng sẵn (NFC): có dấu tổ hợp tách rời',
      },
    },
    fixable: true,
  },
  create(context) {
    const field = context.columns[0] ?? '';
    return {
      passes(bytes, start, end) {
        for (let p = start; p < end; ) {
          if (bytes[p]! < 0x80) {
            p++;
            continue;
          }
          const read = utf8At(bytes, p, end);
          if (read < 0 || !nfcStable(read & CODE_POINT)) return false;
          p += read >>> 21;
        }
        return true;
      },
      row(row) {
        const value = row.value(0);
        if (!NON_ASCII.test(value)) return;
        const normalized = value.normalize('NFC');
        if (normalized === value) return;
        context.report(row, {
          messageId: 'not-nfc',
          data: { field },
          fix: { action: 'set', value: normalized, confidence: 1 },
        });
      },
    };
  },
});
