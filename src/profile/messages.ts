import type { Bilingual } from '../model.js';
import { translator } from '../messages/render.js';
import { messages as reportMessages } from '../report/messages.js';

// `dqc profile` and `dqc init`: user-visible texts in both languages, beside src/messages/operational.ts (its errors).
export const profileMessages = {
  // Command line
  'cli.profile': {
    en: 'profile CSV/JSON exports: per column its type, fill rate, distinct values, shapes and what it holds',
    vi: 'lập hồ sơ dữ liệu cho tệp CSV/JSON: với mỗi cột, kiểu dữ liệu, tỷ lệ điền, số giá trị khác nhau, dạng và ý nghĩa của cột',
  },
  'cli.profile.format': { en: 'output format: console, json or html', vi: 'định dạng kết quả: console, json hoặc html' },
  'cli.profile.output': { en: 'write the profile to this file (atomically)', vi: 'ghi hồ sơ dữ liệu vào tệp này' },
  'cli.profile.top': { en: 'most frequent values listed per column', vi: 'số giá trị thường gặp nhất liệt kê cho mỗi cột' },
  'cli.profile.pack': {
    en: 'rule pack whose fields the columns are matched to (default: ./dqc.config.*, else vn-population)',
    vi: 'bộ quy tắc có các trường để khớp với các cột (mặc định: ./dqc.config.*, nếu không có thì vn-population)',
  },
  'cli.init': {
    en: 'write a starter config (dqc.config.json) that binds a file\'s columns, so that dqc check then just works',
    vi: 'tạo tệp cấu hình khởi đầu (dqc.config.json) gắn các cột của một tệp, để sau đó chỉ cần chạy dqc check',
  },
  'cli.init.from': { en: 'profile this export and bind its columns', vi: 'lập hồ sơ tệp dữ liệu này và gắn các cột của nó' },
  'cli.init.output': {
    en: 'config file to write: dqc.config.json, dqc.config.yaml or another path (.json, .yaml)',
    vi: 'tệp cấu hình cần ghi: dqc.config.json, dqc.config.yaml hoặc đường dẫn khác (.json, .yaml)',
  },
  'cli.init.force': { en: 'replace an existing config', vi: 'thay thế tệp cấu hình đã có' },
  'cli.init.pack': {
    en: 'shipped pack or pack file to extend (default: the shipped pack that binds most columns)',
    vi: 'bộ quy tắc có sẵn hoặc tệp bộ quy tắc để kế thừa (mặc định: bộ có sẵn gắn được nhiều cột nhất)',
  },
  'cli.init.bad-output': { en: 'a .json, .yaml or .yml file', vi: 'một tệp .json, .yaml hoặc .yml' },
  'cli.init.one-file': { en: 'one file', vi: 'một tệp' },

  // Console profile
  'profile.input': {
    en: '{path}: {rows} rows, {columns} columns, {format}, {encoding}{delimiter}',
    vi: '{path}: {rows} dòng, {columns} cột, {format}, {encoding}{delimiter}',
  },
  'profile.incomplete': {
    en: 'Part of the file could not be read: the profile covers the rows before that point only',
    vi: 'Một phần tệp không đọc được: hồ sơ chỉ tính các dòng trước vị trí đó',
  },
  'profile.field': { en: '→ {field} ({by})', vi: '→ {field} ({by})' },
  'profile.by.alias': { en: 'header is an alias of the pack', vi: 'tên cột là bí danh khai báo trong bộ quy tắc' },
  'profile.by.header': { en: 'named in the header', vi: 'nhận ra từ tên cột' },
  'profile.by.values': { en: 'recognised from the values', vi: 'nhận ra từ giá trị' },
  'profile.no-field': { en: '(no field of the pack)', vi: '(không ứng với trường nào của bộ quy tắc)' },
  'profile.type': { en: 'type {type}{format} ({share} of values)', vi: 'kiểu {type}{format} ({share} giá trị)' },
  'profile.type-plain': { en: 'type {type}', vi: 'kiểu {type}' },
  'profile.semantic': { en: 'holds {semantic} ({share} of values)', vi: 'chứa {semantic} ({share} giá trị)' },
  'profile.no-semantic': { en: 'meaning not recognised', vi: 'chưa nhận ra ý nghĩa' },
  'profile.fill': {
    en: 'filled {filled} of {rows} ({rate}) · {distinct} distinct{estimated}',
    vi: 'có giá trị {filled}/{rows} ({rate}) · {distinct} giá trị khác nhau{estimated}',
  },
  'profile.estimated': { en: ' (estimated)', vi: ' (ước tính)' },
  'profile.length': { en: 'length {min}–{max}', vi: 'độ dài {min}–{max}' },
  'profile.length-fixed': { en: 'length {length}', vi: 'độ dài {length}' },
  'profile.range': { en: 'from {min} to {max}', vi: 'từ {min} đến {max}' },
  'profile.shapes': { en: 'shapes: {shapes}', vi: 'dạng: {shapes}' },
  'profile.top': { en: 'most frequent: {values}', vi: 'thường gặp nhất: {values}' },
  'profile.no-repeats': { en: 'no value repeats', vi: 'không có giá trị lặp lại' },
  'profile.at-least': { en: '≥{count}', vi: '≥{count}' },
  'profile.summary': {
    en: '{columns} columns: {semantic} with a recognised meaning, {bound} bound to fields of {packs}',
    vi: '{columns} cột: {semantic} cột nhận ra ý nghĩa, {bound} cột gắn với trường của {packs}',
  },
  'profile.era.pre-2025': { en: 'the 63 provinces before 1 July 2025', vi: '63 tỉnh, thành trước 01/07/2025' },
  'profile.era.post-2025': { en: 'the 34 provinces from 1 July 2025', vi: '34 tỉnh, thành từ 01/07/2025' },

  'profile.type.empty': { en: 'empty', vi: 'trống' },
  'profile.type.text': { en: 'text', vi: 'văn bản' },
  'profile.type.integer': { en: 'integer', vi: 'số nguyên' },
  'profile.type.decimal': { en: 'decimal', vi: 'số thập phân' },
  'profile.type.date': { en: 'date', vi: 'ngày tháng' },
  'profile.type.boolean': { en: 'yes/no', vi: 'có/không' },

  'profile.semantic.personal-id': { en: 'personal ID numbers (12 digits)', vi: 'số định danh cá nhân (12 số)' },
  'profile.semantic.cmnd': { en: 'old ID card numbers (CMND, 9 digits)', vi: 'số chứng minh nhân dân (CMND, 9 số)' },
  'profile.semantic.phone': { en: 'phone numbers', vi: 'số điện thoại' },
  'profile.semantic.tax-code': { en: 'tax codes (MST)', vi: 'mã số thuế' },
  'profile.semantic.social-insurance': { en: 'social insurance codes (BHXH)', vi: 'mã số bảo hiểm xã hội' },
  'profile.semantic.health-insurance': { en: 'health insurance card numbers (BHYT)', vi: 'số thẻ bảo hiểm y tế' },
  'profile.semantic.sex': { en: 'sex', vi: 'giới tính' },
  'profile.semantic.status': { en: 'record statuses', vi: 'trạng thái hồ sơ' },
  'profile.semantic.ethnicity': { en: 'ethnic groups', vi: 'dân tộc' },
  'profile.semantic.province': { en: 'provinces', vi: 'tỉnh, thành phố' },
  'profile.semantic.person-name': { en: 'full names of people', vi: 'họ và tên' },
  'profile.semantic.address': { en: 'addresses', vi: 'địa chỉ' },
  'profile.semantic.date-of-birth': { en: 'dates of birth', vi: 'ngày sinh' },
  'profile.semantic.date-of-death': { en: 'dates of death', vi: 'ngày chết' },
  'profile.semantic.updated-date': { en: 'last-updated dates', vi: 'ngày cập nhật' },

  // HTML profile
  'profile.html.title': { en: 'Data profile', vi: 'Hồ sơ dữ liệu' },
  'profile.html.column': { en: 'Column', vi: 'Cột' },
  'profile.html.field': { en: 'Field', vi: 'Trường' },
  'profile.html.type': { en: 'Type', vi: 'Kiểu' },
  'profile.html.semantic': { en: 'Holds', vi: 'Chứa' },
  'profile.html.filled': { en: 'Filled', vi: 'Có giá trị' },
  'profile.html.distinct': { en: 'Distinct', vi: 'Khác nhau' },
  'profile.html.length': { en: 'Length', vi: 'Độ dài' },
  'profile.html.range': { en: 'From – to', vi: 'Từ – đến' },
  'profile.html.shapes': { en: 'Shapes', vi: 'Dạng' },
  'profile.html.top': { en: 'Most frequent', vi: 'Thường gặp nhất' },
  'profile.html.estimated': {
    en: '* estimated distinct count (HyperLogLog, about 0.8% standard error); ≥ before a count: at least that many.',
    vi: '* số giá trị khác nhau ước tính (HyperLogLog, sai số chuẩn khoảng 0,8%); ≥ trước một số đếm: ít nhất là bấy nhiêu.',
  },
  'profile.html.footer': {
    en: 'Made by dqc {version}; dates judged as of {asOf}.',
    vi: 'Tạo bởi dqc {version}; ngày tháng được xét tính đến {asOf}.',
  },
  'cli.profile.no-mask': {
    en: 'show ID numbers and names in full in the HTML profile',
    vi: 'hiện đầy đủ số giấy tờ và họ tên trong hồ sơ HTML',
  },

  // dqc init
  'init.wrote': { en: 'Wrote {path}', vi: 'Đã ghi {path}' },
  'init.extends': { en: 'extends {pack}', vi: 'kế thừa {pack}' },
  'init.extends-nothing': {
    en: 'extends no shipped pack (no column matched one)',
    vi: 'không kế thừa bộ quy tắc có sẵn nào (không cột nào khớp)',
  },
  'init.from': { en: 'from {path} ({rows} rows)', vi: 'từ {path} ({rows} dòng)' },
  'init.bound': { en: 'Columns bound to fields ({count}):', vi: 'Các cột đã gắn với trường ({count}):' },
  'init.bound-line': { en: '{header} → {field} ({by})', vi: '{header} → {field} ({by})' },
  'init.format': { en: 'date format {format}', vi: 'định dạng ngày {format}' },
  'init.new-fields': { en: 'New fields for the other columns ({count}):', vi: 'Trường mới cho các cột còn lại ({count}):' },
  'init.new-field-line': { en: '{header} → {field} ({type})', vi: '{header} → {field} ({type})' },
  'init.empty-columns': { en: 'Empty columns, left out: {columns}', vi: 'Các cột trống, bỏ qua: {columns}' },
  'init.rules': { en: 'Suggested rules, severity warning ({count}):', vi: 'Các quy tắc đề xuất, mức cảnh báo ({count}):' },
  'init.pack-rules': {
    en: 'Rules of {pack}: {bound} will run on this file, {skipped} will be skipped (their columns are not in it)',
    vi: 'Các quy tắc của {pack}: {bound} quy tắc sẽ chạy trên tệp này, {skipped} quy tắc sẽ bị bỏ qua (tệp không có cột của chúng)',
  },
  'init.next': { en: 'Next: {command}', vi: 'Tiếp theo: {command}' },
  'init.no-file': {
    en: 'No file was profiled: add aliases under "columns", or run dqc init --from <file> --force',
    vi: 'Chưa lập hồ sơ tệp nào: hãy thêm bí danh trong "columns", hoặc chạy dqc init --from <tệp> --force',
  },
  'init.shadowed': {
    en: 'Note: {other} is found before {path}, so dqc check uses {other}',
    vi: 'Lưu ý: {other} được tìm thấy trước {path}, nên dqc check sẽ dùng {other}',
  },

  // Texts written into the config (both languages side by side)
  'init.description': {
    en: 'Configuration written by dqc init for {file}: the columns of that export bound to the fields of {pack}, and suggested rules for its other columns.',
    vi: 'Cấu hình do dqc init tạo cho {file}: các cột của tệp đó được gắn với các trường của {pack}, kèm các quy tắc đề xuất cho những cột còn lại.',
  },
  'init.description-blank': {
    en: 'Starter configuration written by dqc init: it extends {pack}. Add header aliases under "columns" and rules under "rules".',
    vi: 'Cấu hình khởi đầu do dqc init tạo: kế thừa {pack}. Hãy thêm bí danh tên cột trong "columns" và quy tắc trong "rules".',
  },
  'init.rule.required': {
    en: 'Suggested by dqc init: every row of "{header}" was filled in the profiled file.',
    vi: 'Đề xuất của dqc init: mọi dòng của cột "{header}" đều có giá trị trong tệp đã lập hồ sơ.',
  },
  'init.rule.fill-rate': {
    en: 'Suggested by dqc init: "{header}" was {rate} filled in the profiled file; it should not get emptier.',
    vi: 'Đề xuất của dqc init: cột "{header}" có giá trị ở {rate} số dòng trong tệp đã lập hồ sơ; không nên để trống nhiều hơn.',
  },
  'init.rule.enum': {
    en: 'Suggested by dqc init: "{header}" held only these {count} values in the profiled file.',
    vi: 'Đề xuất của dqc init: cột "{header}" chỉ có {count} giá trị này trong tệp đã lập hồ sơ.',
  },
  'init.rule.unique': {
    en: 'Suggested by dqc init: no value of "{header}" repeated in the profiled file; it looks like a key.',
    vi: 'Đề xuất của dqc init: không giá trị nào của cột "{header}" lặp lại trong tệp đã lập hồ sơ; cột này có vẻ là khóa.',
  },
  'init.rule.pattern': {
    en: 'Suggested by dqc init: every value of "{header}" had the shape {shape} in the profiled file.',
    vi: 'Đề xuất của dqc init: mọi giá trị của cột "{header}" đều có dạng {shape} trong tệp đã lập hồ sơ.',
  },
  'init.rule.date': {
    en: 'Suggested by dqc init: "{header}" holds dates written {format}.',
    vi: 'Đề xuất của dqc init: cột "{header}" chứa ngày tháng viết theo dạng {format}.',
  },
  'init.rule.semantic': {
    en: 'Suggested by dqc init: "{header}" holds {semantic}.',
    vi: 'Đề xuất của dqc init: cột "{header}" chứa {semantic}.',
  },
  'init.pattern-description': { en: 'the shape {shape}', vi: 'dạng {shape}' },
} satisfies Record<string, Bilingual>;

/** What profiles and `dqc init` say: their own texts, and the report's labels they share. */
export const profileCatalogue = { ...reportMessages, ...profileMessages };
export type ProfileMessageKey = keyof typeof profileCatalogue;
export const t = translator(profileCatalogue);
