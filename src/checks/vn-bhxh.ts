import { readBhxh } from '../vn/insurance.js';
import { defineCheckType } from './define.js';
import { isBlank } from '../shared/text.js';
import { allDigits } from './support/byte-text.js';

type MessageId = 'bhxh-format' | 'bhxh-not-canonical' | 'bhxh-excel-leading-zero';

// Adding the 0 a spreadsheet dropped is a guess: the code has no check digit to confirm it.
const CONFIDENCE_LEADING_ZERO = 0.8;

export default defineCheckType<Record<string, never>, MessageId>({
  meta: {
    id: 'vn-bhxh',
    dimension: 'true',
    scope: 'row',
    valueOnly: true,
    columns: { min: 1, max: 1 },
    description: {
      en: 'A social insurance code (mã số BHXH): 10 digits; separators and a lost leading 0 get the 10-digit form as a fix.',
      vi: 'Mã số bảo hiểm xã hội: 10 chữ số; dấu phân cách và số 0 đầu bị mất được đề xuất sửa về dạng 10 chữ số.',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaults: {},
    messages: {
      'bhxh-format': {
        en: "{field} '{value}' is not a social insurance code (10 digits)",
        vi: "{field} '{value}' không phải mã số BHXH (10 chữ số)",
      },
      'bhxh-not-canonical': {
        en: "{field} '{value}' should be written '{canonical}'",
        vi: "{field} '{value}' cần viết đúng là '{canonical}'",
      },
      'bhxh-excel-leading-zero': {
        en: "{field} '{value}' has lost its leading 0 (read as a number); probably '{canonical}'",
        vi: "{field} '{value}' bị mất số 0 ở đầu (bị đọc thành số); nhiều khả năng là '{canonical}'",
      },
    },
    fixable: true,
  },
  create(context) {
    const field = context.columns[0] ?? '';
    return {
      // Ten ASCII digits are a code in its one written form (readBhxh), and an empty cell is blank.
      passes: (bytes, start, end) => end === start || (end - start === 10 && allDigits(bytes, start, end)),
      row(row) {
        const value = row.value(0);
        if (isBlank(value)) return;
        const code = readBhxh(value);
        if (!code.ok) {
          context.report(row, { messageId: 'bhxh-format', data: { field, value } });
          return;
        }
        if (code.code === value) return;
        context.report(row, {
          messageId: code.leadingZero ? 'bhxh-excel-leading-zero' : 'bhxh-not-canonical',
          data: { field, value, canonical: code.code },
          fix: { action: 'set', value: code.code, confidence: code.leadingZero ? CONFIDENCE_LEADING_ZERO : 1 },
        });
      },
    };
  },
});
