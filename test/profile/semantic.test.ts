// Semantic detection from values alone: a table of small columns, one per semantic type, and the
// look-alikes each must not be taken for (a phone column is also 10-digit BHXH codes, a CMND also
// reads as a phone with its zero restored, a status is shaped like a name …).
import { describe, expect, it } from 'vitest';
import { SemanticTracker } from '../../src/profile/semantic.js';

function detect(values: readonly string[], distinct = new Set(values).size) {
  const tracker = new SemanticTracker();
  for (const v of values) tracker.add(v, 1);
  return tracker.decide(values.length, distinct);
}

const repeat = <T>(items: readonly T[], times: number): T[] => Array.from({ length: times }, () => items).flat();

describe('SemanticTracker', () => {
  it.each<[string, string[], string | null, string?]>([
    ['personal IDs', ['048313421627', '012149536287', '017311226111', '044068361069', '001090012345'], 'personal-id'],
    ['12 digits without a province code are not IDs (nor anything else)', ['999913421627', '990149536287', '980311226111'], null],
    ['CMND (9 digits)', ['384745422', '012345678', '272345678'], 'cmnd'],
    ['mobile phones', ['0328201679', '0865224668', '0835721117', '+84 912 345 678'], 'phone'],
    ['landlines', ['02438251234', '02838291234'], 'phone'],
    ['tax codes (check digit)', ['0100109106', '0100233488', '0100109106-001'], 'tax-code'],
    ['BHXH codes: 10 digits that are neither phones nor tax codes', ['0165224668', '7554214573', '1789080509', '4412345670'], 'social-insurance'],
    ['BHYT with old 15-character cards', ['1789080509', 'DN4017554214573', '7554214573', 'HC1017554214573'], 'health-insurance'],
    ['sex', ['Nam', 'Nữ', 'nữ', 'NAM'], 'sex'],
    ['status', ['Đang hoạt động', 'Đã chết', 'đang hoạt động'], 'status'],
    ['ethnic groups', ['Kinh', 'Mường', 'Khơ-me', 'Pà Thẻn', 'Thái'], 'ethnicity'],
    ['old provinces', ['Hoà Bình', 'Quảng Bình', 'Hà Nội', 'Thừa Thiên Huế'], 'province', 'pre-2025'],
    ['2025 provinces', ['Hà Nội', 'Hồ Chí Minh', 'Phú Thọ', 'Đồng Nai'], 'province', 'post-2025'],
    // "Thành phố Huế" is only a 2025 name, "Hoà Bình" only an old one: together still provinces.
    ['old and 2025 names mixed', ['Thành phố Huế', 'Hoà Bình', 'Hà Nội'], 'province', 'pre-2025'],
    ['names', ['Nguyễn Văn An', 'Lê Thị Hoa', "H'Hen Niê", 'Phan Khánh Liên'], 'person-name'],
    ['addresses', ['Số 233, đường Lạc Long Quân, phường Hải Châu I', 'Xóm 15, xã Tân Lập, huyện Quỳnh Phụ', 'Ấp 3, xã Đông Hưng'], 'address'],
    ['free text', ['xin chào', 'ok', '123abc', 'ghi chú'], null],
  ])('%s → %s', (_, values, type, era) => {
    const semantic = detect(values);
    expect(semantic?.type ?? null).toBe(type);
    if (era) expect(semantic?.era).toBe(era);
  });

  it('needs 90% of the values: 8 phones and 2 words is not a phone column', () => {
    const phones = ['0328201679', '0865224668', '0835721117', '0912345678', '0987654321', '0356789012', '0398765432', '0701234567'];
    expect(detect([...phones, '0911111111', 'không có'])).toEqual({ type: 'phone', share: 0.9 });
    expect(detect([...phones, 'không có', 'chưa rõ'])).toBeNull();
  });

  it('does not take a note repeated in many rows for a name', () => {
    const notes = repeat(['Đã xác minh', 'Chờ xác minh'], 30);
    expect(detect(notes, 2)).toBeNull();
    // A large file of names repeats names too, but has thousands of them.
    expect(detect(repeat(['Nguyễn Văn An', 'Lê Thị Hoa'], 3_000), 2_500)?.type).toBe('person-name');
  });

  it('weighs a distinct value by its count', () => {
    const tracker = new SemanticTracker();
    tracker.add('Kinh', 95);
    tracker.add('xyz', 5);
    expect(tracker.decide(100, 2)).toEqual({ type: 'ethnicity', share: 0.95 });
  });
});
