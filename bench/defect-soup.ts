// A synthetic population export full of planted defects of every kind the pack and the reader know,
// for comparing two engines (test/engine/differential.test.ts, bench/differential.ts): blank and
// padded cells, placeholders, impossible and swapped dates, repeated IDs (whole rows copied,
// copies differing in spaces or case, other people on the same number), decomposed and
// mis-encoded names, unknown codes, ragged rows, blank lines, quoted line breaks. Deterministic
// for a seed; synthetic people only (fixtures/generate.ts).
import { createWriteStream } from 'node:fs';
import { AS_OF, csvField, mulberry32, POPULATION_HEADERS, populationRows, type PopulationRow } from '../fixtures/generate.js';

type Header = (typeof POPULATION_HEADERS)[number];
type Mutation = (row: PopulationRow, earlier: readonly PopulationRow[], pick: () => number) => void;

const pickOf = <T>(items: readonly T[], pick: () => number): T => items[Math.floor(pick() * items.length)]!;

const MUTATIONS: Mutation[] = [
  (r, _, p) => void (r[pickOf(POPULATION_HEADERS, p)] = ''),
  (r, _, p) => void (r[pickOf(POPULATION_HEADERS, p)] = pickOf(['N/A', '0', '-', 'không có', '000000000000', '01/01/1900', '  '], p)),
  (r, _, p) => {
    const h: Header = pickOf(['ho_ten', 'ngay_sinh', 'dia_chi', 'ngay_chet'], p);
    r[h] = pickOf([` ${r[h]}`, `${r[h]} `, r[h].replace(' ', '  '), `\t${r[h]}`], p);
  },
  (r, _, p) => void (r.ngay_sinh = pickOf(['31/02/1990', '1990-05-14', '14/13/1980', '5/6/70', '29/02/2001', '12/07/2031', 'ngày 5'], p)),
  (r, _, p) => void (r.ngay_chet = pickOf(['01/01/1800', r.ngay_sinh, '15/08/2030', '02/03/2020'], p)),
  (r, _, p) => void (r.trang_thai = pickOf(['Đã chết', 'Đã mất', 'dang hoat dong', ''], p)),
  (r, e) => e.length > 0 && void Object.assign(r, e[Math.floor(e.length / 2)]),
  (r, e, p) => {
    if (e.length === 0) return;
    const other = pickOf(e, p);
    Object.assign(r, other, { ho_ten: other.ho_ten.toUpperCase(), dia_chi: ` ${other.dia_chi}` });
  },
  (r, e, p) => void (e.length > 0 && (r.so_dinh_danh = pickOf(e, p).so_dinh_danh)),
  (r, _, p) => void (r.so_dinh_danh = pickOf([r.so_dinh_danh.slice(1), `${r.so_dinh_danh}9`, r.so_dinh_danh.replace(/^0/, ''), '1.23457E+11', `0${r.so_dinh_danh.slice(0, 3)}9${r.so_dinh_danh.slice(4)}`], p)),
  (r) => void (r.ho_ten = r.ho_ten.normalize('NFD')),
  (r, _, p) => void (r.ho_ten = pickOf(['Nguyen Van An', 'NGUYỄN VĂN AN', 'nguyễn thị b', 'Trần 3 Bình', 'Lê  Thị', 'Ã\u0090Ã¡m', 'Nguy\u00ean'], p)),
  (r, _, p) => void (r.gioi_tinh = pickOf(['nam', 'Nu', 'F', 'Khác', '1'], p)),
  (r, _, p) => void (r.dan_toc = pickOf(['Kinh ', 'kinh', 'Mường', 'Ê-đê', 'Hoa', 'Tày', 'Xyz', '01'], p)),
  (r, _, p) => void (r.noi_dang_ky_khai_sinh = pickOf(['Hà Tây', 'TP HCM', 'Sài Gòn', 'Bình Dương', 'Không rõ'], p)),
  (r, _, p) => void (r.tinh_thanh_pho = pickOf(['Hà Tây', 'Bình Dương', 'Thừa Thiên Huế', 'Huế', 'Hồ Chí Minh'], p)),
  (r, _, p) => void (r.so_dien_thoai = pickOf(['0912345678', '01234567890', '84912345678', '+84 912 345 678', '123', '0312345678'], p)),
  (r, _, p) => void (r.so_cmnd = pickOf(['123456789', '12345', '012345678901', 'A1234567'], p)),
  (r, _, p) => void (r.ma_so_thue = pickOf(['0101234567', '0101234568', '123', '0101234567-001'], p)),
  (r, _, p) => void (r.ma_so_bhxh = pickOf(['0123456789', '12345', 'ABCDEFGHIJ'], p)),
  (r, _, p) => void (r.so_the_bhyt = pickOf(['DN4010123456789', 'XX4010123456789', 'DN401', 'GD4790123456789'], p)),
  (r, _, p) => void (r.ngay_cap_nhat = pickOf(['01/01/2015', '12/12/2030', '2020-01-01', ''], p)),
  (r, _, p) => void (r.dia_chi = pickOf([`${r.dia_chi}\nxóm 2`, `"${r.dia_chi}"`, r.dia_chi.replaceAll('ư', 'ö'), '=HYPERLINK("x")'], p)),
];

/** The CSV text of one row, sometimes ragged (a cell too many or too few) or after a blank line. */
function recordOf(row: PopulationRow, pick: () => number): string {
  const cells = POPULATION_HEADERS.map((h) => csvField(row[h]));
  const shape = pick();
  if (shape < 0.003) cells.pop();
  else if (shape < 0.006) cells.push('thừa');
  const blank = pick() < 0.002 ? (pick() < 0.5 ? '\n' : ',,,,\n') : '';
  return `${blank}${cells.join(',')}\n`;
}

/** Writes `rows` rows, about `rate` of them with one to three planted defects. */
export async function writeDefectSoup(path: string, rows: number, seed = 20261207, rate = 0.3): Promise<void> {
  const pick = mulberry32(seed);
  const out = createWriteStream(path);
  const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write(`${POPULATION_HEADERS.join(',')}\n`);
  const earlier: PopulationRow[] = [];
  let text = '';
  for (const row of populationRows({ seed, count: rows, asOf: AS_OF })) {
    if (pick() < rate) {
      const times = 1 + Math.floor(pick() * 3);
      for (let t = 0; t < times; t++) pickOf(MUTATIONS, pick)(row, earlier, pick);
    }
    // A sample of earlier rows for the repeats, kept small so memory stays flat.
    if (earlier.length < 512) earlier.push({ ...row });
    else if (pick() < 0.01) earlier[Math.floor(pick() * earlier.length)] = { ...row };
    text += recordOf(row, pick);
    if (text.length > 1 << 16) {
      await write(text);
      text = '';
    }
  }
  await write(text);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}
