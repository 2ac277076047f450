import { decodePersonalId } from '../vn/personal-id.js';
import { compactCode, MST_WEIGHTS, parseTaxCode, type TaxCodeProblem } from '../vn/tax-code.js';
import { defineCheckType } from './define.js';
import { civilFromDays, formatDayDmy, isoDay } from '../shared/dates.js';
import { isBlank } from '../shared/text.js';
import { allDigits, asciiText, digitsValue } from './support/byte-text.js';
import { reportsNothing } from './support/probe.js';

interface Options {
  /** yyyy-MM-dd: the first day a 12-digit personal ID counts as a tax code. */
  personal_id_from: string;
}

type MessageId =
  | 'tax-format'
  | 'tax-serial-zero'
  | 'tax-check-digit'
  | 'tax-branch-suffix'
  | 'tax-personal-id-too-early'
  | 'tax-personal-id-invalid'
  | 'tax-not-canonical'
  | 'tax-excel-leading-zero';

const PROBLEM_MESSAGE: Record<TaxCodeProblem, MessageId> = {
  format: 'tax-format',
  'serial-zero': 'tax-serial-zero',
  'check-digit': 'tax-check-digit',
  'branch-suffix': 'tax-branch-suffix',
};

// Adding the 0 a spreadsheet dropped is a guess, even when the check digit then fits (1 in 11
// random values would).
const CONFIDENCE_LEADING_ZERO = 0.8;

