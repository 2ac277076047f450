import { defineCheckType } from './define.js';
import { compileBytePattern } from './support/byte-pattern.js';
import { compileSafePattern } from './support/safe-pattern.js';
import { isBlank } from '../shared/text.js';
import type { Bilingual } from '../model.js';

interface Options {
  pattern?: string;
  flags: string;
  description?: Bilingual;
  max_length: number;
}

export default defineCheckType<Options, 'mismatch' | 'too-long'>({
  meta: {
    id: 'pattern',
    dimension: 'true',
    scope: 'row',
    valueOnly: true,
    columns: { min: 1, max: 1 },
    description: {
      en: 'The value has the expected shape: it matches a regular expression (write ^…$ to match the whole value).',
      vi: 'Giá trị có đúng định dạng: khớp với một biểu thức chính quy (viết ^…$ để khớp toàn bộ giá trị).',
    },
    schema: {
      type: 'object',
      properties: {
        pattern: { type: 'string', minLength: 1 },
        flags: { type: 'string', pattern: '^[iu]*$' },
        description: {
          type: 'object',
          properties: { en: { type: 'string', minLength: 1 }, vi: { type: 'string', minLength: 1 } },
          required: ['en', 'vi'],
          additionalProperties: false,
        },
        // Longest value tested: a regular expression's time can grow with the square of the
        // value's length or worse, so a hostile 10 MB cell must not reach it.
        max_length: { type: 'integer', minimum: 1, maximum: 100000 },
      },
      required: ['pattern'],
      additionalProperties: false,
    },
    defaults: { flags: '', max_length: 1000 },
    messages: {
      mismatch: {
        en: "{field} '{value}' does not have the expected format: {expected_en}",
        vi: "{field} '{value}' không đúng định dạng: {expected_vi}",
      },
      'too-long': {
        en: '{field} is {length} characters long, longer than the {max_length} characters the pattern is tested on (option max_length)',
        vi: '{field} dài {length} ký tự, vượt quá {max_length} ký tự tối đa được kiểm tra theo biểu thức (tùy chọn max_length)',
      },
    },
    fixable: false,
  },
  create(context) {
    const field = context.columns[0] ?? '';
    // Optional in Options only because `defaults` has the same type; the schema requires it.
    const pattern = context.options.pattern!;
    const { flags, description, max_length } = context.options;
    // Refuses a pattern that does not compile or that backtracks catastrophically (time-boxed once).
    const regexp = compileSafePattern(pattern, flags, max_length);
    const expected_en = description?.en ?? `/${pattern}/`;
    const expected_vi = description?.vi ?? `/${pattern}/`;
    const bytesMatch = compileBytePattern(pattern, flags);
    return {
      // A cell whose bytes match a simple pattern (and not too long to be tested) has no finding.
      passes: bytesMatch ? (bytes, start, end) => end - start <= max_length && bytesMatch(bytes, start, end) : undefined,
      row(row) {
        const value = row.value(0);
        if (isBlank(value)) return;
        if (value.length > max_length) {
          context.report(row, { messageId: 'too-long', data: { field, length: value.length, max_length } });
          return;
        }
        if (regexp.test(value)) return;
        context.report(row, { messageId: 'mismatch', data: { field, value, expected_en, expected_vi } });
      },
    };
  },
});
