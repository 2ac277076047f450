import { decomposedShape, diagnoseLegacyText, type LegacyEncoding } from '../vn/legacy-encoding.js';
import { defineCheckType } from './define.js';
import { isBlank } from '../shared/text.js';

interface Options {
  /** Also report decomposed (NFD or Windows-1258-shaped) text; off when a unicode-nfc rule covers it. */
  check_nfd: boolean;
}

type MessageId = LegacyEncoding | 'ambiguous-encoding' | 'nfd';

// A whole cell that decodes to well-formed Vietnamese is almost surely that encoding; UTF-8 read
// as CP1252 is surer still (its byte pattern is proof). VIQR marks collide with punctuation, and a
// partial decoding (a lost byte, a foreign word) leaves doubt.
const CONFIDENCE_COMPLETE = 0.95;
const CONFIDENCE_MOJIBAKE = 0.98;
const CONFIDENCE_VIQR = 0.9;
const CONFIDENCE_PIECES = 0.8;
const CONFIDENCE_PARTIAL = 0.6;
const CONFIDENCE_AMBIGUOUS = 0.5;

const ENCODING_NAMES: Record<LegacyEncoding, string> = {
  mojibake: 'UTF-8/CP1252',
  'windows-1258': 'Windows-1258',
  tcvn3: 'TCVN3',
  vni: 'VNI',
  viqr: 'VIQR',
};

export default defineCheckType<Options, MessageId>({
  meta: {
    id: 'vn-text-encoding',
    dimension: 'clean',
    scope: 'row',
    valueOnly: true,
    columns: { min: 1, max: 1 },
    description: {
      en: 'Vietnamese text is Unicode NFC, not a legacy encoding (TCVN3/ABC, VNI, VIQR, Windows-1258), UTF-8 read as CP1252 (mojibake) or decomposed accents; the decoded NFC text is proposed as a fix.',
      vi: 'Văn bản tiếng Việt ở dạng Unicode dựng sẵn (NFC), không phải bảng mã cũ (TCVN3/ABC, VNI, VIQR, Windows-1258), UTF-8 bị đọc nhầm thành CP1252 (lỗi phông) hay dấu tổ hợp tách rời; đề xuất sửa bằng văn bản NFC đã giải mã.',
    },
    schema: {
      type: 'object',
      properties: { check_nfd: { type: 'boolean' } },
      additionalProperties: false,
    },
    defaults: { check_nfd: true },
    messages: {
      mojibake: {
        en: '{field} is UTF-8 text read as CP1252 (mojibake): {value}',
        vi: '{field} là văn bản UTF-8 bị đọc nhầm thành CP1252 (lỗi phông): {value}',
      },
      'windows-1258': {
        en: '{field} is Windows-1258 text read as another code page: {value}',
        vi: '{field} là văn bản Windows-1258 bị đọc bằng bảng mã khác: {value}',
      },
      tcvn3: {
        en: '{field} is in the legacy TCVN3 (ABC) encoding: {value}',
        vi: '{field} đang ở bảng mã cũ TCVN3 (ABC): {value}',
      },
      vni: {
        en: '{field} is in the legacy VNI encoding: {value}',
        vi: '{field} đang ở bảng mã cũ VNI: {value}',
      },
      viqr: {
        en: '{field} is written in VIQR (accents as ASCII marks): {value}',
        vi: '{field} được viết theo kiểu VIQR (dấu bằng ký tự ASCII): {value}',
      },
      'ambiguous-encoding': {
        en: '{field} looks like a legacy encoding, but it decodes differently as {encodings}: check by hand',
        vi: '{field} có vẻ ở bảng mã cũ nhưng giải mã theo {encodings} cho kết quả khác nhau: cần kiểm tra thủ công',
      },
      nfd: {
        en: '{field} has decomposed accents ({shape} form), not Unicode NFC',
        vi: '{field} có dấu tổ hợp tách rời (dạng {shape}), không ở dạng Unicode dựng sẵn (NFC)',
      },
    },
    fixable: true,
  },
  create(context) {
    const field = context.columns[0] ?? '';
    const checkNfd = context.options.check_nfd;
    return {
      row(row) {
        const value = row.value(0);
        if (isBlank(value)) return;
        const diagnosis = diagnoseLegacyText(value);
        if (diagnosis) {
          const [first] = diagnosis.encodings;
          if (diagnosis.decoded === null || first === undefined) {
            const encodings = diagnosis.encodings.map((e) => ENCODING_NAMES[e]).join(', ');
            context.report(row, {
              messageId: 'ambiguous-encoding',
              data: { field, encodings },
              fix: { action: 'review', confidence: CONFIDENCE_AMBIGUOUS },
            });
            return;
          }
          const confidence = !diagnosis.complete
            ? CONFIDENCE_PARTIAL
            : !diagnosis.whole
              ? CONFIDENCE_PIECES
              : first === 'mojibake'
              ? CONFIDENCE_MOJIBAKE
              : first === 'viqr'
                ? CONFIDENCE_VIQR
                : CONFIDENCE_COMPLETE;
          context.report(row, {
            messageId: first,
            data: { field, value },
            fix: { action: 'set', value: diagnosis.decoded, confidence },
          });
          return;
        }
        if (!checkNfd) return;
        const shape = decomposedShape(value);
        if (shape === null) return;
        context.report(row, {
          messageId: 'nfd',
          data: { field, shape },
          fix: { action: 'set', value: value.normalize('NFC'), confidence: 1 },
        });
      },
    };
  },
});
