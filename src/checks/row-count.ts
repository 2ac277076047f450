import { defineCheckType } from './define.js';

interface Options {
  min?: number;
  max?: number;
}

export default defineCheckType<Options, 'too-few' | 'too-many'>({
  meta: {
    id: 'row-count',
    dimension: 'sufficient',
    scope: 'dataset',
    columns: { min: 0, max: 0 },
    description: {
      en: 'The dataset has at least the minimum and at most the maximum number of rows.',
      vi: 'Bộ dữ liệu có số dòng không ít hơn mức tối thiểu và không nhiều hơn mức tối đa.',
    },
    schema: {
      type: 'object',
      properties: {
        min: { type: 'integer', minimum: 0 },
        max: { type: 'integer', minimum: 0 },
      },
      additionalProperties: false,
    },
    defaults: { min: 1 },
    messages: {
      'too-few': { en: '{rows} rows, fewer than the minimum {min}', vi: 'Có {rows} dòng, ít hơn mức tối thiểu {min}' },
      'too-many': { en: '{rows} rows, more than the maximum {max}', vi: 'Có {rows} dòng, nhiều hơn mức tối đa {max}' },
    },
    fixable: false,
  },
  create(context) {
    const { min, max } = context.options;
    if (min !== undefined && max !== undefined && min > max) throw new Error(`row-count: min ${min} is greater than max ${max}`);
    let rows = 0;
    return {
      row() {
        rows++;
      },
      end() {
        if (min !== undefined && rows < min) context.reportDataset({ messageId: 'too-few', data: { rows, min } });
        else if (max !== undefined && rows > max) context.reportDataset({ messageId: 'too-many', data: { rows, max } });
      },
    };
  },
});
