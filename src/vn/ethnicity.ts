// The 54 ethnic groups of Viet Nam, plus 'Người nước ngoài' (foreigners), with their other names.
// Generated from ../shared/domain/data/ethnic-groups-121.csv, whose source is vn-reference.md §5.1:
// codes from `Thanhnt237/TTHubClient:src/assets/religion.ts`, matching an independent public
// health-system list. That this numbering is Decision 121-TCTK/PPCĐ (2 Mar 1979) is UNVERIFIED,
// and so is which group each "other name" belongs to. Competing code lists number the same groups
// differently (GSO: 04 Mường, 05 Khmer, 06 Hoa), so codes are exported for reference only: a check
// judges codes against the list a pack declares, never against these.

import { foldKey } from './fold.js';

export interface EthnicGroup {
  /** Code in the list above (01–54; 55 = foreigners). Not authoritative: see the header. */
  code: string;
  /** Name as the list writes it. */
  name: string;
  ascii: string;
  /** Other names and local groups (UNVERIFIED attribution). */
  otherNames: readonly string[];
}

/** 55 entries: the 54 groups (codes 01–54) and 55 'Người nước ngoài'. */
export const ETHNIC_GROUPS: readonly EthnicGroup[] = [
  { code: '01', name: 'Kinh', ascii: 'Kinh', otherNames: ['Việt'] },
  { code: '02', name: 'Tày', ascii: 'Tay', otherNames: ['Thổ', 'Ngạn', 'Phén', 'Thù Lao', 'Pa Dí', 'Tày Khao'] },
  { code: '03', name: 'Thái', ascii: 'Thai', otherNames: ['Tày Đăm', 'Tày Mười', 'Tày Thanh', 'Mán Thanh', 'Hàng Bông', 'Tày Mường', 'Pa Thay', 'Thổ Đà Bắc'] },
  { code: '04', name: 'Hoa', ascii: 'Hoa', otherNames: ['Hán', 'Triều Châu', 'Phúc Kiến', 'Quảng Đông', 'Hải Nam', 'Hạ', 'Xạ Phạng'] },
  { code: '05', name: 'Khơ-me', ascii: 'Kho-me', otherNames: ['Cur', 'Cul', 'Cu', 'Thổ', 'Việt gốc Miên', 'Krôm'] },
  { code: '06', name: 'Mường', ascii: 'Muong', otherNames: ['Mol', 'Mual', 'Mọi', 'Mọi Bi', 'Ao Tá', 'Ậu Tá'] },
  { code: '07', name: 'Nùng', ascii: 'Nung', otherNames: ['Xuồng', 'Giang', 'Nùng An', 'Phàn Sinh', 'Nùng Cháo', 'Nùng Lòi', 'Quý Rim', 'Khèn Lài'] },
  { code: '08', name: 'HMông', ascii: 'HMong', otherNames: ['Mèo', 'Hoa', 'Mèo Xanh', 'Mèo Đỏ', 'Mèo Đen', 'Ná Mẻo', 'Mán Trắng'] },
  { code: '09', name: 'Dao', ascii: 'Dao', otherNames: ['Mán', 'Động', 'Trại', 'Xá', 'Dìu', 'Miên', 'Kiềm', 'Miền', 'Quần Trắng', 'Dao Đỏ', 'Quần Chẹt', 'Lô Giang', 'Dao Tiền', 'Thanh Y', 'Lan Tẻn', 'Đại Bản', 'Tiểu Bản', 'Cóc Ngáng', 'Cóc Mùn', 'Sơn Đầu'] },
  { code: '10', name: 'Gia-rai', ascii: 'Gia-rai', otherNames: ['Giơ-rai', 'Tơ-buăn', 'Chơ-rai', 'Hơ-bau', 'Hđrung', 'Chor'] },
  { code: '11', name: 'Ngái', ascii: 'Ngai', otherNames: ['Xín', 'Lê', 'Đản', 'Khách Gia'] },
  { code: '12', name: 'Ê-đê', ascii: 'E-de', otherNames: ['Ra-đê', 'Đê', 'Kpạ', 'A-đham', 'Krung', 'Ktul', 'Đliê Ruê', 'Blô', 'Epan', 'Mđhur', 'Bih'] },
  { code: '13', name: 'Ba-na', ascii: 'Ba-na', otherNames: ['Giơ-lar', 'Tơ-lô', 'Giơ-lâng', 'Y-lăng', 'Rơ-ngao', 'Krem', 'Roh', 'ConKđe', 'A-la Công', 'Kpăng Công', 'Bơ-nâm'] },
  { code: '14', name: 'Xơ-đăng', ascii: 'Xo-dang', otherNames: ['Xơ-teng', 'Hđang', 'Tơ-đra', 'Mơ-nâm', 'Ha-lăng', 'Ca-dong', 'Kmrâng', 'ConLan', 'Bri-la', 'Tang'] },
  { code: '15', name: 'Sán Chay', ascii: 'San Chay', otherNames: ['Cao Lan', 'Sán Chỉ', 'Mán Cao Lan', 'Hờn Bạn', 'Sơn Tử'] },
  { code: '16', name: 'Cơ-ho', ascii: 'Co-ho', otherNames: ['Xrê', 'Nốp', 'Tu-lốp', 'Cơ-don', 'Chil', 'Lat', 'Lach', 'Trinh'] },
  { code: '17', name: 'Chăm', ascii: 'Cham', otherNames: ['Chàm', 'Chiêm Thành', 'Hroi'] },
  { code: '18', name: 'Sán Dìu', ascii: 'San Diu', otherNames: ['Sán Dẻo', 'Trại', 'Trại Đất', 'Mán', 'Quần Cộc'] },
  { code: '19', name: 'Hrê', ascii: 'Hre', otherNames: ['Chăm Rê', 'Chom', 'Krẹ Luỹ'] },
  { code: '20', name: 'Mnông', ascii: 'Mnong', otherNames: ['Pnông', 'Nông', 'Pré', 'Bu-đâng', 'ĐiPri', 'Biat', 'Gar', 'Rơ-lam', 'Chil'] },
  { code: '21', name: 'Ra-glai', ascii: 'Ra-glai', otherNames: ['Ra-clây', 'Rai', 'Noang', 'La-oang'] },
  { code: '22', name: 'Xtiêng', ascii: 'Xtieng', otherNames: ['Xa-điêng'] },
  { code: '23', name: 'Bru-Vân Kiều', ascii: 'Bru-Van Kieu', otherNames: ['Bru', 'Vân Kiều', 'Măng Coong', 'Tri Khùa'] },
  { code: '24', name: 'Thổ', ascii: 'Tho', otherNames: ['Kẹo', 'Mọn', 'Cuối', 'Họ', 'Đan Lai', 'Ly Hà', 'Tày Pọng', 'Con Kha', 'Xá Lá Vàng'] },
  { code: '25', name: 'Giáy', ascii: 'Giay', otherNames: ['Nhắng', 'Dẩng', 'Pầu Thìn Nu Nà', 'Cùi Chu', 'Xa'] },
  { code: '26', name: 'Cơ-tu', ascii: 'Co-tu', otherNames: ['Ca-tu', 'Cao', 'Hạ', 'Phương', 'Ca-tang'] },
  { code: '27', name: 'Gié-Triêng', ascii: 'Gie-Trieng', otherNames: ['Đgiéh', 'Tareb', 'Giang Rẫy Pin', 'Triêng', 'Treng', 'Ta-riêng', 'Ve', 'Veh', 'La-ve', 'Ca-tang'] },
  { code: '28', name: 'Mạ', ascii: 'Ma', otherNames: ['Châu Mạ', 'Mạ Ngăn', 'Mạ Xóp', 'Mạ Tô', 'Mạ Krung'] },
  { code: '29', name: 'Khơ-mú', ascii: 'Kho-mu', otherNames: ['Xá Cẩu', 'Mứn Xen', 'Pu Thênh', 'Tềnh', 'Tày Hay'] },
  { code: '30', name: 'Co', ascii: 'Co', otherNames: ['Cor', 'Col', 'Cùa', 'Trầu'] },
  { code: '31', name: 'Tà-ôi', ascii: 'Ta-oi', otherNames: ['Tôi-ôi', 'Pa-co', 'Pa-hi', 'Ba-hi'] },
  { code: '32', name: 'Chơ-ro', ascii: 'Cho-ro', otherNames: ['Dơ-ro', 'Châu-ro'] },
  { code: '33', name: 'Kháng', ascii: 'Khang', otherNames: ['Xá Khao', 'Xá Súa', 'Xá Dón', 'Xá Dẩng', 'Xá Hốc', 'Xá Ái', 'Xá Bung', 'Quảng Lâm'] },
  { code: '34', name: 'Xinh-mun', ascii: 'Xinh-mun', otherNames: ['Puộc', 'Pụa'] },
  { code: '35', name: 'Hà Nhì', ascii: 'Ha Nhi', otherNames: ['U Ni', 'Xá U Ni'] },
  { code: '36', name: 'Chu-ru', ascii: 'Chu-ru', otherNames: ['Chơ-ru', 'Chu'] },
  { code: '37', name: 'Lào', ascii: 'Lao', otherNames: ['Là Bốc', 'Lào Nọi'] },
  { code: '38', name: 'La Chí', ascii: 'La Chi', otherNames: ['Cù Tê', 'La Quả'] },
  { code: '39', name: 'La Ha', ascii: 'La Ha', otherNames: ['Xá Khao', 'Khlá Phlạo'] },
  { code: '40', name: 'Phù Lá', ascii: 'Phu La', otherNames: ['Bồ Khô Pạ', 'Mu Di Pạ Xá', 'Phó', 'Phổ', 'Va Xơ'] },
  { code: '41', name: 'La Hủ', ascii: 'La Hu', otherNames: ['Lao', 'Pu Đang', 'Khù Xung', 'Cò Xung', 'Khả Quy'] },
  { code: '42', name: 'Lự', ascii: 'Lu', otherNames: ['Lừ', 'Nhuồn', 'Duôn'] },
  { code: '43', name: 'Lô Lô', ascii: 'Lo Lo', otherNames: ['Mun Di'] },
  { code: '44', name: 'Chứt', ascii: 'Chut', otherNames: ['Sách', 'Máy', 'Rục', 'Mã-liêng', 'A-rem', 'Tu vang', 'Pa-leng', 'Xơ-Lang', 'Tơ-hung', 'Chà-củi', 'Tắc-củi', 'U-mo', 'Xá Lá Vàng'] },
  { code: '45', name: 'Mảng', ascii: 'Mang', otherNames: ['Mảng Ư', 'Xá Lá Vàng'] },
  { code: '46', name: 'Pà Thẻn', ascii: 'Pa Then', otherNames: ['Pà Hưng', 'Tống'] },
  { code: '47', name: 'Cơ Lao', ascii: 'Co Lao', otherNames: [] },
  { code: '48', name: 'Cống', ascii: 'Cong', otherNames: ['Xắm Khống', 'Mấng Nhé', 'Xá Xeng'] },
  { code: '49', name: 'Bố Y', ascii: 'Bo Y', otherNames: ['Chủng Chá', 'Trọng Gia', 'Tu Di', 'Tu Din'] },
  { code: '50', name: 'Si La', ascii: 'Si La', otherNames: ['Cù Dề Xừ', 'Khả pẻ'] },
  { code: '51', name: 'Pu Péo', ascii: 'Pu Peo', otherNames: ['Ka Pèo', 'Pen Ti Lô Lô'] },
  { code: '52', name: 'Brâu', ascii: 'Brau', otherNames: ['Brao'] },
  { code: '53', name: 'Ơ Đu', ascii: 'O Du', otherNames: ['Tày Hạt'] },
  { code: '54', name: 'Rơ-măm', ascii: 'Ro-mam', otherNames: [] },
  { code: '55', name: 'Người nước ngoài', ascii: 'Nguoi nuoc ngoai', otherNames: [] },
];

