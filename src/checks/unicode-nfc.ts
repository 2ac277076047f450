import { defineCheckType } from './define.js';
import { nfcStableLength } from './support/byte-text.js';

// Anything below U+0080 is already NFC; most cells of an export are, so skip normalize() for them.
const NON_ASCII = /[\u0080-\uffff]/;

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
        return nfcStableLength(bytes, start, end) >= 0;
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
