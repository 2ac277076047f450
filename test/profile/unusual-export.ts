// A generated population export whose headers are written the way people type them, not the way
// the pack's aliases spell them: some still bind by alias after folding, some only by a word of the
// header, one ("Liên lạc") only by its values; the update date is ISO, and one column ("Ghi chú")
// is no field of the pack. Synthetic rows from fixtures/generate.ts.
import { writeFileSync } from 'node:fs';
import { AS_OF, csvRecord, POPULATION_HEADERS, populationRows, type PopulationHeader } from '../../fixtures/generate.js';

export const UNUSUAL_HEADERS: Readonly<Record<PopulationHeader, string>> = {
  so_dinh_danh: 'Số định danh',
  ho_ten: 'Họ và tên khai sinh',
  ngay_sinh: 'Ngày sinh (dd/mm/yyyy)',
  gioi_tinh: 'Giới',
  dan_toc: 'Dân tộc',
  noi_dang_ky_khai_sinh: 'Nơi ĐK khai sinh',
  dia_chi: 'Địa chỉ thường trú',
  tinh_thanh_pho: 'Tỉnh/Thành phố (mới)',
  so_dien_thoai: 'Liên lạc',
  so_cmnd: 'Số CMND cũ',
  so_giay_to: 'Giấy tờ đang dùng',
  ma_so_thue: 'MST cá nhân',
  ma_so_bhxh: 'Mã BHXH',
  so_the_bhyt: 'Thẻ BHYT số',
  trang_thai: 'Tình trạng',
  ngay_cap_nhat: 'Cập nhật lần cuối',
  ngay_chet: 'Ngày mất',
};

/** The vn-population field each generated column is (fixtures/README.md, section A). */
export const FIELD_OF_HEADER: Readonly<Record<PopulationHeader, string>> = {
  so_dinh_danh: 'id_number',
  ho_ten: 'full_name',
  ngay_sinh: 'date_of_birth',
  gioi_tinh: 'sex',
  dan_toc: 'ethnicity',
  noi_dang_ky_khai_sinh: 'birth_registration_place',
  dia_chi: 'address',
  tinh_thanh_pho: 'residence_province',
  so_dien_thoai: 'phone',
  so_cmnd: 'cmnd',
  so_giay_to: 'id_document',
  ma_so_thue: 'tax_code',
  ma_so_bhxh: 'social_insurance',
  so_the_bhyt: 'health_insurance',
  trang_thai: 'status',
  ngay_cap_nhat: 'updated_at',
  ngay_chet: 'date_of_death',
};

/** The semantic type dqc profile should find in each generated column. */
export const SEMANTIC_OF_HEADER: Readonly<Record<PopulationHeader, string>> = {
  so_dinh_danh: 'personal-id',
  ho_ten: 'person-name',
  ngay_sinh: 'date-of-birth',
  gioi_tinh: 'sex',
  dan_toc: 'ethnicity',
  noi_dang_ky_khai_sinh: 'province',
  dia_chi: 'address',
  tinh_thanh_pho: 'province',
  so_dien_thoai: 'phone',
  so_cmnd: 'cmnd',
  so_giay_to: 'personal-id',
  ma_so_thue: 'tax-code',
  ma_so_bhxh: 'social-insurance',
  so_the_bhyt: 'health-insurance',
  trang_thai: 'status',
  ngay_cap_nhat: 'updated-date',
  ngay_chet: 'date-of-death',
};

export const NOTES_HEADER = 'Ghi chú';
const NOTES = ['', 'Đã xác minh', '', 'Chờ xác minh', 'Đã xác minh'];

/** dd/MM/yyyy → yyyy-MM-dd */
function iso(dmy: string): string {
  return dmy === '' ? '' : `${dmy.slice(6, 10)}-${dmy.slice(3, 5)}-${dmy.slice(0, 2)}`;
}

/** Writes `count` clean generated rows under the unusual headers (plus the notes column). */
export function writeUnusualExport(path: string, count: number, seed = 4242): void {
  const lines = [csvRecord([...POPULATION_HEADERS.map((h) => UNUSUAL_HEADERS[h]), NOTES_HEADER])];
  let i = 0;
  for (const row of populationRows({ seed, count, asOf: AS_OF })) {
    const values = POPULATION_HEADERS.map((h) => (h === 'ngay_cap_nhat' ? iso(row[h]) : row[h]));
    lines.push(csvRecord([...values, NOTES[i++ % NOTES.length] as string]));
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}
