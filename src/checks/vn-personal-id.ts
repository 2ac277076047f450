import { countryByIdCode } from '../vn/countries.js';
import {
  decodePersonalId,
  isScientificNotation,
  isStructurallyValid,
  normalizeIdDigits,
  parseSex,
  restoreLeadingZeros,
  type PersonalId,
} from '../vn/personal-id.js';
import { idCodesForPlace } from '../vn/provinces.js';
import { defineCheckType } from './define.js';
import { civilFromDays, compileDateParser, isUsableDateFormat } from '../shared/dates.js';
import { isAsciiDigits, isBlank } from '../shared/text.js';

type CrossCheck = 'birth-year' | 'sex' | 'province';

interface Options {
  dob_format?: string;
  structure: boolean;
  cross_checks: readonly CrossCheck[];
  max_age: number;
}

type MessageId =
  | 'id-format'
  | 'id-separators'
  | 'id-excel-leading-zero'
  | 'id-scientific-notation'
  | 'id-digits-rounded'
  | 'id-province-code'
  | 'id-code-000'
  | 'id-century'
  | 'id-birth-year-future'
  | 'id-implausible-age'
  | 'id-birth-year-mismatch'
  | 'id-sex-mismatch'
  | 'id-province-mismatch';

// Year-only and 00/00/yyyy birth dates of the elderly (§4.4) still carry the year to compare.
const PARTIAL_DATE_YEAR = /^(?:\d{1,2}[/.-]){0,2}(\d{4})$/;
const PLACE_CACHE_LIMIT = 4096;

const SEX_EN = { male: 'male', female: 'female' } as const;
const SEX_VI = { male: 'Nam', female: 'Nữ' } as const;

/** At most six significant digits, then five zeros or more: a number rounded by its scientific display. */
const ROUNDED_NUMBER = /^[1-9]\d{0,5}(0{5,})$/;

