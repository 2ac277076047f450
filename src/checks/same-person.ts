import { defineCheckType } from './define.js';
import { civilFromDays, compileDateParser, isUsableDateFormat, type DateParser } from '../shared/dates.js';
import { memoize } from '../shared/memo.js';
import { isBlank } from '../shared/text.js';
import { matchPersons } from '../dedupe/same-person/cluster.js';
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
import { PairScorer, roundedScore } from '../dedupe/same-person/score.js';
import { reasonInVietnamese } from '../dedupe/same-person/why.js';
import { foldText } from '../vn/fold.js';
import { normalizeIdDigits, parseSex } from '../vn/personal-id.js';
import { normalizePhone } from '../vn/phones.js';

interface Options {
  dob_format?: string;
  threshold: number;
  merge_threshold: number;
  max_block_size: number;
  name_order: NameOrder;
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
        'a selective key (given name + date of birth, full name + birth year, ID, phone …) are scored on folded names ' +
        '(diacritics, NFC/NFD and Hoà/Hòa ignored; a dropped middle name and typos tolerated), date of birth (exact, ' +
        'day/month swapped, one digit off), sex, ID, place and phone; pairs above the threshold form clusters, and each ' +
        'member other than the record to keep (most complete, then most recently updated) is reported with a merge ' +
        'or review proposal.',
      vi:
        'Không có người nào bị ghi hai lần dưới cách viết khác nhau. Cột: 0 họ và tên, 1 ngày sinh (bắt buộc); ' +
        'tùy chọn 2 giới tính, 3 số định danh, 4 nơi đăng ký khai sinh, 5 số điện thoại, 6 ngày cập nhật. Các bản ghi ' +
        'chung một khóa chọn lọc (tên + ngày sinh, họ tên + năm sinh, số định danh, điện thoại …) được chấm điểm theo ' +
        'họ tên đã chuẩn hóa (bỏ dấu, NFC/NFD, Hoà/Hòa; chấp nhận thiếu tên đệm và lỗi gõ), ngày sinh (trùng, đảo ngày/tháng, ' +
        'sai một chữ số), giới tính, số định danh, nơi đăng ký và điện thoại; các cặp vượt ngưỡng được gom thành nhóm, ' +
        'mỗi bản ghi trong nhóm (trừ bản ghi giữ lại: đầy đủ nhất, rồi cập nhật gần nhất) được báo cáo kèm đề xuất gộp ' +
        'hoặc xem xét.',
    },
    schema: {
      type: 'object',
      properties: {
        dob_format: { type: 'string', minLength: 1 },
        threshold: { type: 'number', minimum: 0, maximum: 1 },
        merge_threshold: { type: 'number', minimum: 0, maximum: 1 },
        max_block_size: { type: 'integer', minimum: 2 },
        name_order: { type: 'string', enum: ['family-first', 'given-first'] },
      },
      additionalProperties: false,
    },
    defaults: { threshold: 0.7, merge_threshold: 0.99, max_block_size: 1000, name_order: 'family-first' },
    messages: {
      'same-person': {
        en: '{field}: row {row} looks like the same person as row {keep_row} (score {score}: {why}); cluster {cluster} of {size} rows: {members}',
        vi: '{field}: dòng {row} có vẻ là cùng một người với dòng {keep_row} (điểm {score}: {why_vi}); nhóm {cluster} gồm {size} dòng: {members}',
      },
      'block-capped': {
        en: '{blocks} blocks of records sharing a key had more than {max_block_size} rows: {pairs_skipped} pairs in them were not compared',
        vi: '{blocks} khối bản ghi chung khóa có hơn {max_block_size} dòng: {pairs_skipped} cặp trong đó không được so sánh',
      },
    },
    fixable: true,
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

    const store = new PersonStore();
    const names = new NameParser(store.names, o.name_order);

    function readDob(text: string): { dob: number; swapped: boolean } {
      if (isBlank(text)) return { dob: 0, swapped: false };
      const day = parseDob(text.trim());
      if (typeof day === 'number') return { dob: ymd(day), swapped: false };
      // 25/12 written as 12/25: not a date as declared, but the day a swapped record would hold.
      const other = day === 'calendar' && parseSwapped ? parseSwapped(text.trim()) : 'format';
      return typeof other === 'number' ? { dob: ymd(other), swapped: true } : { dob: 0, swapped: false };
    }

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

    function readSex(text: string): number {
      if (isBlank(text)) return SEX_UNKNOWN;
      const sex = parseSex(text);
      return sex === 'male' ? SEX_MALE : sex === 'female' ? SEX_FEMALE : SEX_UNKNOWN;
    }

    return {
      row(row) {
        const nameText = row.value(0);
        if (isBlank(nameText)) return;
        const name = names.parse(nameText);
        if (!name) return;
        const { dob, swapped: dobSwapped } = readDob(row.value(1));
        const { id, length } = width > 3 ? readId(row.value(3)) : { id: NaN, length: 0 };
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
          phone: width > 5 ? readPhone(row.value(5)) : NaN,
          updated: typeof updated === 'number' ? updated : NO_DAY,
        });
      },
      end() {
        const scorer = new PairScorer(store, { sex: width > 2, id: width > 3 });
        const { clusters, stats } = matchPersons(store, scorer, { threshold: o.threshold, maxBlockSize: o.max_block_size });
        clusters.forEach((cluster, c) => {
          const keep = cluster.keep;
          const rows = cluster.members.map((i) => store.row[i]!);
          const members = rows.slice(0, MEMBERS_SHOWN).join(', ') + (rows.length > MEMBERS_SHOWN ? ', …' : '');
          for (const i of cluster.members) {
            if (i === keep) continue;
            const score = roundedScore(scorer.weigh(i, keep, true));
            const why = scorer.reasons.join(', ');
            const whyVi = scorer.reasons.map(reasonInVietnamese).join(', ');
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
                why,
                why_vi: whyVi,
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
