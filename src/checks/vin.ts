// A chassis (frame) number: characters, not the engine number, and for a 17-character VIN the
// ISO 3779 letters and the check digit of position 9. The check digit is mandatory only in North
// America (49 CFR 565.15; ApelSYN/node-vin-lite:lib/USACDNCheck.js): in Vietnam a warning at most;
// motorcycle frame numbers and older vehicles are often not 17-character VINs, so length is no
// finding (vn-sector-reference §2.6).
import { isBlank } from '../shared/text.js';
import { defineCheckType } from './define.js';

const KINDS = ['characters', 'same-as-engine', 'vin-letters', 'check-digit'] as const;
type Kind = (typeof KINDS)[number];

interface Options {
  report: Kind[];
}

type MessageId = 'characters' | 'same-as-engine' | 'vin-letters' | 'check-digit';

const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
// A=1 … H=8, J=1 … N=5, P=7, R=9, S=2 … Z=9 (49 CFR 565.15); I, O, Q have no value.
const LETTER_VALUES: Record<string, number> = Object.fromEntries(
  [...'ABCDEFGH'].map((c, i) => [c, i + 1]).concat([...'JKLMN'].map((c, i) => [c, i + 1]), [['P', 7], ['R', 9]], [...'STUVWXYZ'].map((c, i) => [c, i + 2])),
);

/** The check digit a 17-character VIN should carry at position 9 ('0'–'9' or 'X'); null when a character has no value. */
export function vinCheckDigit(vin: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = vin[i]!;
    const v = c >= '0' && c <= '9' ? Number(c) : LETTER_VALUES[c];
    if (v === undefined) return null;
    sum += v * WEIGHTS[i]!;
  }
  const r = sum % 11;
  return r === 10 ? 'X' : String(r);
}

export default defineCheckType<Options, MessageId>({
  meta: {
    id: 'vin',
    dimension: 'true',
    scope: 'row',
    valueOnly: true,
    columns: { min: 1, max: 2 },
    description: {
      en:
        'A chassis number holds only capital letters and digits (spaces and hyphens aside) and is not the engine number (second ' +
        'column); a 17-character one is read as a VIN: no I, O or Q (ISO 3779), and the check digit at position 9 (49 CFR ' +
        '565.15, mandatory only in North America). Length is not judged: motorcycle frame numbers are often shorter. `report` ' +
        'chooses the kinds, so the VIN rules can be warnings.',
      vi:
        'Số khung chỉ gồm chữ in hoa và chữ số (không kể dấu cách, gạch nối) và không trùng số máy (cột thứ hai); số khung 17 ' +
        'ký tự được đọc như VIN: không có I, O, Q (ISO 3779), và chữ số kiểm tra ở vị trí 9 (49 CFR 565.15, chỉ bắt buộc ở ' +
        'Bắc Mỹ). Không xét độ dài: số khung xe máy thường ngắn hơn. `report` chọn loại lỗi, để các quy tắc VIN chỉ là cảnh báo.',
    },
    schema: {
      type: 'object',
      properties: { report: { type: 'array', items: { type: 'string', enum: [...KINDS] }, minItems: 1, uniqueItems: true } },
      additionalProperties: false,
    },
    defaults: { report: ['characters', 'same-as-engine'] },
    messages: {
      characters: {
        en: "{field} '{value}' holds characters other than letters A–Z and digits",
        vi: "{field} '{value}' có ký tự ngoài chữ cái A–Z và chữ số",
      },
      'same-as-engine': {
        en: "{field} '{value}' is the same as {engine_field}",
        vi: "{field} '{value}' trùng với {engine_field}",
      },
      'vin-letters': {
        en: "{field} '{value}': a 17-character VIN has no I, O or Q (ISO 3779)",
        vi: "{field} '{value}': số VIN 17 ký tự không có chữ I, O, Q (ISO 3779)",
      },
      'check-digit': {
        en: "{field} '{value}': position 9 is {digit}, the VIN check digit is {expected} (mandatory only in North America)",
        vi: "{field} '{value}': vị trí 9 là {digit}, chữ số kiểm tra VIN là {expected} (chỉ bắt buộc ở Bắc Mỹ)",
      },
    },
    fixable: false,
  },
  create(context) {
    const report = new Set(context.options.report);
    const field = context.columns[0] ?? '';
    const engineField = context.columns[1] ?? '';
    return {
      row(row) {
        const value = row.value(0);
        if (isBlank(value)) return;
        const bare = value.replace(/[\s-]/g, '');
        if (!/^[A-Z0-9]+$/.test(bare)) {
          if (report.has('characters')) context.report(row, { messageId: 'characters', data: { field, value } });
          return;
        }
        const engine = row.value(1).replace(/[\s-]/g, '');
        if (report.has('same-as-engine') && engine !== '' && engine === bare) {
          context.report(row, { messageId: 'same-as-engine', data: { field, value, engine_field: engineField } });
        }
        if (bare.length !== 17) return;
        if (/[IOQ]/.test(bare)) {
          if (report.has('vin-letters')) context.report(row, { messageId: 'vin-letters', data: { field, value } });
          return;
        }
        const expected = vinCheckDigit(bare);
        if (report.has('check-digit') && expected !== null && bare[8] !== expected) {
          context.report(row, { messageId: 'check-digit', data: { field, value, digit: bare[8]!, expected } });
        }
      },
    };
  },
});
