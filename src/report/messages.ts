import type { Bilingual, Lang, MessageData } from '../model.js';
import { fixMessages } from '../fix/messages.js';
import { profileMessages } from '../profile/messages.js';
import { reconcileMessages } from '../reconcile/messages.js';
import { reportMessages } from './formatters/messages.js';
import { renderBilingual } from './render.js';

// Every user-visible text that is not a check type's own message, in both languages.
// Keys are stable: error codes, input problem codes, and labels of the formatters.
export const messages = {
  // Each area keeps its own texts in its own file (one owner per file).
  ...reportMessages,
  ...fixMessages,
  ...reconcileMessages,
  ...profileMessages,

  // Operational errors (exit code 2)
  DQC_USAGE: { en: 'Invalid command line:', vi: 'Dòng lệnh không hợp lệ:' },
  DQC_INPUT_NOT_FOUND: { en: 'No input matches {path}', vi: 'Không tìm thấy tệp đầu vào nào khớp với {path}' },
  DQC_INPUT_UNREADABLE: { en: 'Cannot read {path}: {reason}', vi: 'Không đọc được {path}: {reason}' },
  DQC_ENCODING_UNKNOWN: {
    en: 'Unknown encoding "{encoding}" (try utf-8, utf-16le, windows-1258, latin1)',
    vi: 'Không nhận ra bảng mã "{encoding}" (hãy thử utf-8, utf-16le, windows-1258, latin1)',
  },
  DQC_PACK_NOT_FOUND: {
    en: 'Rule pack "{pack}" not found (shipped packs: {shipped})',
    vi: 'Không tìm thấy bộ quy tắc "{pack}" (các bộ có sẵn: {shipped})',
  },
  DQC_PACK_PARSE: { en: 'Rule pack {file} is not valid {syntax}: {reason}', vi: 'Bộ quy tắc {file} không phải {syntax} hợp lệ: {reason}' },
  DQC_PACK_INVALID: {
    en: 'Rule pack {file} is invalid ({count} problems):',
    vi: 'Bộ quy tắc {file} không hợp lệ ({count} lỗi):',
  },
  DQC_EXTENDS_CYCLE: { en: 'Rule packs extend each other in a cycle: {cycle}', vi: 'Các bộ quy tắc kế thừa vòng tròn: {cycle}' },
  DQC_OUTPUT_UNWRITABLE: { en: 'Cannot write {path}: {reason}', vi: 'Không ghi được {path}: {reason}' },
  'error.internal': {
    en: 'Internal error (please report it): {message}',
    vi: 'Lỗi nội bộ (vui lòng báo lại cho nhóm phát triển): {message}',
  },
  'error.at': { en: 'at {location}', vi: 'tại {location}' },

  // Schema problems (ajv keywords), in packs and in check options
  'schema.required': { en: 'missing required property "{property}"', vi: 'thiếu thuộc tính bắt buộc "{property}"' },
  'schema.unknown-property': { en: 'unknown property "{property}"', vi: 'thuộc tính không được hỗ trợ "{property}"' },
  'schema.type': { en: 'must be of type {type}', vi: 'phải có kiểu {type}' },
  'schema.enum': { en: 'must be one of {allowed}', vi: 'phải là một trong các giá trị {allowed}' },
  'schema.pattern': { en: 'must match the pattern {pattern}', vi: 'phải khớp mẫu {pattern}' },
  'schema.minimum': { en: 'must be at least {limit}', vi: 'phải lớn hơn hoặc bằng {limit}' },
  'schema.maximum': { en: 'must be at most {limit}', vi: 'phải nhỏ hơn hoặc bằng {limit}' },
  'schema.too-short': { en: 'must have at least {limit} items or characters', vi: 'phải có ít nhất {limit} phần tử hoặc ký tự' },
  'schema.too-long': { en: 'must have at most {limit} items or characters', vi: 'chỉ được có tối đa {limit} phần tử hoặc ký tự' },
  'schema.other': { en: 'fails the schema rule "{keyword}" ({detail})', vi: 'không thỏa quy tắc lược đồ "{keyword}" ({detail})' },

  // Pack validation details
  'pack.unknown-check': { en: 'unknown check type "{check}" (known: {known})', vi: 'không có loại kiểm tra "{check}" (các loại có: {known})' },
  'pack.unknown-column': { en: 'column "{column}" is not declared in columns', vi: 'cột "{column}" chưa được khai báo trong columns' },
  'pack.column-count': {
    en: 'check type "{check}" takes {min} to {max} columns, got {count}',
    vi: 'loại kiểm tra "{check}" cần từ {min} đến {max} cột, nhưng có {count}',
  },
  'pack.check-setup': { en: 'check type "{check}" cannot use these options: {reason}', vi: 'loại kiểm tra "{check}" không dùng được các tùy chọn này: {reason}' },
  'pack.unsafe-pattern': {
    en: 'rule "{rule}": the pattern /{pattern}/{flags} can take too long (catastrophic backtracking): on a test value of {length} characters ({sample}) it ran for more than {ms} ms. The usual cause is a repeated group whose parts can match the same text, such as (a+)+, (\\w+\\s?)+ or (a|aa)+; rewrite it so that each character can be matched in one way only',
    vi: 'quy tắc "{rule}": biểu thức chính quy /{pattern}/{flags} có thể chạy quá lâu (quay lui bùng nổ): với một giá trị thử dài {length} ký tự ({sample}) nó chạy quá {ms} ms. Nguyên nhân thường gặp là một nhóm lặp mà các phần của nó khớp được cùng một đoạn văn bản, như (a+)+, (\\w+\\s?)+ hay (a|aa)+; hãy viết lại để mỗi ký tự chỉ khớp được theo một cách duy nhất',
  },
  'pack.missing-check': { en: 'rule "{id}" names no check type', vi: 'quy tắc "{id}" chưa chỉ định loại kiểm tra (check)' },
  'pack.missing-column': { en: 'check type "{check}" needs a column', vi: 'loại kiểm tra "{check}" cần chỉ định cột' },
  'pack.duplicate-rule': { en: 'rule id "{id}" is used twice in one pack', vi: 'mã quy tắc "{id}" bị dùng hai lần trong cùng một bộ' },
  'pack.bad-column-override': {
    en: '--column expects field=Header, got "{value}"',
    vi: '--column cần dạng trường=TênCột, nhưng nhận được "{value}"',
  },
  'pack.unknown-field': {
    en: '--column names field "{field}", which no pack declares (declared: {known})',
    vi: '--column dùng trường "{field}" mà không bộ quy tắc nào khai báo (các trường có: {known})',
  },

  // Input problems: findings about the file itself
  'file/empty': { en: 'The file is empty', vi: 'Tệp rỗng' },
  'file/no-data-rows': { en: 'The file has a header but no data rows', vi: 'Tệp chỉ có dòng tiêu đề, không có dòng dữ liệu' },
  'file/unclosed-quote': {
    en: 'A quote opened on line {line} is never closed: the rest of the file (from line {line}) could not be read as rows',
    vi: 'Dấu ngoặc kép mở ở dòng {line} không được đóng: phần còn lại của tệp (từ dòng {line}) không đọc được thành các dòng dữ liệu',
  },
  'file/parse-error': {
    en: 'Reading stopped at line {line}: {reason}',
    vi: 'Dừng đọc tại dòng {line}: {reason}',
  },
  'file/not-an-array': {
    en: 'A JSON file must hold an array of objects (or one object per line); found {found} at line {line}',
    vi: 'Tệp JSON phải chứa một mảng các đối tượng (hoặc mỗi dòng một đối tượng); gặp {found} ở dòng {line}',
  },
  'file/truncated-json': {
    en: 'The JSON ends before the array is closed (from line {line})',
    vi: 'Tệp JSON kết thúc trước khi mảng được đóng (từ dòng {line})',
  },
  // Hostile-input guards (src/input/limits.ts)
  'file/row-too-large': {
    en: 'A row starting on line {line} is larger than {limit} bytes (--max-field-size): reading stopped there and the rest of the file was not read. The usual cause is a quote that is never closed; if the row is real, raise --max-field-size',
    vi: 'Một dòng dữ liệu bắt đầu ở dòng {line} lớn hơn {limit} byte (--max-field-size): dừng đọc tại đó, phần còn lại của tệp không được đọc. Nguyên nhân thường gặp là một dấu ngoặc kép không được đóng; nếu dòng đó đúng là dài như vậy, hãy tăng --max-field-size',
  },
  'row/too-large': {
    en: 'The row is longer than {limit} characters (--max-field-size): it is not read; reading goes on with the next row',
    vi: 'Dòng dữ liệu dài hơn {limit} ký tự (--max-field-size): không đọc dòng này; tiếp tục đọc từ dòng sau',
  },
  'row/too-deep': {
    en: 'A value is nested more than {limit} levels deep: the row is not read',
    vi: 'Có giá trị lồng nhau sâu quá {limit} cấp: không đọc dòng này',
  },
  'row/too-many-fields': {
    en: 'Fields beyond the first {limit} columns are not read: {fields}',
    vi: 'Các trường vượt quá {limit} cột đầu tiên không được đọc: {fields}',
  },
  'header/blank': { en: 'Column {position} has no name; it is called "{name}" here', vi: 'Cột thứ {position} không có tên; tạm gọi là "{name}"' },
  'header/duplicate': {
    en: 'Column name "{name}" appears again at column {position}; that one is called "{renamed}" here',
    vi: 'Tên cột "{name}" lặp lại ở cột thứ {position}; cột này tạm gọi là "{renamed}"',
  },
  'header/nothing-bound': {
    en: 'No column matches a field of the rule packs (columns: {columns}); use --column field=Header or another pack',
    vi: 'Không cột nào khớp với trường của bộ quy tắc (các cột: {columns}); hãy dùng --column trường=TênCột hoặc bộ quy tắc khác',
  },
  'header/override-missing': {
    en: '--column {field}={header}: the file has no column "{header}"',
    vi: '--column {field}={header}: tệp không có cột "{header}"',
  },
  'row/inconsistent-columns': {
    en: 'Row has {found} fields, the header has {expected}',
    vi: 'Dòng có {found} trường, trong khi tiêu đề có {expected}',
  },
  'file/trailing-comma': {
    en: 'The JSON array has a comma before its closing bracket (line {line}); no row is read from it',
    vi: 'Mảng JSON có dấu phẩy ngay trước dấu đóng ngoặc (dòng {line}); không có dòng dữ liệu nào được đọc từ đó',
  },
  'row/rejected': { en: 'Row could not be read: {reason}', vi: 'Không đọc được dòng: {reason}' },
  'row/json-syntax': { en: 'Invalid JSON: {reason}', vi: 'JSON không hợp lệ: {reason}' },
  'row/not-an-object': { en: 'Expected a JSON object, found {found}', vi: 'Cần một đối tượng JSON, nhưng gặp {found}' },
  'row/new-fields': {
    en: 'Fields not in the first record: {fields} (not bound to any rule)',
    vi: 'Các trường không có trong bản ghi đầu tiên: {fields} (không gắn với quy tắc nào)',
  },
  'cell/invalid-utf8': {
    en: 'Invalid UTF-8 in column {column} (replaced by �); if the file is not UTF-8, give --encoding (e.g. windows-1258)',
    vi: 'Cột {column} chứa byte UTF-8 không hợp lệ (đã thay bằng �); nếu tệp không phải UTF-8, hãy dùng --encoding (ví dụ windows-1258)',
  },
  'cell/undecodable': {
    en: 'Column {column} has bytes that {encoding} cannot decode (replaced by �)',
    vi: 'Cột {column} có byte không giải mã được bằng {encoding} (đã thay bằng �)',
  },

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
  'cli.opt.delimiter': { en: 'CSV delimiter: , ; | or tab (default: sniffed)', vi: 'dấu phân cách CSV: , ; | hoặc tab (mặc định: tự nhận diện)' },
  'cli.opt.encoding': { en: 'encoding of files without a BOM, e.g. windows-1258, latin1 (default utf-8)', vi: 'bảng mã của tệp không có BOM, ví dụ windows-1258, latin1 (mặc định utf-8)' },
  'cli.opt.threads': {
    en: 'threads to share the rules between (default: one per core, up to 4, for inputs of 16 MB or more; 1 for smaller ones)',
    vi: 'số luồng để chia các quy tắc (mặc định: mỗi nhân một luồng, tối đa 4, khi dữ liệu vào từ 16 MB trở lên; 1 luồng khi nhỏ hơn)',
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
  'cli.bad-option-value': { en: '"{value}" is not valid ({expected})', vi: '"{value}" không hợp lệ ({expected})' },
  'cli.unknown-option': { en: 'unknown option {option}', vi: 'không có tùy chọn {option}' },
  'cli.unknown-command': { en: 'unknown command {command}', vi: 'không có lệnh {command}' },
  'cli.missing-argument': { en: 'missing argument {argument}', vi: 'thiếu tham số {argument}' },
  'cli.missing-option-value': { en: 'option {option} needs a value', vi: 'tùy chọn {option} cần một giá trị' },
  'cli.other': { en: '{message}', vi: '{message} (thông báo của commander)' },
  'cli.help-hint': { en: 'See dqc --help.', vi: 'Xem dqc --help.' },

  // Dimensions (DESIGN.md "The four dimensions")
  'dimension.true': { en: 'Đúng · True', vi: 'Đúng' },
  'dimension.sufficient': { en: 'Đủ · Sufficient', vi: 'Đủ' },
  'dimension.clean': { en: 'Sạch · Clean', vi: 'Sạch' },
  'dimension.alive': { en: 'Sống · Alive', vi: 'Sống' },
  'dimension.overall': { en: 'Overall', vi: 'Tổng thể' },

  // Gate reasons
  'gate.rule-failed': {
    en: 'rule {rule} ({severity}) failed on {failed} of {evaluated} rows',
    vi: 'quy tắc {rule} không đạt ở {failed} trên {evaluated} dòng',
  },
  'gate.dimension-below-min': {
    en: 'score of {dimension} is {score}, below the minimum {min}',
    vi: 'điểm {dimension} là {score}, thấp hơn mức tối thiểu {min}',
  },
  'gate.overall-below-min': { en: 'overall score {score} is below the minimum {min}', vi: 'điểm tổng thể {score} thấp hơn mức tối thiểu {min}' },
  'gate.too-many-warnings': { en: '{count} warnings, more than the {max} allowed', vi: '{count} cảnh báo, nhiều hơn mức cho phép {max}' },
  'gate.input-problems': { en: '{file} has {count} input errors', vi: '{file} có {count} lỗi đầu vào' },
  'gate.input-incomplete': { en: '{file} could not be read completely', vi: 'không đọc được trọn vẹn {file}' },

  // Console report
  'console.input': {
    en: '{path}: {rows} rows, {format}, {encoding}{delimiter}',
    vi: '{path}: {rows} dòng, {format}, {encoding}{delimiter}',
  },
  'console.delimiter': { en: ', delimiter {delimiter}', vi: ', dấu phân cách {delimiter}' },
  'console.rejected': { en: '{count} rows could not be read', vi: '{count} dòng không đọc được' },
  'console.problem-more': { en: '… and {count} more', vi: '… và {count} trường hợp khác' },
  'console.at-line': { en: 'line {line}', vi: 'dòng {line}' },
  'console.at-row': { en: 'row {row}, line {line}', vi: 'dòng dữ liệu {row}, dòng {line} của tệp' },
  'console.rule-line': { en: '{failed} of {evaluated} ({rate})', vi: '{failed} trên {evaluated} ({rate})' },
  'console.dataset': { en: 'whole file', vi: 'toàn tệp' },
  'console.fix': { en: 'fix: {action} {value}', vi: 'đề xuất sửa: {action} {value}' },
  'console.skipped': { en: 'skipped: column {columns} not found in {file}', vi: 'bỏ qua: không có cột {columns} trong {file}' },
  'console.no-score': { en: 'no rule evaluated', vi: 'không có quy tắc nào được đánh giá' },
  'console.scores': { en: 'Scores', vi: 'Điểm' },
  'console.gate-passed': { en: 'Gate passed', vi: 'Đạt yêu cầu' },
  'console.gate-failed': { en: 'Gate failed', vi: 'Không đạt yêu cầu' },
  'console.incomplete': {
    en: 'Some input could not be read completely: results are partial (exit code 2)',
    vi: 'Có tệp đầu vào không đọc được trọn vẹn: kết quả chưa đầy đủ (mã thoát 2)',
  },
  'console.summary': {
    en: '{files} file(s), {rows} rows, {rules} rules: {failed} failed, {skipped} skipped; {errors} error and {warnings} warning findings in {seconds} s',
    vi: '{files} tệp, {rows} dòng, {rules} quy tắc: {failed} không đạt, {skipped} bỏ qua; {errors} lỗi và {warnings} cảnh báo, trong {seconds} giây',
  },
  'console.input-problems': { en: 'Input problems', vi: 'Lỗi đầu vào' },
  'severity.error': { en: 'error', vi: 'lỗi' },
  'severity.warning': { en: 'warning', vi: 'cảnh báo' },
  'severity.info': { en: 'info', vi: 'thông tin' },
} satisfies Record<string, Bilingual>;

export type MessageKey = keyof typeof messages;

export function t(lang: Lang, key: MessageKey, data?: MessageData): string {
  return renderBilingual(messages[key], lang, data);
}
