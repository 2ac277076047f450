import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { defineCheckType } from './define.js';
import { DqcError } from '../errors.js';
import { discardTemp, trackTemp, untrackTemp } from '../shared/temp-files.js';
import { civilFromDays, compileDateParser, isUsableDateFormat, type DateParser } from '../shared/dates.js';
import { memoize } from '../shared/memo.js';
import { isBlank } from '../shared/text.js';
import { matchPersons } from '../dedupe/same-person/cluster.js';
import { FIELDS, type FieldName } from '../dedupe/same-person/comparisons.js';
import { estimateModel } from '../dedupe/same-person/estimate.js';
import { explainMatch } from '../dedupe/same-person/explain.js';
import {
  MatchModel,
  modelFromJson,
  modelToJson,
  rescaledPrior,
  roundedProbability,
  tfTables,
  weightThreshold,
  type ModelParams,
} from '../dedupe/same-person/model.js';
import {
  FLAG_DOB_SWAPPED,
  FLAG_PLAIN_NAME,
  ID_HASHED,
  NameParser,
  NO_DAY,
  PersonStore,
  SEX_FEMALE,
  SEX_MALE,
  SEX_UNKNOWN,
  type NameOrder,
} from '../dedupe/same-person/records.js';
import { foldText } from '../vn/fold.js';
import { normalizeIdDigits, parseSex } from '../vn/personal-id.js';
import { normalizePhone } from '../vn/phones.js';

interface Options {
  dob_format?: string;
  threshold: number;
  merge_threshold: number;
  max_block_size: number;
  name_order: NameOrder;
  model?: string;
  save_model?: string;
}

type MessageId = 'same-person' | 'block-capped';

/** How many member rows a finding lists. */
const MEMBERS_SHOWN = 20;

/** The same format with day and month exchanged ('dd/MM/yyyy' → 'MM/dd/yyyy'). */
function swapDayMonth(format: string): string {
  return format.replace(/d+|M+/g, (t) => (t[0] === 'd' ? 'M' : 'd').repeat(t.length));
}

/** yyyymmdd of a parsed day. */
function ymd(day: number): number {
  const [y, m, d] = civilFromDays(day);
  return y * 10_000 + m * 100 + d;
}

// 'Tỉnh Thanh Hóa', 'TP. Hồ Chí Minh', 'Thanh Hoa': one place (§4.2 step 6).
const PLACE_PREFIX = /^(tinh|thanh pho|tp\.?|t\.)\s*/;
const foldPlace = memoize((text: string) => foldText(text).replace(PLACE_PREFIX, '').replace(/[^a-z0-9]+/g, ''), 10_000);

