import { readFileSync } from 'node:fs';
import { defineCheckType, type RowView } from './define.js';
import { CellMemo } from './support/cell-memo.js';
import type { CellBytes } from '../shared/byte-memo.js';
import { DqcError } from '../errors.js';
import { writeWholeFile } from '../shared/temp-files.js';
import { civilFromDays, compileDateParser, isUsableDateFormat, type DateParser } from '../shared/dates.js';
import { memoize } from '../shared/memo.js';
import { isBlank } from '../shared/text.js';
import { matchPersons, matchPersonsOnTwoThreads, PARALLEL_MIN_RECORDS, type MatchResult } from '../dedupe/same-person/cluster.js';
import { FIELDS, type FieldName } from '../dedupe/same-person/comparisons.js';
import { estimateModel, estimateModelSharing } from '../dedupe/same-person/estimate.js';
import { PairHelper } from '../dedupe/same-person/pair-helper.js';
import { explainMatch } from '../dedupe/same-person/explain.js';
import { COMPARATORS, MAX_EXTRA_FIELDS, readNumber, type Comparator, type ExtraFieldSpec } from '../dedupe/same-person/extra-fields.js';
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
  type ParsedName,
} from '../dedupe/same-person/records.js';
import { firstNameColumn, positionalPlan, rolePlan, ROLES_SCHEMA, type ColumnPlan, type RoleOptions } from '../dedupe/same-person/roles.js';
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
  roles?: RoleOptions;
  compare?: Record<string, Comparator | CompareOptions>;
}