export const FOREIGNER_CODE = '55';

/** Only the 54 ethnic groups of Viet Nam (without foreigners). */
export const VIETNAM_ETHNIC_GROUPS: readonly EthnicGroup[] = ETHNIC_GROUPS.filter((g) => g.code !== FOREIGNER_CODE);

/**
 * How the statistics office (GSO) writes the groups in its census tables, where that differs from
 * the names above: each is an official spelling, valid as written. Source: GSO "Danh mục các dân tộc
 * Việt Nam", census order (vn-reference §5.1: 04 Mường, 05 Khmer … 08 Mông, 10 Gia Rai, 11 Ê Đê,
 * 12 Ba Na, 15 Cơ Ho, 16 Xơ Đăng, 19 Ra Glai, 20 Mnông), and for the groups after the 20th, which
 * §5.1 does not list, the same office's results tables of the 2019 census (Khơ Mú, Giẻ Triêng …).
 * Only the spelling is taken from there: the GSO numbers its list differently (codes stay the pack's).
 */
const OFFICIAL_SPELLINGS: Readonly<Record<string, string>> = {
  Khmer: '05',
  Mông: '08',
  'Gia Rai': '10',
  'Ê Đê': '12',
  'Ba Na': '13',
  'Xơ Đăng': '14',
  'Cơ Ho': '16',
  'Ra Glai': '21',
  'Bru Vân Kiều': '23',
  'Cơ Tu': '26',
  'Giẻ Triêng': '27',
  'Khơ Mú': '29',
  'Tà Ôi': '31',
  'Chơ Ro': '32',
  'Xinh Mun': '34',
  'Chu Ru': '36',
  'Rơ Măm': '54',
};