export default defineCheckType<Options, MessageId>({
  meta: {
    id: 'same-person',
    dimension: 'clean',
    // Findings are per duplicate row, so the fail rate is duplicate rows / rows; they are reported
    // from end(), once every row has been seen.
    scope: 'row',
    columns: { min: 2, max: 7 },
    description: {
      en:
        'No person is recorded twice under different spellings. Columns: 0 full name, 1 date of birth (both required); ' +
        'optional 2 sex, 3 ID number, 4 place of birth registration, 5 phone, 6 last-updated date. Records that share ' +
        'a selective key (given name + date of birth, full name + birth year, ID, phone …) are compared field by field ' +
        '(names folded: diacritics, NFC/NFD and Hoà/Hòa ignored, a dropped middle name and typos as levels of their own; ' +
        'date of birth exact, day/month swapped, one digit off; sex, ID, place, phone) and weighed by a Fellegi–Sunter ' +
        'model learnt from the file itself (u from random pairs, m by expectation maximisation on the candidate pairs, ' +
        'common names counting less), or read from `model`. Pairs whose match probability reaches the threshold form ' +
        'clusters, and each member other than the record to keep (most complete, then most recently updated) is ' +
        'reported with a merge or review proposal and the weight each field added.',
      vi:
        'Không có người nào bị ghi hai lần dưới cách viết khác nhau. Cột: 0 họ và tên, 1 ngày sinh (bắt buộc); ' +
        'tùy chọn 2 giới tính, 3 số định danh, 4 nơi đăng ký khai sinh, 5 số điện thoại, 6 ngày cập nhật. Các bản ghi ' +
        'chung một khóa chọn lọc (tên + ngày sinh, họ tên + năm sinh, số định danh, điện thoại …) được so sánh từng trường ' +
        '(họ tên đã chuẩn hóa: bỏ dấu, NFC/NFD, Hoà/Hòa; thiếu tên đệm và lỗi gõ là các mức riêng; ngày sinh trùng, đảo ' +
        'ngày/tháng, sai một chữ số; giới tính, số định danh, nơi đăng ký, điện thoại) và được cân bằng mô hình ' +
        'Fellegi–Sunter học từ chính tệp dữ liệu (u từ các cặp ngẫu nhiên, m bằng thuật toán EM trên các cặp ứng viên, ' +
        'tên phổ biến được tính nhẹ hơn) hoặc đọc từ `model`. Các cặp có xác suất trùng đạt ngưỡng được gom thành nhóm, ' +
        'mỗi bản ghi trong nhóm (trừ bản ghi giữ lại: đầy đủ nhất, rồi cập nhật gần nhất) được báo cáo kèm đề xuất gộp ' +
        'hoặc xem xét và trọng số mà từng trường đóng góp.',
    },
    schema: {
      type: 'object',
      properties: {
        dob_format: { type: 'string', minLength: 1 },
        threshold: { type: 'number', minimum: 0, maximum: 1 },
        merge_threshold: { type: 'number', minimum: 0, maximum: 1 },
        max_block_size: { type: 'integer', minimum: 2 },
        name_order: { type: 'string', enum: ['family-first', 'given-first'] },
        model: { type: 'string', minLength: 1 },
        save_model: { type: 'string', minLength: 1 },
      },
      additionalProperties: false,
    },
    defaults: { threshold: 0.7, merge_threshold: 0.99, max_block_size: 1000, name_order: 'family-first' },
    messages: {
      'same-person': {
        en: '{field}: row {row} looks like the same person as row {keep_row} (match probability {score}: {why}); cluster {cluster} of {size} rows: {members}',
        vi: '{field}: dòng {row} có vẻ là cùng một người với dòng {keep_row} (xác suất trùng {score}: {why_vi}); nhóm {cluster} gồm {size} dòng: {members}',
      },
      'block-capped': {
        en: '{blocks} blocks of records sharing a key had more than {max_block_size} rows: {pairs_skipped} pairs in them were not compared',
        vi: '{blocks} khối bản ghi chung khóa có hơn {max_block_size} dòng: {pairs_skipped} cặp trong đó không được so sánh',
      },
    },
    fixable: true,
    pathOptions: ['model', 'save_model'],
  },
  create(context) {
    const field = context.columns[0] ?? '';
    const o = context.options;
    const format = o.dob_format ?? context.columnFormat(1) ?? 'dd/MM/yyyy';
    if (!isUsableDateFormat(format)) throw new Error(`same-person: unusable date format '${format}'`);
    if (o.merge_threshold < o.threshold) {
      throw new Error(`same-person: merge_threshold ${o.merge_threshold} is below threshold ${o.threshold}`);
    }
    const parseDob = compileDateParser(format);
    const swapped = format === 'iso' ? null : swapDayMonth(format);
    const parseSwapped: DateParser | null = swapped && isUsableDateFormat(swapped) ? compileDateParser(swapped) : null;
    const updatedFormat = context.columnFormat(6) ?? format;
    const parseUpdated = isUsableDateFormat(updatedFormat) ? compileDateParser(updatedFormat) : parseDob;
    const width = context.columns.length;
    // The fields this rule compares (a column it does not name is never "missing" in a reason).
    const present = new Set<FieldName>(FIELDS.filter((_, f) => f < 4 || width > f - 2));

    // A saved model is read when the rule is set up, so a missing or malformed file is a problem of
    // the pack, said before any data is read.
    const loaded: ModelParams | null = o.model ? readModel(o.model) : null;

    const store = new PersonStore();
    const names = new NameParser(store.names, o.name_order);

    // A date of birth as yyyymmdd × 2 + 1 when it only read with day and month exchanged; 0 when
    // blank or unreadable. Remembered per text: a register has a few tens of thousands of birthdays.
    const readDob = memoize((text: string): number => {
      if (isBlank(text)) return 0;
      const day = parseDob(text.trim());
      if (typeof day === 'number') return ymd(day) * 2;
      // 25/12 written as 12/25: not a date as declared, but the day a swapped record would hold.
      const other = day === 'calendar' && parseSwapped ? parseSwapped(text.trim()) : 'format';
      return typeof other === 'number' ? ymd(other) * 2 + 1 : 0;
    }, 200_000);

    function readId(text: string): { id: number; length: number } {
      if (isBlank(text)) return { id: NaN, length: 0 };
      const digits = normalizeIdDigits(text);
      if (/^\d{1,15}$/.test(digits)) return { id: Number(digits), length: digits.length };
      // Passports and foreign IDs: equality only, through a 52-bit hash of the folded text.
      const folded = foldText(digits);
      let h1 = 0x811c9dc5;
      let h2 = 0x01000193;
      for (let i = 0; i < folded.length; i++) {
        const c = folded.charCodeAt(i);
        h1 = Math.imul(h1 ^ c, 0x01000193);
        h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      }
      return { id: (h1 >>> 0) * 0x100000 + ((h2 >>> 0) & 0xfffff), length: ID_HASHED };
    }

    function readPhone(text: string): number {
      if (isBlank(text)) return NaN;
      const phone = normalizePhone(text);
      const digits = phone.ok ? phone.national : phone.digits.replace(/\D/g, '');
      return digits.length >= 6 && digits.length <= 15 ? Number(digits) : NaN;
    }

    const readSex = memoize((text: string): number => {
      if (isBlank(text)) return SEX_UNKNOWN;
      const sex = parseSex(text);
      return sex === 'male' ? SEX_MALE : sex === 'female' ? SEX_FEMALE : SEX_UNKNOWN;
    }, 1_000);

    return {
      row(row) {
        const nameText = row.value(0);
        if (isBlank(nameText)) return;
        const name = names.parse(nameText);
        if (!name) return;
        const dobCode = readDob(row.value(1));
        const dob = Math.floor(dobCode / 2);
        const dobSwapped = dobCode % 2 === 1;
        // An ID or a phone of plain ASCII digits is read from the bytes, without a string.
        const idKey = width > 3 && row.digits ? row.digits(3) : -1;
        const { id, length } = idKey >= 0 ? digitsOfKey(idKey) : width > 3 ? readId(row.value(3)) : { id: NaN, length: 0 };
        const phoneKey = width > 5 && row.digits ? row.digits(5) : -1;
        const phoneDigits = phoneKey >= 0 ? digitsOfKey(phoneKey) : null;
        const placeText = width > 4 ? row.value(4) : '';
        const updatedText = width > 6 ? row.value(6).trim() : '';
        const updated = updatedText === '' ? NO_DAY : parseUpdated(updatedText);
        store.add({
          file: store.fileIndex(row.file),
          row: row.row,
          line: row.line,
          family: name.family,
          middle: name.middle,
          given: name.given,
          flags: (name.plain ? FLAG_PLAIN_NAME : 0) | (dobSwapped ? FLAG_DOB_SWAPPED : 0),
          dob,
          sex: width > 2 ? readSex(row.value(2)) : SEX_UNKNOWN,
          id,
          idLength: length,
          place: isBlank(placeText) ? 0 : store.places.intern(foldPlace(placeText), ''),
          // 10 digits from 0: a national mobile number as normalizePhone gives it, read as a number.
          phone: phoneDigits && phoneDigits.length === 10 && phoneDigits.id < 1e9 ? phoneDigits.id : width > 5 ? readPhone(row.value(5)) : NaN,
          updated: typeof updated === 'number' ? updated : NO_DAY,
        });
      },
      end() {
        if (store.size < 2 && !o.save_model) return;
        const params = loaded ?? estimateModel(store, { maxBlockSize: o.max_block_size });
        const prior = loaded ? rescaledPrior(loaded, store.size) : params.prior;
        if (o.save_model) writeModel(o.save_model, { ...params, prior, rows: Math.max(2, store.size), tf: params.tf ?? tfTables(store) });
        const model = new MatchModel(store, params, prior);
        const { clusters, stats } = matchPersons(store, model, { minWeight: weightThreshold(o.threshold), maxBlockSize: o.max_block_size });
        clusters.forEach((cluster, c) => {
          const keep = cluster.keep;
          const rows = cluster.members.map((i) => store.row[i]!);
          const members = rows.slice(0, MEMBERS_SHOWN).join(', ') + (rows.length > MEMBERS_SHOWN ? ', …' : '');
          for (const i of cluster.members) {
            if (i === keep) continue;
            const terms = model.terms(i, keep);
            const weight = terms.reduce((sum, t) => sum + t.weight, model.priorWeight);
            const score = roundedProbability(weight);
            context.reportAt(store.location(i), {
              messageId: 'same-person',
              value: store.foldedName(i),
              data: {
                field,
                row: store.row[i]!,
                keep_row: store.row[keep]!,
                cluster: c + 1,
                size: rows.length,
                members,
                score,
                weight: Math.round(weight * 10) / 10,
                why: explainMatch(terms, model.priorWeight, present, 'en'),
                why_vi: explainMatch(terms, model.priorWeight, present, 'vi'),
              },
              fix: {
                action: score >= o.merge_threshold ? 'merge_into' : 'review',
                value: String(store.row[keep]!),
                confidence: score,
              },
            });
          }
        });
        if (stats.cappedBlocks > 0) {
          context.reportDataset({
            messageId: 'block-capped',
            data: { blocks: stats.cappedBlocks, pairs_skipped: stats.pairsSkipped, max_block_size: o.max_block_size },
          });
        }
      },
    };
  },
});

