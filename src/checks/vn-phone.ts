import { normalizePhone, splitPhones, toE164, type PhoneProblem } from '../vn/phones.js';
import { defineCheckType } from './define.js';
import { isBlank } from '../shared/text.js';
import { allDigits, asciiText, digitsValue } from './support/byte-text.js';
import { reportsNothing } from './support/probe.js';

interface Options {
  allow_landline: boolean;
  format: 'national' | 'e164';
}

type MessageId =
  | 'phone-format'
  | 'phone-foreign'
  | 'phone-length'
  | 'phone-unknown-prefix'
  | 'phone-multiple'
  | 'phone-landline-not-allowed'
  | 'phone-not-canonical'
  | 'phone-old-11-digit'
  | 'phone-excel-leading-zero';

const PROBLEM_MESSAGE: Record<PhoneProblem, MessageId> = {
  format: 'phone-format',
  foreign: 'phone-foreign',
  length: 'phone-length',
  'unknown-prefix': 'phone-unknown-prefix',
};

// A certain, mechanical rewrite (separators, country code) is 1; the 2018 table is exact but the
// number may since have been given up or ported, so slightly less; an added 0 is a guess about
// how the cell was damaged.
const CONFIDENCE_CONVERTED = 0.95;
const CONFIDENCE_LEADING_ZERO = 0.8;

const vnPhone = defineCheckType<Options, MessageId>({
  meta: {
    id: 'vn-phone',
    dimension: 'true',
    scope: 'row',
    valueOnly: true,
    columns: { min: 1, max: 1 },
    description: {
      en: 'A Vietnamese phone number: a 10-digit mobile number with a current network prefix, or an 11-digit landline with a 2017 area code; other spellings (+84, separators, pre-2018 11-digit mobiles, a lost leading 0) get the canonical form as a fix.',
      vi: 'Số điện thoại Việt Nam: số di động 10 chữ số với đầu số mạng hiện hành, hoặc số cố định 11 chữ số với mã vùng 2017; các cách viết khác (+84, dấu phân cách, số di động 11 chữ số trước 2018, mất số 0 đầu) được đề xuất sửa về dạng chuẩn.',
    },
    schema: {
      type: 'object',
      properties: {
        allow_landline: { type: 'boolean' },
        format: { type: 'string', enum: ['national', 'e164'] },
      },
      additionalProperties: false,
    },
    defaults: { allow_landline: true, format: 'national' },
    messages: {
      'phone-format': {
        en: "{field} '{value}' is not a phone number",
        vi: "{field} '{value}' không phải là số điện thoại",
      },
      'phone-foreign': {
        en: "{field} '{value}' is not a Vietnamese number (foreign country code)",
        vi: "{field} '{value}' không phải số Việt Nam (mã quốc gia nước ngoài)",
      },
      'phone-length': {
        en: "{field} '{value}' has the wrong number of digits ({digits})",
        vi: "{field} '{value}' có số chữ số không đúng ({digits})",
      },
      'phone-unknown-prefix': {
        en: "{field} '{value}': {prefix} is neither a mobile network prefix nor a landline area code",
        vi: "{field} '{value}': {prefix} không phải đầu số di động hay mã vùng điện thoại cố định",
      },
      'phone-multiple': {
        en: "{field} '{value}' holds {count} phone numbers; one cell should hold one",
        vi: "{field} '{value}' chứa {count} số điện thoại; mỗi ô chỉ nên có một số",
      },
      'phone-landline-not-allowed': {
        en: "{field} '{value}' is a landline number (area code {prefix}, {province}); a mobile number is expected",
        vi: "{field} '{value}' là số cố định (mã vùng {prefix}, {province}); cần số di động",
      },
      'phone-not-canonical': {
        en: "{field} '{value}' should be written '{canonical}'",
        vi: "{field} '{value}' cần viết đúng là '{canonical}'",
      },
      'phone-old-11-digit': {
        en: "{field} '{value}' is a pre-2018 11-digit mobile number: prefix {old_prefix} became {new_prefix}, now '{canonical}'",
        vi: "{field} '{value}' là số di động 11 chữ số cũ (trước 2018): đầu số {old_prefix} đã chuyển thành {new_prefix}, nay là '{canonical}'",
        dimension: 'alive',
      },
      'phone-excel-leading-zero': {
        en: "{field} '{value}' has lost its leading 0 (read as a number); probably '{canonical}'",
        vi: "{field} '{value}' bị mất số 0 ở đầu (bị đọc thành số); nhiều khả năng là '{canonical}'",
      },
    },
    fixable: true,
  },
  create(context) {
    const field = context.columns[0] ?? '';
    const { allow_landline: allowLandline, format } = context.options;
    const canonicalOf = format === 'e164' ? toE164 : (national: string) => national;

    // The byte fast path: a cell of 10 or 11 ASCII digits starting with one 0 is its own national
    // form (no country code, separator or lost 0 to find); whether the check reports it depends on
    // its length and its prefix (mobile prefix or area code: the first four digits) alone, so each
    // (length, prefix) is judged once, by the check on a representative number.
    // 0: not judged yet, 1: no finding, 2: some finding.
    const verdicts = new Uint8Array(2 * 10_000);
    const clean = reportsNothing(vnPhone, context);

    return {
      passes(bytes, start, end) {
        const length = end - start;
        if (length === 0) return true;
        if ((length !== 10 && length !== 11) || bytes[start] !== 0x30 || bytes[start + 1] === 0x30 || !allDigits(bytes, start, end)) return false;
        const key = (length - 10) * 10_000 + digitsValue(bytes, start, 4);
        let verdict = verdicts[key]!;
        if (verdict === 0) {
          verdict = clean(asciiText(bytes, start, start + 4).padEnd(length, '0')) ? 1 : 2;
          verdicts[key] = verdict;
        }
        return verdict === 1;
      },
      row(row) {
        const value = row.value(0);
        if (isBlank(value)) return;
        const phone = normalizePhone(value);

        if (!phone.ok) {
          if (phone.problem === 'format' || phone.problem === 'length') {
            const several = splitPhones(value);
            if (several !== null) {
              context.report(row, { messageId: 'phone-multiple', data: { field, value, count: several.length } });
              return;
            }
          }
          const digits = phone.digits.replace(/\D/g, '').length;
          context.report(row, {
            messageId: PROBLEM_MESSAGE[phone.problem],
            data: { field, value, digits, prefix: phone.prefix ?? '' },
          });
          return;
        }

        if (phone.kind === 'landline' && !allowLandline) {
          context.report(row, {
            messageId: 'phone-landline-not-allowed',
            data: { field, value, prefix: phone.prefix, province: phone.owner },
          });
          return;
        }

        const canonical = canonicalOf(phone.national);
        if (canonical === value) return;
        const data = { field, value, canonical };
        const leadingZero = phone.changes.includes('leading-zero');
        if (phone.oldPrefix !== undefined) {
          context.report(row, {
            messageId: 'phone-old-11-digit',
            data: { ...data, old_prefix: phone.oldPrefix, new_prefix: phone.prefix },
            fix: { action: 'set', value: canonical, confidence: leadingZero ? CONFIDENCE_LEADING_ZERO : CONFIDENCE_CONVERTED },
          });
        } else if (leadingZero) {
          context.report(row, {
            messageId: 'phone-excel-leading-zero',
            data,
            fix: { action: 'set', value: canonical, confidence: CONFIDENCE_LEADING_ZERO },
          });
        } else {
          context.report(row, { messageId: 'phone-not-canonical', data, fix: { action: 'set', value: canonical, confidence: 1 } });
        }
      },
    };
  },
});

export default vnPhone;
