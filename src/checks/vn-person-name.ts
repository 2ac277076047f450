import { D_CONFUSABLES, isVietnameseNameLetter, middleNameAgainstSex, sexOf, titleCaseVi } from '../vn/names.js';
import { isPlainName, isPlainNameInCase, isPlainTitleCase, isPlainUpperCase, plainMiddleNameAgainstSex } from '../vn/name-scan.js';
import { defineCheckType, type RowView } from './define.js';
import { memoize } from '../shared/memo.js';
import { isBlank } from '../shared/text.js';

interface Options {
  /**
   * The case the column is declared to use. Declared rather than guessed from the column's majority:
   * a declared case judges each row on its own and can propose a fix for it, and a column that is
   * half upper, half title case has no majority worth trusting.
   */
  case: 'title' | 'upper' | 'any';
  /** Hint when chữ đệm Thị goes with a man or Văn with a woman (weak; the pack rates it info/warning). */
  check_middle_name: boolean;
  /** Accept every Latin-script letter (Öztürk, Muñoz), for columns that hold foreigners' names. */
  allow_latin: boolean;
  /**
   * Report digits, invalid and look-alike characters. Off for a second rule on the same column that
   * only hints at the middle name (the pack's name-middle-sex): its first rule already reports them.
   */
  check_characters: boolean;
}

type MessageId = 'digit' | 'invalid-character' | 'confusable-letter' | 'wrong-case' | 'middle-name-sex';

