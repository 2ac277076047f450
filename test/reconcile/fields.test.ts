import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEATH, DOB, FieldReader, foldedName, isDeadStatus, NAME, PLACE, SEX } from '../../src/reconcile/fields.js';
import { foldText } from '../../src/vn/fold.js';

const reader = new FieldReader({
  date_of_birth: { format: 'dd/MM/yyyy' },
  date_of_death: { format: 'dd/MM/yyyy' },
});

const same = (k: number, a: string, b: string): boolean => reader.fingerprint(k, a) === reader.fingerprint(k, b);

describe('what counts as the same value', () => {
  it.each([
    [NAME, 'Nguyễn Văn An', 'NGUYỄN VĂN AN'],
    [NAME, 'Nguyễn Văn An', '  Nguyễn  Văn An '],
    [NAME, 'Vũ Thị Hoà', 'Vũ Thị Hòa'],
    [NAME, 'Lê Thị Thuỷ', 'Lê Thị Thủy'],
    [NAME, 'Trần Thị Ngọc', 'Trần Thị Ngọc'.normalize('NFD')],
    [DOB, '12/03/1985', '1985-03-12'],
    [DOB, '12/03/1985', ' 12/03/1985'],
    [SEX, 'Nữ', 'nữ'],
    [SEX, 'Nam', 'male'],
    [SEX, 'Nữ', 'F'],
    [PLACE, 'Hồ Chí Minh', 'TP. Hồ Chí Minh'],
    [PLACE, 'Hồ Chí Minh', 'Thành phố Hồ Chí Minh'],
    [PLACE, 'Thừa Thiên Huế', 'Huế'],
    [PLACE, 'Hoà Bình', 'Tỉnh Hòa Bình'],
    [PLACE, 'Bắc Kạn', 'Bắc Cạn'],
    [DEATH, '01/02/2025', '2025-02-01'],
  ])('field %i: %j and %j are the same', (k, a, b) => {
    expect(same(k, a, b)).toBe(true);
  });

  it.each([
    [NAME, 'Nguyễn Văn An', 'Nguyen Van An'],
    [NAME, 'Lê Văn Hùng', 'Lê Văn Hưng'],
    [NAME, 'Nguyễn Văn An', 'Nguyễn An'],
    [DOB, '12/03/1985', '13/03/1985'],
    [DOB, '12/03/1985', '03/12/1985'],
    [DOB, '31/02/1985', '28/02/1985'],
    [SEX, 'Nam', 'Nữ'],
    [PLACE, 'Hà Nội', 'Hà Tĩnh'],
    [PLACE, 'Bình Dương', 'Hồ Chí Minh'],
  ])('field %i: %j and %j differ', (k, a, b) => {
    expect(same(k, a, b)).toBe(false);
  });

  it('gives a blank value the fingerprint 0 and any other value a non-zero one', () => {
    for (const k of [NAME, DOB, SEX, PLACE, DEATH]) {
      expect(reader.fingerprint(k, '')).toBe(0);
      expect(reader.fingerprint(k, '  ')).toBe(0);
      expect(reader.fingerprint(k, 'x')).not.toBe(0);
    }
  });

  it('reads a date in the declared format or ISO, and nothing else', () => {
    expect(reader.day(DOB, '12/03/1985')).toBe(reader.day(DOB, '1985-03-12'));
    expect(reader.day(DOB, '12-03-1985')).toBeNull();
    expect(reader.day(DOB, '31/02/1985')).toBeNull();
  });

  it('writes a date the way the record writes it: its own form, else the declared format', () => {
    const day = reader.day(DOB, '1985-03-12') as number;
    expect(reader.writeDate(DOB, day, '13/03/1985')).toBe('12/03/1985');
    expect(reader.writeDate(DOB, day, '')).toBe('12/03/1985');
    expect(reader.writeDate(DOB, day, '1985-03-13')).toBe('1985-03-12');
    expect(reader.writeDate(DOB, day, 'không rõ')).toBe('12/03/1985');
    const iso = new FieldReader({ date_of_birth: { format: 'iso' } });
    expect(iso.writeDate(DOB, day, '')).toBe('1985-03-12');
    const none = new FieldReader({});
    expect(none.writeDate(DOB, day, '')).toBe('1985-03-12');
  });

  it.each([
    ['Đã chết', true],
    ['đã mất', true],
    ['Tử vong', true],
    ['deceased', true],
    ['Đang hoạt động', false],
    ['', false],
    ['Chuyển đi', false],
  ])('status %j says dead: %s', (status, dead) => {
    expect(isDeadStatus(status)).toBe(dead);
  });
});

describe('foldedName', () => {
  it('folds like foldText, on Vietnamese names in every form and on odd characters', () => {
    const names = [
      'Nguyễn Văn An', 'NGUYỄN  VĂN AN', ' Đặng Thị Ánh ', "H'Hen Niê", 'Y-Moan Ê Ban', 'Trần Thị Ngọc'.normalize('NFD'),
      'Lê\u00a0Văn\tHùng', 'Ðỗ Minh Quân', 'İbrahim Öztürk', 'Ñoño Straße', '王小明', 'Nguyễn Văn 2', '', '   ', 'a\u200bb',
      'Phạm Thị Thu Hà\u0301', 'ǅemal', 'x'.repeat(300),
    ];
    for (const name of names) expect(foldedName(name), JSON.stringify(name)).toBe(foldText(name));
  });

  it('folds like foldText on any mix of Latin, Vietnamese, marks and spaces (property)', () => {
    const units = [...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ \t\u00a0-\'ÀÁẢÃẠàáảãạỳýỷỹỵ'].concat(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323', 'ß', 'ǅ', 'Ω']);
    const text = fc.array(fc.constantFrom(...units), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(fc.property(text, (name) => foldedName(name) === foldText(name)), { numRuns: 2000 });
  });
});