/**
 * Spellings of the canonical names used by other lists (a BHXH list writes Nước ngoài) and the
 * official spellings above, whose folded key differs from the name above (MÔNG, khmer): a variant
 * gets the name above as its fix. Spellings that fold alike (Ba na, Cờ Lao, H'Mông) need no entry.
 */
const SPELLINGS: Readonly<Record<string, string>> = {
  Mông: '08',
  Khmer: '05',
  'Nước ngoài': '55',
};

const APOSTROPHES = /['’‘`]/g;

/**
 * Key for comparing ethnic-group names: case, accents, spaces, hyphens and apostrophes ignored
 * (Ba-na = Ba na = BANA, H'Mông = HMông), and a leading "Dân tộc" dropped.
 */
export function ethnicKey(text: string): string {
  const key = foldKey(text.replace(APOSTROPHES, ''));
  return key.startsWith('dantoc') && key.length > 'dantoc'.length ? key.slice('dantoc'.length) : key;
}

export type EthnicMatch =
  /** Written exactly as the canonical name or as an official list writes it (OFFICIAL_SPELLINGS: Mông, Ê Đê). */
  | { kind: 'exact'; group: EthnicGroup }
  /** Another spelling (case, accents, hyphens) of a canonical name; `contested` when the key is also another group's other name. */
  | { kind: 'variant'; group: EthnicGroup; contested: boolean }
  /** One group's other name; `exact` when written as the list writes it. */
  | { kind: 'other-name'; group: EthnicGroup; exact: boolean }
  /** An other name that several groups share (Trại, Mán, Xá Lá Vàng …). */
  | { kind: 'ambiguous'; groups: EthnicGroup[] }
  | { kind: 'unknown' };

interface Index {
  exact: Map<string, EthnicGroup>;
  canonical: Map<string, EthnicGroup>;
  others: Map<string, EthnicGroup[]>;
  otherExact: Map<string, EthnicGroup[]>;
}

function buildIndex(): Index {
  const byCode = new Map(ETHNIC_GROUPS.map((g) => [g.code, g]));
  const index: Index = { exact: new Map(), canonical: new Map(), others: new Map(), otherExact: new Map() };
  const add = (map: Map<string, EthnicGroup[]>, key: string, group: EthnicGroup) => {
    const list = map.get(key) ?? [];
    if (!list.includes(group)) list.push(group);
    map.set(key, list);
  };
  for (const group of ETHNIC_GROUPS) {
    index.exact.set(group.name, group);
    index.canonical.set(ethnicKey(group.name), group);
    for (const other of group.otherNames) {
      add(index.others, ethnicKey(other), group);
      add(index.otherExact, other.toLocaleLowerCase('vi'), group);
    }
  }
  for (const [spelling, code] of Object.entries(SPELLINGS)) {
    const group = byCode.get(code);
    if (group) index.canonical.set(ethnicKey(spelling), group);
  }
  for (const [spelling, code] of Object.entries(OFFICIAL_SPELLINGS)) {
    const group = byCode.get(code);
    if (!group || (ethnicKey(spelling) !== ethnicKey(group.name) && index.canonical.get(ethnicKey(spelling)) !== group)) {
      throw new Error(`ethnicity: official spelling ${spelling} does not name group ${code}`);
    }
    index.exact.set(spelling, group);
  }
  return index;
}

const INDEX = buildIndex();

/** What an ethnicity cell names. */
export function matchEthnicity(text: string): EthnicMatch {
  const nfc = text.normalize('NFC');
  const exact = INDEX.exact.get(nfc);
  if (exact) return { kind: 'exact', group: exact };
  const key = ethnicKey(nfc);
  const others = INDEX.others.get(key) ?? [];
  const canonical = INDEX.canonical.get(key);
  if (canonical) {
    return { kind: 'variant', group: canonical, contested: others.some((g) => g !== canonical) };
  }
  if (others.length === 1) {
    const group = others[0] as EthnicGroup;
    const written = INDEX.otherExact.get(nfc.trim().toLocaleLowerCase('vi')) ?? [];
    return { kind: 'other-name', group, exact: written.includes(group) };
  }
  if (others.length > 1) return { kind: 'ambiguous', groups: others };
  return { kind: 'unknown' };
}