/** One extra column's comparator in its long form. */
interface CompareOptions {
  comparator: Comparator;
  /** numeric: the largest difference still close. */
  tolerance?: number;
  /** date: the column's date format (else the one the pack declares for it, else dob_format). */
  format?: string;
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
// An address in parts ('12', 'Main St', '', 'Springfield'): one text, folded, letters and digits only.
const foldAddress = (text: string) => foldText(text).replace(/[^a-z0-9]+/g, '');

export default defineCheckType<Options, MessageId>({
  meta: {
    id: 'same-person',
    dimension: 'clean',
    // Findings are per duplicate row, so the fail rate is duplicate rows / rows; they are reported
    // from end(), once every row has been seen.
    scope: 'row',
    // By position: 2 to 7 columns (checked in create), name and date of birth required; by role
    // (`roles`): the columns the roles name, all required.
    columns: { min: 1, max: 32 },
    requiredColumns: (options, count) => (options.roles ? count : 2),
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
        'reported with a merge or review proposal and the weight each field added. Columns can instead be named by role ' +
        '(`roles`: full_name, or family_name / middle_name / given_name; date_of_birth, sex, id_number (one or more), ' +
        'address (one or more), place, phone, email, updated), so any register binds; any other rule column can be ' +
        'compared too, with a comparator named in `compare` (exact, edit-distance, jaro-winkler, numeric, date), its ' +
        'weights learnt like the others.',
      vi:
        'Không có người nào bị ghi hai lần dưới cách viết khác nhau. Cột: 0 họ và tên, 1 ngày sinh (bắt buộc); ' +
        'tùy chọn 2 giới tính, 3 số định danh, 4 nơi đăng ký khai sinh, 5 số điện thoại, 6 ngày cập nhật. Các bản ghi ' +
        'chung một khóa chọn lọc (tên + ngày sinh, họ tên + năm sinh, số định danh, điện thoại …) được so sánh từng trường ' +
        '(họ tên đã chuẩn hóa: bỏ dấu, NFC/NFD, Hoà/Hòa; thiếu tên đệm và lỗi gõ là các mức riêng; ngày sinh trùng, đảo ' +
        'ngày/tháng, sai một chữ số; giới tính, số định danh, nơi đăng ký, điện thoại) và được cân bằng mô hình ' +
        'Fellegi–Sunter học từ chính tệp dữ liệu (u từ các cặp ngẫu nhiên, m bằng thuật toán EM trên các cặp ứng viên, ' +
        'tên phổ biến được tính nhẹ hơn) hoặc đọc từ `model`. Các cặp có xác suất trùng đạt ngưỡng được gom thành nhóm, ' +
        'mỗi bản ghi trong nhóm (trừ bản ghi giữ lại: đầy đủ nhất, rồi cập nhật gần nhất) được báo cáo kèm đề xuất gộp ' +
        'hoặc xem xét và trọng số mà từng trường đóng góp. Cũng có thể gọi tên các cột theo vai trò ' +
        '(`roles`: full_name, hoặc family_name / middle_name / given_name; date_of_birth, sex, id_number (một hoặc nhiều cột), ' +
        'address (một hoặc nhiều cột), place, phone, email, updated), để dùng được với mọi sổ đăng ký; mọi cột khác của ' +
        'quy tắc cũng có thể được so sánh bằng một phép so sánh nêu trong `compare` (exact, edit-distance, jaro-winkler, ' +
        'numeric, date), trọng số được học như các trường khác.',
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
        roles: ROLES_SCHEMA,
        compare: {
          type: 'object',
          maxProperties: MAX_EXTRA_FIELDS,
          additionalProperties: {
            oneOf: [
              { type: 'string', enum: [...COMPARATORS] },
              {
                type: 'object',
                properties: {
                  comparator: { type: 'string', enum: [...COMPARATORS] },
                  tolerance: { type: 'number', minimum: 0 },
                  format: { type: 'string', minLength: 1 },
                },
                required: ['comparator'],
                additionalProperties: false,
              },
            ],
          },
        },
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
    const o = context.options;
    const extras = extraColumns(context.columns, o.compare ?? {});
    const width = context.columns.length - extras.length;
    if (!o.roles && (width < 2 || width > 7)) {
      throw new Error(`same-person: by position the rule takes 2 to 7 columns (full name, date of birth, sex, ID, place, phone, last updated), not ${width}; or name each column's role in \`roles\``);
    }
    if (!o.roles && extras.some((e) => e.index < width)) {
      throw new Error(`same-person: by position, the columns named in \`compare\` (${extras.map((e) => e.spec.name).join(', ')}) come after the positional ones`);
    }
    const plan: ColumnPlan = o.roles ? rolePlan(context.columns, o.roles) : positionalPlan(width);
    const roleColumns = planColumns(plan);
    for (const e of extras) {
      if (roleColumns.has(e.index)) throw new Error(`same-person: '${e.spec.name}' has a role and is named in \`compare\` too; give it one of them`);
    }
    const field = context.columns[firstNameColumn(plan)] ?? '';
    const format = o.dob_format ?? (plan.dob >= 0 ? context.columnFormat(plan.dob) : undefined) ?? 'dd/MM/yyyy';
    if (!isUsableDateFormat(format)) throw new Error(`same-person: unusable date format '${format}'`);
    if (o.merge_threshold < o.threshold) {
      throw new Error(`same-person: merge_threshold ${o.merge_threshold} is below threshold ${o.threshold}`);
    }
    const parseDob = compileDateParser(format);
    const swapped = format === 'iso' ? null : swapDayMonth(format);
    const parseSwapped: DateParser | null = swapped && isUsableDateFormat(swapped) ? compileDateParser(swapped) : null;
    const updatedFormat = (plan.updated >= 0 ? context.columnFormat(plan.updated) : undefined) ?? format;
    const parseUpdated = isUsableDateFormat(updatedFormat) ? compileDateParser(updatedFormat) : parseDob;
    // The fields this rule compares (a column it does not name is never "missing" in a reason).
    const present = presentFields(plan);
    // An address stands where the place of birth registration would, an email where the phone would.
    const labels = { place: plan.place < 0 && plan.address.length > 0, phone: plan.phone < 0 && plan.email >= 0 };

    // A saved model is read when the rule is set up, so a missing or malformed file is a problem of
    // the pack, said before any data is read.
    const specs = extras.map((e) => e.spec);
    const loaded: ModelParams | null = o.model ? readModel(o.model, specs) : null;

    const store = new PersonStore(specs);
    const estimation = { maxBlockSize: o.max_block_size };
    const link = { minWeight: weightThreshold(o.threshold), maxBlockSize: o.max_block_size };
    const readExtra = extras.map((e, i) => extraReader(e, (k) => context.columnFormat(k), format, store, i));
    const extraValues = new Float64Array(extras.length);
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
      return { id: hash52(foldText(digits)), length: ID_HASHED };
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

    // Repeated cells (a birthday, a sex, a place) are read once per distinct bytes.
    const dobCells = new CellMemo(readDob);
    const sexCells = new CellMemo(readSex);
    const placeCells = new CellMemo((text) => (isBlank(text) ? 0 : store.places.intern(foldPlace(text), '')));
    const updatedCells = new CellMemo((text) => {
      const trimmed = text.trim();
      const day = trimmed === '' ? NO_DAY : parseUpdated(trimmed);
      return typeof day === 'number' ? day : NO_DAY;
    });
    const nameCell: CellBytes = { bytes: new Uint8Array(0), start: 0, end: 0 };

    function readName(row: RowView): ParsedName | null {
      const n = plan.name;
      if (n.kind === 'full') {
        // Word by word from the bytes where the row has them: a register's names are made of a few
        // thousand syllables, while whole names hardly repeat at national scale.
        if (row.bytes?.(n.full, nameCell)) {
          const parsed = names.parseBytes(nameCell.bytes, nameCell.start, nameCell.end);
          if (parsed !== undefined) return parsed;
        }
        const text = row.value(n.full);
        return isBlank(text) ? null : names.parse(text);
      }
      const part = (k: number) => (k >= 0 ? row.value(k) : '');
      return names.parseParts(part(n.family), part(n.middle), part(n.given), n.middle >= 0);
    }

    /** The first ID column that holds one. An ID of plain ASCII digits is read from the bytes, without a string. */
    function readIds(row: RowView): { id: number; length: number } {
      for (const k of plan.ids) {
        const key = row.digits ? row.digits(k) : -1;
        if (key >= 0) return digitsOfKey(key);
        const read = readId(row.value(k));
        if (read.length > 0) return read;
      }
      return { id: NaN, length: 0 };
    }

    /** The place of birth registration, else the address columns folded together; 0 when blank. */
    function readPlace(row: RowView): number {
      if (plan.place >= 0) return placeCells.get(row, plan.place);
      if (plan.address.length === 0) return 0;
      let text = '';
      for (const k of plan.address) text += ' ' + row.value(k);
      return isBlank(text) ? 0 : store.places.intern(foldAddress(text), '');
    }

    /** The phone, else the email (compared equal or not, through a hash); NaN when blank. */
    function readContact(row: RowView): number {
      if (plan.phone >= 0) {
        // 10 digits from 0: a national mobile number as normalizePhone gives it, read as a number.
        const key = row.digits ? row.digits(plan.phone) : -1;
        const digits = key >= 0 ? digitsOfKey(key) : null;
        return digits && digits.length === 10 && digits.id < 1e9 ? digits.id : readPhone(row.value(plan.phone));
      }
      if (plan.email < 0) return NaN;
      const email = row.value(plan.email).trim().toLowerCase();
      return email === '' ? NaN : hash52(email);
    }

    return {
      row(row) {
        const name = readName(row);
        if (!name) return;
        const dobCode = plan.dob >= 0 ? dobCells.get(row, plan.dob) : 0;
        const dob = Math.floor(dobCode / 2);
        const dobSwapped = dobCode % 2 === 1;
        const { id, length } = readIds(row);
        store.add({
          file: store.fileIndex(row.file),
          row: row.row,
          line: row.line,
          family: name.family,
          middle: name.middle,
          given: name.given,
          flags: (name.plain ? FLAG_PLAIN_NAME : 0) | (dobSwapped ? FLAG_DOB_SWAPPED : 0),
          dob,
          sex: plan.sex >= 0 ? sexCells.get(row, plan.sex) : SEX_UNKNOWN,
          id,
          idLength: length,
          place: readPlace(row),
          phone: readContact(row),
          updated: plan.updated >= 0 ? updatedCells.get(row, plan.updated) : NO_DAY,
        });
        if (extras.length > 0) {
          for (let e = 0; e < extras.length; e++) extraValues[e] = readExtra[e]!(row.value(extras[e]!.index));
          store.extras.add(extraValues);
        }
      },
      end() {
        if (store.size < 2 && !o.save_model) return;
        // A large register on two threads or more: a pair worker compares half the random pairs of
        // u and weighs half the candidate pairs, and end() finishes when it has. A smaller one is
        // matched here and now.
        if (context.threads > 1 && store.size >= PARALLEL_MIN_RECORDS) return endOnTwoThreads();
        const params = loaded ?? estimateModel(store, estimation);
        const model = modelOf(params);
        report(model, matchPersons(store, model, link));
      },
    };

    async function endOnTwoThreads(): Promise<void> {
      const helper = PairHelper.start(store);
      try {
        const params = loaded ?? (await estimateModelSharing(store, estimation, (firsts, seconds) => helper.count(firsts, seconds)));
        const model = modelOf(params);
        report(model, await matchPersonsOnTwoThreads(store, model, link, helper));
      } finally {
        helper.stop();
      }
    }

    /** The model bound to the records (its prior rescaled to them when it was read), saved when asked. */
    function modelOf(params: ModelParams): MatchModel {
      const prior = loaded ? rescaledPrior(loaded, store.size) : params.prior;
      if (o.save_model) writeModel(o.save_model, { ...params, prior, rows: Math.max(2, store.size), tf: params.tf ?? tfTables(store) }, specs);
      return new MatchModel(store, params, prior);
    }

    /** The findings of the clusters: every member but the record kept, with the weights that joined it. */
    function report(model: MatchModel, { clusters, stats }: MatchResult): void {
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
            // The name as compared (folded): the same whatever the reader, and whether or not the
            // file can be read again; the fix list's current_value is the cell as the file has it.
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
              why: explainMatch(terms, model.priorWeight, present, 'en', labels),
              why_vi: explainMatch(terms, model.priorWeight, present, 'vi', labels),
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
    }
  },
});

/** A 52-bit hash of a text (an ID that is not digits, an email), for equality only. */
function hash52(text: string): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return (h1 >>> 0) * 0x100000 + ((h2 >>> 0) & 0xfffff);
}

