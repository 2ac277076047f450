import { defineCheckType } from './define.js';
import { isBlank } from './support/text.js';

interface Options {
  ignore_case: boolean;
}

export default defineCheckType<Options, 'duplicate'>({
  meta: {
    id: 'unique',
    dimension: 'clean',
    scope: 'row',
    columns: { min: 1, max: 8 },
    description: {
      en: 'No two rows share the same key (the values of the rule’s columns).',
      vi: 'Không có hai dòng trùng khóa (giá trị của các cột trong quy tắc).',
    },
    schema: {
      type: 'object',
      properties: { ignore_case: { type: 'boolean' } },
      additionalProperties: false,
    },
    defaults: { ignore_case: false },
    messages: {
      duplicate: {
        en: '{field}: {key} is a duplicate of row {first_row}',
        vi: '{field}: {key} trùng với dòng {first_row}',
      },
    },
    fixable: false,
  },
  create(context) {
    const width = context.columns.length;
    const field = context.columns.join(' + ');
    const ignoreCase = context.options.ignore_case;
    // Key → first row. A Map holds at most 2^24 (16,777,216) entries in V8, fewer than a national
    // register has people; a typed-array hash table is planned for that scale (issue "Duplicates at
    // national scale"). Until then a larger input throws a RangeError here.
    const firstRow = new Map<string, number>();
    const values: string[] = new Array<string>(width);

    return {
      row(row) {
        let allBlank = true;
        for (let k = 0; k < width; k++) {
          const text = row.value(k);
          values[k] = text;
          if (!isBlank(text)) allBlank = false;
        }
        if (allBlank) return;
        const key = ignoreCase ? values.map((v) => v.trim().toLowerCase()).join('\u0000') : values.join('\u0000');
        const first = firstRow.get(key);
        if (first === undefined) {
          firstRow.set(key, row.row);
        } else {
          context.report(row, { messageId: 'duplicate', data: { field, key: values.join(' | '), first_row: first } });
        }
      },
    };
  },
});
