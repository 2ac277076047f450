// One value of B per value of A across rows (a functional dependency A → B): one BHXH code per
// personal ID, one personal ID per BHXH code, one owner per identification plate. Bounded memory:
// a typed-array table of key → (first row, 64-bit hash of B), 20 bytes a slot and no string per
// key (dedupe/key-index.ts); a row whose B differs from the first B seen for its key is reported,
// with the first value read again from the file when the file can be read again.
import { Hash64 } from '../dedupe/hash.js';
import { KeyIndex, MAX_ROW } from '../dedupe/key-index.js';
import { digitsKey } from '../shared/numeric-key.js';
import { isBlank } from '../shared/text.js';
import { foldText } from '../vn/fold.js';
import { defineCheckType, type RowView } from './define.js';
import { RowOrdinals } from './support/row-ordinals.js';

interface Options {
  /** How many of the rule's first columns form the key A (default 1); the rest are B. */
  key: number;
  /** Compare B folded (case, tones, spaces: foldText), for names. */
  fold: boolean;
  ignore_case: boolean;
  /** Only rows whose last column holds one of these values (compared folded) take part: live registrations. */
  when?: string[];
}

type MessageId = 'conflict' | 'conflict-unread';

export default defineCheckType<Options, MessageId>({
  meta: {
    id: 'determines',
    dimension: 'clean',
    scope: 'row',
    columns: { min: 2, max: 8 },
    requiredColumns: (options, count) => count,
    description: {
      en:
        'The first `key` columns determine the others across rows: every row with the same key has the same value in them ' +
        '(one BHXH code per personal ID). A row that disagrees with the first row seen for its key is reported. Rows with a ' +
        'blank key or blank values are passed over. With `when`, the last column is a filter, not a value: only rows whose ' +
        'last column holds one of `when` (compared folded: live registrations) take part. Memory: a typed-array table of key → first row and a 64-bit hash of ' +
        'the values, about 20–40 bytes per distinct key; a one-column key of 1–15 digits is compared exactly.',
      vi:
        '`key` cột đầu xác định các cột còn lại trên mọi dòng: các dòng cùng khóa có cùng giá trị ở các cột đó (mỗi số ' +
        'định danh một mã số BHXH). Dòng khác với dòng đầu tiên gặp của cùng khóa bị báo. Dòng có khóa trống hoặc giá trị ' +
        'trống được bỏ qua. Với `when`, cột cuối là điều kiện lọc chứ không phải giá trị: chỉ các dòng có cột cuối thuộc ' +
        '`when` (so sánh sau khi bỏ dấu, chữ hoa: đăng ký còn hiệu lực) được xét. Bộ nhớ: bảng mảng kiểu số ánh xạ khóa → dòng đầu và mã băm 64 bit của giá trị, khoảng 20–40 ' +
        'byte mỗi khóa; khóa một cột gồm 1–15 chữ số được so chính xác.',
    },
    schema: {
      type: 'object',
      properties: {
        key: { type: 'integer', minimum: 1, maximum: 7 },
        fold: { type: 'boolean' },
        ignore_case: { type: 'boolean' },
        when: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
      },
      additionalProperties: false,
    },
    defaults: { key: 1, fold: false, ignore_case: false },
    messages: {
      conflict: {
        en: '{key_field} {key} has {field} {value} here but {first_value} on row {first_row}',
        vi: '{key_field} {key} có {field} là {value} ở đây nhưng là {first_value} ở dòng {first_row}',
      },
      'conflict-unread': {
        en: '{key_field} {key} has {field} {value} here, another value on row {first_row}',
        vi: '{key_field} {key} có {field} là {value} ở đây, nhưng giá trị khác ở dòng {first_row}',
      },
    },
    fixable: true,
  },
  create(context) {
    const when = context.options.when ? new Set(context.options.when.map(foldText)) : null;
    // With `when`, the last column filters rows and is not one of the determined values.
    const filterAt = when ? context.columns.length - 1 : -1;
    const width = when ? context.columns.length - 1 : context.columns.length;
    const keyWidth = context.options.key;
    if (keyWidth >= width) throw new Error(`determines: key ${keyWidth} leaves none of the rule's ${width} column(s) to determine`);
    const { fold, ignore_case: ignoreCase } = context.options;
    const keyField = context.columns.slice(0, keyWidth).join(' + ');
    const field = context.columns.slice(keyWidth, width).join(' + ');
    const index = new KeyIndex({ fingerprints: 2 });
    const keyHash = new Hash64();
    const valueHash = new Hash64();
    const prints = new Uint32Array(2);

    // The table stores a running ordinal over all files (support/row-ordinals.ts).
    const ordinals = new RowOrdinals();
    const fileNames = ordinals.files;

    const norm = (text: string): string => {
      const t = text.trim();
      return fold ? foldText(t) : ignoreCase ? t.toLocaleLowerCase('vi') : t;
    };
    const values = (row: RowView): string => Array.from({ length: width - keyWidth }, (_, j) => row.value(keyWidth + j)).join(' | ');

    return {
      row(row) {
        const ordinal = ordinals.of(row.file, row.row);
        if (ordinal > MAX_ROW) return;
        if (when && !when.has(foldText(row.value(filterAt)))) return;

        let blankValue = false;
        valueHash.reset();
        for (let j = keyWidth; j < width; j++) {
          const text = row.value(j);
          if (isBlank(text)) blankValue = true;
          valueHash.text(norm(text));
        }
        if (blankValue) return;
        prints[0] = valueHash.hi;
        prints[1] = valueHash.lo;

        const fromBytes = keyWidth === 1 && row.digits ? row.digits(0) : -1;
        const numeric = fromBytes >= 0 ? fromBytes : keyWidth === 1 ? digitsKey(row.value(0).trim()) : -1;
        let slot: number;
        if (numeric >= 0) slot = index.insertNumber(numeric, ordinal, prints);
        else {
          keyHash.reset();
          for (let k = 0; k < keyWidth; k++) {
            const text = row.value(k).trim();
            if (isBlank(text)) return;
            keyHash.text(ignoreCase ? text.toLocaleLowerCase('vi') : text);
          }
          slot = index.insertHash(keyHash.hi, keyHash.lo, ordinal, prints);
        }
        if (slot < 0) return;
        if (index.fingerprintAt(slot, 0) === prints[0] && index.fingerprintAt(slot, 1) === prints[1]) return;

        const first = ordinals.locate(index.rowAt(slot));
        const key = Array.from({ length: keyWidth }, (_, k) => row.value(k)).join(' | ');
        const data: Record<string, string | number> = { key_field: keyField, key, field, value: values(row), first_row: first.row };
        if (fileNames.length > 1) data.first_file = first.file + 1;
        const earlier = context.rereadable(fileNames[first.file]!) ? context.reread({ file: fileNames[first.file]!, row: first.row }) : null;
        context.report(row, {
          messageId: earlier ? 'conflict' : 'conflict-unread',
          column: keyWidth,
          value: values(row),
          data: earlier ? { ...data, first_value: values(earlier) } : data,
          fix: { action: 'review', confidence: 0 },
        });
      },
    };
  },
});
