// Mã số BHXH and mã thẻ BHYT, vn-reference.md §3.2. The social insurance code is 10 digits with no
// public check digit. The health insurance card number is, since QĐ 1666/QĐ-BHXH (1 Apr 2021), the
// 10-digit BHXH code; cards of the old form (QĐ 1351/QĐ-BHXH, 2015) stay valid: 2 letters of
// beneficiary group, benefit level 1–5, 2 digits of issuing province, then the BHXH code.
// Beneficiary groups generated from ../shared/domain/data/bhyt-object-codes.csv (QĐ 1351/QĐ-BHXH via
// yunkhngn/medconnect) — UNVERIFIED: an unknown group is never a hard error.

import { isAsciiDigits } from '../shared/text.js';
import { compactCode } from './tax-code.js';

/** Beneficiary group code (old card form) → description. UNVERIFIED list. */
export const BHYT_OBJECT_CODES: ReadonlyMap<string, string> = new Map([
  ['DN', 'NLĐ trong doanh nghiệp'],
  ['HX', 'NLĐ trong HTX'],
  ['CH', 'NLĐ trong cơ quan nhà nước'],
  ['NN', 'NLĐ làm việc cho tổ chức nước ngoài'],
  ['TK', 'NLĐ trong tổ chức khác'],
  ['HC', 'Cán bộ, công chức, viên chức'],
  ['XK', 'Người hoạt động không chuyên trách ở xã'],
  ['HT', 'Người hưởng lương hưu'],
  ['TB', 'Người hưởng trợ cấp TNLĐ-BNN'],
  ['NO', 'NLĐ nghỉ ốm dài ngày'],
  ['CT', 'Người từ 80 tuổi hưởng trợ cấp tuất'],
  ['XB', 'Cán bộ xã nghỉ việc'],
  ['TN', 'Người hưởng trợ cấp thất nghiệp'],
  ['CS', 'Công nhân cao su nghỉ việc'],
  ['QN', 'Quân nhân'],
  ['CA', 'Công an'],
  ['CY', 'Cán bộ cơ yếu'],
  ['XN', 'Cán bộ xã nghỉ việc (NSNN)'],
  ['MS', 'Người thôi hưởng trợ cấp MSLĐ'],
  ['CC', 'Người có công - nhóm 1'],
  ['CK', 'Người có công - nhóm 2'],
  ['CB', 'Cựu chiến binh'],
  ['KC', 'Người tham gia kháng chiến'],
  ['HD', 'Đại biểu Quốc hội/HĐND'],
  ['TE', 'Trẻ em dưới 6 tuổi'],
  ['BT', 'Người hưởng trợ cấp bảo trợ xã hội'],
  ['HN', 'Hộ nghèo'],
  ['DT', 'Dân tộc thiểu số'],
  ['DK', 'Vùng khó khăn đặc biệt'],
  ['XD', 'Xã đảo, huyện đảo'],
  ['TS', 'Thân nhân liệt sĩ'],
  ['TC', 'Thân nhân người có công'],
  ['TQ', 'Thân nhân quân nhân'],
  ['TV', 'Thân nhân CNVC quốc phòng'],
  ['TA', 'Thân nhân công an'],
  ['TY', 'Thân nhân cán bộ cơ yếu'],
  ['HG', 'Người hiến tặng bộ phận cơ thể'],
  ['LS', 'Lưu học sinh nước ngoài'],
  ['PV', 'Người phục vụ người có công'],
  ['CN', 'Hộ cận nghèo'],
  ['HS', 'Học sinh'],
  ['SV', 'Sinh viên'],
  ['GB', 'Hộ gia đình nông-lâm-ngư-diêm nghiệp'],
  ['GD', 'Hộ gia đình'],
]);

export const BHXH_LENGTH = 10;

export type CodeReading =
  | { ok: true; /** The code in its one written form. */ code: string; /** A leading 0 had to be added. */ leadingZero: boolean }
  | { ok: false };

/**
 * Reads a BHXH code as written; a 9-digit value becomes valid with the leading 0 a spreadsheet
 * dropped (flagged, for a less certain fix).
 */
export function readBhxh(text: string): CodeReading {
  const digits = compactCode(text);
  const numeric = isAsciiDigits(digits);
  if (numeric && digits.length === 10) return { ok: true, code: digits, leadingZero: false };
  if (numeric && digits.length === 9) return { ok: true, code: `0${digits}`, leadingZero: true };
  return { ok: false };
}

export type BhytCard =
  | { form: 'new'; /** 10 digits, the BHXH code. */ number: string; bhxh: string; leadingZero: boolean }
  | {
      form: 'old';
      /** 15 characters, upper case, no separators. */
      number: string;
      objectCode: string;
      benefitLevel: number;
      /** Issuing province (GSO-style numbering UNVERIFIED: not checked). */
      province: string;
      bhxh: string;
      leadingZero: false;
    };

export type BhytReading = { ok: true; card: BhytCard } | { ok: false; problem: 'format' | 'benefit-level'; benefitLevel?: string };

/** Reads a BHYT card number as written: separators removed, letters upper-cased. */
export function readBhyt(text: string): BhytReading {
  const compact = compactCode(text).toUpperCase();
  const bhxh = readBhxh(compact);
  if (bhxh.ok) return { ok: true, card: { form: 'new', number: bhxh.code, bhxh: bhxh.code, leadingZero: bhxh.leadingZero } };
  const old = /^([A-Z]{2})(\d)(\d{2})(\d{10})$/.exec(compact);
  if (!old) return { ok: false, problem: 'format' };
  const objectCode = old[1] as string;
  const level = old[2] as string;
  const province = old[3] as string;
  const code = old[4] as string;
  if (level < '1' || level > '5') return { ok: false, problem: 'benefit-level', benefitLevel: level };
  return {
    ok: true,
    card: { form: 'old', number: compact, objectCode, benefitLevel: Number(level), province, bhxh: code, leadingZero: false },
  };
}
