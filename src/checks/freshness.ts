import { defineCheckType } from './define.js';
import { compileDateParser, formatDayDmy, isUsableDateFormat } from '../shared/dates.js';
import { isBlank } from '../shared/text.js';

interface Options {
  format?: string;
  max_age_days?: number;
  max_dataset_age_days?: number;
}

const AGE = { type: 'integer', minimum: 0 };

export default defineCheckType<Options, 'in-future' | 'stale' | 'dataset-stale' | 'no-dates'>({
  meta: {
    id: 'freshness',
    dimension: 'alive',
    scope: 'row',
    columns: { min: 1, max: 1 },
    description: {
      en: 'Records are up to date: no date in the future, none older than allowed, and the newest recent enough.',
      vi: 'Dữ liệu được cập nhật: không có ngày ở tương lai, không bản ghi nào cũ quá mức cho phép, và bản ghi mới nhất đủ gần đây.',
    },
    schema: {
      type: 'object',
      properties: {
        format: { type: 'string', minLength: 1 },
        max_age_days: AGE,
        max_dataset_age_days: AGE,
      },
      // ajv's strictRequired wants each required property declared beside it, not only above.
      anyOf: [
        { properties: { max_age_days: AGE }, required: ['max_age_days'] },
        { properties: { max_dataset_age_days: AGE }, required: ['max_dataset_age_days'] },
      ],
      additionalProperties: false,
    },
    // No default limit: a default would apply even to a rule that sets only the other one.
    defaults: {},
    messages: {
      'in-future': {
        en: '{field}: {value} is in the future (after the as-of date {as_of})',
        vi: '{field}: {value} là ngày trong tương lai (sau ngày đối chiếu {as_of})',
      },
      stale: {
        en: '{field}: {value} is {age_days} days old, more than {max_age_days}',
        vi: '{field}: {value} đã cũ {age_days} ngày, quá {max_age_days} ngày',
      },
      'dataset-stale': {
        en: '{field}: the newest date is {newest}, {age_days} days old, more than {max_dataset_age_days}',
        vi: '{field}: ngày mới nhất là {newest}, đã cũ {age_days} ngày, quá {max_dataset_age_days} ngày',
      },
      'no-dates': {
        en: '{field}: no row has a readable date, so the age of the data is unknown',
        vi: '{field}: không dòng nào có ngày đọc được nên không biết dữ liệu cũ hay mới',
      },
    },
    fixable: false,
  },
  create(context) {
    const field = context.columns[0] ?? '';
    const format = context.options.format ?? context.columnFormat(0) ?? 'iso';
    if (!isUsableDateFormat(format)) throw new Error(`freshness: unusable date format '${format}'`);
    const parse = compileDateParser(format);
    const { max_age_days: maxAge, max_dataset_age_days: maxDatasetAge } = context.options;
    const asOfDay = context.asOfDay;
    const asOf = formatDayDmy(asOfDay);
    let rows = 0;
    let parsed = 0;
    // Future days are reported per row and kept out of `newest`: one mistyped year must not make
    // a stale dataset look fresh.
    let newest = -Infinity;

    return {
      row(row) {
        rows++;
        const text = row.value(0);
        if (isBlank(text)) return;
        const day = parse(text);
        if (typeof day !== 'number') return; // the `date` check reports what is not a date
        parsed++;
        if (day > asOfDay) {
          context.report(row, { messageId: 'in-future', data: { field, value: text, as_of: asOf } });
          return;
        }
        if (day > newest) newest = day;
        const age = asOfDay - day;
        if (maxAge !== undefined && age > maxAge) {
          context.report(row, { messageId: 'stale', data: { field, value: text, age_days: age, max_age_days: maxAge } });
        }
      },
      end() {
        if (maxDatasetAge === undefined || rows === 0) return;
        if (parsed === 0) {
          context.reportDataset({ messageId: 'no-dates', column: 0, data: { field } });
        } else if (newest !== -Infinity && asOfDay - newest > maxDatasetAge) {
          context.reportDataset({
            messageId: 'dataset-stale',
            column: 0,
            data: { field, newest: formatDayDmy(newest), age_days: asOfDay - newest, max_dataset_age_days: maxDatasetAge },
          });
        }
      },
    };
  },
});
