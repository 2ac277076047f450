import { foldText } from '../vn/fold.js';
import { defineCheckType } from './define.js';
import { isBlank } from '../shared/text.js';

interface Options {
  values?: readonly string[];
  fold: boolean;
}

const enumCheck = defineCheckType<Options, 'variant' | 'not-allowed'>({
  meta: {
    id: 'enum',
    dimension: 'true',
    scope: 'row',
    valueOnly: true,
    columns: { min: 1, max: 1 },
    description: {
      en: 'The value is one of a fixed list; a spelling that differs only in case, accents or spacing gets the listed form as a fix.',
      vi: 'Giá trị thuộc một danh sách cố định; cách viết chỉ khác chữ hoa/thường, dấu hoặc khoảng trắng được đề xuất sửa về giá trị trong danh sách.',
    },
    schema: {
      type: 'object',
      properties: {
        values: { type: 'array', items: { type: 'string' }, minItems: 1 },
        fold: { type: 'boolean' },
      },
      required: ['values'],
      additionalProperties: false,
    },
    defaults: { fold: false },
    messages: {
      variant: {
        en: "{field} '{value}' should be written '{canonical}'",
        vi: "{field} '{value}' cần viết đúng là '{canonical}'",
      },
      'not-allowed': {
        en: "{field} '{value}' is not an allowed value ({allowed})",
        vi: "{field} '{value}' không thuộc các giá trị cho phép ({allowed})",
      },
    },
    fixable: true,
  },
  create(context) {
    const field = context.columns[0] ?? '';
    // Optional in Options only because `defaults` has the same type; the schema requires it.
    const values = context.options.values!;
    const { fold } = context.options;
    const exact = new Set(values);
    // null marks a folded form shared by two listed values: there is no single value to fix it to.
    const canonicalByFolded = new Map<string, string | null>();
    for (const v of values) {
      const key = foldText(v);
      const seen = canonicalByFolded.get(key);
      canonicalByFolded.set(key, seen === undefined || seen === v ? v : null);
    }
    const allowed = values.join(', ');
    return {
      row(row) {
        const value = row.value(0);
        if (isBlank(value) || exact.has(value)) return;
        const canonical = canonicalByFolded.get(foldText(value));
        if (canonical !== undefined && fold) return;
        if (typeof canonical === 'string') {
          context.report(row, {
            messageId: 'variant',
            data: { field, value, canonical },
            fix: { action: 'set', value: canonical, confidence: 0.95 },
          });
          return;
        }
        context.report(row, { messageId: 'not-allowed', data: { field, value, allowed } });
      },
    };
  },
});

export default enumCheck;
