import {
  findProvince,
  hasProvincePrefix,
  isOfficialSpelling,
  newProvinceByCode,
  newProvinceOf,
  oldProvinceByCode,
  sameNameForm,
  type ProvinceEra,
  type ProvinceType,
} from '../vn/provinces.js';
import { defineCheckType } from './define.js';
import { memoize } from '../shared/memo.js';
import { isBlank } from '../shared/text.js';

interface Options {
  era?: ProvinceEra;
  accept_codes: boolean;
}

type MessageId = 'province-variant' | 'not-a-province' | 'old-province' | 'province-code';

const CODE = /^\d{1,2}$/;

export default defineCheckType<Options, MessageId>({
  meta: {
    id: 'vn-province',
    dimension: 'true',
    scope: 'row',
    valueOnly: true,
    // 0 = province (tỉnh, thành phố trực thuộc trung ương).
    columns: { min: 1, max: 1 },
    description: {
      en:
        'The province is one of the list the column is declared in: the 63 provinces before 1 Jul 2025 or the 34 after. ' +
        'Other spellings of a known province get the official name as a fix; a pre-2025 province in a post-2025 column is ' +
        'out of date and gets the province it was merged into. A bare 2-digit code means different provinces in the two lists.',
      vi:
        'Tỉnh, thành phố thuộc danh sách đã khai báo cho cột: 63 tỉnh, thành phố trước 01/07/2025 hoặc 34 tỉnh, thành phố ' +
        'sau đó. Cách viết khác của một tỉnh được đề xuất sửa về tên chính thức; tỉnh cũ (trước 2025) trong cột theo danh ' +
        'sách mới là dữ liệu lỗi thời và được đề xuất tỉnh mới đã sáp nhập vào. Mã 2 chữ số đứng riêng có nghĩa khác nhau giữa hai danh sách.',
    },
    schema: {
      type: 'object',
      properties: {
        era: { type: 'string', enum: ['pre-2025', 'post-2025'] },
        accept_codes: { type: 'boolean' },
      },
      required: ['era'],
      additionalProperties: false,
    },
    defaults: { accept_codes: false },
    messages: {
      'province-variant': {
        en: "{field} '{value}' should be written '{canonical}'",
        vi: "{field} '{value}' cần viết đúng là '{canonical}'",
      },
      'not-a-province': {
        en: "{field} '{value}' is not one of the {count} provinces of the declared list",
        vi: "{field} '{value}' không thuộc danh sách {count} tỉnh, thành phố đã khai báo",
      },
      'old-province': {
        en: "{field} '{value}' is a province from before 2025-07-01; it is now part of {new}",
        vi: "{field} '{value}' là tỉnh, thành phố trước 01/07/2025; nay thuộc {new}",
        dimension: 'alive',
      },
      'province-code': {
        en: "{field} '{value}' is a province code, not a name ({name} in the declared list)",
        vi: "{field} '{value}' là mã tỉnh, không phải tên ({name} theo danh sách đã khai báo)",
      },
    },
    fixable: true,
  },
  create(context) {
    const field = context.columns[0] ?? '';
    // Optional in Options only because `defaults` has the same type; the schema requires it.
    const era = context.options.era!;
    const acceptCodes = context.options.accept_codes;
    const post = era === 'post-2025';
    const count = post ? 34 : 63;
    const nameIn = (e: ProvinceEra, code: string): string | undefined =>
      (e === 'post-2025' ? newProvinceByCode(code) : oldProvinceByCode(code))?.name;
    const styled = (value: string, type: ProvinceType, name: string): string =>
      hasProvincePrefix(value) ? `${type} ${name}` : name;

    // A province column holds a few dozen distinct values: judge each once.
    const isOfficial = memoize((value: string) => isOfficialSpelling(era, value), 10_000);
    return {
      row(row) {
        const value = row.value(0);
        if (isBlank(value) || isOfficial(value)) return;
        const trimmed = value.trim();

        if (CODE.test(trimmed)) {
          const code = trimmed.padStart(2, '0');
          const name = nameIn(era, code);
          if (name !== undefined) {
            if (acceptCodes) {
              if (code === value) return;
              // '1' for '01': a numeric cell dropped the zero.
              context.report(row, {
                messageId: 'province-variant',
                data: { field, value, canonical: code },
                fix: { action: 'set', value: code, confidence: trimmed === code ? 1 : 0.9 },
              });
              return;
            }
            // The other list may give the same code to another province (15: Yên Bái before, Lào Cai after).
            const other = nameIn(post ? 'pre-2025' : 'post-2025', code);
            context.report(row, {
              messageId: 'province-code',
              data: { field, value, name },
              fix: { action: 'set', value: name, confidence: other === undefined || other === name ? 0.9 : 0.6 },
            });
            return;
          }
          const old = post ? oldProvinceByCode(code) : undefined;
          if (old) {
            const now = newProvinceOf(old);
            context.report(row, {
              messageId: 'old-province',
              data: { field, value, old: old.name, new: now.name },
              fix: { action: 'set', value: acceptCodes ? now.code : now.name, confidence: 1 },
            });
            return;
          }
          context.report(row, { messageId: 'not-a-province', data: { field, value, count } });
          return;
        }

        const match = findProvince(era, value);
        if (match) {
          const canonical = styled(value, match.type, match.name);
          context.report(row, {
            messageId: 'province-variant',
            data: { field, value, canonical },
            fix: { action: 'set', value: canonical, confidence: !match.variant && sameNameForm(value, match.name) ? 1 : 0.95 },
          });
          return;
        }

        const oldMatch = post ? findProvince('pre-2025', value) : undefined;
        const old = oldMatch && oldProvinceByCode(oldMatch.code);
        if (old) {
          // Every old province went whole into one new province (none was split), so the fix is certain.
          const now = newProvinceOf(old);
          context.report(row, {
            messageId: 'old-province',
            data: { field, value, old: old.name, new: now.name },
            fix: { action: 'set', value: styled(value, now.type, now.name), confidence: 1 },
          });
          return;
        }
        context.report(row, { messageId: 'not-a-province', data: { field, value, count } });
      },
    };
  },
});
