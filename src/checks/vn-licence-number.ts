// The number of a Vietnamese driving licence (số GPLX). PET-card licences, issued from 1 July 2012,
// carry 12 digits (baodongnai.com.vn 2012; app forms: "dãy 12 chữ số"); paper licences of 1995 –
// June 2012 have other, unknown formats (vn-sector-reference §1.2). What the 12 digits encode
// (province, century/sex, year passed) is UNVERIFIED — sources disagree — so nothing is decoded.
import { isoDay } from '../shared/dates.js';
import { isBlank } from '../shared/text.js';
import { defineCheckType } from './define.js';
import { dateReader } from './support/date-math.js';

interface Options {
  /** `pet`: rows issued on or after `pet_from` (or with no issue date); `legacy`: rows issued before. */
  era: 'pet' | 'legacy';
  pet_from: string;
}

type MessageId = 'not-12-digits' | 'separators' | 'legacy-format';

/** PET cards from 1 July 2012 (baodongnai.com.vn 2012; vn-sector-reference §1.2). */
const PET_FROM = '2012-07-01';

export default defineCheckType<Options, MessageId>({
  meta: {
    id: 'vn-licence-number',
    dimension: 'true',
    scope: 'row',
    valueOnly: true,
    columns: { min: 1, max: 2 },
    description: {
      en:
        'A driving-licence number (số GPLX) has 12 digits on a licence issued from 1 July 2012 (PET card); with the issue date ' +
        'as the second column, `era: "legacy"` judges older licences instead, whose paper formats are not known (a warning ' +
        'rule: "exchange needed"). Spaces, dots and hyphens in a 12-digit number get the bare digits as a fix. The meaning ' +
        'of the digits is not checked: it is unverified.',
      vi:
        'Số giấy phép lái xe có 12 chữ số với giấy phép cấp từ 01/07/2012 (thẻ PET); khi cột thứ hai là ngày cấp, ' +
        '`era: "legacy"` xét các giấy phép cũ hơn, mà định dạng giấy bìa chưa được biết (quy tắc cảnh báo: "cần đổi"). ' +
        'Số 12 chữ số có dấu cách, dấu chấm, gạch nối được đề xuất sửa về dãy số liền. Ý nghĩa các chữ số không được ' +
        'kiểm tra vì chưa được xác minh.',
    },
    schema: {
      type: 'object',
      properties: {
        era: { type: 'string', enum: ['pet', 'legacy'] },
        pet_from: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
      },
      additionalProperties: false,
    },
    defaults: { era: 'pet', pet_from: PET_FROM },
    messages: {
      'not-12-digits': {
        en: "{field} '{value}' is not a 12-digit licence number (PET licences from {pet_from})",
        vi: "{field} '{value}' không phải số giấy phép 12 chữ số (giấy phép PET từ {pet_from})",
      },
      separators: {
        en: "{field} '{value}' should be written '{canonical}'",
        vi: "{field} '{value}' cần viết là '{canonical}'",
        dimension: 'clean',
      },
      'legacy-format': {
        en: "{field} '{value}' of a licence issued {issued} is an old paper-licence number: the licence needs exchanging",
        vi: "{field} '{value}' của giấy phép cấp ngày {issued} là số giấy phép bìa giấy cũ: cần đổi giấy phép",
        dimension: 'alive',
      },
    },
    fixable: true,
  },
  create(context) {
    const { era, pet_from: petFromText } = context.options;
    const petFrom = isoDay(petFromText);
    if (petFrom === null) throw new Error(`vn-licence-number: pet_from '${petFromText}' is not a day`);
    const readIssued = dateReader(context.columnFormat(1), 'vn-licence-number');
    const field = context.columns[0] ?? '';

    return {
      row(row) {
        const value = row.value(0);
        if (isBlank(value)) return;
        const issuedText = row.value(1);
        const issued = isBlank(issuedText) ? null : readIssued(issuedText);
        // No readable issue date: judged as a PET licence (the common case), never as legacy.
        const legacy = issued !== null && issued < petFrom;
        if ((era === 'legacy') !== legacy) return;
        if (/^\d{12}$/.test(value)) return;
        const bare = value.replace(/[\s.-]/g, '');
        if (/^\d{12}$/.test(bare)) {
          context.report(row, { messageId: 'separators', data: { field, value, canonical: bare }, fix: { action: 'set', value: bare, confidence: 1 } });
        } else if (legacy) {
          context.report(row, { messageId: 'legacy-format', data: { field, value, issued: issuedText } });
        } else {
          context.report(row, { messageId: 'not-12-digits', data: { field, value, pet_from: petFromText } });
        }
      },
    };
  },
});
