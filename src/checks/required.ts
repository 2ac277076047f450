import { defineCheckType } from './define.js';
import { isBlank } from '../shared/text.js';

export default defineCheckType<Record<string, never>, 'empty'>({
  meta: {
    id: 'required',
    dimension: 'sufficient',
    scope: 'row',
    valueOnly: true,
    columns: { min: 1, max: 1 },
    description: {
      en: 'The field is filled in: not empty and not only white space.',
      vi: 'Trường phải có giá trị: không để trống, không chỉ có khoảng trắng.',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaults: {},
    messages: {
      empty: { en: '{field} is empty', vi: '{field} bị bỏ trống' },
    },
    fixable: false,
  },
  create(context) {
    const field = context.columns[0] ?? '';
    return {
      // A printable ASCII character anywhere: not blank.
      passes(bytes, start, end) {
        for (let p = start; p < end; p++) if (bytes[p]! > 0x20 && bytes[p]! < 0x7f) return true;
        return false;
      },
      row(row) {
        if (isBlank(row.value(0))) context.report(row, { messageId: 'empty', data: { field } });
      },
    };
  },
});
