// What `dqc reconcile` reports: one rule per kind of finding (a RuleResult each in the report, so
// scores, the gate and every formatter work as for `dqc check`), and the finding codes under them.
// Codes are `reconcile/<code>` and frozen once released: users set thresholds on them.

import type { Bilingual, Dimension, Severity } from '../model.js';

export const RECONCILE_CHECK = 'reconcile';

export const RULE_IDS = [
  'field-mismatch',
  'another-person',
  'not-in-reference',
  'key-blank',
  'deceased-in-reference',
  'duplicate-key-local',
  'duplicate-key-reference',
  'missing-locally',
  'dead-before-event',
  'active-after-death',
] as const;
export type ReconcileRuleId = (typeof RULE_IDS)[number];

export interface RuleSpec {
  dimension: Dimension;
  severity: Severity;
  description: Bilingual;
}

export const RULES: Readonly<Record<ReconcileRuleId, RuleSpec>> = {
  'field-mismatch': {
    dimension: 'true',
    severity: 'error',
    description: {
      en:
        'Each compared field (full name on a normalised key, date of birth, sex, place of birth registration, date of death) ' +
        'agrees with the reference record of the same key; the reference value is proposed. A field empty here that the ' +
        'reference fills is filed under sufficient.',
      vi:
        'Mỗi trường được đối chiếu (họ tên theo khóa chuẩn hóa, ngày sinh, giới tính, nơi đăng ký khai sinh, ngày chết) khớp ' +
        'với bản ghi cùng khóa trong dữ liệu đối chiếu; đề xuất giá trị của dữ liệu đối chiếu. Trường để trống ở đây mà dữ ' +
        'liệu đối chiếu có giá trị được tính vào chiều Đủ.',
    },
  },
  'another-person': {
    dimension: 'true',
    severity: 'error',
    description: {
      en:
        'The reference record under this key is the same person: its name and date of birth do not both differ. When they do, ' +
        'the key is likely wrong, so no field is overwritten; an unmatched reference person with this name and date of birth is proposed.',
      vi:
        'Bản ghi mang khóa này trong dữ liệu đối chiếu là cùng một người: họ tên và ngày sinh không cùng khác nhau. Nếu cùng ' +
        'khác, nhiều khả năng khóa bị sai nên không ghi đè trường nào; đề xuất người chưa khớp trong dữ liệu đối chiếu có cùng ' +
        'họ tên và ngày sinh.',
    },
  },
  'not-in-reference': {
    dimension: 'true',
    severity: 'error',
    description: {
      en:
        'The key (the personal ID by default) is in the reference. When it is not, the only unmatched reference person this ' +
        'record may be is proposed: the same-person model weighs name (diacritics, typos, a dropped middle name), date of ' +
        'birth (day/month swapped, one digit off) and sex, and the match probability must reach 0.9; the confidence is the ' +
        'lower of that probability and how the two IDs differ.',
      vi:
        'Khóa (mặc định là số định danh cá nhân) có trong dữ liệu đối chiếu. Nếu không, đề xuất người duy nhất chưa khớp ' +
        'trong dữ liệu đối chiếu có thể là người này: mô hình đối chiếu cùng một người cân họ tên (dấu, lỗi gõ, thiếu tên đệm), ' +
        'ngày sinh (đảo ngày/tháng, sai một chữ số) và giới tính, xác suất trùng phải đạt 0,9; độ tin cậy là giá trị nhỏ hơn ' +
        'giữa xác suất đó và mức khác nhau của hai số.',
    },
  },
  'key-blank': {
    dimension: 'sufficient',
    severity: 'error',
    description: {
      en:
        'Every record, here and in the reference, has a key to match it with; for a record here without one, the only ' +
        'unmatched reference person it may be (match probability at least 0.9, as for not-in-reference) is proposed.',
      vi:
        'Mọi bản ghi, ở đây và trong dữ liệu đối chiếu, đều có khóa để đối chiếu; với bản ghi ở đây không có khóa, đề xuất người ' +
        'duy nhất chưa khớp trong dữ liệu đối chiếu có thể là người này (xác suất trùng từ 0,9, như với not-in-reference).',
    },
  },
  'deceased-in-reference': {
    dimension: 'alive',
    severity: 'error',
    description: {
      en: 'A person the reference records as dead is not shown alive here (no date of death and no dead status).',
      vi: 'Người đã chết theo dữ liệu đối chiếu không được thể hiện là còn sống ở đây (không có ngày chết, không có trạng thái đã chết).',
    },
  },
  'duplicate-key-local': {
    dimension: 'clean',
    severity: 'error',
    description: {
      en: 'No two records of the files checked share a key; only the first of a repeated key is compared with the reference.',
      vi: 'Không có hai bản ghi nào trong các tệp được kiểm tra trùng khóa; với khóa lặp lại, chỉ bản ghi đầu tiên được đối chiếu.',
    },
  },
  'duplicate-key-reference': {
    dimension: 'clean',
    severity: 'warning',
    description: {
      en: 'No two records of the reference share a key; the first of a repeated key is the one matched.',
      vi: 'Không có hai bản ghi nào trong dữ liệu đối chiếu trùng khóa; với khóa lặp lại, bản ghi đầu tiên được dùng để đối chiếu.',
    },
  },
  'missing-locally': {
    dimension: 'sufficient',
    severity: 'error',
    description: {
      en: 'Every person of the reference is in the files checked (only with --expect-complete).',
      vi: 'Mọi người trong dữ liệu đối chiếu đều có trong các tệp được kiểm tra (chỉ khi dùng --expect-complete).',
    },
  },
  // Only with a pack that declares the sector event's date (`reconcile.event_date`).
  'dead-before-event': {
    dimension: 'true',
    severity: 'error',
    description: {
      en: "The person was alive on the sector event's date (the pack's reconcile.event_date): a person the reference records as dead on or before it cannot have been issued the licence, card or registration.",
      vi: 'Người này còn sống vào ngày của sự kiện (trường reconcile.event_date của gói): người mà dữ liệu đối chiếu ghi đã chết vào hoặc trước ngày đó không thể được cấp giấy phép, thẻ hay đăng ký.',
    },
  },
  'active-after-death': {
    dimension: 'alive',
    severity: 'warning',
    description: {
      en: "A record of a person the reference records as dead after the sector event is no longer active (the pack's reconcile.active_field and active_values).",
      vi: 'Bản ghi của người mà dữ liệu đối chiếu ghi đã chết sau ngày sự kiện không còn ở trạng thái hiệu lực (trường reconcile.active_field và active_values của gói).',
    },
  },
};

