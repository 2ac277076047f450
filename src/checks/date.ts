import { defineCheckType } from './define.js';
import { compileDateParser, formatDayDmy, isoDay, isUsableDateFormat } from '../shared/dates.js';
import { isBlank } from '../shared/text.js';

interface Options {
  format?: string;
  allow_future: boolean;
  /** yyyy-MM-dd */
  earliest?: string;
}

export default defineCheckType<Options, 'invalid-format' | 'impossible-date' | 'in-future' | 'before-earliest'>({
  meta: {
    id: 'date',
    dimension: 'true',
    scope: 'row',
    columns: { min: 1, max: 1 },
    description: {
      en: 'The value is a real date in the declared format, not in the future and not before the earliest allowed day.',
      vi: 'Giá trị là một ngày có thật, đúng định dạng đã khai báo, không ở tương lai và không sớm hơn ngày sớm nhất cho phép.',
    },
    schema: {
      type: 'object',
      properties: {
        format: { type: 'string', minLength: 1 },
        allow_future: { type: 'boolean' },
        earliest: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
      },
      additionalProperties: false,
    },
    defaults: { allow_future: false },
    messages: {
      'invalid-format': {
        en: "{field}: '{value}' does not match the date format {format}",
        vi: "{field}: '{value}' không đúng định dạng ngày {format}",
      },
      'impossible-date': { en: '{field}: {value} is not a real date', vi: '{field}: ngày {value} không có thật' },
      'in-future': {
        en: '{field}: {value} is in the future (after the as-of date {as_of})',
        vi: '{field}: {value} là ngày trong tương lai (sau ngày đối chiếu {as_of})',
      },
      'before-earliest': {
        en: '{field}: {value} is before the earliest allowed date {earliest}',
        vi: '{field}: {value} sớm hơn ngày sớm nhất cho phép {earliest}',
      },
    },
    fixable: false,
  },
  create(context) {
    const field = context.columns[0] ?? '';
    const format = context.options.format ?? context.columnFormat(0) ?? 'dd/MM/yyyy';
    if (!isUsableDateFormat(format)) throw new Error(`date: unusable date format '${format}'`);
    const parse = compileDateParser(format);
    const { allow_future: allowFuture, earliest: earliestText } = context.options;
    const earliest = earliestText === undefined ? null : isoDay(earliestText);
    if (earliestText !== undefined && earliest === null) throw new Error(`date: earliest '${earliestText}' is not a real day`);
    const asOf = formatDayDmy(context.asOfDay);
    const earliestShown = earliest === null ? '' : formatDayDmy(earliest);

    return {
      row(row) {
        const text = row.value(0);
        if (isBlank(text)) return;
        const day = parse(text);
        if (day === 'format') {
          context.report(row, { messageId: 'invalid-format', data: { field, value: text, format } });
        } else if (day === 'calendar') {
          context.report(row, { messageId: 'impossible-date', data: { field, value: text } });
        } else if (!allowFuture && day > context.asOfDay) {
          context.report(row, { messageId: 'in-future', data: { field, value: text, as_of: asOf } });
        } else if (earliest !== null && day < earliest) {
          context.report(row, { messageId: 'before-earliest', data: { field, value: text, earliest: earliestShown } });
        }
      },
    };
  },
});
