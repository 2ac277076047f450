// A date computed from other columns, compared with the one recorded (or with the as-of day): a
// licence's expiry = issue date + the validity of its class in the era of the issue date; a
// retirement date = date of birth + the retirement age of the calendar year it falls in, at the
// end of the month; a child's health insurance card ends no later than its 72nd month.
import { formatDayAs, formatDayDmy, isoDay } from '../shared/dates.js';
import { isBlank } from '../shared/text.js';
import { defineCheckType, type RowView } from './define.js';
import {
  addMonths,
  addOffset,
  dateReader,
  describeOffset,
  endOfMonth,
  offsetMonths,
  OFFSET_SCHEMA,
  tableKey,
  type DateOffset,
} from './support/date-math.js';
import { civilFromDays, dayNumber } from '../shared/dates.js';

/** What a key (or every row) gets: one offset, alternatives (any may hold), no date at all, or no judgement. */
type OffsetSpec = DateOffset | DateOffset[] | 'none' | 'skip';

interface Era {
  from?: string;
  until?: string;
  offset?: OffsetSpec;
  by?: Record<string, OffsetSpec>;
}

interface ScheduleStep {
  from_year: number;
  offset?: DateOffset;
  by?: Record<string, DateOffset>;
}

interface Options {
  offset?: OffsetSpec;
  by?: Record<string, OffsetSpec>;
  eras?: Era[];
  schedule?: ScheduleStep[];
  end_of_month: boolean;
  floor_month_day?: string;
  tolerance_days: number;
  operator: '==' | '<=' | '>=';
  against: 'column' | 'as-of';
  when?: { column: number; values: string[] };
  only_before?: number;
  unknown_key: 'ignore' | 'report';
  year_only: boolean;
  ignore_case: boolean;
}

type MessageId = 'mismatch' | 'too-late' | 'too-early' | 'passed' | 'unexpected-date' | 'unknown-key';

const SPEC_SCHEMA = {
  oneOf: [
    OFFSET_SCHEMA,
    { type: 'array', items: OFFSET_SCHEMA, minItems: 1 },
    { type: 'string', enum: ['none', 'skip'] },
  ],
};
const BY_SCHEMA = { type: 'object', additionalProperties: SPEC_SCHEMA, minProperties: 1 };
const DAY_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

/** How sure a proposed date is: the base date or the key may be the wrong value instead. */
const FIX_CONFIDENCE = 0.6;

interface Judged {
  /** Computed days (alternatives), or 'none' (no date expected), or null (not judged). */
  days: number[] | 'none' | null;
  offset: string;
  offsetVi?: string;
  unknownKey?: boolean;
}

