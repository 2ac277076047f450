import { foldText } from '../vn/fold.js';
import { defineCheckType } from './define.js';
import { isBlank, isOneRepeatedDigit } from '../shared/text.js';

interface Options {
  values: readonly string[];
  extra_values: readonly string[];
  repeated_digits_min_length: number;
}

// What exports put in a cell when the source had nothing: spreadsheet errors, dashes, "unknown"
// in Vietnamese, and the zero or epoch-like dates that date pickers and legacy systems default to.
const DEFAULT_VALUES: readonly string[] = [
  'N/A', 'NA', '#N/A', '-', '--', '---', '.', '?', '0', 'null', 'none', 'nil', 'undefined',
  'không', 'không có', 'chưa có', 'chưa rõ', 'không rõ', 'không xác định',
  '00/00/0000', '0000-00-00', '01/01/1900', '1900-01-01', 'x', 'xx', 'xxx',
];

export default defineCheckType<Options, 'placeholder'>({
  meta: {
    id: 'placeholder',
    dimension: 'sufficient',
    scope: 'row',
    valueOnly: true,
    columns: { min: 1, max: 1 },
    description: {
      en: 'The field holds a real value, not a stand-in for "no value" such as N/A, 0, 00/00/0000, không rõ or 000000.',
      vi: 'Trường chứa giá trị thật, không phải giá trị điền tạm mang nghĩa "không có" như N/A, 0, 00/00/0000, không rõ hay 000000.',
    },
    schema: {
      type: 'object',
      properties: {
        values: { type: 'array', items: { type: 'string' } },
        extra_values: { type: 'array', items: { type: 'string' } },
        repeated_digits_min_length: { type: 'integer', minimum: 0 },
      },
      additionalProperties: false,
    },
    defaults: { values: DEFAULT_VALUES, extra_values: [], repeated_digits_min_length: 6 },
    messages: {
      placeholder: {
        en: "{field} has the placeholder '{value}' instead of a value",
        vi: "{field} ghi '{value}' thay cho giá trị thật",
      },
    },
    fixable: true,
  },
  create(context) {
    const field = context.columns[0] ?? '';
    const { values, extra_values, repeated_digits_min_length: minDigits } = context.options;
    const folded = new Set([...values, ...extra_values].map(foldText));
    // A folded cell longer than every placeholder cannot be one: no set lookup (no string hash).
    let longest = 0;
    for (const value of folded) longest = Math.max(longest, value.length);
    const isPlaceholderText = (key: string) => key.length <= longest && folded.has(key);
    return {
      row(row) {
        const value = row.value(0);
        if (isBlank(value)) return;
        const trimmed = value.trim();
        const isPlaceholder =
          isPlaceholderText(foldText(trimmed)) ||
          (minDigits > 0 && trimmed.length >= minDigits && isOneRepeatedDigit(trimmed));
        if (isPlaceholder) {
          context.report(row, {
            messageId: 'placeholder',
            data: { field, value },
            fix: { action: 'clear', confidence: 1 },
          });
        }
      },
    };
  },
});