/** The fields a rule compares: those it has a column for (the name parts whatever the name's form). */
function presentFields(plan: ColumnPlan): Set<FieldName> {
  const has: Record<FieldName, boolean> = {
    given: true,
    family: true,
    middle: true,
    dob: plan.dob >= 0,
    sex: plan.sex >= 0,
    id: plan.ids.length > 0,
    place: plan.place >= 0 || plan.address.length > 0,
    phone: plan.phone >= 0 || plan.email >= 0,
  };
  return new Set(FIELDS.filter((f) => has[f]));
}

/** An extra column: where it is among the rule's columns, and how it is compared. */
interface ExtraColumn {
  index: number;
  spec: ExtraFieldSpec;
  format?: string;
}

/** `options.compare` resolved against the rule's columns, in the rule's column order. */
function extraColumns(columns: readonly string[], compare: Record<string, Comparator | CompareOptions>): ExtraColumn[] {
  const out: ExtraColumn[] = [];
  for (const [name, given] of Object.entries(compare)) {
    const index = columns.indexOf(name);
    if (index < 0) throw new Error(`same-person: compare names '${name}', which is not one of the rule's columns (${columns.join(', ')})`);
    const long = typeof given === 'string' ? { comparator: given } : given;
    if (long.tolerance !== undefined && long.comparator !== 'numeric') throw new Error(`same-person: compare '${name}': tolerance is for the numeric comparator`);
    if (long.format !== undefined && long.comparator !== 'date') throw new Error(`same-person: compare '${name}': format is for the date comparator`);
    if (long.format !== undefined && !isUsableDateFormat(long.format)) throw new Error(`same-person: compare '${name}': unusable date format '${long.format}'`);
    const spec: ExtraFieldSpec = { name, comparator: long.comparator, ...(long.tolerance !== undefined && { tolerance: long.tolerance }) };
    out.push({ index, spec, ...(long.format !== undefined && { format: long.format }) });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** The rule columns a plan gives a role. */
function planColumns(plan: ColumnPlan): Set<number> {
  const n = plan.name;
  const names = n.kind === 'full' ? [n.full] : [n.family, n.middle, n.given];
  return new Set([...names, plan.dob, plan.sex, ...plan.ids, ...plan.address, plan.place, plan.phone, plan.email, plan.updated].filter((k) => k >= 0));
}

/** How one extra column's cell becomes the number ExtraValues keeps (extra-fields.ts). */
function extraReader(
  column: ExtraColumn,
  declaredFormat: (k: number) => string | undefined,
  dobFormat: string,
  store: PersonStore,
  e: number,
): (text: string) => number {
  const comparator = column.spec.comparator;
  if (comparator === 'numeric') return readNumber;
  if (comparator === 'date') {
    const declared = column.format ?? declaredFormat(column.index);
    const parse = compileDateParser(declared !== undefined && isUsableDateFormat(declared) ? declared : dobFormat);
    return memoize((text: string): number => {
      if (isBlank(text)) return 0;
      const day = parse(text.trim());
      return typeof day === 'number' ? ymd(day) : 0;
    }, 100_000);
  }
  return (text: string) => store.extras.intern(e, text);
}

/** A model file read and checked; an Error saying what is wrong otherwise (a problem of the pack). */
function readModel(path: string, extras: readonly ExtraFieldSpec[]): ModelParams {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`same-person: cannot read the model ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { cause: error });
  }
  try {
    return modelFromJson(JSON.parse(text), extras);
  } catch (error) {
    throw new Error(`same-person: ${path}: ${(error as Error).message}`, { cause: error });
  }
}

/** Writes the model atomically: a temp file beside it, renamed into place. */
function writeModel(path: string, params: ModelParams, extras: readonly ExtraFieldSpec[]): void {
  try {
    writeWholeFile(path, JSON.stringify(modelToJson(params, extras), null, 2) + '\n');
  } catch (error) {
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
