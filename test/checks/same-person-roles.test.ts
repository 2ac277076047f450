import { describe, expect, it } from 'vitest';
import samePerson from '../../src/checks/same-person.js';
import { runCase } from '../support/check-tester.js';

// The same-person rule with its columns named by role (options.roles) instead of by position.

const WESTERN = ['given_name', 'surname', 'street_number', 'address_1', 'suburb', 'date_of_birth', 'soc_sec_id', 'email'];
const westernRoles = {
  given_name: 'given_name',
  family_name: 'surname',
  address: ['street_number', 'address_1', 'suburb'],
  date_of_birth: 'date_of_birth',
  id_number: 'soc_sec_id',
  email: 'email',
};
const formats = { date_of_birth: 'yyyyMMdd' };

describe('same-person by role', () => {
  it('links a Western record whose surname has a typo, and says address and email, not place and phone', () => {
    const findings = runCase(samePerson, {
      columns: WESTERN,
      formats,
      options: { roles: westernRoles },
      rows: [
        ['katherine', 'smith', '12', 'acacia street', 'glenbrook', '19800401', '4417022', 'kate@example.org'],
        ['michael', 'jones', '7', 'river road', 'ashford', '19751112', '1234567', ''],
        ['katherine', 'smyth', '12', 'acacia street', 'glenbrook', '19800401', '4417022', 'kate@example.org'],
      ],
    });
    expect(findings.map((f) => [f.messageId, f.row, f.fix?.value])).toEqual([['same-person', 3, '1']]);
    const why = String(findings[0]!.data.why);
    expect(why).toMatch(/given name equal/);
    expect(why).toMatch(/family name typo/);
    expect(why).toMatch(/address equal/);
    expect(why).toMatch(/email equal/);
    expect(why).not.toMatch(/place of birth|phone/);
    expect(String(findings[0]!.data.why_vi)).toMatch(/địa chỉ trùng/);
    // Findings are reported about the first name column: the surname.
    expect(findings[0]!.data.field).toBe('surname');
  });

  it('links a record whose given name and surname were entered in each other\'s column', () => {
    const rows = [
      ['oliver', 'hartigan', '5', 'river road', 'ashford', '19620714', '', ''],
      ['hartigan', 'oliver', '5', 'river road', 'ashford', '19620714', '', ''],
      ['oliver', 'drysdale', '5', 'river road', 'ashford', '19620714', '', ''],
    ];
    const findings = runCase(samePerson, { columns: WESTERN, formats, options: { roles: westernRoles }, rows });
    expect(findings.map((f) => [f.row, f.fix?.value])).toEqual([[2, '1']]);
    expect(String(findings[0]!.data.why)).toMatch(/given name equal .*family name equal/);
  });

  it('reads Vietnamese names in parts as the full name would be read', () => {
    const columns = ['ho', 'ten_dem', 'ten', 'ngay_sinh', 'gioi_tinh'];
    const roles = { family_name: 'ho', middle_name: 'ten_dem', given_name: 'ten', date_of_birth: 'ngay_sinh', sex: 'gioi_tinh' };
    const rows = [
      ['Nguyễn', 'Văn', 'An', '01/02/1990', 'Nam'],
      ['Nguyen', 'Van', 'An', '01/02/1990', 'Nam'],
    ];
    const byParts = runCase(samePerson, { columns, options: { roles }, rows });
    const byFullName = runCase(samePerson, {
      columns: ['ho_ten', 'ngay_sinh', 'gioi_tinh'],
      rows: rows.map(([f, m, g, d, s]) => [`${f} ${m} ${g}`, d!, s!]),
    });
    expect(byParts.map((f) => [f.row, f.fix])).toEqual(byFullName.map((f) => [f.row, f.fix]));
    expect(byParts).toHaveLength(1);
  });

  it('takes the first ID column that holds one (a personal ID, else an old CMND)', () => {
    const columns = ['ho_ten', 'ngay_sinh', 'so_dinh_danh', 'so_cmnd'];
    const options = { roles: { full_name: 'ho_ten', date_of_birth: 'ngay_sinh', id_number: ['so_dinh_danh', 'so_cmnd'] } };
    const findings = runCase(samePerson, {
      columns,
      options,
      rows: [
        ['Trần Thị Hoa', '05/06/1970', '', '012345678'],
        ['Trần Thị Hoà', '05/06/1970', '', '012345678'],
      ],
    });
    expect(findings).toHaveLength(1);
    expect(String(findings[0]!.data.why)).toMatch(/ID equal/);
    // Two different numbers in the first ID column: not one person, whatever the names say.
    expect(
      runCase(samePerson, {
        columns,
        options,
        rows: [
          ['Trần Thị Hoa', '05/06/1970', '001170012345', ''],
          ['Trần Thị Hoa', '05/06/1970', '036170987654', ''],
        ],
      }),
    ).toEqual([]);
  });

  it.each([
    [{ columns: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], options: {} }, /by position the rule takes 2 to 7 columns/],
    [{ columns: ['ho_ten', 'ngay_sinh'], options: { roles: { full_name: 'ten' } } }, /role full_name names 'ten'/],
    [{ columns: ['ho_ten', 'ngay_sinh'], options: { roles: { date_of_birth: 'ngay_sinh' } } }, /roles give no name/],
  ])('refuses a rule it cannot read: %j', (testCase, message) => {
    expect(() => runCase(samePerson, { ...testCase, rows: [] })).toThrow(message);
  });
});