const vnTaxCode = defineCheckType<Options, MessageId>({
  meta: {
    id: 'vn-tax-code',
    dimension: 'true',
    scope: 'row',
    valueOnly: true,
    columns: { min: 1, max: 1 },
    description: {
      en: "A Vietnamese tax code (MST): 10 digits with a valid mod-11 check digit, a branch's 13 digits written 'XXXXXXXXXX-XXX', or, from 1 July 2025, an individual's 12-digit personal ID.",
      vi: "Mã số thuế (MST): 10 chữ số với chữ số kiểm tra mod 11 hợp lệ, mã chi nhánh 13 chữ số viết dạng 'XXXXXXXXXX-XXX', hoặc từ ngày 01/07/2025 là số định danh cá nhân 12 chữ số của cá nhân.",
    },
    schema: {
      type: 'object',
      properties: {
        personal_id_from: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
      },
      additionalProperties: false,
    },
    defaults: { personal_id_from: '2025-07-01' },
    messages: {
      'tax-format': {
        en: "{field} '{value}' is not a tax code (10 digits, 13 as XXXXXXXXXX-XXX, or a 12-digit personal ID)",
        vi: "{field} '{value}' không phải mã số thuế (10 chữ số, 13 chữ số dạng XXXXXXXXXX-XXX, hoặc số định danh cá nhân 12 chữ số)",
      },
      'tax-serial-zero': {
        en: "{field} '{value}': digits 3 to 9 are all 0, a serial that is never issued",
        vi: "{field} '{value}': chữ số thứ 3 đến 9 đều là 0, dãy số không bao giờ được cấp",
      },
      'tax-check-digit': {
        en: "{field} '{value}': the check digit (10th digit) does not match the first nine digits",
        vi: "{field} '{value}': chữ số kiểm tra (chữ số thứ 10) không khớp với 9 chữ số đầu",
      },
      'tax-branch-suffix': {
        en: "{field} '{value}': branch number 000 is not used (branches are 001 to 999)",
        vi: "{field} '{value}': số đơn vị phụ thuộc 000 không được dùng (chỉ từ 001 đến 999)",
      },
      'tax-personal-id-too-early': {
        en: "{field} '{value}' is a 12-digit personal ID, which serves as a tax code only from {from}",
        vi: "{field} '{value}' là số định danh cá nhân 12 chữ số, chỉ được dùng làm mã số thuế từ ngày {from}",
      },
      'tax-personal-id-invalid': {
        en: "{field} '{value}' has 12 digits but is not a valid personal ID (place code {place_code}, birth year {birth_year})",
        vi: "{field} '{value}' có 12 chữ số nhưng không phải số định danh cá nhân hợp lệ (mã nơi đăng ký {place_code}, năm sinh {birth_year})",
      },
      'tax-not-canonical': {
        en: "{field} '{value}' should be written '{canonical}'",
        vi: "{field} '{value}' cần viết đúng là '{canonical}'",
      },
      'tax-excel-leading-zero': {
        en: "{field} '{value}' has lost its leading 0 (read as a number); probably '{canonical}'",
        vi: "{field} '{value}' bị mất số 0 ở đầu (bị đọc thành số); nhiều khả năng là '{canonical}'",
      },
    },
    fixable: true,
  },
  create(context) {
    const field = context.columns[0] ?? '';
    const fromText = context.options.personal_id_from;
    const fromDay = isoDay(fromText);
    if (fromDay === null) throw new Error(`vn-tax-code: personal_id_from '${fromText}' is not a real day`);
    const personalIdAllowed = context.asOfDay >= fromDay;
    const from = formatDayDmy(fromDay);
    const asOfYear = civilFromDays(context.asOfDay)[0];

    // The byte fast path. 10 ASCII digits are an MST in its written form: no finding exactly when
    // N3–N9 are not all 0 and N10 is the check digit (parseTaxCode). 12 are a personal ID, whose
    // findings depend on its first six digits (place code, century, year): each six is judged once,
    // by the check on a representative number (0: not judged yet, 1: no finding, 2: some finding).
    // Any other count of digits (13: the canonical form has a dash) gets a finding.
    const clean = reportsNothing(vnTaxCode, context);
    let personalIds: Uint8Array | undefined; // made on the first 12-digit cell (the probe never needs it)
    const mstPasses = (bytes: Uint8Array, start: number): boolean => {
      let sum = 0;
      let serial = 0;
      for (let k = 0; k < 9; k++) {
        const digit = bytes[start + k]! - 0x30;
        sum += MST_WEIGHTS[k]! * digit;
        if (k >= 2) serial += digit;
      }
      const rest = sum % 11;
      return serial > 0 && rest !== 0 && 10 - rest === bytes[start + 9]! - 0x30;
    };

    return {
      passes(bytes, start, end) {
        const length = end - start;
        if (length === 0) return true;
        if ((length !== 10 && length !== 12) || !allDigits(bytes, start, end)) return false;
        if (length === 10) return mstPasses(bytes, start);
        const key = digitsValue(bytes, start, 6);
        personalIds ??= new Uint8Array(1_000_000);
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
        let parsed = parseTaxCode(value);
        let leadingZero = false;
        if (!parsed.ok && parsed.problem === 'format') {
          // A spreadsheet that stored the code as a number dropped its leading 0: an MST (province
          // 01–09) becomes 9 digits, a personal ID of province 010–096 11. IDs of 001–009 lose two
          // zeros and look like a 10-digit MST; guessing there would turn a mistyped MST into an ID.
          const digits = compactCode(value);
          if (/^[1-9](\d{8}|\d{10})$/.test(digits) && (digits.length === 9 || personalIdAllowed)) {
            const padded = parseTaxCode(`0${digits}`);
            if (padded.ok && (padded.kind !== 'personal-id' || decodePersonalId(padded.canonical).place.kind === 'province')) {
              parsed = padded;
              leadingZero = true;
            }
          }
        }
        if (!parsed.ok) {
          context.report(row, { messageId: PROBLEM_MESSAGE[parsed.problem], data: { field, value } });
          return;
        }
        if (parsed.kind === 'personal-id' && !personalIdAllowed) {
          context.report(row, { messageId: 'tax-personal-id-too-early', data: { field, value, from } });
          return;
        }
        if (parsed.kind === 'personal-id') {
          // Only the hard rules of vn-reference.md §1.7; code 000 (unconfirmed) is left to vn-personal-id.
          const id = decodePersonalId(parsed.canonical);
          if (id.place.kind === 'invalid' || id.birthYear > asOfYear) {
            context.report(row, {
              messageId: 'tax-personal-id-invalid',
              data: { field, value, place_code: id.placeCode, birth_year: id.birthYear },
            });
            return;
          }
        }
        const { canonical } = parsed;
        if (canonical === value) return;
        context.report(row, {
          messageId: leadingZero ? 'tax-excel-leading-zero' : 'tax-not-canonical',
          data: { field, value, canonical },
          fix: { action: 'set', value: canonical, confidence: leadingZero ? CONFIDENCE_LEADING_ZERO : 1 },
        });
      },
    };
  },
});

export default vnTaxCode;