export const CODES = [
  'field-mismatch',
  'field-missing',
  'death-unconfirmed',
  'another-person',
  'not-in-reference',
  'key-blank',
  'reference-key-blank',
  'deceased-in-reference',
  'duplicate-key-local',
  'duplicate-key-reference',
  'missing-locally',
  'dead-before-event',
  'active-after-death',
] as const;
export type ReconcileCode = (typeof CODES)[number];

// Message data: `value` is the record's text and `canonical` the reference's, written as the record
// writes it (the names src/report/mask.ts knows, so shareable reports mask them like the field).
export interface CodeSpec {
  rule: ReconcileRuleId;
  dimension: Dimension;
  message: Bilingual;
}

const SAME_NAME_DOB = {
  en: 'unmatched reference people who may be this person (match probability at least 0.9): {candidates}',
  vi: 'số người chưa khớp trong dữ liệu đối chiếu có thể là người này (xác suất trùng từ 0,9): {candidates}',
};

export const CODE_SPECS: Readonly<Record<ReconcileCode, CodeSpec>> = {
  'field-mismatch': {
    rule: 'field-mismatch',
    dimension: 'true',
    message: { en: '{field} is {value} here, {canonical} in the reference', vi: '{field} ở đây là {value}, trong dữ liệu đối chiếu là {canonical}' },
  },
  'field-missing': {
    rule: 'field-mismatch',
    dimension: 'sufficient',
    message: { en: '{field} is empty here; the reference has {canonical}', vi: '{field} đang để trống; dữ liệu đối chiếu ghi {canonical}' },
  },
  'death-unconfirmed': {
    rule: 'field-mismatch',
    dimension: 'true',
    message: {
      en: '{field} is {value} here, but the reference records no death',
      vi: '{field} ở đây là {value}, nhưng dữ liệu đối chiếu không ghi nhận người này đã chết',
    },
  },
  'another-person': {
    rule: 'another-person',
    dimension: 'true',
    message: {
      en:
        "{field} {key} belongs to another person in the reference (name and date of birth both differ); unmatched reference people who may be this record's person (match probability at least 0.9): {candidates}",
      vi:
        '{field} {key} thuộc về người khác trong dữ liệu đối chiếu (khác cả họ tên lẫn ngày sinh); số người chưa khớp trong dữ liệu đối chiếu có thể là người của bản ghi này (xác suất trùng từ 0,9): {candidates}',
    },
  },
  'not-in-reference': {
    rule: 'not-in-reference',
    dimension: 'true',
    message: {
      en: `{field} {key} is not in the reference; ${SAME_NAME_DOB.en}`,
      vi: `{field} {key} không có trong dữ liệu đối chiếu; ${SAME_NAME_DOB.vi}`,
    },
  },
  'key-blank': {
    rule: 'key-blank',
    dimension: 'sufficient',
    message: {
      en: `{field} is empty, so the record cannot be matched; ${SAME_NAME_DOB.en}`,
      vi: `{field} đang để trống nên không đối chiếu được bản ghi; ${SAME_NAME_DOB.vi}`,
    },
  },
  'reference-key-blank': {
    rule: 'key-blank',
    dimension: 'sufficient',
    message: {
      en: '{field} is empty in this reference record, so no record can be matched with it',
      vi: '{field} để trống trong bản ghi này của dữ liệu đối chiếu nên không bản ghi nào đối chiếu được với nó',
    },
  },
  'deceased-in-reference': {
    rule: 'deceased-in-reference',
    dimension: 'alive',
    message: {
      en: 'the reference records a death on {canonical} ({field}); this record shows the person alive',
      vi: 'dữ liệu đối chiếu ghi nhận người này đã chết ngày {canonical} ({field}); bản ghi này vẫn thể hiện là còn sống',
    },
  },
  'duplicate-key-local': {
    rule: 'duplicate-key-local',
    dimension: 'clean',
    message: {
      en: '{field} {key} repeats {first_file} row {first_row}; only the first is compared with the reference',
      vi: '{field} {key} lặp lại dòng {first_row} của {first_file}; chỉ bản ghi đầu tiên được đối chiếu',
    },
  },
  'duplicate-key-reference': {
    rule: 'duplicate-key-reference',
    dimension: 'clean',
    message: {
      en: '{field} {key} repeats reference row {first_row}; the first is the one matched',
      vi: '{field} {key} lặp lại dòng {first_row} của dữ liệu đối chiếu; bản ghi đầu tiên được dùng để đối chiếu',
    },
  },
  'dead-before-event': {
    rule: 'dead-before-event',
    dimension: 'true',
    message: {
      en: 'the reference records a death on {canonical} ({field}), not after {event_field} {event_value}',
      vi: 'dữ liệu đối chiếu ghi nhận người này đã chết ngày {canonical} ({field}), không sau {event_field} {event_value}',
    },
  },
  'active-after-death': {
    rule: 'active-after-death',
    dimension: 'alive',
    message: {
      en: 'the reference records a death on {canonical} ({field}), after {event_field} {event_value}; {active_field} is still {value}',
      vi: 'dữ liệu đối chiếu ghi nhận người này đã chết ngày {canonical} ({field}), sau {event_field} {event_value}; {active_field} vẫn là {value}',
    },
  },
  'missing-locally': {
    rule: 'missing-locally',
    dimension: 'sufficient',
    message: {
      en: '{field} {key} is in the reference but in none of the files checked',
      vi: '{field} {key} có trong dữ liệu đối chiếu nhưng không có trong tệp nào được kiểm tra',
    },
  },
};