/** A model file read and checked; an Error saying what is wrong otherwise (a problem of the pack). */
function readModel(path: string): ModelParams {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`same-person: cannot read the model ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { cause: error });
  }
  try {
    return modelFromJson(JSON.parse(text));
  } catch (error) {
    throw new Error(`same-person: ${path}: ${(error as Error).message}`, { cause: error });
  }
}

/** Writes the model atomically: a temp file beside it, renamed into place. */
function writeModel(path: string, params: ModelParams): void {
  const temp = trackTemp(`${path}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, JSON.stringify(modelToJson(params), null, 2) + '\n');
    renameSync(temp, path);
    untrackTemp(temp);
  } catch (error) {
    discardTemp(temp);
    throw new DqcError('DQC_OUTPUT_UNWRITABLE', { path, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
  }
}

/** Starts of each length's range of numeric keys (shared/numeric-key.ts). */
const DIGITS_OFFSET = Array.from({ length: 17 }, (_, l) => (10 ** l - 1) / 9);

/** The value and the number of digits of a numeric key (digitsKey). */
function digitsOfKey(key: number): { id: number; length: number } {
  let length = 1;
  while (length < 15 && DIGITS_OFFSET[length + 1]! <= key) length++;
  return { id: key - DIGITS_OFFSET[length]!, length };
}
