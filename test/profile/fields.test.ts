// Binding columns to the fields of vn-population: by alias (as dqc check binds), by a word of the
// header when the values agree, by the values alone; one field per column and one column per field.
import { describe, expect, it } from 'vitest';
import { resolvePacks } from '../../src/pack/resolve.js';
import { aliasBindings, assignFields, fieldsNamedBy, type ColumnEvidence } from '../../src/profile/fields.js';

const pack = resolvePacks(['vn-population']);

function bind(columns: ColumnEvidence[]) {
  const aliases = aliasBindings(
    columns.map((c) => c.header),
    pack.columns,
  );
  return assignFields(columns, pack.columns, aliases).map((b) => (b ? `${b.field}/${b.by}` : null));
}

const text = (header: string, type: string | null = null, era?: 'pre-2025' | 'post-2025'): ColumnEvidence => ({
  header,
  type: 'text',
  semantic: type ? ({ type, share: 1, era } as ColumnEvidence['semantic']) : null,
});
const date = (header: string): ColumnEvidence => ({ header, type: 'date', semantic: null });

describe('fieldsNamedBy', () => {
  it.each([
    ['Ngày sinh (dd/mm/yyyy)', ['date_of_birth']],
    ['Họ và tên khai sinh', ['full_name', 'birth_registration_place']],
    ['Giới', ['sex']],
    ['Tỉnh/Thành phố (mới)', ['residence_province']],
    ['Số CMND cũ', ['cmnd']],
    ['MST cá nhân', ['tax_code']],
    ['Cập nhật lần cuối', ['updated_at']],
    ['Liên lạc', []],
    // Words, not substrings: "tinh" in "Giới tính" is a word, "tin" in "Tình" is not.
    ['Giới tính', ['sex', 'residence_province']],
  ])('%s → %j', (header, fields) => {
    expect(fieldsNamedBy(header)).toEqual(fields);
  });
});

describe('assignFields', () => {
  it('binds by alias first, as dqc check will, whatever the values', () => {
    expect(bind([text('so_dinh_danh', 'phone'), text('Số định danh')])).toEqual(['id_number/alias', null]);
  });

  it('takes a header word only when the values agree (or say nothing)', () => {
    expect(bind([text('Họ và tên khai sinh', 'person-name'), text('Nơi ĐK khai sinh', 'province', 'pre-2025')])).toEqual([
      'full_name/header',
      'birth_registration_place/header',
    ]);
    // "Giới tính" names sex and (by its word "tính") a province: the values decide.
    expect(bind([text('Giới tính', 'sex')])).toEqual(['sex/alias']);
    expect(bind([text('Giới', 'sex')])).toEqual(['sex/header']);
    expect(bind([text('Giới', 'phone')])).toEqual(['phone/values']);
    expect(bind([text('Trạng thái hồ sơ')])).toEqual(['status/header']);
    // "Tình trạng hồ sơ" names status ("tình trạng") and, by its word "tình", a province: the longer phrase wins.
    expect(bind([text('Tình trạng hồ sơ')])).toEqual(['status/header']);
  });

  it('binds by values alone, the likeliest field first, each field once', () => {
    expect(bind([text('c1', 'personal-id'), text('c2', 'personal-id'), text('c3', 'personal-id')])).toEqual([
      'id_number/values',
      'id_document/values',
      null,
    ]);
    expect(bind([text('a', 'province', 'pre-2025'), text('b', 'province', 'post-2025')])).toEqual([
      'birth_registration_place/values',
      'residence_province/values',
    ]);
  });

  it('gives date columns their role from the header', () => {
    expect(bind([date('Ngày sinh (dd/mm/yyyy)'), date('Cập nhật lần cuối'), date('Ngày mất (nếu có)')])).toEqual([
      'date_of_birth/header',
      'updated_at/header',
      'date_of_death/header',
    ]);
    // A date column with no word and no role from its values stays unbound.
    expect(bind([date('Cột 7')])).toEqual([null]);
  });

  it('binds nothing to a field the pack does not declare', () => {
    const aliases = new Map<number, string>();
    expect(assignFields([text('Liên lạc', 'phone')], {}, aliases)).toEqual([null]);
  });
});
