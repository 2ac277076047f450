import { Hash32, Hash64 } from '../dedupe/hash.js';
import { MAX_ORDINAL, RepeatFinder } from '../dedupe/repeat-finder.js';
import { rowFingerprints } from '../dedupe/row-fingerprint.js';
import { grown } from '../shared/grow.js';
import { digitsKey } from '../shared/numeric-key.js';
import { foldText } from '../vn/fold.js';
import { defineCheckType, type RowReport, type RowView } from './define.js';
import { isBlank } from '../shared/text.js';
import { RowOrdinals } from './support/row-ordinals.js';

interface Options {
  ignore_case: boolean;
  /**
   * Cells that merely number the rows (STT, #, index) do not make two rows differ: a cell holding its
   * own row's number is left out when rows are compared (default on).
   */
  ignore_row_numbers: boolean;
  /** How many of the rule's first columns form the key; the rest are person fields (default: all). */
  key?: number;
}

type MessageId = 'duplicate-identical' | 'duplicate-formatting' | 'duplicate-conflict' | 'duplicate';

export default defineCheckType<Options, MessageId>({
  meta: {
    id: 'unique',
    dimension: 'clean',
    scope: 'row',
    fingerprintsRows: true,
    columns: { min: 1, max: 8 },
    // Every key column must exist: a missing one would read as '' and make all rows look alike.
    requiredColumns: (options, count) => options.key ?? count,
    description: {
      en:
        'No two rows share the same key (the first `key` columns, trimmed; default all). Later columns are person fields: ' +
        'a repeated key whose person fields differ is two people on one number. Each repeat is classed as identical, ' +
        'differing only in formatting, conflicting, or other; a cell holding its row\'s own number (an STT column) does not ' +
        'make rows differ (`ignore_row_numbers`, default on). A one-column key of 1–15 digits is compared exactly; other ' +
        'keys by a 64-bit hash, with a chance of any false match of about n²/2^65 for n keys (2.7 × 10⁻⁴ for 100 million).',
      vi:
        'Không có hai dòng trùng khóa (`key` cột đầu, bỏ khoảng trắng hai đầu; mặc định là tất cả các cột). Các cột sau là ' +
        'thông tin nhân thân: khóa lặp lại mà thông tin nhân thân khác nhau là hai người dùng chung một số. Mỗi lần lặp ' +
        'được phân loại: giống hệt, chỉ khác định dạng, mâu thuẫn, hoặc khác; ô chứa đúng số thứ tự của dòng (cột STT) không ' +
        'làm hai dòng khác nhau (`ignore_row_numbers`, mặc định bật). Khóa một cột gồm 1–15 chữ số được so sánh ' +
        'chính xác; các khóa khác so bằng mã băm 64 bit, xác suất trùng nhầm khoảng n²/2^65 với n khóa (2,7 × 10⁻⁴ với ' +
        '100 triệu khóa).',
    },
    schema: {
      type: 'object',
      properties: {
        ignore_case: { type: 'boolean' },
        key: { type: 'integer', minimum: 1, maximum: 8 },
        ignore_row_numbers: { type: 'boolean' },
      },
      additionalProperties: false,
    },
    defaults: { ignore_case: false, ignore_row_numbers: true },
    messages: {
      'duplicate-identical': {
        en: '{field}: {key} repeats row {first_row}; the rows are identical',
        vi: '{field}: {key} lặp lại dòng {first_row}; hai dòng giống hệt nhau',
      },
      'duplicate-formatting': {
        en: '{field}: {key} repeats row {first_row}; the rows differ only in spaces, case or Unicode form',
        vi: '{field}: {key} lặp lại dòng {first_row}; hai dòng chỉ khác nhau về khoảng trắng, chữ hoa/thường hoặc dạng Unicode',
      },
      'duplicate-conflict': {
        en: '{field}: {key} is also on row {first_row}, for another person ({differs} differ)',
        vi: '{field}: {key} cũng có ở dòng {first_row} nhưng là người khác (khác {differs})',
        dimension: 'true',
      },
      duplicate: {
        en: '{field}: {key} repeats row {first_row}; other columns differ',
        vi: '{field}: {key} lặp lại dòng {first_row}; các cột khác không giống nhau',
      },
    },
    fixable: true,
  },
  create(context) {
    const width = context.columns.length;
    const keyWidth = context.options.key ?? width;
    if (keyWidth > width) {
      throw new Error(`unique: key ${keyWidth} is more than the rule's ${width} column(s)`);
    }
    const personFields = context.columns.slice(keyWidth);
    const persons = personFields.length;
    const field = context.columns.slice(0, keyWidth).join(' + ');
    const ignoreCase = context.options.ignore_case;
    const ignoreRowNumbers = context.options.ignore_row_numbers;

    // Per key: first row, hash of the raw row, hash of the normalised row, and (with person fields)
    // a person code: 32 bits split evenly over the person fields (32, 16, 10, 8 … bits each), 0
    // meaning blank, so a field blank on either row is skipped instead of counted as a difference.
    // Two codes that differ prove the folded values differ; equal codes leave a 2^-bits chance that
    // a real difference goes unseen (the repeat is then `duplicate`, still a review).
    // Keys → first row only (12 bytes a key, partitioned, spilled to disk past its memory budget).
    const finder = new RepeatFinder();
    const printCount = persons > 0 ? 3 : 2;
    const scratch = new Uint32Array(3);
    const keyHash = new Hash64();
    const hash = new Hash32();
    const bits = persons > 0 ? Math.floor(32 / persons) : 0;
    const codeRange = 2 ** bits - 1;

    // The table stores a running ordinal over all files (support/row-ordinals.ts).
    const ordinals = new RowOrdinals();
    const locate = (ordinal: number) => ordinals.locate(ordinal);

    function personCode(row: { value(k: number): string }): number {
      let code = 0;
      for (let j = 0; j < persons; j++) {
        const text = row.value(keyWidth + j);
        if (isBlank(text)) continue;
        hash.reset();
        hash.text(foldText(text));
        code += ((hash.value % codeRange) + 1) * 2 ** (j * bits);
      }
      return code;
    }

    function differingPersons(first: number, next: number): string[] {
      const differs: string[] = [];
      for (let j = 0; j < persons; j++) {
        const a = Math.floor(first / 2 ** (j * bits)) % 2 ** bits;
        const b = Math.floor(next / 2 ** (j * bits)) % 2 ** bits;
        if (a !== 0 && b !== 0 && a !== b) differs.push(personFields[j]!);
      }
      return differs;
    }

    /**
     * The raw and the normalised fingerprint of the row into scratch[0..1], each cell read once for
     * both; with ignore_row_numbers, a cell that is the whole number `rowNumber` reads as empty.
     * A row a worker thread already fingerprinted (as of its own number) is not read again.
     */
    function fingerprintRow(row: RowView, rowNumber: number): void {
      if (ignoreRowNumbers && rowNumber === row.row && row.fingerprint) {
        const made = row.fingerprint(0);
        if (made >= 0) {
          scratch[0] = made;
          scratch[1] = row.fingerprint(1);
          return;
        }
      }
      rowFingerprints(row.width, (i) => row.cell(i), ignoreRowNumbers ? rowNumber : null, scratch, 0);
    }

    // Files in the order their rows came, and whether each can be read again: a row
    // of such a file keeps only its key and number; its fingerprints are made from the file again
    // the day its key repeats (rare), instead of hashing every cell of every row as it passes.
    const fileNames = ordinals.files;
    const rereadable: boolean[] = [];
    const firstPrints = new Uint32Array(3);

    /** Fingerprints of the current row into scratch (raw and normalised as of `rowNumber`, then the person code). */
    function printsOf(row: RowView, rowNumber: number): void {
      fingerprintRow(row, rowNumber);
      if (persons > 0) scratch[2] = personCode(row);
    }

    // Fingerprints of the rows of a file that cannot be read again, kept as the rows pass: per file,
    // printCount words per row.
    const kept = new Map<number, Uint32Array>();
    function keep(file: number, rowNumber: number): void {
      let prints = kept.get(file);
      const at = (rowNumber - 1) * printCount;
      if (!prints || prints.length < at + printCount) {
        prints = grown(prints ?? new Uint32Array(1024), Math.max(at + printCount, (prints?.length ?? 512) * 2));
        kept.set(file, prints);
      }
      for (let i = 0; i < printCount; i++) prints[at + i] = scratch[i]!;
    }

    /** The first row's fingerprints, as they were (kept) or made again from the file. */
    function firstRowPrints(first: { file: number; row: number }): Uint32Array | null {
      if (!rereadable[first.file]) {
        const prints = kept.get(first.file)!;
        for (let i = 0; i < printCount; i++) firstPrints[i] = prints[(first.row - 1) * printCount + i]!;
        return firstPrints;
      }
      const earlier = context.reread({ file: fileNames[first.file]!, row: first.row });
      if (!earlier) return null;
      const [raw, normalized, code] = [scratch[0]!, scratch[1]!, scratch[2]!];
      printsOf(earlier, first.row);
      firstPrints.set(scratch);
      scratch[0] = raw;
      scratch[1] = normalized;
      scratch[2] = code;
      return firstPrints;
    }

    return {
      row(row) {
        const ordinal = ordinals.of(row.file, row.row);
        if (rereadable.length < fileNames.length) rereadable.push(context.rereadable(row.file));
        // 2^31 rows per rule (20 national registers): past that the table cannot number them.
        if (ordinal > MAX_ORDINAL) return;

        // A one-column key of digits as they stand (an ID) is read from its bytes: no string.
        const fromBytes = keyWidth === 1 && row.digits ? row.digits(0) : -1;
        if (fromBytes < 0) {
          let allBlank = true;
          for (let k = 0; k < keyWidth; k++) {
            if (!isBlank(row.value(k))) {
              allBlank = false;
              break;
            }
          }
          if (allBlank) return;
        }

        const numeric = fromBytes >= 0 ? fromBytes : keyWidth === 1 ? digitsKey(row.value(0).trim()) : -1;
        let keyHi = 0;
        let keyLo = 0;
        if (numeric < 0) {
          keyHash.reset();
          for (let k = 0; k < keyWidth; k++) {
            const text = row.value(k).trim();
            keyHash.text(ignoreCase ? text.toLowerCase() : text);
          }
          keyHi = keyHash.hi;
          keyLo = keyHash.lo;
        }

        // Each row's own number is left out of its fingerprints: STT 5 on row 5 and STT 9 on row 9
        // of two otherwise equal rows agree. A row of a file that can be read again keeps none.
        const keeps = !rereadable[fileNames.length - 1];
        if (keeps) {
          printsOf(row, row.row);
          keep(fileNames.length - 1, row.row);
        }
        const firstOrdinal = numeric >= 0 ? finder.addNumber(numeric, ordinal) : finder.addHash(keyHi, keyLo, ordinal);
        if (firstOrdinal < 0) return;

        const first = locate(firstOrdinal);
        if (!keeps) printsOf(row, row.row);
        context.report(row, classify(row, first));
      },

      // Repeats of keys the finder spilled to disk (past its memory budget: national registers of
      // a hundred million rows and more) are found only now: both rows are read again and the
      // repeat reported about its row as it would have been when the row passed.
      async end() {
        for await (const { ordinals, firsts } of finder.finish()) {
          for (let j = 0; j < ordinals.length; j++) {
            const at = locate(ordinals[j]!);
            const first = locate(firsts[j]!);
            const file = fileNames[at.file]!;
            const again = rereadable[at.file] ? context.reread({ file, row: at.row }) : null;
            if (again) {
              printsOf(again, at.row);
              context.reportAt({ file, row: at.row, line: again.line }, { ...classify(again, first), value: again.value(0) });
            } else {
              // A file that cannot be read again: its row's fingerprints were kept, not its text.
              const prints = kept.get(at.file)!;
              for (let i = 0; i < printCount; i++) scratch[i] = prints[(at.row - 1) * printCount + i]!;
              context.reportAt({ file, row: at.row, line: 0 }, classify(null, first));
            }
          }
        }
      },
    };

    /**
     * How a repeat of the key of row `first` compares with it: identical, differing only in
     * formatting, another person (person fields differ), or otherwise different. The current row's
     * fingerprints are in scratch; `row` is null when its text is not at hand (reported without it).
     */
    function classify(row: RowView | null, first: { file: number; row: number }): RowReport<MessageId> {
      const earlier = firstRowPrints(first);
      if (!earlier) throw new Error(`unique: row ${first.row} of ${fileNames[first.file]} could not be read again`);
      const keyText = row ? Array.from({ length: keyWidth }, (_, k) => row.value(k)).join(' | ') : '';
      const data: Record<string, string | number> = { field, key: keyText, first_row: first.row };
      if (fileNames.length > 1) data.first_file = first.file + 1;
      const mergeValue = String(first.row);

      // A copy that kept the first row's number (STT 5 on rows 5 and 9): compare again with the
      // first row's number left out, as it was from the first row's fingerprints. Repeats only.
      if (row && ignoreRowNumbers && earlier[0] !== scratch[0] && earlier[1] !== scratch[1] && first.row !== row.row) {
        const [raw, normalized] = [scratch[0], scratch[1]];
        fingerprintRow(row, first.row);
        if (earlier[0] !== scratch[0] && earlier[1] !== scratch[1]) {
          scratch[0] = raw!;
          scratch[1] = normalized!;
        }
      }

      if (earlier[0] === scratch[0]) return { messageId: 'duplicate-identical', data, fix: { action: 'merge_into', value: mergeValue, confidence: 1 } };
      if (earlier[1] === scratch[1]) return { messageId: 'duplicate-formatting', data, fix: { action: 'merge_into', value: mergeValue, confidence: 0.95 } };
      if (persons > 0) {
        const differs = differingPersons(earlier[2]!, scratch[2]!);
        if (differs.length > 0) {
          data.differs = differs.join(', ');
          return { messageId: 'duplicate-conflict', data, fix: { action: 'review', confidence: 0 } };
        }
      }
      return { messageId: 'duplicate', data, fix: { action: 'review', confidence: 0.5 } };
    }
  },
});