export default defineCheckType<Options, MessageId>({
  meta: {
    id: 'computed-date',
    dimension: 'true',
    scope: 'row',
    valueOnly: true,
    columns: { min: 1, max: 6 },
    description: {
      en:
        'A date computed from other columns agrees with the one recorded: the base date (a column) plus an offset — the same ' +
        'for every row, by the value of a key column (`by`), by the era of the base date (`eras`), or by the calendar year ' +
        'the result falls in (`schedule`: the retirement-age roadmap) — optionally at the end of that month; compared with ' +
        'the recorded date (==, <= or >=, with a tolerance in days) or, with `against: "as-of"`, with the as-of day. Columns: ' +
        'the recorded date (not with as-of), the base date, then the key column and any columns `when` and `only_before` name.',
      vi:
        'Ngày tính từ các cột khác khớp với ngày đã ghi: ngày gốc (một cột) cộng một khoảng thời gian — như nhau cho mọi ' +
        'dòng, theo giá trị của một cột khóa (`by`), theo giai đoạn của ngày gốc (`eras`) hoặc theo năm dương lịch của ' +
        'ngày kết quả (`schedule`: lộ trình tuổi nghỉ hưu) — có thể lấy ngày cuối tháng; so với ngày đã ghi (==, <= hoặc ' +
        '>=, sai lệch cho phép tính bằng ngày) hoặc, với `against: "as-of"`, so với ngày đánh giá. Các cột: ngày đã ghi ' +
        '(trừ khi so với ngày đánh giá), ngày gốc, rồi cột khóa và các cột mà `when`, `only_before` chỉ tới.',
    },
    schema: {
      type: 'object',
      properties: {
        offset: SPEC_SCHEMA,
        by: BY_SCHEMA,
        eras: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            properties: {
              from: { type: 'string', pattern: DAY_PATTERN },
              until: { type: 'string', pattern: DAY_PATTERN },
              offset: SPEC_SCHEMA,
              by: BY_SCHEMA,
            },
            additionalProperties: false,
          },
        },
        schedule: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            properties: {
              from_year: { type: 'integer', minimum: 1000, maximum: 3000 },
              offset: OFFSET_SCHEMA,
              by: { type: 'object', additionalProperties: OFFSET_SCHEMA, minProperties: 1 },
            },
            required: ['from_year'],
            additionalProperties: false,
          },
        },
        end_of_month: { type: 'boolean' },
        floor_month_day: { type: 'string', pattern: '^\\d{2}-\\d{2}$' },
        tolerance_days: { type: 'integer', minimum: 0, maximum: 366 },
        operator: { type: 'string', enum: ['==', '<=', '>='] },
        against: { type: 'string', enum: ['column', 'as-of'] },
        when: {
          type: 'object',
          properties: {
            column: { type: 'integer', minimum: 0, maximum: 5 },
            values: { type: 'array', items: { type: 'string' }, minItems: 1 },
          },
          required: ['column', 'values'],
          additionalProperties: false,
        },
        only_before: { type: 'integer', minimum: 0, maximum: 5 },
        unknown_key: { type: 'string', enum: ['ignore', 'report'] },
        year_only: { type: 'boolean' },
        ignore_case: { type: 'boolean' },
      },
      additionalProperties: false,
    },
    defaults: {
      end_of_month: false,
      tolerance_days: 0,
      operator: '==',
      against: 'column',
      unknown_key: 'ignore',
      year_only: false,
      ignore_case: true,
    },
    messages: {
      mismatch: {
        en: '{field} is {value}, but {base_field} {base_value} + {offset} gives {expected}',
        vi: '{field} là {value}, nhưng {base_field} {base_value} + {offset_vi} cho ra {expected}',
      },
      'too-late': {
        en: '{field} {value} is after {expected}, the latest allowed by {base_field} {base_value} + {offset}',
        vi: '{field} {value} sau {expected}, ngày muộn nhất cho phép theo {base_field} {base_value} + {offset_vi}',
      },
      'too-early': {
        en: '{field} {value} is before {expected}, the earliest allowed by {base_field} {base_value} + {offset}',
        vi: '{field} {value} trước {expected}, ngày sớm nhất cho phép theo {base_field} {base_value} + {offset_vi}',
      },
      passed: {
        en: '{base_field} {base_value} + {offset} gives {expected}, already past on {as_of}',
        vi: '{base_field} {base_value} + {offset_vi} cho ra {expected}, đã qua vào ngày {as_of}',
        dimension: 'alive',
      },
      'unexpected-date': {
        en: '{field} should be empty for {key_field} {key} (it has no end date), but is {value}',
        vi: '{field} phải để trống với {key_field} {key} (không có thời hạn), nhưng là {value}',
      },
      'unknown-key': {
        en: '{key_field} {key} is not a value known for {base_field} {base_value}',
        vi: '{key_field} {key} không phải giá trị hợp lệ với {base_field} {base_value}',
      },
    },
    fixable: true,
  },
  create(context) {
    const o = context.options;
    const asOf = o.against === 'as-of';
    // Column roles: [recorded,] base, key, then whatever `when` and `only_before` point at.
    const recordedAt = asOf ? -1 : 0;
    const baseAt = asOf ? 0 : 1;
    const keyAt = baseAt + 1;
    const columns = context.columns;
    const hasKey = o.by !== undefined || o.schedule?.some((s) => s.by) || o.eras?.some((e) => e.by) === true;
    if (columns.length <= baseAt) throw new Error(`computed-date: the rule needs the ${asOf ? 'base date' : 'recorded and the base date'} column(s)`);
    const sources = [o.offset !== undefined, o.by !== undefined, o.eras !== undefined, o.schedule !== undefined].filter(Boolean).length;
    if (sources !== 1) throw new Error('computed-date: give exactly one of offset, by, eras, schedule');
    if (hasKey && columns.length <= keyAt) throw new Error('computed-date: `by` needs a key column after the base date');
    for (const k of [o.when?.column, o.only_before]) {
      if (k !== undefined && k >= columns.length) throw new Error(`computed-date: column ${k} is not one of the rule's ${columns.length} columns`);
    }
    if (o.floor_month_day && !isoDay(`2000-${o.floor_month_day}`)) throw new Error(`computed-date: floor_month_day '${o.floor_month_day}' is not a day`);

    const keyOf = (text: string) => tableKey(text, o.ignore_case);
    const keyed = <T>(table: Record<string, T>): Map<string, T> => new Map(Object.entries(table).map(([k, v]) => [keyOf(k), v]));
    const eras = (o.eras ?? [{ offset: o.offset, by: o.by }]).map((era, i) => {
      const from = era.from === undefined ? -Infinity : isoDay(era.from);
      const until = era.until === undefined ? Infinity : isoDay(era.until);
      if (from === null || until === null) throw new Error(`computed-date: era ${i + 1} has a date that is not a day`);
      return { from, until, offset: era.offset, by: era.by ? keyed(era.by) : undefined };
    });
    const schedule = (o.schedule ?? [])
      .map((s) => ({ fromYear: s.from_year, offset: s.offset, by: s.by ? keyed(s.by) : undefined }))
      .sort((a, b) => a.fromYear - b.fromYear);

    const readers = columns.map((_, k) => dateReader(context.columnFormat(k), 'computed-date', o.year_only && k === baseAt));
    const whenValues = o.when ? new Set(o.when.values.map(keyOf)) : null;
    const field = asOf ? '' : (columns[recordedAt] ?? '');
    const baseField = columns[baseAt] ?? '';
    const keyField = columns[keyAt] ?? '';
    const shown = (day: number, k: number): string => formatDayAs(day, context.columnFormat(k) ?? 'iso') ?? formatDayDmy(day);

    function finish(day: number): number {
      let result = o.end_of_month ? endOfMonth(day) : day;
      if (o.floor_month_day) {
        const [y] = civilFromDays(result);
        const [mm, dd] = o.floor_month_day.split('-').map(Number) as [number, number];
        result = Math.max(result, dayNumber(y, mm, dd));
      }
      return result;
    }

    /** The retirement-roadmap form: the first month whose age reaches the requirement of its own year. */
    function scheduled(base: number, key: string): Judged {
      const need = (year: number): DateOffset | undefined => {
        let step = schedule[0];
        for (const s of schedule) if (s.fromYear <= year) step = s;
        return step?.by ? step.by.get(key) : step?.offset;
      };
      const months = schedule.map((s) => (s.by ? s.by.get(key) : s.offset)).filter((x): x is DateOffset => x !== undefined).map(offsetMonths);
      if (months.length === 0) return { days: null, offset: '', unknownKey: true };
      const [by, bm] = civilFromDays(base);
      const start = by * 12 + bm - 1;
      for (let m = Math.min(...months); m <= Math.max(...months) + 12; m++) {
        const year = Math.floor((start + m) / 12);
        const required = need(year);
        if (required && m >= offsetMonths(required)) {
          const reached = { years: Math.floor(m / 12), months: m % 12 };
          return { days: [finish(addMonths(base, m))], offset: describeOffset(reached), offsetVi: describeOffset(reached, 'vi') };
        }
      }
      return { days: null, offset: '' };
    }

    function judge(base: number, row: RowView): Judged {
      const key = keyOf(row.value(keyAt));
      if (schedule.length > 0) return hasKey && isBlank(key) ? { days: null, offset: '' } : scheduled(base, key);
      const era = eras.find((e) => base >= e.from && base <= e.until);
      if (!era) return { days: null, offset: '' };
      let spec: OffsetSpec | undefined = era.offset;
      if (era.by) {
        if (isBlank(key)) return { days: null, offset: '' };
        spec = era.by.get(key);
        if (spec === undefined) return { days: null, offset: '', unknownKey: true };
      }
      if (spec === undefined || spec === 'skip') return { days: null, offset: '' };
      if (spec === 'none') return { days: 'none', offset: '' };
      const list = Array.isArray(spec) ? spec : [spec];
      return {
        days: list.map((offset) => finish(addOffset(base, offset))),
        offset: list.map((x) => describeOffset(x)).join(' | '),
        offsetVi: list.map((x) => describeOffset(x, 'vi')).join(' | '),
      };
    }

    return {
      row(row) {
        if (whenValues && !whenValues.has(keyOf(row.value(o.when!.column)))) return;
        const baseText = row.value(baseAt);
        if (isBlank(baseText)) return;
        const base = readers[baseAt]!(baseText);
        if (base === null) return;
        const judged = judge(base, row);
        const data = { field, base_field: baseField, base_value: baseText, key_field: keyField, key: row.value(keyAt), offset: judged.offset, offset_vi: judged.offsetVi ?? judged.offset };
        if (judged.unknownKey) {
          if (o.unknown_key === 'report') context.report(row, { messageId: 'unknown-key', column: keyAt, data });
          return;
        }
        if (judged.days === null) return;
        const recordedText = asOf ? '' : row.value(recordedAt);
        if (judged.days === 'none') {
          if (!asOf && !isBlank(recordedText)) {
            context.report(row, { messageId: 'unexpected-date', data: { ...data, value: recordedText }, fix: { action: 'clear', confidence: FIX_CONFIDENCE } });
          }
          return;
        }
        const days = judged.days;
        if (o.only_before !== undefined) {
          const gate = readers[o.only_before]!(row.value(o.only_before));
          if (gate === null || gate >= Math.max(...days)) return;
        }
        const tol = o.tolerance_days;
        if (asOf) {
          const latest = Math.max(...days);
          if (latest + tol < context.asOfDay) {
            context.report(row, { messageId: 'passed', column: 0, value: baseText, data: { ...data, expected: shown(latest, baseAt), as_of: formatDayDmy(context.asOfDay) } });
          }
          return;
        }
        if (isBlank(recordedText)) return;
        const recorded = readers[recordedAt]!(recordedText);
        if (recorded === null) return;
        const value = recordedText;
        if (o.operator === '==') {
          if (days.some((d) => Math.abs(recorded - d) <= tol)) return;
          const expected = shown(days[0]!, recordedAt);
          context.report(row, {
            messageId: 'mismatch',
            data: { ...data, value, expected: days.map((d) => shown(d, recordedAt)).join(' | ') },
            fix: days.length === 1 ? { action: 'set', value: expected, confidence: FIX_CONFIDENCE } : { action: 'review', confidence: 0 },
          });
        } else if (o.operator === '<=') {
          const latest = Math.max(...days);
          if (recorded <= latest + tol) return;
          const expected = shown(latest, recordedAt);
          context.report(row, { messageId: 'too-late', data: { ...data, value, expected }, fix: { action: 'set', value: expected, confidence: FIX_CONFIDENCE } });
        } else {
          const earliest = Math.min(...days);
          if (recorded >= earliest - tol) return;
          const expected = shown(earliest, recordedAt);
          context.report(row, { messageId: 'too-early', data: { ...data, value, expected }, fix: { action: 'set', value: expected, confidence: FIX_CONFIDENCE } });
        }
      },
    };
  },
});
