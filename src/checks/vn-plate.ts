// A Vietnamese number plate (biển số xe): its form for the vehicle type, its locality code, its
// series letters, the colour's letters, and the code against the province of registration on the
// registration date (vn-sector-reference §2.2–2.3; src/vn/plates.ts). What sources contest (code 13,
// G/R as a second motorcycle letter) and what is old but legal (4-digit car plates, letter-and-digit
// motorcycle series, legacy special series) are kinds of their own, for rules of lower severity.
import { isoDay } from '../shared/dates.js';
import { isBlank } from '../shared/text.js';
import { foldText } from '../vn/fold.js';
import {
  BLUE_LETTERS,
  CONTESTED_SECOND_LETTERS,
  FORBIDDEN_LETTERS,
  LEGACY_SPECIAL_SERIES,
  normalizePlate,
  PLATE_CODES,
  readPlate,
  SERIES_LETTERS,
  UNUSED_PLATE_CODES,
  type PlateForm,
  type PlateReading,
} from '../vn/plates.js';
import { findProvince, newProvinceOf, oldProvinceByCode } from '../vn/provinces.js';
import { defineCheckType } from './define.js';
import { dateReader } from './support/date-math.js';

const KINDS = ['format', 'code', 'letters', 'blue', 'code-13', 'contested-letter', 'legacy', 'code-province'] as const;
type Kind = (typeof KINDS)[number];

interface Options {
  report: Kind[];
  car_types: string[];
  motorcycle_types: string[];
  blue_colours: string[];
}

type MessageId = 'plate-format' | 'code-unused' | 'code-13' | 'series-letter' | 'contested-letter' | 'blue-letter' | 'legacy-form' | 'code-province';

/** The merger of provinces took effect on 1 July 2025 (Resolution 202/2025/QH15; reference §6.2). */
const MERGER = isoDay('2025-07-01')!;

const CAR_FORMS: ReadonlySet<PlateForm> = new Set(['car', 'car-4-digit', 'special', 'foreign']);
const MOTORCYCLE_FORMS: ReadonlySet<PlateForm> = new Set(['motorcycle', 'motorcycle-letter-digit', 'special', 'foreign']);
const FORM_TEXT: Record<PlateForm, [en: string, vi: string]> = {
  car: ['car, 5 digits', 'ô tô, 5 số'],
  'car-4-digit': ['car, 4 digits', 'ô tô, 4 số'],
  motorcycle: ['motorcycle, two letters', 'mô tô, hai chữ cái'],
  'motorcycle-letter-digit': ['motorcycle, letter and digit (before 15/08/2023)', 'mô tô, chữ và số (trước 15/08/2023)'],
  special: ['legacy special series', 'ký hiệu đặc biệt cũ'],
  foreign: ['foreign', 'nước ngoài'],
};

