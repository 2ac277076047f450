import { classifyLegacyId, CMND_LAST_VALID_DAY, restoreCmndLeadingZero } from '../vn/cmnd.js';
import {
  decodePersonalId,
  isScientificNotation,
  isStructurallyValid,
  restoreLeadingZeros,
} from '../vn/personal-id.js';
import { defineCheckType } from './define.js';
import { civilFromDays, formatDayDmy, isoDay } from '../shared/dates.js';
import { isBlank } from '../shared/text.js';
import { allDigits, asciiText, digitsValue } from './support/byte-text.js';
import { reportsNothing } from './support/probe.js';

interface Options {
  /** yyyy-MM-dd; default the as-of day. */
  export_date?: string;
  role: 'current-id' | 'legacy';
  twelve_digits: 'accept' | 'check' | 'report';
}

type MessageId =
  | 'cmnd-format'
  | 'cmnd-separators'
  | 'cmnd-excel-leading-zero'
  | 'cmnd-scientific-notation'
  | 'cmnd-expired'
  | 'cmnd-personal-id-invalid'
  | 'cmnd-personal-id';

const vnCmnd = defineCheckType<Options, MessageId>({
  meta: {
    id: 'vn-cmnd',
    dimension: 'true',
    scope: 'row',
    valueOnly: true,
    // 0 = the CMND / ID column.
    columns: { min: 1, max: 1 },
    description: {
      en:
        'A CMND (old identity card) number is 9 digits; a 12-digit value is the personal ID number (CMND-12 = personal ID). ' +
        'As a current ID a CMND is out of date after 31/12/2024 (Law on Identification 2023, Art. 46). ' +
        '9-digit numbers are not unique (numbers were reissued across provinces): never use them as a join key.',
      vi:
        'Số CMND gồm 9 chữ số; giá trị 12 chữ số là số định danh cá nhân (CMND 12 số chính là số định danh). ' +
        'Dùng làm giấy tờ hiện hành thì CMND đã hết giá trị sau 31/12/2024 (Luật Căn cước 2023, Điều 46). ' +
        'Số CMND 9 số không duy nhất (có số bị cấp trùng giữa các tỉnh): không dùng làm khoá ghép dữ liệu.',
    },
    schema: {
      type: 'object',
      properties: {
        export_date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
        role: { type: 'string', enum: ['current-id', 'legacy'] },
        twelve_digits: { type: 'string', enum: ['accept', 'check', 'report'] },
      },
      additionalProperties: false,
    },
    defaults: { role: 'legacy', twelve_digits: 'accept' },
    messages: {
      'cmnd-format': {
        en: "{field} '{value}' is neither a 9-digit CMND number nor a 12-digit personal ID number",
        vi: "{field} '{value}' không phải số CMND 9 chữ số hay số định danh cá nhân 12 chữ số",
      },
      'cmnd-separators': {
        en: "{field} '{value}' is written with separators or full-width digits; the number is {digits}",
        vi: "{field} '{value}' có ký tự phân cách hoặc chữ số toàn khổ; số đúng là {digits}",
        dimension: 'clean',
      },
      'cmnd-excel-leading-zero': {
        en: "{field} '{value}' may have lost its leading zero (stored as a number); perhaps {digits}",
        vi: "{field} '{value}' có thể bị mất số 0 ở đầu (bị lưu dạng số); có thể là {digits}",
      },
      'cmnd-scientific-notation': {
        en: "{field} '{value}' is in scientific notation: digits are lost, take the number from the source",
        vi: "{field} '{value}' ở dạng số mũ: đã mất chữ số, cần lấy lại số từ nguồn",
      },
      'cmnd-expired': {
        en: '{field} {value} is a 9-digit CMND, no longer a valid ID after 2024-12-31 (export date {export_date})',
        vi: '{field} {value} là CMND 9 số, đã hết giá trị sử dụng sau 31/12/2024 (ngày trích xuất {export_date})',
        dimension: 'alive',
      },
      'cmnd-personal-id-invalid': {
        en: '{field} {value} has 12 digits but is not a valid personal ID number ({reason_en})',
        vi: '{field} {value} có 12 chữ số nhưng không phải số định danh cá nhân hợp lệ ({reason_vi})',
      },
      'cmnd-personal-id': {
        en: '{field} {value} is a 12-digit personal ID number, not a 9-digit CMND',
        vi: '{field} {value} là số định danh cá nhân 12 chữ số, không phải CMND 9 số',
      },
    },
    fixable: true,
  },
  create(context) {
    const field = context.columns[0] ?? '';
    const { role, twelve_digits: twelveDigits, export_date: exportText } = context.options;
    const exportDay = exportText === undefined ? context.asOfDay : isoDay(exportText);
    if (exportDay === null) throw new Error(`vn-cmnd: export_date '${exportText}' is not a real day`);
    const expired = role === 'current-id' && exportDay > CMND_LAST_VALID_DAY;
    const exportShown = formatDayDmy(exportDay);
    const exportYear = civilFromDays(exportDay)[0];

    // The byte fast path: a cell of 9 ASCII digits is a CMND as written, whose findings depend on
    // the options alone; one of 12 is a personal ID whose findings depend on its first six digits
    // (place code, century, year) under twelve_digits 'check', on the options alone otherwise. Each
    // is judged once, by the check on a representative number. Other digit counts always get a
    // finding. 0: not judged yet, 1: no finding, 2: some finding.
    const clean = reportsNothing(vnCmnd, context);
    let nineDigits = 0;
    let personalIds: Uint8Array | undefined; // made on the first 12-digit cell (the probe never needs it)

    return {
      passes(bytes, start, end) {
        const length = end - start;
        if (length === 0) return true;
        if ((length !== 9 && length !== 12) || !allDigits(bytes, start, end)) return false;
        if (length === 9) {
          if (nineDigits === 0) nineDigits = clean(asciiText(bytes, start, end)) ? 1 : 2;
          return nineDigits === 1;
        }
        personalIds ??= new Uint8Array(twelveDigits === 'check' ? 1_000_000 : 1);
        const key = personalIds.length === 1 ? 0 : digitsValue(bytes, start, 6);
        let verdict = personalIds[key]!;
        if (verdict === 0) {
          verdict = clean(asciiText(bytes, start, start + 6).padEnd(12, '0')) ? 1 : 2;
          personalIds[key] = verdict;
        }
        return verdict === 1;
      },
      row(row) {
        const value = row.value(0);
        if (isBlank(value)) return;
        if (isScientificNotation(value)) {
          context.report(row, {
            messageId: 'cmnd-scientific-notation',
            data: { field, value },
            fix: { action: 'review', confidence: 0 },
          });
          return;
        }
        const { kind, digits } = classifyLegacyId(value);

        if (kind === 'other') {
          const numeric = /^\d+$/.test(digits);
          const cmnd = numeric ? restoreCmndLeadingZero(digits) : undefined;
          const id = numeric ? restoreLeadingZeros(digits) : undefined;
          const restored = cmnd ?? (id !== undefined && isStructurallyValid(decodePersonalId(id), exportYear) ? id : undefined);
          if (restored === undefined) {
            context.report(row, { messageId: 'cmnd-format', data: { field, value } });
          } else {
            // No list of police prefixes exists to confirm a restored CMND, hence the modest confidence.
            context.report(row, {
              messageId: 'cmnd-excel-leading-zero',
              data: { field, value, digits: restored },
              fix: { action: 'set', value: restored, confidence: 0.6 },
            });
          }
          return;
        }

        if (kind === 'personal-id') {
          // §2: a 12-digit CMND (2012-2021) is the personal ID number, so it is accepted by default.
          if (twelveDigits === 'report') {
            context.report(row, { messageId: 'cmnd-personal-id', data: { field, value } });
            return;
          }
          if (twelveDigits === 'check') {
            const id = decodePersonalId(digits);
            if (id.place.kind !== 'province' && id.place.kind !== 'abroad') {
              context.report(row, {
                messageId: 'cmnd-personal-id-invalid',
                data: { field, value, reason_en: `place code ${id.placeCode}`, reason_vi: `mã nơi đăng ký ${id.placeCode}` },
              });
              return;
            }
            if (id.birthYear > exportYear) {
              context.report(row, {
                messageId: 'cmnd-personal-id-invalid',
                data: { field, value, reason_en: `birth year ${id.birthYear}`, reason_vi: `năm sinh ${id.birthYear}` },
              });
              return;
            }
          }
        }

        if (digits !== value) {
          context.report(row, {
            messageId: 'cmnd-separators',
            data: { field, value, digits },
            fix: { action: 'set', value: digits, confidence: 1 },
          });
        }
        if (kind === 'cmnd' && expired) {
          context.report(row, { messageId: 'cmnd-expired', data: { field, value, export_date: exportShown } });
        }
      },
    };
  },
});

export default vnCmnd;
