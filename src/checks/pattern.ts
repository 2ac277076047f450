import { defineCheckType } from './define.js';
import { isBlank } from './support/text.js';
import type { Bilingual } from '../model.js';

interface Options {
  pattern?: string;
  flags: string;
  description?: Bilingual;
}

export default defineCheckType<Options, 'mismatch'>({
  meta: {
    id: 'pattern',
    dimension: 'true',
    scope: 'row',
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
      },
      required: ['pattern'],
      additionalProperties: false,
    },
    defaults: { flags: '' },
    messages: {
      mismatch: {
        en: "{field} '{value}' does not have the expected format: {expected_en}",
        vi: "{field} '{value}' không đúng định dạng: {expected_vi}",
      },
    },
    fixable: false,
  },
  create(context) {
    const field = context.columns[0] ?? '';
    // Optional in Options only because `defaults` has the same type; the schema requires it.
    const pattern = context.options.pattern!;
    const { flags, description } = context.options;
    let regexp: RegExp;
    try {
      regexp = new RegExp(pattern, flags);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`pattern /${pattern}/${flags} does not compile: ${reason}`, { cause: error });
    }
    const expected_en = description?.en ?? `/${pattern}/`;
    const expected_vi = description?.vi ?? `/${pattern}/`;
    return {
      row(row) {
        const value = row.value(0);
        if (isBlank(value) || regexp.test(value)) return;
        context.report(row, { messageId: 'mismatch', data: { field, value, expected_en, expected_vi } });
      },
    };
  },
});
