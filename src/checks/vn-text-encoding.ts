import { decomposedShape, diagnoseLegacyText, isOrdinaryText, type LegacyEncoding } from '../vn/legacy-encoding.js';
import { defineCheckType } from './define.js';
import { ByteVerdicts, FNV_PRIME, FNV_SEED, strictText } from './support/byte-text.js';
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

/** Whether ASCII bytes[start, end) match VIQR_HINT of vn/legacy-encoding.ts: /[\^(+`'?~.]|dd/i. */
function hasViqrHint(bytes: Uint8Array, start: number, end: number): boolean {
  for (let p = start; p < end; p++) {
    const b = bytes[p]!;
    if (b === 0x5e || b === 0x28 || b === 0x2b || b === 0x60 || b === 0x27 || b === 0x3f || b === 0x7e || b === 0x2e) return true;
    if ((b | 0x20) === 0x64 && p > start && (bytes[p - 1]! | 0x20) === 0x64) return true;
  }
  return false;
}

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
    // The byte fast path. A cell with a byte above 0x7F gets no finding when isOrdinaryText passes
    // it (diagnoseLegacyText then returns null) and, with check_nfd, it is NFC. Both are decided
    // space-separated token by token (isOrdinaryText works so; U+0020 never composes or reorders
    // with its neighbours, so NFC is too), and names and addresses repeat their tokens: each
    // distinct token is judged once, on its text, and remembered by its bytes.
    const ordinaryToken = new ByteVerdicts((bytes, start, end) => {
      const token = strictText(bytes, start, end);
      return token !== null && isOrdinaryText(token) && (!checkNfd || token.normalize('NFC') === token);
    });
    const passes = (bytes: Uint8Array, start: number, end: number): boolean => {
      let tokenStart = start;
      let plain = true; // the token so far is printable ASCII: ordinary and NFC without a lookup
      let ascii = true; // the cell so far is ASCII
      let h = FNV_SEED; // of the token so far, for the lookup
      for (let p = start; p < end; p++) {
        const b = bytes[p]!;
        if (b === 0x20) {
          if (!plain && !ordinaryToken.getHashed(bytes, tokenStart, p, h)) return false;
          tokenStart = p + 1;
          plain = true;
          h = FNV_SEED;
          continue;
        }
        h = Math.imul(h ^ b, FNV_PRIME);
        if (b < 0x21 || b > 0x7e) {
          plain = false;
          if (b > 0x7f) ascii = false;
        }
      }
      if (!plain && !ordinaryToken.getHashed(bytes, tokenStart, end, h)) return false;
      // An ASCII cell is only read as VIQR, which needs one of its marks (or dd) to find anything.
      return !ascii || !hasViqrHint(bytes, start, end);
    };
    return {
      passes,
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
