import { defineCheckType } from './define.js';
import { isBlank } from '../shared/text.js';

interface Options {
  min: number;
}

// Rounded down, so a rate that misses the minimum never prints as equal to it (99.97% is not 100.0%).
function percentFloor(filled: number, rows: number): string {
  return `${(Math.floor((filled * 1000) / rows) / 10).toFixed(1)}%`;
}

export default defineCheckType<Options, 'below-min'>({
  meta: {
    id: 'fill-rate',
    dimension: 'sufficient',
    scope: 'dataset',
    columns: { min: 1, max: 1 },
    description: {
      en: 'At least a given share of the rows have the field filled in.',
      vi: 'Tỷ lệ số dòng có điền trường này không thấp hơn mức tối thiểu.',
    },
    schema: {
      type: 'object',
      properties: { min: { type: 'number', minimum: 0, maximum: 1 } },
      additionalProperties: false,
    },
    defaults: { min: 1 },
    messages: {
      'below-min': {
        en: '{field} is filled in {rate} of rows ({filled} of {rows}), below the minimum {min}',
        vi: '{field} chỉ được điền ở {rate} số dòng ({filled}/{rows}), thấp hơn mức tối thiểu {min}',
      },
    },
    fixable: false,
  },
  create(context) {
    const field = context.columns[0] ?? '';
    const { min } = context.options;
    let rows = 0;
    let filled = 0;
    return {
      row(row) {
        rows++;
        if (!isBlank(row.value(0))) filled++;
      },
      end() {
        if (rows === 0 || filled / rows >= min) return;
        context.reportDataset({
          messageId: 'below-min',
          column: 0,
          data: { field, rate: percentFloor(filled, rows), min: `${(min * 100).toFixed(1)}%`, filled, rows },
        });
      },
    };
  },
});