export default defineCheckType<Options, MessageId>({
  meta: {
    id: 'vn-plate',
    dimension: 'true',
    scope: 'row',
    valueOnly: true,
    columns: { min: 1, max: 5 },
    description: {
      en:
        'A Vietnamese number plate (Circular 79/2024/TT-BCA Art. 37, 39): a form of the vehicle type (second column: cars ' +
        '`30A-123.45`, motorcycles `29-AA 123.45`, special and foreign series), a locality code in use (81 codes of annex 02 ' +
        'of Circulars 24/2023 and 51/2025), civil series letters (never I, J, O, Q, W), A–M on a blue plate (third column: ' +
        'colour) and, with the registration date and place (fourth and fifth), a code of the province of registration of ' +
        'that date (the 63 provinces before 1 July 2025, the 34 after, each keeping its members\' codes). `report` chooses ' +
        'the kinds, so contested facts (code 13, G/R as second letter) and old legal forms go to rules of lower severity.',
      vi:
        'Biển số xe Việt Nam (Điều 37, 39 Thông tư 79/2024/TT-BCA): đúng dạng theo loại xe (cột thứ hai: ô tô `30A-123.45`, ' +
        'mô tô `29-AA 123.45`, ký hiệu đặc biệt, nước ngoài), mã địa phương đang dùng (81 mã của phụ lục 02 Thông tư 24/2023 ' +
        'và 51/2025), chữ cái sê-ri dân sự (không có I, J, O, Q, W), A–M với biển nền xanh (cột thứ ba: màu biển) và, khi có ' +
        'ngày và nơi đăng ký (cột thứ tư, thứ năm), mã thuộc tỉnh nơi đăng ký tại thời điểm đó (63 tỉnh trước 01/07/2025, ' +
        '34 tỉnh sau, mỗi tỉnh giữ mã của các tỉnh hợp nhất). `report` chọn loại lỗi, để điều còn tranh cãi (mã 13, G/R ở ' +
        'chữ thứ hai) và dạng cũ hợp lệ thuộc quy tắc có mức nhẹ hơn.',
    },
    schema: {
      type: 'object',
      properties: {
        report: { type: 'array', items: { type: 'string', enum: [...KINDS] }, minItems: 1, uniqueItems: true },
        car_types: { type: 'array', items: { type: 'string', minLength: 1 } },
        motorcycle_types: { type: 'array', items: { type: 'string', minLength: 1 } },
        blue_colours: { type: 'array', items: { type: 'string', minLength: 1 } },
      },
      additionalProperties: false,
    },
    defaults: {
      report: ['format', 'code', 'letters', 'blue'],
      car_types: ['Ô tô', 'Xe ô tô', 'Ô tô con', 'Ô tô tải', 'Ô tô khách', 'Car'],
      motorcycle_types: ['Mô tô', 'Xe mô tô', 'Xe máy', 'Xe gắn máy', 'Motorcycle'],
      blue_colours: ['Xanh', 'Nền xanh', 'Xanh dương', 'Blue'],
    },
    messages: {
      'plate-format': {
        en: "{field} '{value}' does not read as a number plate for vehicle type '{vehicle_type}'",
        vi: "{field} '{value}' không đúng dạng biển số của loại xe '{vehicle_type}'",
      },
      'code-unused': {
        en: "{field} '{value}': locality code {code} is not assigned (annex 02 of Circulars 24/2023 and 51/2025)",
        vi: "{field} '{value}': mã địa phương {code} không được cấp (phụ lục 02 Thông tư 24/2023 và 51/2025)",
      },
      'code-13': {
        en: "{field} '{value}': code 13 is not in annex 02; one source gives it to Bắc Giang (unverified)",
        vi: "{field} '{value}': mã 13 không có trong phụ lục 02; một nguồn ghi là Bắc Giang (chưa xác minh)",
      },
      'series-letter': {
        en: "{field} '{value}': letter {letter} is not used in a civil plate series",
        vi: "{field} '{value}': chữ {letter} không dùng trong sê-ri biển số dân sự",
      },
      'contested-letter': {
        en: "{field} '{value}': {letter} as the second series letter is contested between sources",
        vi: "{field} '{value}': chữ {letter} ở vị trí thứ hai của sê-ri còn chưa thống nhất giữa các nguồn",
      },
      'blue-letter': {
        en: "{field} '{value}': a blue plate's series letter is A–H, K, L or M, not {letter}",
        vi: "{field} '{value}': biển nền xanh dùng chữ A–H, K, L hoặc M, không dùng {letter}",
      },
      'legacy-form': {
        en: "{field} '{value}' has an old form ({form}), still legal: exchanged only on request",
        vi: "{field} '{value}' theo dạng cũ ({form_vi}), vẫn hợp lệ: chỉ đổi khi chủ xe yêu cầu",
        dimension: 'alive',
      },
      'code-province': {
        en: "{field} '{value}': code {code} is not a code of {place_field} '{place}' on {date}",
        vi: "{field} '{value}': mã {code} không thuộc {place_field} '{place}' vào ngày {date}",
      },
    },
    fixable: false,
  },
  create(context) {
    const o = context.options;
    const report = new Set<Kind>(o.report);
    const cars = new Set(o.car_types.map(foldText));
    const motorcycles = new Set(o.motorcycle_types.map(foldText));
    const blues = new Set(o.blue_colours.map(foldText));
    const field = context.columns[0] ?? '';
    const placeField = context.columns[4] ?? '';
    const readDate = dateReader(context.columnFormat(3), 'vn-plate');

    /** The reading that fits the vehicle type; with no known type, any, the most specific first. */
    function fitting(readings: PlateReading[], type: string): PlateReading | undefined {
      const t = foldText(type);
      const allowed = cars.has(t) ? CAR_FORMS : motorcycles.has(t) ? MOTORCYCLE_FORMS : null;
      return readings.find((r) => allowed === null || allowed.has(r.form));
    }

    return {
      row(row) {
        const value = row.value(0);
        if (isBlank(value)) return;
        const plate = normalizePlate(value);
        const type = row.value(1);
        const reading = fitting(readPlate(plate), type);
        const say = (kind: Kind, messageId: MessageId, data: Record<string, string> = {}) => {
          if (report.has(kind)) context.report(row, { messageId, data: { field, value, ...data } });
        };
        if (!reading) {
          const series = /^\d{2}([A-ZĐ]{1,2})/.exec(plate)?.[1] ?? '';
          const bad = [...series].find((c) => FORBIDDEN_LETTERS.includes(c));
          if (bad) say('letters', 'series-letter', { letter: bad });
          else say('format', 'plate-format', { vehicle_type: type.trim() === '' ? '—' : type.trim() });
          return;
        }
        const { code, series, form } = reading;
        if (code === '13') say('code-13', 'code-13');
        else if (UNUSED_PLATE_CODES.has(code) || !PLATE_CODES.has(code)) say('code', 'code-unused', { code });

        if (form === 'car' || form === 'motorcycle' || form === 'motorcycle-letter-digit') {
          const first = series[0]!;
          if (!SERIES_LETTERS.includes(first)) say('letters', 'series-letter', { letter: first });
          if (form === 'motorcycle') {
            const second = series[1]!;
            if (CONTESTED_SECOND_LETTERS.includes(second)) say('contested-letter', 'contested-letter', { letter: second });
            else if (!SERIES_LETTERS.includes(second)) say('letters', 'series-letter', { letter: second });
          }
          if (blues.has(foldText(row.value(2))) && !BLUE_LETTERS.includes(first)) say('blue', 'blue-letter', { letter: first });
        }
        if (form === 'car-4-digit' || form === 'motorcycle-letter-digit' || (form === 'special' && LEGACY_SPECIAL_SERIES.has(series.replace(/\d$/, '')))) {
          const [en, vi] = FORM_TEXT[form];
          say('legacy', 'legacy-form', { form: en, form_vi: vi });
        }

        if (report.has('code-province')) {
          const known = PLATE_CODES.get(code);
          const dateText = row.value(3);
          const place = row.value(4);
          const day = isBlank(dateText) ? null : readDate(dateText);
          if (!known || known.pre2025 === null || day === null || isBlank(place)) return;
          let expected: string | null;
          let actual: string | undefined;
          if (day < MERGER) {
            expected = known.pre2025;
            actual = findProvince('pre-2025', place)?.code;
          } else {
            // From 1 July 2025 the 34 provinces; an old name is read as the province it merged into.
            expected = known.post2025;
            const old = findProvince('post-2025', place) ? undefined : findProvince('pre-2025', place);
            const oldProvince = old && oldProvinceByCode(old.code);
            actual = oldProvince ? newProvinceOf(oldProvince).code : findProvince('post-2025', place)?.code;
          }
          if (actual !== undefined && actual !== expected) say('code-province', 'code-province', { code, place_field: placeField, place: place.trim(), date: dateText.trim() });
        }
      },
    };
  },
});
