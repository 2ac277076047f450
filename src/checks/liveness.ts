import { foldText } from '../vn/fold.js';
import { defineCheckType } from './define.js';
import { civilFromDays, compileDateParser, formatDayDmy, isUsableDateFormat, type DateParser } from '../shared/dates.js';
import { isBlank } from '../shared/text.js';

interface Options {
  /** Status values that mean the person is alive or the record active; compared folded. */
  active_values: readonly string[];
  /** Age in whole years above which a living person is doubtful (vn-reference §4.4, §7.2: ~120). */
  max_age: number;
  /** Date format of both date columns; default: each column's declared format, else dd/MM/yyyy. */
  format?: string;
}

type MessageId = 'dead-but-active' | 'too-old' | 'death-before-birth' | 'death-in-future';

const DEFAULT_ACTIVE = [
  'đang hoạt động',
  'hoạt động',
  'còn hoạt động',
  'còn sống',
  'đang sống',
  'sống',
  'active',
  'alive',
  'living',
  'yes',
  'true',
  '1',
];

/** Whole years from one day number to a later one. */
function yearsBetween(from: number, to: number): number {
  const [y1, m1, d1] = civilFromDays(from);
  const [y2, m2, d2] = civilFromDays(to);
  return y2 - y1 - (m2 < m1 || (m2 === m1 && d2 < d1) ? 1 : 0);
}

export default defineCheckType<Options, MessageId>({
  meta: {
    id: 'liveness',
    dimension: 'alive',
    scope: 'row',
    valueOnly: true,
    columns: { min: 1, max: 3 },
    description: {
      en: 'A record with a date of death is not marked active or alive; a person with no date of death is not older than the maximum age; a date of death is neither before the date of birth nor in the future.',
      vi: 'Bản ghi có ngày chết không được đánh dấu đang hoạt động hay còn sống; người chưa có ngày chết không quá tuổi tối đa; ngày chết không trước ngày sinh và không ở tương lai.',
    },
    schema: {
      type: 'object',
      properties: {
        active_values: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
        max_age: { type: 'integer', minimum: 1, maximum: 200 },
        format: { type: 'string', minLength: 1 },
      },
      additionalProperties: false,
    },
    defaults: { active_values: DEFAULT_ACTIVE, max_age: 120 },
    messages: {
      'dead-but-active': {
        en: '{status_field} is {status} although {field} is {value}',
        vi: '{status_field} là {status} dù {field} là {value}',
      },
      'too-old': {
        en: '{birth_field} {birth}: {age} years old with no {field}, more than {max_age}',
        vi: '{birth_field} {birth}: đã {age} tuổi mà chưa có {field}, quá {max_age} tuổi',
      },
      'death-before-birth': {
        en: '{field} {value} is before {birth_field} {birth}',
        vi: '{field} {value} trước {birth_field} {birth}',
        dimension: 'true',
      },
      'death-in-future': {
        en: '{field} {value} is in the future (after the as-of date {as_of})',
        vi: '{field} {value} là ngày trong tương lai (sau ngày đối chiếu {as_of})',
        dimension: 'true',
      },
    },
    fixable: true,
  },
  create(context) {
    const [field = '', statusField = '', birthField = ''] = context.columns;
    const { active_values: activeValues, max_age: maxAge } = context.options;
    const parserFor = (k: number): DateParser => {
      const format = context.options.format ?? context.columnFormat(k) ?? 'dd/MM/yyyy';
      if (!isUsableDateFormat(format)) throw new Error(`liveness: unusable date format '${format}'`);
      return compileDateParser(format);
    };
    const parseDeath = parserFor(0);
    const parseBirth = parserFor(2);
    const active = new Set(activeValues.map(foldText));
    const asOfDay = context.asOfDay;
    const asOf = formatDayDmy(asOfDay);

    return {
      // Unlike most checks, a blank date of death is not skipped: "no date of death" is what makes
      // a 130-year-old a finding.
      row(row) {
        const deathText = row.value(0);
        const statusText = row.value(1);
        const birthText = row.value(2);
        // Texts that are not dates are the `date` check's findings; here they count as unknown.
        const death = isBlank(deathText) ? null : parseDeath(deathText);
        const birth = isBlank(birthText) ? null : parseBirth(birthText);
        const deathDay = typeof death === 'number' ? death : null;
        const birthDay = typeof birth === 'number' ? birth : null;

        if (deathDay !== null) {
          if (deathDay > asOfDay) {
            context.report(row, { messageId: 'death-in-future', data: { field, value: deathText, as_of: asOf } });
          }
          if (birthDay !== null && deathDay < birthDay) {
            context.report(row, {
              messageId: 'death-before-birth',
              data: { field, value: deathText, birth_field: birthField, birth: birthText },
            });
          }
          if (!isBlank(statusText) && active.has(foldText(statusText))) {
            context.report(row, {
              messageId: 'dead-but-active',
              column: 1,
              data: { field, value: deathText, status_field: statusField, status: statusText },
              // Either the status was not updated or the death date is wrong: a person must decide.
              fix: { action: 'review', confidence: 0.9 },
            });
          }
          return;
        }
        if (death === null && birthDay !== null && birthDay <= asOfDay) {
          const age = yearsBetween(birthDay, asOfDay);
          if (age > maxAge) {
            context.report(row, {
              messageId: 'too-old',
              column: 2,
              data: { field, birth_field: birthField, birth: birthText, age, max_age: maxAge },
              // Maybe dead and not recorded, maybe a mistyped year: a person must look.
              fix: { action: 'review', confidence: 0.8 },
            });
          }
        }
      },
    };
  },
});
