import { BHYT_OBJECT_CODES, readBhxh, readBhyt } from '../vn/insurance.js';
import { defineCheckType } from './define.js';
import { isBlank } from '../shared/text.js';

interface Options {
  allow_old_form: boolean;
  check_object_code: boolean;
  extra_object_codes: readonly string[];
}

type MessageId =
  | 'bhyt-format'
  | 'bhyt-benefit-level'
  | 'bhyt-not-canonical'
  | 'bhyt-excel-leading-zero'
  | 'bhyt-old-form'
  | 'bhyt-object-code-unknown'
  | 'bhyt-bhxh-mismatch';

// Adding the 0 a spreadsheet dropped is a guess; the new card number is by rule (QĐ 1666) the
// BHXH code inside the old one, but the holder may since have a new code.
const CONFIDENCE_LEADING_ZERO = 0.8;
const CONFIDENCE_OLD_FORM = 0.9;

export default defineCheckType<Options, MessageId>({
  meta: {
    id: 'vn-bhyt',
    dimension: 'true',
    scope: 'row',
    valueOnly: true,
    columns: { min: 1, max: 2 },
    description: {
      en: "A health insurance card number (mã thẻ BHYT): the 10-digit form (since 2021, the BHXH code) or the old 15-character form (group, benefit level 1-5, province, BHXH code); with a BHXH column, the card's BHXH code must equal it.",
      vi: 'Mã thẻ bảo hiểm y tế: dạng 10 chữ số (từ 2021, là mã số BHXH) hoặc dạng cũ 15 ký tự (mã đối tượng, mức hưởng 1-5, mã tỉnh, mã số BHXH); khi có cột mã số BHXH, mã BHXH trong thẻ phải trùng với cột đó.',
    },
    schema: {
      type: 'object',
      properties: {
        allow_old_form: { type: 'boolean' },
        check_object_code: { type: 'boolean' },
        extra_object_codes: { type: 'array', items: { type: 'string', pattern: '^[A-Z]{2}$' }, uniqueItems: true },
      },
      additionalProperties: false,
    },
    // The group list is UNVERIFIED (one secondary source): checking it is opt-in.
    defaults: { allow_old_form: true, check_object_code: false, extra_object_codes: [] },
    messages: {
      'bhyt-format': {
        en: "{field} '{value}' is not a health insurance card number (10 digits, or 2 letters and 13 digits)",
        vi: "{field} '{value}' không phải mã thẻ BHYT (10 chữ số, hoặc 2 chữ cái và 13 chữ số)",
      },
      'bhyt-benefit-level': {
        en: "{field} '{value}': benefit level {level} does not exist (1 to 5)",
        vi: "{field} '{value}': mức hưởng {level} không tồn tại (từ 1 đến 5)",
      },
      'bhyt-not-canonical': {
        en: "{field} '{value}' should be written '{canonical}'",
        vi: "{field} '{value}' cần viết đúng là '{canonical}'",
      },
      'bhyt-excel-leading-zero': {
        en: "{field} '{value}' has lost its leading 0 (read as a number); probably '{canonical}'",
        vi: "{field} '{value}' bị mất số 0 ở đầu (bị đọc thành số); nhiều khả năng là '{canonical}'",
      },
      'bhyt-old-form': {
        en: "{field} '{value}' is an old 15-character card number; since 2021 the card number is the BHXH code '{canonical}'",
        vi: "{field} '{value}' là mã thẻ cũ 15 ký tự; từ năm 2021 mã thẻ là mã số BHXH '{canonical}'",
        dimension: 'alive',
      },
      'bhyt-object-code-unknown': {
        en: "{field} '{value}': beneficiary group {code} is not in the known list",
        vi: "{field} '{value}': mã đối tượng {code} không có trong danh sách đã biết",
      },
      'bhyt-bhxh-mismatch': {
        en: "{field} '{value}' holds BHXH code {card_bhxh}, but {bhxh_field} is {bhxh}",
        vi: "{field} '{value}' chứa mã số BHXH {card_bhxh}, nhưng {bhxh_field} là {bhxh}",
      },
    },
    fixable: true,
  },
  create(context) {
    const field = context.columns[0] ?? '';
    const bhxhField = context.columns[1] ?? '';
    const { allow_old_form: allowOldForm, check_object_code: checkObjectCode } = context.options;
    const knownGroups = new Set([...BHYT_OBJECT_CODES.keys(), ...context.options.extra_object_codes]);

    return {
      row(row) {
        const value = row.value(0);
        if (isBlank(value)) return;
        const reading = readBhyt(value);
        if (!reading.ok) {
          if (reading.problem === 'benefit-level') {
            context.report(row, { messageId: 'bhyt-benefit-level', data: { field, value, level: reading.benefitLevel ?? '' } });
          } else {
            context.report(row, { messageId: 'bhyt-format', data: { field, value } });
          }
          return;
        }
        const { card } = reading;

        if (card.form === 'old' && !allowOldForm) {
          context.report(row, {
            messageId: 'bhyt-old-form',
            data: { field, value, canonical: card.bhxh },
            fix: { action: 'set', value: card.bhxh, confidence: CONFIDENCE_OLD_FORM },
          });
        } else if (card.number !== value) {
          context.report(row, {
            messageId: card.leadingZero ? 'bhyt-excel-leading-zero' : 'bhyt-not-canonical',
            data: { field, value, canonical: card.number },
            fix: { action: 'set', value: card.number, confidence: card.leadingZero ? CONFIDENCE_LEADING_ZERO : 1 },
          });
        }

        if (card.form === 'old' && allowOldForm && checkObjectCode && !knownGroups.has(card.objectCode)) {
          context.report(row, { messageId: 'bhyt-object-code-unknown', data: { field, value, code: card.objectCode } });
        }

        const bhxhValue = row.value(1);
        if (isBlank(bhxhValue)) return;
        const bhxh = readBhxh(bhxhValue);
        // A malformed BHXH cell is vn-bhxh's finding; there is nothing sound to compare with.
        if (!bhxh.ok || bhxh.code === card.bhxh) return;
        context.report(row, {
          messageId: 'bhyt-bhxh-mismatch',
          data: { field, value, card_bhxh: card.bhxh, bhxh_field: bhxhField, bhxh: bhxhValue },
        });
      },
    };
  },
});
