import type { Bilingual } from '../model.js';

// The command line's own texts: help, option descriptions, usage errors.
export const cliMessages = {

  // Command line
  'cli.description': {
    en: 'Data quality checks for national-database exports — Đúng, Đủ, Sạch, Sống (true, sufficient, clean, alive)',
    vi: 'Kiểm tra chất lượng dữ liệu trích xuất từ cơ sở dữ liệu quốc gia — Đúng, Đủ, Sạch, Sống',
  },
  'cli.version': { en: 'print the version', vi: 'in phiên bản' },
  'cli.help': { en: 'show help', vi: 'hiện hướng dẫn' },
  'cli.help-command': { en: 'show help for a command', vi: 'hiện hướng dẫn của một lệnh' },
  'cli.check': { en: 'check CSV/JSON exports against rule packs and report what is wrong', vi: 'kiểm tra tệp CSV/JSON theo các bộ quy tắc và báo cáo các lỗi' },
  'cli.check.inputs': { en: 'files or globs (CSV, TSV, JSON, NDJSON, optionally .gz)', vi: 'tệp hoặc mẫu glob (CSV, TSV, JSON, NDJSON, có thể nén .gz)' },
  'cli.opt.pack': { en: 'rule pack name or path (repeatable)', vi: 'tên hoặc đường dẫn bộ quy tắc (dùng được nhiều lần)' },
  'cli.opt.column': { en: 'bind a field to a header, e.g. id_number="Số CCCD" (repeatable)', vi: 'gắn trường với tên cột, ví dụ id_number="Số CCCD" (dùng được nhiều lần)' },
  'cli.opt.format': {
    en: 'report formats, comma-separated: console, json, html, markdown, junit (default console)',
    vi: 'các định dạng báo cáo, cách nhau bởi dấu phẩy: console, json, html, markdown, junit (mặc định console)',
  },
  'cli.opt.output': {
    en: 'write the report to this file (atomically); with several formats, an existing directory',
    vi: 'ghi báo cáo vào tệp này (ghi trọn vẹn một lần); với nhiều định dạng, là một thư mục có sẵn',
  },
  'cli.fix.opt.pack': { en: 'rule pack whose CSV dialect the input is written in, as given to dqc check (repeatable)', vi: 'bộ quy tắc có kiểu CSV (dialect) của tệp đầu vào, như đã dùng với dqc check (dùng được nhiều lần)' },
  'cli.opt.quote': { en: 'CSV quote character (default ")', vi: 'ký tự ngoặc kép của CSV (mặc định ")' },
  'cli.opt.escape': { en: 'escape character inside quoted fields, e.g. \\ for \\" (default: the quote doubled, "")', vi: 'ký tự thoát trong trường có ngoặc, ví dụ \\ cho \\" (mặc định: ngoặc viết đôi, "")' },
  'cli.opt.skip-initial-space': { en: 'spaces after a delimiter are not part of the value (files with ", " between fields)', vi: 'khoảng trắng ngay sau dấu phân cách không thuộc giá trị (tệp có ", " giữa các trường)' },
  'cli.opt.no-header': { en: 'the file has no header: columns are column_1, column_2 … (bind them with --column or aliases)', vi: 'tệp không có dòng tiêu đề: các cột là column_1, column_2 … (gắn bằng --column hoặc bí danh)' },
  'cli.opt.delimiter': { en: 'CSV delimiter: , ; | or tab (default: sniffed)', vi: 'dấu phân cách CSV: , ; | hoặc tab (mặc định: tự nhận diện)' },
  'cli.opt.sheet': {
    en: "an Excel workbook's sheet to read, by name or number from 1 (default: the first sheet that has a row)",
    vi: 'trang tính cần đọc của tệp Excel, theo tên hoặc số thứ tự từ 1 (mặc định: trang tính đầu tiên có dữ liệu)',
  },
  'cli.opt.header-row': {
    en: "the row of a workbook's header, as Excel numbers it (default: the first row that names the pack's columns, banner rows above it passed over)",
    vi: 'dòng tiêu đề của tệp Excel, theo số dòng trong Excel (mặc định: dòng đầu tiên gọi đúng tên các cột của gói quy tắc, bỏ qua các dòng quốc hiệu, tiêu đề phía trên)',
  },
  'cli.opt.encoding': { en: 'encoding of files without a BOM, e.g. windows-1258, latin1 (default utf-8)', vi: 'bảng mã của tệp không có BOM, ví dụ windows-1258, latin1 (mặc định utf-8)' },
  'cli.opt.model': {
    en: 'same-person: read the match model from this file (written by --save-model) instead of learning it from the data',
    vi: 'đối chiếu cùng một người: đọc mô hình từ tệp này (do --save-model ghi ra) thay vì học từ dữ liệu',
  },
  'cli.opt.save-model': {
    en: 'same-person: write the match model used (m and u per field and level, the prior) to this JSON file, to review or reuse with --model',
    vi: 'đối chiếu cùng một người: ghi mô hình đã dùng (m và u của từng trường, từng mức; xác suất tiên nghiệm) ra tệp JSON này, để xem lại hoặc dùng lại với --model',
  },
  'cli.opt.threads': {
    en: 'threads to share the rows between (default: one per core, up to 4, for inputs of 16 MB or more; 1 for smaller ones)',
    vi: 'số luồng để chia các dòng dữ liệu (mặc định: mỗi nhân một luồng, tối đa 4, khi dữ liệu vào từ 16 MB trở lên; 1 luồng khi nhỏ hơn)',
  },
  'cli.opt.max-field-size': {
    en: 'largest row read, in bytes or with a unit (64k, 16MiB); a larger one is reported, not loaded (default 16MiB)',
    vi: 'kích thước lớn nhất của một dòng dữ liệu được đọc, tính bằng byte hoặc kèm đơn vị (64k, 16MiB); dòng lớn hơn được báo lỗi, không nạp vào bộ nhớ (mặc định 16MiB)',
  },
  'cli.opt.sample': { en: 'sample findings kept per rule', vi: 'số lỗi mẫu giữ lại cho mỗi quy tắc' },
  'cli.opt.as-of': { en: 'judge dates as of this day, yyyy-mm-dd (default today)', vi: 'xét ngày tháng tính đến ngày này, yyyy-mm-dd (mặc định hôm nay)' },
  'cli.opt.fail-on': { en: 'lowest severity of a failed rule that fails the gate: error or warning', vi: 'mức nghiêm trọng thấp nhất khiến không đạt: error hoặc warning' },
  'cli.opt.max-warnings': { en: 'fail the gate when there are more warnings than this', vi: 'không đạt nếu số cảnh báo vượt quá số này' },
  'cli.opt.lang': { en: 'language of messages: vi or en (default from the environment)', vi: 'ngôn ngữ thông báo: vi hoặc en (mặc định theo môi trường)' },
  'cli.opt.quiet': { en: 'no progress and no console summary beside a report file', vi: 'không hiện tiến độ và tóm tắt khi đã ghi báo cáo ra tệp' },
  'cli.opt.no-color': { en: 'no colours', vi: 'không dùng màu' },
  'cli.checks': { en: 'list the check types a pack can use', vi: 'liệt kê các loại kiểm tra dùng được trong bộ quy tắc' },
  'cli.rules': { en: "list a pack's rules with dimension, severity and description (English and Vietnamese)", vi: 'liệt kê các quy tắc của bộ quy tắc với chiều, mức nghiêm trọng và mô tả (tiếng Anh và tiếng Việt)' },
  'cli.rules.count': { en: 'rules', vi: 'quy tắc' },
  'cli.pack': { en: 'show the resolved rule pack (after extends) as JSON', vi: 'hiện bộ quy tắc đã hợp nhất (sau extends) dưới dạng JSON' },
  'cli.pack.names': {
    en: 'pack names or paths (default: ./dqc.config.*, else vn-population)',
    vi: 'tên hoặc đường dẫn bộ quy tắc (mặc định: ./dqc.config.*, nếu không có thì vn-population)',
  },
  'cli.unknown-option': { en: 'unknown option {option}', vi: 'không có tùy chọn {option}' },
  'cli.unknown-command': { en: 'unknown command {command}', vi: 'không có lệnh {command}' },
  'cli.missing-argument': { en: 'missing argument {argument}', vi: 'thiếu tham số {argument}' },
  'cli.missing-option-value': { en: 'option {option} needs a value', vi: 'tùy chọn {option} cần một giá trị' },
  'cli.other': { en: '{message}', vi: '{message} (thông báo của commander)' },
  'cli.help-hint': { en: 'See dqc --help.', vi: 'Xem dqc --help.' },
} satisfies Record<string, Bilingual>;
