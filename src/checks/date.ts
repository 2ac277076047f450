import { defineCheckType } from './define.js';
import { compileDateParser, formatDayAs, formatDayDmy, isoDay, isUsableDateFormat, readOtherDateForm } from '../shared/dates.js';
import type { ProposedFix } from '../model.js';
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
    valueOnly: true,
    columns: { min: 1, max: 1 },
    description: {
      en:
        'The value is a real date in the declared format, not in the future and not before the earliest allowed day. A date ' +
        'in another form (ISO, unpadded, day and month swapped, an Excel serial) gets the declared form as a fix when it ' +
        'reads one way only, a review when day and month could be either way round.',
      vi:
        'Giá trị là một ngày có thật, đúng định dạng đã khai báo, không ở tương lai và không sớm hơn ngày sớm nhất cho phép. ' +
        'Ngày viết dạng khác (ISO, thiếu số 0, đảo ngày và tháng, số sê-ri của Excel) được đề xuất sửa về định dạng đã khai ' +
        'báo khi chỉ đọc được một cách, cần xem lại khi ngày và tháng có thể hiểu theo cả hai cách.',
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
    fixable: true,
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
    const acceptable = (day: number): boolean => (allowFuture || day <= context.asOfDay) && (earliest === null || day >= earliest);

    /**
     * The fix for a text the declared parser refused: the declared form of its one reading, when that
     * day passes this rule; a review when day and month could be either way round or the one reading
     * would fail the rule anyway (a human must look); none when there is no reading.
     */
    function fixFor(text: string): ProposedFix | undefined {
      const form = readOtherDateForm(text);
      if (form === null) return undefined;
      if (form.kind === 'ambiguous') return { action: 'review', confidence: 0.5 };
      const value = acceptable(form.day) ? formatDayAs(form.day, format) : null;
      if (value === null) return { action: 'review', confidence: 0.5 };
      // An ISO or year-first date and an unpadded one read one way only; month first (5/26/2024) is
      // a slip of order, likely but less plain; a bare number in a date column is most likely a cell
      // Excel turned into its serial, but it may be some other number.
      return { action: 'set', value, confidence: form.form === 'excel-serial' ? 0.8 : form.form === 'month-day' ? 0.9 : 0.95 };
    }

    return {
      row(row) {
        const text = row.value(0);
        if (isBlank(text)) return;
        let day = parse(text);
        if (day === 'format') {
          const trimmed = text.trim();
          // Spaces around a date are the `whitespace` rule's finding: the date itself is judged.
          if (trimmed !== text) day = parse(trimmed);
          if (day === 'format') {
            context.report(row, { messageId: 'invalid-format', data: { field, value: text, format }, fix: fixFor(trimmed) });
            return;
          }
        }
        if (day === 'calendar') {
          // 05/26/2024 in a dd/MM/yyyy column: no such month, but a real day the other way round.
          context.report(row, { messageId: 'impossible-date', data: { field, value: text }, fix: fixFor(text.trim()) });
        } else if (!allowFuture && day > context.asOfDay) {
          context.report(row, { messageId: 'in-future', data: { field, value: text, as_of: asOf } });
        } else if (earliest !== null && day < earliest) {
          context.report(row, { messageId: 'before-earliest', data: { field, value: text, earliest: earliestShown } });
        }
      },
    };
  },
});
