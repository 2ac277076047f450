import { defineCheckType } from './define.js';
import { compileDateParser, formatDayDmy, isoDay, isUsableDateFormat } from '../shared/dates.js';
import { numberParser } from '../shared/numbers.js';
import { isBlank } from '../shared/text.js';
import { allDigits, digitsValue } from './support/byte-text.js';

interface Options {
  type: 'number' | 'date';
  /** A number, or for dates yyyy-MM-dd or 'today' (the as-of day). */
  min?: number | string;
  max?: number | string;
  format?: string;
  decimal: '.' | ',';
}

const BOUND = {
  anyOf: [{ type: 'number' }, { type: 'string', pattern: '^(today|\\d{4}-\\d{2}-\\d{2})$' }],
};

export default defineCheckType<Options, 'below-min' | 'above-max' | 'unparseable'>({
  meta: {
    id: 'range',
    dimension: 'true',
    scope: 'row',
    valueOnly: true,
    columns: { min: 1, max: 1 },
    description: {
      en: 'The value, a number or a date, lies between the allowed minimum and maximum.',
      vi: 'Giá trị (số hoặc ngày) nằm trong khoảng từ mức tối thiểu đến mức tối đa cho phép.',
    },
    schema: {
      type: 'object',
      properties: {
        type: { type: 'string', enum: ['number', 'date'] },
        min: BOUND,
        max: BOUND,
        format: { type: 'string', minLength: 1 },
        decimal: { type: 'string', enum: ['.', ','] },
      },
      additionalProperties: false,
    },
    defaults: { type: 'number', decimal: '.' },
    messages: {
      'below-min': { en: '{field}: {value} is below the minimum {min}', vi: '{field}: {value} nhỏ hơn mức tối thiểu {min}' },
      'above-max': { en: '{field}: {value} is above the maximum {max}', vi: '{field}: {value} lớn hơn mức tối đa {max}' },
      unparseable: {
        en: "{field}: '{value}' cannot be read as a {type}",
        vi: "{field}: không đọc được '{value}' dưới dạng {type_vi}",
      },
    },
    fixable: false,
  },
  create(context) {
    const { type, decimal } = context.options;
    const field = context.columns[0] ?? '';

    let parse: (text: string) => number | null;
    let bound: (option: 'min' | 'max') => number | undefined;
    let show: (n: number) => string | number;
    if (type === 'date') {
      const format = context.options.format ?? context.columnFormat(0) ?? 'iso';
      if (!isUsableDateFormat(format)) throw new Error(`range: unusable date format '${format}'`);
      const parser = compileDateParser(format);
      parse = (text) => {
        const day = parser(text);
        return typeof day === 'number' ? day : null;
      };
      bound = (option) => {
        const given = context.options[option];
        if (given === undefined) return undefined;
        if (given === 'today') return context.asOfDay;
        const day = typeof given === 'string' ? isoDay(given) : null;
        if (day === null) throw new Error(`range: with type 'date', ${option} must be a real yyyy-MM-dd day or 'today', not ${JSON.stringify(given)}`);
        return day;
      };
      show = formatDayDmy;
    } else {
      parse = numberParser(decimal);
      bound = (option) => {
        const given = context.options[option];
        if (given !== undefined && typeof given !== 'number') {
          throw new Error(`range: with type 'number', ${option} must be a number, not ${JSON.stringify(given)}`);
        }
        return given;
      };
      show = (n) => n;
    }
    const min = bound('min');
    const max = bound('max');
    if (min !== undefined && max !== undefined && min > max) throw new Error(`range: min is greater than max`);
    const typeVi = type === 'date' ? 'ngày tháng' : 'số';

    return {
      // A number cell of 1–15 ASCII digits is an integer the parser reads exactly (Number of the
      // digits); an empty cell is blank. Dates get no fast path.
      passes:
        type === 'number'
          ? (bytes, start, end) => {
              const length = end - start;
              if (length === 0) return true;
              if (length > 15 || !allDigits(bytes, start, end)) return false;
              const value = digitsValue(bytes, start, length);
              return (min === undefined || value >= min) && (max === undefined || value <= max);
            }
          : undefined,
      row(row) {
        const text = row.value(0);
        if (isBlank(text)) return;
        const value = parse(text);
        if (value === null) {
          context.report(row, { messageId: 'unparseable', data: { field, value: text, type, type_vi: typeVi } });
        } else if (min !== undefined && value < min) {
          context.report(row, { messageId: 'below-min', data: { field, value: text, min: show(min) } });
        } else if (max !== undefined && value > max) {
          context.report(row, { messageId: 'above-max', data: { field, value: text, max: show(max) } });
        }
      },
    };
  },
});
