import { defineCheckType } from './define.js';
import { isBlank } from '../shared/text.js';
import { nfcStableLength } from './support/byte-text.js';

// Either limit may be left out (the schema wants at least one).
interface Options {
  min?: number;
  max?: number;
}

// NFC code points: "Hoà" is 3 characters whether it arrived composed or decomposed, and a
// character outside the BMP (a rare Hán-Nôm ideograph) is 1, not the 2 UTF-16 units it takes.
function codePoints(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count--;
        i++;
      }
    }
  }
  return count;
}

export default defineCheckType<Options, 'too-short' | 'too-long'>({
  meta: {
    id: 'length',
    dimension: 'true',
    scope: 'row',
    valueOnly: true,
    columns: { min: 1, max: 1 },
    description: {
      en: 'The value has between min and max characters (counted as Unicode characters in NFC form).',
      vi: 'Giá trị có số ký tự trong khoảng từ min đến max (đếm theo ký tự Unicode ở dạng NFC).',
    },
    // The anyOf repeats each property because ajv's strictRequired wants `required` names declared alongside.
    schema: {
      type: 'object',
      properties: {
        min: { type: 'integer', minimum: 0 },
        max: { type: 'integer', minimum: 0 },
      },
      anyOf: [
        { properties: { min: { type: 'integer' } }, required: ['min'] },
        { properties: { max: { type: 'integer' } }, required: ['max'] },
      ],
      additionalProperties: false,
    },
    defaults: {},
    messages: {
      'too-short': {
        en: "{field} '{value}' has {length} characters, fewer than the minimum {min}",
        vi: "{field} '{value}' có {length} ký tự, ít hơn mức tối thiểu {min}",
      },
      'too-long': {
        en: "{field} '{value}' has {length} characters, more than the maximum {max}",
        vi: "{field} '{value}' có {length} ký tự, nhiều hơn mức tối đa {max}",
      },
    },
    fixable: false,
  },
  create(context) {
    const field = context.columns[0] ?? '';
    const { min, max } = context.options;
    if (min !== undefined && max !== undefined && min > max) throw new Error(`check type 'length': min ${min} is greater than max ${max}`);
    return {
      // A cell of code points that are NFC whatever surrounds them is its own NFC: its length is
      // their count. The empty cell is blank.
      passes(bytes, start, end) {
        const length = nfcStableLength(bytes, start, end);
        if (length < 0) return false;
        return length === 0 || ((min === undefined || length >= min) && (max === undefined || length <= max));
      },
      row(row) {
        const value = row.value(0);
        if (isBlank(value)) return;
        const length = codePoints(value.normalize('NFC'));
        if (min !== undefined && length < min) {
          context.report(row, { messageId: 'too-short', data: { field, value, length, min } });
        } else if (max !== undefined && length > max) {
          context.report(row, { messageId: 'too-long', data: { field, value, length, max } });
        }
      },
    };
  },
});