// Separators a name may hold (§4.3). Other white space and invisible characters are the
// `whitespace` check's findings, so they are let through here rather than reported twice.
const SEPARATOR = /[ '’-]/;
const OTHER_SPACE = /[\s\u00ad\u200b-\u200d\u2060\ufeff]/;
const DIGIT = /\p{Nd}/u;
const LATIN_LETTER = /[\p{Script=Latin}\p{M}]/u;

export default defineCheckType<Options, MessageId>({
  meta: {
    id: 'vn-person-name',
    dimension: 'true',
    scope: 'row',
    valueOnly: true,
    columns: { min: 1, max: 2 },
    description: {
      en: 'A full name holds only letters (Vietnamese vowels with tones, Đ/đ, Latin letters), spaces, apostrophes and hyphens, in the case declared for the column; optionally hints when chữ đệm Thị/Văn disagrees with the sex column.',
      vi: 'Họ tên chỉ gồm chữ cái (nguyên âm tiếng Việt có dấu, Đ/đ, chữ Latinh), khoảng trắng, dấu nháy đơn và gạch nối, viết hoa theo kiểu đã khai báo cho cột; có thể nhắc khi chữ đệm Thị/Văn không khớp với giới tính.',
    },
    schema: {
      type: 'object',
      properties: {
        case: { type: 'string', enum: ['title', 'upper', 'any'] },
        check_middle_name: { type: 'boolean' },
        allow_latin: { type: 'boolean' },
        check_characters: { type: 'boolean' },
      },
      additionalProperties: false,
    },
    defaults: { case: 'title', check_middle_name: true, allow_latin: false, check_characters: true },
    messages: {
      digit: {
        en: "{field} '{value}' contains digits",
        vi: "{field} '{value}' chứa chữ số",
      },
      'invalid-character': {
        en: "{field} '{value}' contains characters a name cannot have: {chars}",
        vi: "{field} '{value}' chứa ký tự không được có trong họ tên: {chars}",
      },
      'confusable-letter': {
        en: "{field} '{value}' has a look-alike of Đ/đ ({chars}) instead of the Vietnamese letter",
        vi: "{field} '{value}' dùng ký tự trông giống Đ/đ ({chars}) thay cho chữ Đ/đ tiếng Việt",
      },
      'wrong-case': {
        en: "{field} '{value}' is not in {case} case like the rest of the column",
        vi: "{field} '{value}' không viết theo kiểu {case_vi} như quy định cho cột",
      },
      'middle-name-sex': {
        en: "{field} '{value}': middle name '{middle}' usually belongs to the other sex than {sex_field} '{sex}' (a hint, not a rule)",
        vi: "{field} '{value}': chữ đệm '{middle}' thường dùng cho giới tính khác với {sex_field} '{sex}' (chỉ là gợi ý, không phải quy tắc)",
      },
    },
    fixable: true,
  },
  create(context) {
    const field = context.columns[0] ?? '';
    const sexField = context.columns[1] ?? '';
    const { case: wantedCase, check_middle_name: checkMiddle, allow_latin: allowLatin, check_characters: checkCharacters } = context.options;
    const caseName = wantedCase === 'upper' ? 'UPPER' : 'Title';
    const caseNameVi = wantedCase === 'upper' ? 'IN HOA' : 'Viết Hoa Chữ Đầu';
    // Names are made of a few thousand syllables: each space-separated part is judged and re-cased
    // once (title case and the character classes never cross a space).
    const titleCasePart = memoize(titleCaseVi);
    const titleCase = (name: string) => name.split(' ').map(titleCasePart).join(' ');
    const recase = wantedCase === 'title' ? titleCase : wantedCase === 'upper' ? (s: string) => s.toLocaleUpperCase('vi') : null;
    const classifyPart = memoize((part: string) => {
      let digits = false;
      const invalid: string[] = [];
      const confusable: string[] = [];
      for (const ch of part) {
        if (isVietnameseNameLetter(ch) || SEPARATOR.test(ch) || OTHER_SPACE.test(ch)) continue;
        if (D_CONFUSABLES.has(ch)) confusable.push(ch);
        else if (DIGIT.test(ch)) digits = true;
        else if (!(allowLatin && LATIN_LETTER.test(ch))) invalid.push(ch);
      }
      return { digits, invalid, confusable };
    });
    // Upper-casing loses nothing; title case may be wrong for a foreign name (McDonald).
    const caseConfidence = wantedCase === 'upper' ? 0.95 : 0.9;
    const plainInWantedCase = wantedCase === 'title' ? isPlainTitleCase : wantedCase === 'upper' ? isPlainUpperCase : () => true;

    /** `expected` is the name in the wanted case; `name` the name it was made from (NFC). */
    function reportCase(row: RowView, value: string, expected: string, name: string): void {
      if (expected === name) return;
      context.report(row, {
        messageId: 'wrong-case',
        data: { field, value, case: caseName, case_vi: caseNameVi },
        fix: { action: 'set', value: expected, confidence: caseConfidence },
      });
    }

    function reportMiddleName(row: RowView, value: string, name: string, against: (name: string, sex: 'male' | 'female') => string | null): void {
      const sexText = row.value(1);
      if (isBlank(sexText)) return;
      const sex = sexOf(sexText);
      if (sex === null) return;
      const middle = against(name, sex);
      if (middle === null) return;
      context.report(row, {
        messageId: 'middle-name-sex',
        data: { field, value, middle, sex: sexText, sex_field: sexField },
      });
    }

    // The byte fast path: a PLAIN name in the wanted case gets no finding but perhaps the middle-name
    // hint, which needs the sex column; so only for rules that cannot give that hint.
    const middleNameHint = checkMiddle && context.columns.length > 1;
    return {
      passes: middleNameHint ? undefined : (bytes, start, end) => isPlainNameInCase(bytes, start, end, wantedCase),
      row(row) {
        const value = row.value(0);
        if (isBlank(value)) return;
        if (isPlainName(value)) {
          // The usual name: NFC, no digit, invalid or look-alike character; only its case and its
          // middle name are left to judge, by char-code scans (vn/name-scan.ts).
          if (!plainInWantedCase(value)) reportCase(row, value, recase!(value), value);
          if (checkMiddle) reportMiddleName(row, value, value, plainMiddleNameAgainstSex);
          return;
        }
        const name = value.normalize('NFC');
        let digits = false;
        const invalid = new Set<string>();
        const confusable = new Set<string>();
        for (const part of name.split(' ')) {
          const found = classifyPart(part);
          digits ||= found.digits;
          for (const ch of found.invalid) invalid.add(ch);
          for (const ch of found.confusable) confusable.add(ch);
        }
        if (digits && checkCharacters) context.report(row, { messageId: 'digit', data: { field, value } });
        if (invalid.size > 0 && checkCharacters) {
          context.report(row, { messageId: 'invalid-character', data: { field, value, chars: [...invalid].join(' ') } });
        }
        if (confusable.size > 0 && checkCharacters) {
          const fixed = name.replace(/[\u00d0\u00f0\u0189\u0256]/g, (ch) => D_CONFUSABLES.get(ch) ?? ch);
          context.report(row, {
            messageId: 'confusable-letter',
            data: { field, value, chars: [...confusable].join(' ') },
            fix: { action: 'set', value: fixed, confidence: 0.9 },
          });
        }
        // One fix per cell: a case fix would carry along the characters reported above (or, without
        // check_characters, by the column's other rule).
        if (recase && !digits && invalid.size === 0 && confusable.size === 0) reportCase(row, value, recase(name), name);
        if (checkMiddle) reportMiddleName(row, value, name, middleNameAgainstSex);
      },
    };
  },
});
