import type { Bilingual } from '../model.js';

// Operational texts: why a run cannot be done (exit code 2). Every DqcError code has its text here, so
// that an error can be said in either language by whoever catches it; pack and schema problems are the
// details of DQC_PACK_INVALID and DQC_FIXES_INVALID.
export const operationalMessages = {
  // Operational errors (exit code 2)
  DQC_USAGE: { en: 'Invalid command line:', vi: 'Dòng lệnh không hợp lệ:' },
  DQC_INPUT_NOT_FOUND: { en: 'No input matches {path}', vi: 'Không tìm thấy tệp đầu vào nào khớp với {path}' },
  DQC_INPUT_UNREADABLE: { en: 'Cannot read {path}: {reason}', vi: 'Không đọc được {path}: {reason}' },
  DQC_INPUT_NOT_TEXT: {
    en: '{path} is not a text file: dqc reads tables from CSV, TSV, JSON and JSON Lines files (gzip-compressed or not) and from Parquet files',
    vi: '{path} không phải là tệp văn bản: dqc đọc bảng dữ liệu từ tệp CSV, TSV, JSON và JSON Lines (có nén gzip hay không) và từ tệp Parquet',
  },
  // DQC_INPUT_NOT_TEXT's detail: what the file is, and what to do (src/input/magic.ts)
  'input.not-text.xlsx': {
    en: 'it is an Excel workbook (.xlsx) compressed with gzip: decompress it first (gunzip); dqc reads .xlsx files as they are',
    vi: 'đây là tệp bảng tính Excel (.xlsx) bị nén gzip: hãy giải nén trước (gunzip); dqc đọc trực tiếp được tệp .xlsx',
  },


  'input.not-text.ods': {
    en: 'it is an OpenDocument spreadsheet (.ods). Open it in LibreOffice Calc, choose File > Save As, type "Text CSV (.csv)", character set "Unicode (UTF-8)", and give dqc the .csv file; workbooks are not read directly yet',
    vi: 'đây là tệp bảng tính OpenDocument (.ods). Hãy mở bằng LibreOffice Calc, chọn File > Save As, kiểu "Text CSV (.csv)", bảng mã "Unicode (UTF-8)", rồi đưa tệp .csv cho dqc; dqc chưa đọc trực tiếp được tệp bảng tính',
  },
  'input.not-text.xls': {
    en: 'it is an old-format Excel workbook (.xls) or another Microsoft Office file. Open it in Excel, choose File > Save As > "CSV UTF-8 (Comma delimited) (*.csv)", and give dqc the .csv file; workbooks are not read directly yet',
    vi: 'đây là tệp bảng tính Excel định dạng cũ (.xls) hoặc một tệp Microsoft Office khác. Hãy mở bằng Excel, chọn File > Save As > "CSV UTF-8 (Comma delimited) (*.csv)", rồi đưa tệp .csv cho dqc; dqc chưa đọc trực tiếp được tệp bảng tính',
  },
  'input.not-text.zip': {
    en: 'it is a zip archive. Extract it and give dqc the CSV or JSON files inside (a .gz file is read as it is)',
    vi: 'đây là tệp nén zip. Hãy giải nén rồi đưa cho dqc các tệp CSV hoặc JSON bên trong (tệp .gz thì dqc đọc trực tiếp được)',
  },
  'input.not-text.pdf': {
    en: 'it is a PDF document. dqc cannot read a table out of a PDF: export the data from the program that made it as "CSV UTF-8"',
    vi: 'đây là tài liệu PDF. dqc không đọc được bảng dữ liệu trong tệp PDF: hãy xuất dữ liệu từ phần mềm đã tạo ra nó dưới dạng "CSV UTF-8"',
  },
  'input.not-text.png': {
    en: 'it is an image (PNG). dqc reads data, not pictures of it: export the data as "CSV UTF-8"',
    vi: 'đây là tệp ảnh (PNG). dqc đọc dữ liệu, không đọc ảnh chụp dữ liệu: hãy xuất dữ liệu dưới dạng "CSV UTF-8"',
  },
  'input.not-text.jpeg': {
    en: 'it is an image (JPEG). dqc reads data, not pictures of it: export the data as "CSV UTF-8"',
    vi: 'đây là tệp ảnh (JPEG). dqc đọc dữ liệu, không đọc ảnh chụp dữ liệu: hãy xuất dữ liệu dưới dạng "CSV UTF-8"',
  },
  'input.not-text.gif': {
    en: 'it is an image (GIF). dqc reads data, not pictures of it: export the data as "CSV UTF-8"',
    vi: 'đây là tệp ảnh (GIF). dqc đọc dữ liệu, không đọc ảnh chụp dữ liệu: hãy xuất dữ liệu dưới dạng "CSV UTF-8"',
  },
  'input.not-text.elf': {
    en: 'it is a program (Linux/Unix executable), not data: check the file name and give dqc the data file',
    vi: 'đây là một chương trình (tệp thực thi Linux/Unix), không phải dữ liệu: hãy kiểm tra lại tên tệp và đưa cho dqc tệp dữ liệu',
  },
  'input.not-text.parquet': {
    en: 'it is a Parquet file. dqc check, profile, init and reconcile read it as it is; dqc fix writes CSV or JSON Lines only: check the Parquet file, then apply the fix list to a CSV export of it',
    vi: 'đây là tệp Parquet. Các lệnh dqc check, profile, init và reconcile đọc trực tiếp được tệp này; dqc fix chỉ ghi CSV hoặc JSON Lines: hãy kiểm tra tệp Parquet, rồi áp dụng danh sách sửa lỗi cho bản xuất CSV của nó',
  },
  'input.not-text.exe': {
    en: 'it is a program (Windows .exe or .dll), not data: check the file name and give dqc the data file',
    vi: 'đây là một chương trình (tệp .exe hoặc .dll của Windows), không phải dữ liệu: hãy kiểm tra lại tên tệp và đưa cho dqc tệp dữ liệu',
  },
  DQC_SHEET_NOT_FOUND: {
    en: '{path} has no sheet "{sheet}"; its sheets are: {sheets} (give --sheet a name or a number from 1)',
    vi: '{path} không có trang tính "{sheet}"; các trang tính của tệp: {sheets} (--sheet nhận tên hoặc số thứ tự từ 1)',
  },
  DQC_HEADER_ROW_NOT_FOUND: {
    en: '{path}: sheet "{sheet}" has no row {row} (--header-row); its last row is {last}',
    vi: '{path}: trang tính "{sheet}" không có dòng {row} (--header-row); dòng cuối của trang là {last}',
  },
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
  // Where a detail is in its file, and the name a misspelt one was most likely meant to be
  'error.line-column': { en: 'line {line}, column {column}', vi: 'dòng {line}, cột {column}' },
  'error.did-you-mean': { en: 'did you mean "{suggestion}"?', vi: 'có phải ý bạn là "{suggestion}"?' },

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
  'pack.unknown-check-near': { en: 'unknown check type "{check}"', vi: 'không có loại kiểm tra "{check}"' },
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
  'pack.duplicate-key': {
    en: 'key "{key}" is given twice in one object (first on line {first}); only the last would be read, so a pack may give each key once',
    vi: 'khóa "{key}" được khai báo hai lần trong cùng một đối tượng (lần đầu ở dòng {first}); chỉ lần cuối được đọc, nên mỗi khóa chỉ được khai báo một lần',
  },
  'pack.shared-header': {
    en: 'fields "{field}" and "{other}" both bind a header named "{header}" (compared ignoring case, diacritics, spaces, underscores, dots and hyphens): a column can be bound to one field only',
    vi: 'hai trường "{field}" và "{other}" cùng gắn với cột tên "{header}" (so sánh không phân biệt hoa thường, dấu, khoảng trắng, gạch dưới, dấu chấm và gạch ngang): mỗi cột chỉ được gắn với một trường',
  },
  'pack.bad-column-override': {
    en: '--column expects field=Header, got "{value}"',
    vi: '--column cần dạng trường=TênCột, nhưng nhận được "{value}"',
  },
  'pack.override-shared': {
    en: '--column {field}={header} and --column {other}={otherHeader} bind two fields to one header; a column can be bound to one field only',
    vi: '--column {field}={header} và --column {other}={otherHeader} gắn hai trường với cùng một cột; mỗi cột chỉ được gắn với một trường',
  },
  'pack.unknown-field': {
    en: '--column names field "{field}", which no pack declares (declared: {known})',
    vi: '--column dùng trường "{field}" mà không bộ quy tắc nào khai báo (các trường có: {known})',
  },
  'pack.no-same-person-rule': {
    en: 'the packs have no same-person rule to use the model with (add one, or leave the option out)',
    vi: 'các bộ quy tắc không có quy tắc same-person nào để dùng mô hình (thêm một quy tắc, hoặc bỏ tùy chọn này)',
  },
  'pack.several-same-person-rules': {
    en: 'the packs have {count} same-person rules ({rules}): one model file cannot be written for all; set save_model on each rule in the pack instead',
    vi: 'các bộ quy tắc có {count} quy tắc same-person ({rules}): không thể ghi một tệp mô hình cho tất cả; hãy đặt save_model cho từng quy tắc trong bộ quy tắc',
  },
  // Errors of the commands (dqc fix, dqc reconcile, dqc init)
  DQC_FIXES_INVALID: { en: 'dqc fix cannot use {path}:', vi: 'dqc fix không dùng được {path}:' },
  DQC_KEY_NOT_BOUND: {
    en: 'No column of {file} is bound to the key field {field} (columns: {columns}); use {option} {field}=Header',
    vi: 'Không cột nào của {file} được gắn với trường khóa {field} (các cột: {columns}); hãy dùng {option} {field}=TênCột',
  },
  DQC_INPUT_CHANGED: {
    en: '{path} changed while dqc was reading it (it is read twice); run again on a copy that does not change',
    vi: '{path} đã thay đổi trong lúc dqc đang đọc (tệp được đọc hai lần); hãy chạy lại trên một bản sao không bị thay đổi',
  },
  DQC_CONFIG_EXISTS: {
    en: '{path} already exists; dqc init never overwrites a config: use --force to replace it, or -o to write another file',
    vi: '{path} đã tồn tại; dqc init không bao giờ ghi đè tệp cấu hình: dùng --force để thay thế, hoặc -o để ghi ra tệp khác',
  },
  // A usage error's detail: an option (of the command line or of the library) with a value it cannot take
  'cli.bad-option-value': { en: '"{value}" is not valid ({expected})', vi: '"{value}" không hợp lệ ({expected})' },
} satisfies Record<string, Bilingual>;

export type OperationalKey = keyof typeof operationalMessages;