export default defineCheckType<Options, MessageId>({
  meta: {
    id: 'vn-personal-id',
    dimension: 'true',
    scope: 'row',
    valueOnly: true,
    // 0 = personal ID number; optional cross-check columns: 1 = date of birth, 2 = sex,
    // 3 = place of birth registration (nơi đăng ký khai sinh).
    columns: { min: 1, max: 4 },
    description: {
      en:
        'The personal ID number (số định danh cá nhân) is 12 digits with a province code (63) or a born-abroad code ' +
        '(101–295) and a birth year not after the as-of year; optional columns date of birth, sex and place of birth ' +
        'registration are compared with what the number encodes. Separators, lost leading zeros and scientific ' +
        'notation get fixes.',
      vi:
        'Số định danh cá nhân gồm 12 chữ số, có mã tỉnh, thành phố (63 mã) hoặc mã quốc gia đăng ký khai sinh ở nước ' +
        'ngoài (101–295) và năm sinh không sau năm đối chiếu; các cột tuỳ chọn ngày sinh, giới tính, nơi đăng ký khai ' +
        'sinh được đối chiếu với thông tin mã hoá trong số. Ký tự phân cách, số 0 đầu bị mất và dạng số mũ được đề xuất sửa.',
    },
    schema: {
      type: 'object',
      properties: {
        dob_format: { type: 'string', minLength: 1 },
        structure: { type: 'boolean' },
        cross_checks: {
          type: 'array',
          items: { type: 'string', enum: ['birth-year', 'sex', 'province'] },
          uniqueItems: true,
        },
        max_age: { type: 'integer', minimum: 0 },
      },
      additionalProperties: false,
    },
    defaults: { structure: true, cross_checks: ['birth-year', 'sex', 'province'], max_age: 120 },
    messages: {
      'id-format': {
        en: "{field} '{value}' is not a 12-digit personal ID number",
        vi: "{field} '{value}' không phải số định danh cá nhân 12 chữ số",
      },
      'id-separators': {
        en: "{field} '{value}' is written with separators or full-width digits; the number is {digits}",
        vi: "{field} '{value}' có ký tự phân cách hoặc chữ số toàn khổ; số đúng là {digits}",
        dimension: 'clean',
      },
      'id-excel-leading-zero': {
        en: "{field} '{value}' has lost its leading zeros (stored as a number); probably {digits}",
        vi: "{field} '{value}' bị mất số 0 ở đầu (bị lưu dạng số); nhiều khả năng là {digits}",
      },
      'id-scientific-notation': {
        en: "{field} '{value}' is in scientific notation: digits are lost, take the number from the source",
        vi: "{field} '{value}' ở dạng số mũ: đã mất chữ số, cần lấy lại số từ nguồn",
      },
      'id-digits-rounded': {
        en: "{field} '{value}' ends in {zeros} zeros: a number shown in scientific notation (1.23457E+11) and typed or saved back keeps only its first six digits; take the number from the source",
        vi: "{field} '{value}' kết thúc bằng {zeros} chữ số 0: một số hiển thị dạng số mũ (1,23457E+11) rồi được nhập hoặc lưu lại chỉ còn sáu chữ số đầu; cần lấy lại số từ nguồn",
      },
      'id-province-code': {
        en: '{field} {value}: {code} is neither a province code nor a born-abroad code (101–295)',
        vi: '{field} {value}: {code} không phải mã tỉnh, thành phố hay mã quốc gia nơi đăng ký khai sinh ở nước ngoài (101–295)',
      },
      'id-code-000': {
        en: '{field} {value}: place code 000 is not confirmed by any regulation; check the number',
        vi: '{field} {value}: mã nơi đăng ký khai sinh 000 chưa được văn bản nào xác nhận; cần kiểm tra lại số',
      },
      'id-century': {
        en: '{field} {value}: century digit {digit} means a birth in {year} or later',
        vi: '{field} {value}: chữ số thế kỷ {digit} ứng với năm sinh từ {year} trở đi',
      },
      'id-birth-year-future': {
        en: '{field} {value}: the encoded birth year {year} is after {as_of_year}',
        vi: '{field} {value}: năm sinh mã hoá {year} sau năm {as_of_year}',
      },
      'id-implausible-age': {
        en: '{field} {value}: the encoded birth year {year} means an age of {age}, over {max_age}',
        vi: '{field} {value}: năm sinh mã hoá {year} ứng với {age} tuổi, quá {max_age} tuổi',
      },
      'id-birth-year-mismatch': {
        en: '{field} {value} encodes birth year {id_year} but {dob_field} is {dob}',
        vi: '{field} {value} mã hoá năm sinh {id_year} nhưng {dob_field} là {dob}',
      },
      'id-sex-mismatch': {
        en: "{field} {value} encodes sex {id_sex_en} but {sex_field} is '{sex}'",
        vi: "{field} {value} mã hoá giới tính {id_sex_vi} nhưng {sex_field} là '{sex}'",
      },
      'id-province-mismatch': {
        en: "{field} {value}: code {code} ({id_place_en}) does not match {place_field} '{place}'",
        vi: "{field} {value}: mã {code} ({id_place_vi}) không khớp với {place_field} '{place}'",
      },
    },
    fixable: true,
  },
  create(context) {
    const { structure, max_age: maxAge } = context.options;
    const crossChecks = new Set(context.options.cross_checks);
    const [field = '', dobField = '', sexField = '', placeField = ''] = context.columns;
    const dobFormat = context.options.dob_format ?? context.columnFormat(1) ?? 'dd/MM/yyyy';
    if (!isUsableDateFormat(dobFormat)) throw new Error(`vn-personal-id: unusable date format '${dobFormat}'`);
    const parseDob = compileDateParser(dobFormat);
    const asOfYear = civilFromDays(context.asOfDay)[0];
    const placeCache = new Map<string, ReadonlySet<string> | null>();

    function dobYear(text: string): number | undefined {
      const day = parseDob(text.trim());
      if (typeof day === 'number') return civilFromDays(day)[0];
      const partial = PARTIAL_DATE_YEAR.exec(text.trim());
      // 00/00/0000 is a placeholder: year 0000 says nothing to compare with the ID.
      const year = partial ? Number(partial[1]) : 0;
      return year > 0 ? year : undefined;
    }

    function placeCodes(text: string): ReadonlySet<string> | null {
      let codes = placeCache.get(text);
      if (codes === undefined) {
        codes = idCodesForPlace(text) ?? null;
        if (placeCache.size >= PLACE_CACHE_LIMIT) placeCache.clear();
        placeCache.set(text, codes);
      }
      return codes;
    }

    // Each cross-check: undefined when it cannot judge (column blank or unreadable), else agreement.
    function yearAgrees(id: PersonalId, dob: string): boolean | undefined {
      if (!crossChecks.has('birth-year') || isBlank(dob)) return undefined;
      const year = dobYear(dob);
      return year === undefined ? undefined : year === id.birthYear;
    }

    function sexAgrees(id: PersonalId, sexText: string): boolean | undefined {
      if (!crossChecks.has('sex') || isBlank(sexText)) return undefined;
      const sex = parseSex(sexText);
      return sex === undefined ? undefined : sex === id.sex;
    }

    function placeAgrees(id: PersonalId, place: string): boolean | undefined {
      if (!crossChecks.has('province') || isBlank(place)) return undefined;
      if (id.place.kind !== 'province' && id.place.kind !== 'abroad') return undefined;
      const codes = placeCodes(place);
      return codes === null ? undefined : codes.has(id.placeCode);
    }

    function placeNames(id: PersonalId): { id_place_en: string; id_place_vi: string } {
      if (id.place.kind === 'province') return { id_place_en: id.place.province.name, id_place_vi: id.place.province.name };
      const country = countryByIdCode(id.placeCode)?.name ?? id.placeCode;
      return { id_place_en: `registered abroad: ${country}`, id_place_vi: `đăng ký khai sinh ở nước ngoài: ${country}` };
    }

    // The byte fast path (no cross-checks only): a cell of exactly 12 ASCII digits has findings that
    // depend on its first six (province, century and sex, year) alone, so each prefix is judged once.
    // 0: not judged yet, 1: no finding, 2: some finding (the check then runs on the text).
    const prefixes = crossChecks.size === 0 ? new Uint8Array(1_000_000) : null;
    function prefixPasses(bytes: Uint8Array, start: number): boolean {
      let prefix = 0;
      for (let p = start; p < start + 6; p++) prefix = prefix * 10 + bytes[p]! - 48;
      let verdict = prefixes![prefix]!;
      if (verdict === 0) {
        const id = decodePersonalId(String.fromCharCode(...bytes.subarray(start, start + 12)));
        const centuryStart = 1900 + 100 * Math.floor(id.centuryDigit / 2);
        const clean =
          !structure ||
          (id.place.kind !== 'invalid' &&
            id.place.kind !== 'unconfirmed' &&
            centuryStart <= asOfYear &&
            id.birthYear <= asOfYear &&
            asOfYear - id.birthYear <= maxAge);
        verdict = clean ? 1 : 2;
        prefixes![prefix] = verdict;
      }
      return verdict === 1;
    }

    return {
      passes: prefixes
        ? (bytes, start, end) => {
            if (end - start !== 12) return false;
            for (let p = start; p < end; p++) if (bytes[p]! < 48 || bytes[p]! > 57) return false;
            return prefixPasses(bytes, start);
          }
        : undefined,
      row(row) {
        const value = row.value(0);
        if (isBlank(value)) return;
        const dob = row.value(1);
        const sexText = row.value(2);
        const place = row.value(3);

        if (isScientificNotation(value)) {
          if (structure) {
            context.report(row, {
              messageId: 'id-scientific-notation',
              data: { field, value },
              fix: { action: 'review', confidence: 0 },
            });
          }
          return;
        }

        const digits = normalizeIdDigits(value);
        // 44068400000: what is left of 044068412345 once Excel showed it as 4.40684E+10 — its leading
        // zero and its last digits are gone, and padding it would propose a wrong number.
        const rounded = ROUNDED_NUMBER.exec(digits);
        if (rounded && digits.length >= 10 && digits.length <= 12) {
          if (structure) {
            context.report(row, { messageId: 'id-digits-rounded', data: { field, value, zeros: rounded[1]!.length }, fix: { action: 'review', confidence: 0 } });
          }
          return;
        }
        if (digits.length !== 12 || !isAsciiDigits(digits)) {
          if (!structure) return;
          const restored = /^\d+$/.test(digits) ? restoreLeadingZeros(digits) : undefined;
          const id = restored === undefined ? undefined : decodePersonalId(restored);
          if (id && isStructurallyValid(id, asOfYear)) {
            // A contradicting date of birth, sex or place makes the padded number less likely.
            const contradicted = [yearAgrees(id, dob), sexAgrees(id, sexText), placeAgrees(id, place)].includes(false);
            context.report(row, {
              messageId: 'id-excel-leading-zero',
              data: { field, value, digits: id.digits },
              fix: { action: 'set', value: id.digits, confidence: contradicted ? 0.5 : 0.8 },
            });
          } else {
            context.report(row, { messageId: 'id-format', data: { field, value } });
          }
          return;
        }

        const id = decodePersonalId(digits);
        const centuryStart = 1900 + 100 * Math.floor(id.centuryDigit / 2);
        const yearPossible = centuryStart <= asOfYear && id.birthYear <= asOfYear;
        if (structure) {
          let valid = true;
          if (id.place.kind === 'invalid') {
            valid = false;
            context.report(row, { messageId: 'id-province-code', data: { field, value, code: id.placeCode } });
          } else if (id.place.kind === 'unconfirmed') {
            valid = false;
            context.report(row, {
              messageId: 'id-code-000',
              data: { field, value },
              fix: { action: 'review', confidence: 0 },
            });
          }
          if (centuryStart > asOfYear) {
            valid = false;
            context.report(row, {
              messageId: 'id-century',
              data: { field, value, digit: id.centuryDigit, year: centuryStart },
            });
          } else if (id.birthYear > asOfYear) {
            valid = false;
            context.report(row, {
              messageId: 'id-birth-year-future',
              data: { field, value, year: id.birthYear, as_of_year: asOfYear },
            });
          } else if (asOfYear - id.birthYear > maxAge) {
            context.report(row, {
              messageId: 'id-implausible-age',
              data: { field, value, year: id.birthYear, age: asOfYear - id.birthYear, max_age: maxAge },
            });
          }
          if (valid && digits !== value) {
            context.report(row, {
              messageId: 'id-separators',
              data: { field, value, digits },
              fix: { action: 'set', value: digits, confidence: 1 },
            });
          }
        }

        // One field of the pair is wrong, and nothing says which: these findings propose no fix.
        if (yearPossible && yearAgrees(id, dob) === false) {
          context.report(row, {
            messageId: 'id-birth-year-mismatch',
            data: { field, value, id_year: id.birthYear, dob_field: dobField, dob },
          });
        }
        if (sexAgrees(id, sexText) === false) {
          context.report(row, {
            messageId: 'id-sex-mismatch',
            data: { field, value, id_sex_en: SEX_EN[id.sex], id_sex_vi: SEX_VI[id.sex], sex_field: sexField, sex: sexText },
          });
        }
        if (placeAgrees(id, place) === false) {
          context.report(row, {
            messageId: 'id-province-mismatch',
            data: { field, value, code: id.placeCode, ...placeNames(id), place_field: placeField, place },
          });
        }
      },
    };
  },
});
