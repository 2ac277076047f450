import { defineCheckType } from './define.js';
import { compileDateParser, isUsableDateFormat } from '../shared/dates.js';
import { numberParser } from '../shared/numbers.js';
import { isBlank } from '../shared/text.js';

type Operator = '<' | '<=' | '>' | '>=' | '==' | '!=';

interface Options {
  operator: Operator;
  type: 'date' | 'number' | 'string';
  format?: string;
}

const HOLDS: Record<Operator, (a: number | string, b: number | string) => boolean> = {
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
  '==': (a, b) => a === b,
  '!=': (a, b) => a !== b,
};

export default defineCheckType<Options, 'violated'>({
  meta: {
    id: 'compare',
    dimension: 'true',
    scope: 'row',
    valueOnly: true,
    columns: { min: 2, max: 2 },
    description: {
      en: 'Two fields of a row compare as stated, e.g. the date of death is on or after the date of birth.',
      vi: 'Hai trường trong cùng một dòng thỏa phép so sánh đã khai báo, ví dụ ngày chết không trước ngày sinh.',
    },
    schema: {
      type: 'object',
      properties: {
        operator: { type: 'string', enum: ['<', '<=', '>', '>=', '==', '!='] },
        type: { type: 'string', enum: ['date', 'number', 'string'] },
        format: { type: 'string', minLength: 1 },
      },
      required: ['operator'],
      additionalProperties: false,
    },
    defaults: { operator: '>=', type: 'string' },
    messages: {
      violated: {
        en: '{left} ({left_value}) should be {operator} {right} ({right_value})',
        vi: '{left} ({left_value}) phải {operator} {right} ({right_value})',
      },
    },
    fixable: false,
  },
  create(context) {
    const { operator, type } = context.options;
    const holds = HOLDS[operator];
    const left = context.columns[0] ?? '';
    const right = context.columns[1] ?? '';

    // Each side gets its own reader: the two fields may be declared with different date formats.
    const reader = (k: number): ((text: string) => number | string | null) => {
      if (type === 'string') return (text) => text;
      if (type === 'number') return numberParser('.');
      const format = context.options.format ?? context.columnFormat(k) ?? 'iso';
      if (!isUsableDateFormat(format)) throw new Error(`compare: unusable date format '${format}' for ${context.columns[k]}`);
      const parse = compileDateParser(format);
      return (text) => {
        const day = parse(text);
        return typeof day === 'number' ? day : null;
      };
    };
    const readLeft = reader(0);
    const readRight = reader(1);

    return {
      row(row) {
        const leftText = row.value(0);
        const rightText = row.value(1);
        if (isBlank(leftText) || isBlank(rightText)) return;
        const a = readLeft(leftText);
        const b = readRight(rightText);
        if (a === null || b === null || holds(a, b)) return;
        context.report(row, {
          messageId: 'violated',
          data: { left, right, operator, left_value: leftText, right_value: rightText },
        });
      },
    };
  },
});
