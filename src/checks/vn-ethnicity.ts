import { matchEthnicity } from '../vn/ethnicity.js';
import { defineCheckType } from './define.js';
import { memoize } from '../shared/memo.js';
import { isBlank } from '../shared/text.js';

interface Options {
  /** `name`: the column holds names (Kinh, Tày …); `code`: it holds codes of the list in `codes`. */
  mode: 'name' | 'code';
  /**
   * The code list the pack declares for a code column. Required in `code` mode: public lists number
   * the groups differently (vn-reference §5.1), so no built-in list can judge a code.
   */
  codes?: readonly string[];
}

type MessageId = 'variant' | 'other-name' | 'ambiguous-name' | 'not-an-ethnic-group' | 'unknown-code' | 'code-variant';

// A spelling of a canonical name is almost surely that group; less so when the same key is also
// another group's other name (Lao: Lào, or La Hủ's other name).
const VARIANT = 0.95;
const VARIANT_CONTESTED = 0.85;
// Which group an other name belongs to is UNVERIFIED (single-sourced list, §5.1), so these fixes
// stay well below 1, and lower still when the other name matched only after folding.
const OTHER_NAME_EXACT = 0.8;
const OTHER_NAME_FOLDED = 0.7;
const CODE_SPACES = 0.95;
// '1' for '01': Excel dropped the leading zero, most likely, but the number may be from another list.
const CODE_NUMBER = 0.9;

export default defineCheckType<Options, MessageId>({
  meta: {
    id: 'vn-ethnicity',
    dimension: 'true',
    scope: 'row',
    valueOnly: true,
    columns: { min: 1, max: 1 },
    description: {
      en: "Ethnicity is one of the 54 ethnic groups of Viet Nam or 'Người nước ngoài', by name (as the list writes it or as the statistics office's census tables do: Mông, Ê Đê; other spellings and other names get the list's name as a fix) or, for a code column, a code of the list the pack declares.",
      vi: "Dân tộc là một trong 54 dân tộc Việt Nam hoặc 'Người nước ngoài', theo tên (viết như danh mục hoặc như bảng tổng điều tra của Tổng cục Thống kê: Mông, Ê Đê; cách viết khác và tên gọi khác được đề xuất sửa về tên trong danh mục) hoặc, với cột mã, là mã thuộc danh mục do bộ quy tắc khai báo.",
    },
    schema: {
      type: 'object',
      properties: {
        mode: { type: 'string', enum: ['name', 'code'] },
        codes: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1, uniqueItems: true },
      },
      additionalProperties: false,
    },
    defaults: { mode: 'name' },
    messages: {
      variant: {
        en: "{field} '{value}' should be written '{canonical}'",
        vi: "{field} '{value}' cần viết đúng là '{canonical}'",
      },
      'other-name': {
        en: "{field} '{value}' is another name of the {canonical} group (attribution unverified)",
        vi: "{field} '{value}' là tên gọi khác của dân tộc {canonical} (chưa được kiểm chứng)",
      },
      'ambiguous-name': {
        en: "{field} '{value}' is another name of several groups ({candidates}): check which one",
        vi: "{field} '{value}' là tên gọi khác của nhiều dân tộc ({candidates}): cần xác định dân tộc nào",
      },
      'not-an-ethnic-group': {
        en: "{field} '{value}' is not one of the 54 ethnic groups of Viet Nam nor 'Người nước ngoài'",
        vi: "{field} '{value}' không thuộc 54 dân tộc Việt Nam và không phải 'Người nước ngoài'",
      },
      'unknown-code': {
        en: "{field} '{value}' is not a code of the declared list",
        vi: "{field} '{value}' không phải là mã trong danh mục đã khai báo",
      },
      'code-variant': {
        en: "{field} '{value}' should be written '{code}'",
        vi: "{field} '{value}' cần viết đúng là '{code}'",
      },
    },
    fixable: true,
  },
  create(context) {
    const field = context.columns[0] ?? '';
    const { mode, codes } = context.options;
    if (mode === 'code' && codes === undefined) throw new Error("vn-ethnicity: mode 'code' needs the declared code list in `codes`");
    if (mode === 'name' && codes !== undefined) throw new Error("vn-ethnicity: `codes` applies only with mode 'code'");

    if (mode === 'code') {
      const declared = new Set(codes);
      // A code written as a number ('1') maps to the declared code with that value ('01') only when one does.
      const byNumber = new Map<number, string | null>();
      for (const code of codes ?? []) {
        if (!/^\d+$/.test(code)) continue;
        const n = Number(code);
        byNumber.set(n, byNumber.has(n) ? null : code);
      }
      return {
        row(row) {
          const value = row.value(0);
          if (isBlank(value) || declared.has(value)) return;
          const trimmed = value.trim();
          if (declared.has(trimmed)) {
            context.report(row, {
              messageId: 'code-variant',
              data: { field, value, code: trimmed },
              fix: { action: 'set', value: trimmed, confidence: CODE_SPACES },
            });
            return;
          }
          const code = /^\d+$/.test(trimmed) ? byNumber.get(Number(trimmed)) : undefined;
          if (typeof code === 'string') {
            context.report(row, {
              messageId: 'code-variant',
              data: { field, value, code },
              fix: { action: 'set', value: code, confidence: CODE_NUMBER },
            });
            return;
          }
          context.report(row, { messageId: 'unknown-code', data: { field, value } });
        },
      };
    }

    // An ethnicity column holds a few dozen distinct values: match each once.
    const matchCached = memoize(matchEthnicity, 10_000);
    return {
      row(row) {
        const value = row.value(0);
        if (isBlank(value)) return;
        const match = matchCached(value);
        switch (match.kind) {
          case 'exact':
            return;
          case 'variant':
            context.report(row, {
              messageId: 'variant',
              data: { field, value, canonical: match.group.name },
              fix: { action: 'set', value: match.group.name, confidence: match.contested ? VARIANT_CONTESTED : VARIANT },
            });
            return;
          case 'other-name':
            context.report(row, {
              messageId: 'other-name',
              data: { field, value, canonical: match.group.name },
              fix: { action: 'set', value: match.group.name, confidence: match.exact ? OTHER_NAME_EXACT : OTHER_NAME_FOLDED },
            });
            return;
          case 'ambiguous':
            context.report(row, {
              messageId: 'ambiguous-name',
              data: { field, value, candidates: match.groups.map((g) => g.name).join(', ') },
              fix: { action: 'review', confidence: 0.5 },
            });
            return;
          case 'unknown':
            context.report(row, { messageId: 'not-an-ethnic-group', data: { field, value } });
        }
      },
    };
  },
});
