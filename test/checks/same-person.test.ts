import { describe, expect, it } from 'vitest';
import samePerson from '../../src/checks/same-person.js';
import type { ProposedFix } from '../../src/model.js';
import { CheckTester, runCase } from '../support/check-tester.js';

// Field order of the check type: full name, date of birth, sex, ID, place of birth registration,
// phone, last updated.
const columns = ['ho_ten', 'ngay_sinh', 'gioi_tinh', 'so_dinh_danh', 'noi_dang_ky_khai_sinh', 'so_dien_thoai', 'ngay_cap_nhat'];

const review = (keep: number, confidence: number): ProposedFix => ({ action: 'review', value: String(keep), confidence });
const merge = (keep: number, confidence: number): ProposedFix => ({ action: 'merge_into', value: String(keep), confidence });

CheckTester.run('same-person', samePerson, {
  valid: [
    // twins: same family, middle name, date of birth and sex, different given names
    { columns, rows: [['Nguyễn Văn An', '01/02/1990', 'Nam'], ['Nguyễn Văn Bình', '01/02/1990', 'Nam']] },
    // twins An and Anh in one household: same phone and place, given names one letter apart
    {
      columns,
      rows: [
        ['Nguyễn Văn An', '01/02/1990', 'Nam', '', 'Hà Nội', '0912345678'],
        ['Nguyễn Văn Anh', '01/02/1990', 'Nam', '', 'Hà Nội', '0912345678'],
      ],
    },
    // father and son with the same name, same phone and place
    {
      columns,
      rows: [
        ['Trần Văn Hùng', '12/07/1965', 'Nam', '', 'Nam Định', '0987654321'],
        ['Trần Văn Hùng', '03/09/1990', 'Nam', '', 'Nam Định', '0987654321'],
      ],
    },
    // a common name, different people born the same year and in other years
    {
      columns,
      rows: [
        ['Nguyễn Văn An', '01/02/1990', 'Nam'],
        ['Nguyễn Văn An', '15/07/1990', 'Nam'],
        ['Nguyễn Văn An', '03/11/1985', 'Nam'],
        ['Nguyễn Văn An', '22/04/2001', 'Nam'],
      ],
    },
    // same name and date of birth, different sex
    { columns, rows: [['Nguyễn Thanh Tâm', '10/10/2000', 'Nam'], ['Nguyễn Thanh Tâm', '10/10/2000', 'Nữ']] },
    // same name and date of birth, two different IDs
    {
      columns,
      rows: [
        ['Lê Văn Long', '05/05/1988', 'Nam', '001088012345'],
        ['Lê Văn Long', '05/05/1988', 'Nam', '036088987654'],
      ],
    },
    // different family names
    { columns, rows: [['Lê Thị Lan', '08/03/1992', 'Nữ'], ['Phạm Thị Lan', '08/03/1992', 'Nữ']] },
    // grandmother and granddaughter
    {
      columns,
      rows: [
        ['Phạm Thị Mai', '14/02/1950', 'Nữ', '', 'Thái Bình'],
        ['Phạm Thị Mai', '14/02/1980', 'Nữ', '', 'Thái Bình'],
      ],
    },
    // a married couple sharing a phone
    {
      columns,
      rows: [
        ['Nguyễn Văn Hải', '20/01/1960', 'Nam', '', '', '0901234567'],
        ['Trần Thị Hoa', '20/01/1962', 'Nữ', '', '', '0901234567'],
      ],
    },
    // same name, one digit off in the date and nothing else to go on (4% of same-name pairs)
    { columns: columns.slice(0, 2), rows: [['Võ Minh Khang', '21/06/1999'], ['Võ Minh Khang', '21/06/1998']] },
    // same name and sex, one digit off in the date: not enough on its own (such links would chain
    // every Nguyễn Văn An born in one year into one cluster)
    { columns, rows: [['Trần Văn Hùng', '12/07/1970', 'Nam'], ['Trần Văn Hùng', '12/07/1971', 'Nam']] },
    // a day/month swap scores 0.82: under a stricter threshold it is not reported
    {
      columns,
      options: { threshold: 0.9 },
      rows: [['Lê Thị Hoà', '05/03/1985', 'Nữ'], ['Lê Thị Hoà', '03/05/1985', 'Nữ']],
    },
    // one row only; rows without a name
    { columns, rows: [['Bùi Quang Vinh', '30/12/1979', 'Nam']] },
    { columns, rows: [['', '01/01/1990', 'Nam'], [' ', '01/01/1990', 'Nam']] },
    // no date of birth on either side and nothing else in common
    { columns, rows: [['Đỗ Văn Tú', ''], ['Đỗ Văn Tú', '']] },
    // given-first names (a foreign register): John and Jane Smith, same date
    {
      columns,
      options: { name_order: 'given-first', dob_format: 'yyyy-MM-dd' },
      rows: [['John Smith', '1980-04-01', 'M'], ['Jane Smith', '1980-04-01', 'F']],
    },
    // optional columns absent from the file
    {
      columns,
      absent: [2, 3, 4, 5, 6],
      rows: [['Hồ Thị Ngọc', '11/11/2011'], ['Hồ Thị Ngân', '11/11/2011']],
    },
  ],
  invalid: [
    // missing diacritics
    {
      columns,
      rows: [['Nguyễn Văn An', '01/02/1990', 'Nam'], ['Nguyen Van An', '01/02/1990', 'Nam']],
      errors: [
        {
          messageId: 'same-person',
          row: 2,
          data: {
            field: 'ho_ten',
            row: 2,
            keep_row: 1,
            cluster: 1,
            size: 2,
            members: '1, 2',
            score: 0.99,
            weight: 7.3,
            why: 'given name equal +5.3, family name equal without diacritics +2.4, middle name equal without diacritics +2.8, date of birth equal +12.5, sex equal +1.0, ID missing 0, place of birth registration missing 0, phone missing 0, prior −16.6 → 0.99',
            why_vi:
              'tên trùng +5,3, họ trùng khi bỏ dấu +2,4, tên đệm trùng khi bỏ dấu +2,8, ngày sinh trùng +12,5, giới tính trùng +1,0, số định danh thiếu 0, nơi đăng ký khai sinh thiếu 0, số điện thoại thiếu 0, tiên nghiệm −16,6 → 0,99',
          },
          fix: merge(1, 0.99),
        },
      ],
    },
    // NFD against NFC, same place: a merge is proposed
    {
      columns,
      rows: [
        ['Nguyễn Thị Thuỷ', '15/08/1995', 'Nữ', '', 'Thanh Hóa'],
        ['Nguyễn Thị Thuỷ'.normalize('NFD'), '15/08/1995', 'Nữ', '', 'Tỉnh Thanh Hoá'],
      ],
      errors: [{ messageId: 'same-person', row: 2, data: { score: 1, why: 'given name equal +5.3, family name equal +2.4, middle name equal +2.8, date of birth equal +12.5, sex equal +1.0, ID missing 0, place of birth registration equal +5.0, phone missing 0, prior −16.6 → 1' }, fix: merge(1, 1) }],
    },
    // Hoà / Hòa and the day and month swapped
    {
      columns,
      rows: [['Lê Thị Hoà', '05/03/1985', 'Nữ'], ['Lê Thị Hòa', '03/05/1985', 'Nữ']],
      errors: [{ messageId: 'same-person', row: 2, data: { why: 'given name equal +5.3, family name equal +2.4, middle name equal +2.8, date of birth day/month swapped +8.1, sex equal +1.0, ID missing 0, place of birth registration missing 0, phone missing 0, prior −16.6 → 0.88' }, fix: review(1, 0.88) }],
    },
    // a dropped middle name
    {
      columns,
      rows: [['Phạm Minh Tuấn', '20/10/2001', 'Nam'], ['Phạm Tuấn', '20/10/2001', 'Nam']],
      errors: [{ messageId: 'same-person', row: 2, data: { why: 'given name equal +5.3, family name equal +2.4, middle name dropped +1.9, date of birth equal +12.5, sex equal +1.0, ID missing 0, place of birth registration missing 0, phone missing 0, prior −16.6 → 0.99' }, fix: merge(1, 0.99) }],
    },
    // a one-letter typo in the given name
    {
      columns,
      rows: [['Trần Minh Quang', '09/09/1999', 'Nam'], ['Trần Minh Quanh', '09/09/1999', 'Nam']],
      errors: [{ messageId: 'same-person', row: 2, data: { why: 'given name typo +3.5, family name equal +2.4, middle name equal +2.8, date of birth equal +12.5, sex equal +1.0, ID missing 0, place of birth registration missing 0, phone missing 0, prior −16.6 → 0.98' }, fix: review(1, 0.98) }],
    },
    // a short given name with a letter missing: 'Nm' is no Vietnamese syllable, so a typo, not another name
    {
      columns,
      rows: [['Phan Đức Nam', '11/06/1970', 'Nam'], ['Phan Đức Nm', '11/06/1970', 'Nam']],
      errors: [{ messageId: 'same-person', row: 2, data: { why: 'given name typo +3.5, family name equal +2.4, middle name equal +2.8, date of birth equal +12.5, sex equal +1.0, ID missing 0, place of birth registration missing 0, phone missing 0, prior −16.6 → 0.98' }, fix: review(1, 0.98) }],
    },
    // a doubled letter in a short given name (Vvy)
    {
      columns,
      rows: [['Hoàng Thanh Vy', '31/10/1956', 'Nữ'], ['Hoàng Thanh Vvy', '31/10/1956', 'Nữ']],
      errors: [{ messageId: 'same-person', row: 2, data: { why: 'given name typo +3.5, family name equal +2.4, middle name equal +2.8, date of birth equal +12.5, sex equal +1.0, ID missing 0, place of birth registration missing 0, phone missing 0, prior −16.6 → 0.98' }, fix: review(1, 0.98) }],
    },
    // a dropped middle name and a wrong digit in the day: no common key but family + given name + year and
    // month (a match at any threshold with the place in common; 0.62 under the hand weights)
    {
      columns,
      options: { threshold: 0.6 },
      rows: [
        ['Châu Bảo Hạnh', '28/11/2013', 'Nữ', '', 'Cần Thơ'],
        ['Châu Hạnh', '23/11/2013', 'Nữ', '', 'Cần Thơ'],
      ],
      errors: [{ messageId: 'same-person', row: 2, data: { why: 'given name equal +5.3, family name equal +2.4, middle name dropped +1.9, date of birth one digit off +6.2, sex equal +1.0, ID missing 0, place of birth registration equal +5.0, phone missing 0, prior −16.6 → 0.97' }, fix: review(1, 0.97) }],
    },
    // one wrong digit in the ID and one in the decade, middle name dropped: the ID's serial half meets them
    {
      columns,
      rows: [
        ['Phan Văn Khánh', '30/09/1988', 'Nam', '054088478921', 'Huế'],
        ['Phan Khánh', '30/09/1978', 'Nam', '054081478921', 'Huế'],
      ],
      errors: [{ messageId: 'same-person', row: 2, data: { why: 'given name equal +5.3, family name equal +2.4, middle name dropped +1.9, date of birth one digit off in the decade +5.4, sex equal +1.0, ID one digit off or two swapped +11.9, place of birth registration not compared (given name or date of birth differs) 0, phone missing 0, prior −16.6 → 1' }, fix: merge(1, 1) }],
    },
    // a wrong tone mark (ư typed as u)
    {
      columns,
      rows: [['Đặng Thị Hương', '15/08/1995', 'Nữ'], ['Đặng Thị Huơng', '15/08/1995', 'Nữ']],
      errors: [{ messageId: 'same-person', row: 2, data: { why: 'given name equal but diacritics differ +1.9, family name equal +2.4, middle name equal +2.8, date of birth equal +12.5, sex equal +1.0, ID missing 0, place of birth registration missing 0, phone missing 0, prior −16.6 → 0.94' }, fix: review(1, 0.94) }],
    },
    // one digit wrong in the date of birth, with the same sex and place
    {
      columns,
      rows: [
        ['Trần Văn Hùng', '12/07/1970', 'Nam', '', 'Nghệ An'],
        ['Trần Văn Hùng', '12/07/1971', 'Nam', '', 'Nghệ An'],
      ],
      errors: [{ messageId: 'same-person', row: 2, data: { why: 'given name equal +5.3, family name equal +2.4, middle name equal +2.8, date of birth one digit off +6.2, sex equal +1.0, ID missing 0, place of birth registration equal +5.0, phone missing 0, prior −16.6 → 0.98' }, fix: review(1, 0.98) }],
    },
    // a date that only reads with day and month exchanged (25/12 written 12/25)
    {
      columns,
      rows: [['Vũ Đức Thắng', '25/12/1990', 'Nam'], ['Vũ Đức Thắng', '12/25/1990', 'Nam']],
      errors: [{ messageId: 'same-person', row: 2, data: { why: 'given name equal +5.3, family name equal +2.4, middle name equal +2.8, date of birth day/month swapped +8.1, sex equal +1.0, ID missing 0, place of birth registration missing 0, phone missing 0, prior −16.6 → 0.88' }, fix: review(1, 0.88) }],
    },
    // the ID in one row only: the more complete row is kept
    {
      columns,
      rows: [['Hoàng Văn Nam', '02/09/1975', 'Nam'], ['Hoàng Văn Nam', '02/09/1975', 'Nam', '001075004321']],
      errors: [{ messageId: 'same-person', row: 1, data: { row: 1, keep_row: 2, why: 'given name equal +5.3, family name equal +2.4, middle name equal +2.8, date of birth equal +12.5, sex equal +1.0, ID missing 0, place of birth registration missing 0, phone missing 0, prior −16.6 → 0.99' }, fix: merge(2, 0.99) }],
    },
    // the same ID despite a typo in the name and a swapped date
    {
      columns,
      rows: [
        ['Bùi Thị Thu Trang', '04/06/1993', 'Nữ', '034193001122'],
        ['Bùi Thị Thu Tranh', '06/04/1993', 'Nữ', '034193001122'],
      ],
      errors: [{ messageId: 'same-person', row: 2, data: { why: 'given name typo +3.5, family name equal +2.4, middle name equal +2.8, date of birth day/month swapped +8.1, sex equal +1.0, ID equal +12.5, place of birth registration missing 0, phone missing 0, prior −16.6 → 1' }, fix: merge(1, 1) }],
    },
    // one digit wrong in the ID
    {
      columns,
      rows: [
        ['Ngô Văn Lâm', '17/03/1981', 'Nam', '031081005678'],
        ['Ngô Văn Lâm', '17/03/1981', 'Nam', '031081005679'],
      ],
      errors: [{ messageId: 'same-person', row: 2, data: { why: 'given name equal +5.3, family name equal +2.4, middle name equal +2.8, date of birth equal +12.5, sex equal +1.0, ID one digit off or two swapped +11.9, place of birth registration missing 0, phone missing 0, prior −16.6 → 1' }, fix: merge(1, 1) }],
    },
    // Hoàng and Huỳnh: one surname read two ways, same ID
    {
      columns,
      rows: [
        ['Hoàng Thị Kim', '01/01/1970', 'Nữ', '079170000111'],
        ['Huỳnh Thị Kim', '01/01/1970', 'Nữ', '079170000111'],
      ],
      errors: [{ messageId: 'same-person', row: 2, data: { why: 'given name equal +5.3, family name variant (Hoàng/Huỳnh, Vũ/Võ) +1.3, middle name equal +2.8, date of birth equal +12.5, sex equal +1.0, ID equal +12.5, place of birth registration missing 0, phone missing 0, prior −16.6 → 1' }, fix: merge(1, 1) }],
    },
    // upper case on one record, a phone in common
    {
      columns,
      rows: [
        ['Dương Văn Tài', '28/02/1968', 'Nam', '', '', '0913111222'],
        ['DƯƠNG VĂN TÀI', '28/02/1968', 'Nam', '', '', '091 311 1222'],
      ],
      errors: [{ messageId: 'same-person', row: 2, data: { why: 'given name equal +5.3, family name equal +2.4, middle name equal +2.8, date of birth equal +12.5, sex equal +1.0, ID missing 0, place of birth registration missing 0, phone equal +12.6, prior −16.6 → 1' }, fix: merge(1, 1) }],
    },
    // a cluster of three: the most complete record is kept, the others point at it
    {
      columns,
      rows: [
        ['Lý Thị Hồng', '19/05/1984', 'Nữ'],
        ['Ly Thi Hong', '19/05/1984', ''],
        ['Lý Thị Hồng', '19/05/1984', 'Nữ', '', 'Cần Thơ', '0939000111'],
      ],
      errors: [
        { messageId: 'same-person', row: 1, data: { keep_row: 3, size: 3, members: '1, 2, 3' }, fix: review(3, 0.98) },
        { messageId: 'same-person', row: 2, data: { keep_row: 3, why: 'given name equal without diacritics (common name) +5.0, family name equal without diacritics +2.3, middle name equal without diacritics +2.7, date of birth equal +11.3, sex missing 0, ID missing 0, place of birth registration missing 0, phone missing 0, prior −16.6 → 0.96' }, fix: review(3, 0.96) },
      ],
    },
    // equally complete: the most recently updated record is kept
    {
      columns,
      rows: [
        ['Mai Văn Sơn', '07/07/1977', 'Nam', '', '', '', '01/03/2020'],
        ['Mai Văn Sơn', '07/07/1977', 'Nam', '', '', '', '15/10/2025'],
        ['Mai Van Son', '07/07/1977', 'Nam', '', '', '', '02/01/2023'],
      ],
      errors: [
        { messageId: 'same-person', row: 1, data: { keep_row: 2 }, fix: review(2, 0.98) },
        { messageId: 'same-person', row: 3, data: { keep_row: 2 }, fix: review(2, 0.98) },
      ],
    },
    // two clusters in one file, numbered in row order
    {
      columns,
      rows: [
        ['Đinh Công Minh', '11/11/1991', 'Nam'],
        ['Tạ Thị Nga', '03/03/1963', 'Nữ'],
        ['Đinh Cong Minh', '11/11/1991', 'Nam'],
        ['Tạ Thị Nga', '03/03/1963', 'Nữ'],
      ],
      errors: [
        { messageId: 'same-person', row: 3, data: { cluster: 1, keep_row: 1, members: '1, 3' }, fix: merge(1, 0.99) },
        { messageId: 'same-person', row: 4, data: { cluster: 2, keep_row: 2, members: '2, 4' }, fix: merge(2, 0.99) },
      ],
    },
    // a lower merge threshold turns a review into a merge proposal
    {
      columns: columns.slice(0, 2),
      options: { merge_threshold: 0.9 },
      rows: [['Cao Thị Yến', '12/12/2012'], ['Cao Thị Yến', '12/12/2012']],
      errors: [{ messageId: 'same-person', row: 2, data: { why: 'given name equal +5.3, family name equal +2.4, middle name equal +2.8, date of birth equal +12.5, prior −16.6 → 0.99' }, fix: merge(1, 0.99) }],
    },
    // given-first names and an ISO date column declared in the pack
    {
      columns,
      formats: { ngay_sinh: 'yyyy-MM-dd' },
      options: { name_order: 'given-first' },
      rows: [['John Michael Smith', '1980-04-01', 'M'], ['John Smith', '1980-04-01', 'M']],
      errors: [{ messageId: 'same-person', row: 2, data: { why: 'given name equal +5.3, family name equal +2.4, middle name dropped +1.9, date of birth equal +12.5, sex equal +1.0, ID missing 0, place of birth registration missing 0, phone missing 0, prior −16.6 → 0.99' }, fix: merge(1, 0.99) }],
    },
    // a block over max_block_size is compared only in part, and that is reported
    {
      columns: columns.slice(0, 2),
      options: { max_block_size: 2 },
      rows: [['Nguyễn Văn An', '01/01/2000'], ['Nguyễn Văn An', '01/01/2000'], ['Nguyễn Văn An', '01/01/2000']],
      errors: [
        { messageId: 'same-person', row: 2, fix: review(1, 0.96) },
        { messageId: 'block-capped', row: null, data: { blocks: 13, pairs_skipped: 26, max_block_size: 2 }, fix: null },
      ],
    },
  ],
});

describe('same-person', () => {
  it('refuses a merge threshold below the match threshold', () => {
    expect(() =>
      runCase(samePerson, { columns, rows: [['Nguyễn Văn An', '01/01/2000']], options: { threshold: 0.9, merge_threshold: 0.8 } }),
    ).toThrow(/merge_threshold/);
  });

  it('finds a planted duplicate among many look-alikes through the selective blocks', () => {
    const given = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hà', 'Khánh', 'Linh', 'Minh', 'Nam'];
    const rows: string[][] = [];
    for (let i = 0; i < 2000; i++) {
      // days 13..28 cannot be read as months: no accidental day/month swaps among the look-alikes
      const day = String((i % 16) + 13);
      const month = String((Math.floor(i / 16) % 12) + 1).padStart(2, '0');
      rows.push([`Nguyễn Văn ${given[i % 10]!}`, `${day}/${month}/${1950 + (i % 50)}`, 'Nam']);
    }
    rows.push(['Nguyen Van Minh', '21/01/1958', 'Nam']); // row 9 spelled without diacritics
    const findings = runCase(samePerson, { columns, rows });
    expect(findings.map((f) => [f.messageId, f.row, f.fix?.value])).toEqual([['same-person', 2001, '9']]);
  });
});
