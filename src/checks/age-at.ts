// A person's age at an event date within bounds: a driving-licence class's minimum age at the
// test date, a civil servant recruited at 18 or more, a vehicle owner of 15 or more.
import { isoDay } from '../shared/dates.js';
import { isBlank } from '../shared/text.js';
import { defineCheckType } from './define.js';
import { ageInYears, dateReader, tableKey } from './support/date-math.js';

interface Bounds {
  min?: number;
  max?: number;
}

interface Era extends Bounds {
  from?: string;
  until?: string;
  by?: Record<string, Bounds>;
}

interface Options extends Bounds {
  by?: Record<string, Bounds>;
  eras?: Era[];
  year_only: boolean;
  ignore_case: boolean;
}

type MessageId = 'too-young' | 'too-old' | 'too-young-for' | 'too-old-for';

const AGE = { type: 'integer', minimum: 0, maximum: 150 };
const BOUNDS = { type: 'object', properties: { min: AGE, max: AGE }, additionalProperties: false, minProperties: 1 };
const BY = { type: 'object', additionalProperties: BOUNDS, minProperties: 1 };
const DAY_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

export default defineCheckType<Options, MessageId>({
  meta: {
    id: 'age-at',
    dimension: 'true',
    scope: 'row',
    valueOnly: true,
    columns: { min: 2, max: 3 },
    description: {
      en:
        'The age in completed years on an event date (the second column), from the date of birth (the first), is within ' +
        '`min` and `max` — the same for every row, by the value of a third column (`by`: a licence class), or by the era of ' +
        'the event date (`eras`). A birth date of a year only counts from 1 January with `year_only`.',
      vi:
        'Tuổi tròn tại ngày sự kiện (cột thứ hai), tính từ ngày sinh (cột thứ nhất), nằm trong khoảng `min`–`max` — như nhau ' +
        'cho mọi dòng, theo giá trị của cột thứ ba (`by`: hạng giấy phép lái xe), hoặc theo giai đoạn của ngày sự kiện ' +
        '(`eras`). Với `year_only`, ngày sinh chỉ có năm được tính từ ngày 1 tháng 1.',
    },
    schema: {
      type: 'object',
      properties: {
        min: AGE,
        max: AGE,
        by: BY,
        eras: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            properties: { from: { type: 'string', pattern: DAY_PATTERN }, until: { type: 'string', pattern: DAY_PATTERN }, min: AGE, max: AGE, by: BY },
            additionalProperties: false,
          },
        },
        year_only: { type: 'boolean' },
        ignore_case: { type: 'boolean' },
      },
      additionalProperties: false,
    },
    defaults: { year_only: false, ignore_case: true },
    messages: {
      'too-young': {
        en: '{event_field} {value}: aged {age} (born {birth_value}), under the minimum of {min}',
        vi: '{event_field} {value}: mới {age} tuổi (sinh {birth_value}), dưới mức tối thiểu {min} tuổi',
      },
      'too-old': {
        en: '{event_field} {value}: aged {age} (born {birth_value}), over the maximum of {max}',
        vi: '{event_field} {value}: đã {age} tuổi (sinh {birth_value}), quá mức tối đa {max} tuổi',
      },
      'too-young-for': {
        en: '{event_field} {value}: aged {age} (born {birth_value}), under the minimum of {min} for {key_field} {key}',
        vi: '{event_field} {value}: mới {age} tuổi (sinh {birth_value}), dưới mức tối thiểu {min} tuổi của {key_field} {key}',
      },
      'too-old-for': {
        en: '{event_field} {value}: aged {age} (born {birth_value}), over the maximum of {max} for {key_field} {key}',
        vi: '{event_field} {value}: đã {age} tuổi (sinh {birth_value}), quá mức tối đa {max} tuổi của {key_field} {key}',
      },
    },
    fixable: false,
  },
  create(context) {
    const o = context.options;
    const sources = [o.min !== undefined || o.max !== undefined, o.by !== undefined, o.eras !== undefined].filter(Boolean).length;
    if (sources !== 1) throw new Error('age-at: give exactly one of min/max, by, eras');
    const keyOf = (text: string) => tableKey(text, o.ignore_case);
    const keyed = (table: Record<string, Bounds>) => new Map(Object.entries(table).map(([k, v]) => [keyOf(k), v]));
    const eras = (o.eras ?? [{ min: o.min, max: o.max, by: o.by }]).map((era, i) => {
      const from = era.from === undefined ? -Infinity : isoDay(era.from);
      const until = era.until === undefined ? Infinity : isoDay(era.until);
      if (from === null || until === null) throw new Error(`age-at: era ${i + 1} has a date that is not a day`);
      for (const b of [era, ...Object.values(era.by ?? {})]) {
        if (b.min !== undefined && b.max !== undefined && b.min > b.max) throw new Error(`age-at: min ${b.min} is more than max ${b.max}`);
      }
      return { from, until, bounds: { min: era.min, max: era.max } as Bounds, by: era.by ? keyed(era.by) : undefined };
    });
    if (eras.some((e) => e.by) && context.columns.length < 3) throw new Error('age-at: `by` needs a third column (the key)');
    const readBirth = dateReader(context.columnFormat(0), 'age-at', o.year_only);
    const readEvent = dateReader(context.columnFormat(1), 'age-at');
    const eventField = context.columns[1] ?? '';
    const keyField = context.columns[2] ?? '';

    return {
      row(row) {
        const birthText = row.value(0);
        const eventText = row.value(1);
        if (isBlank(birthText) || isBlank(eventText)) return;
        const birth = readBirth(birthText);
        const event = readEvent(eventText);
        if (birth === null || event === null) return;
        const era = eras.find((e) => event >= e.from && event <= e.until);
        if (!era) return;
        let bounds = era.bounds;
        const key = row.value(2);
        if (era.by) {
          if (isBlank(key)) return;
          const found = era.by.get(keyOf(key));
          // An unknown key is another rule's finding (the value set of the era).
          if (!found) return;
          bounds = found;
        }
        const age = ageInYears(birth, event);
        const data = { event_field: eventField, value: eventText, birth_value: birthText, age, key_field: keyField, key };
        if (bounds.min !== undefined && age < bounds.min) {
          context.report(row, { messageId: era.by ? 'too-young-for' : 'too-young', column: 1, data: { ...data, min: bounds.min } });
        } else if (bounds.max !== undefined && age > bounds.max) {
          context.report(row, { messageId: era.by ? 'too-old-for' : 'too-old', column: 1, data: { ...data, max: bounds.max } });
        }
      },
    };
  },
});
