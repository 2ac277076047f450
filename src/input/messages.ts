import type { Bilingual } from '../model.js';

// Input problems: what can be wrong with a file itself (codes in ./problems.ts), in both languages.
export const inputMessages = {

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
  'row/blank': {
    en: 'Blank row (no cell has a value): not checked and not counted as a data row; delete it, or fill it in if it should hold data',
    vi: 'Dòng trống (không ô nào có giá trị): không được kiểm tra và không tính là dòng dữ liệu; hãy xoá dòng này, hoặc điền dữ liệu nếu dòng đó cần có dữ liệu',
  },
  'row/rejected': { en: 'Row could not be read: {reason}', vi: 'Không đọc được dòng: {reason}' },
  'row/json-syntax': { en: 'Invalid JSON: {reason}', vi: 'JSON không hợp lệ: {reason}' },
  'row/not-an-object': { en: 'Expected a JSON object, found {found}', vi: 'Cần một đối tượng JSON, nhưng gặp {found}' },
  'row/new-fields': {
    en: 'Fields not in the first record: {fields} (not bound to any rule)',
    vi: 'Các trường không có trong bản ghi đầu tiên: {fields} (không gắn với quy tắc nào)',
  },
  'cell/stored-as-number': {
    en: 'Column {column} holds a number where the pack expects text ({value}): Excel drops the leading zeros of a number, and every digit past the 15th; store the column as Text',
    vi: 'Cột {column} chứa một số trong khi gói quy tắc cần văn bản ({value}): Excel bỏ các chữ số 0 ở đầu của một số, và mọi chữ số sau chữ số thứ 15; hãy định dạng cột là Text (Văn bản)',
  },
  'cell/excel-error': {
    en: 'Column {column} holds the Excel error {error}: read as an empty cell',
    vi: 'Cột {column} chứa lỗi Excel {error}: được đọc như một ô trống',
  },
  'file/formulas': {
    en: 'Formula cells read by the value Excel last computed for them (the formulas are not recomputed): {count}',
    vi: 'Số ô công thức được đọc theo giá trị Excel tính lần cuối (công thức không được tính lại): {count}',
  },
  'cell/invalid-utf8': {
    en: 'Invalid UTF-8 in column {column} (replaced by �); if the file is not UTF-8, give --encoding (e.g. windows-1258)',
    vi: 'Cột {column} chứa byte UTF-8 không hợp lệ (đã thay bằng �); nếu tệp không phải UTF-8, hãy dùng --encoding (ví dụ windows-1258)',
  },
  'cell/stray-quote': {
    en: 'Column "{column}": the value starts with spaces and then a quote ({quote}), which was read as part of the value, not as the start of a quoted field. If the file puts a space after each delimiter (", "), read it with --skip-initial-space (or skip_initial_space: true in the dialect of the pack)',
    vi: 'Cột "{column}": giá trị bắt đầu bằng khoảng trắng rồi đến dấu ngoặc ({quote}), dấu ngoặc này được đọc như một phần của giá trị chứ không mở một trường có ngoặc. Nếu tệp đặt một khoảng trắng sau mỗi dấu phân cách (", "), hãy đọc với --skip-initial-space (hoặc skip_initial_space: true trong dialect của bộ quy tắc)',
  },
  'cell/undecodable': {
    en: 'Column {column} has bytes that {encoding} cannot decode (replaced by �)',
    vi: 'Cột {column} có byte không giải mã được bằng {encoding} (đã thay bằng �)',
  },
  // Header against the pack's fields (codes of pack/bound-input.ts)
  'header/unknown-column': {
    en: 'Column "{name}" (column {position}) matches no field of the rule packs, so no rule checks it; if it is a field under another name, add that name to the field\'s aliases or use --column field=Header',
    vi: 'Cột "{name}" (cột thứ {position}) không khớp với trường nào của bộ quy tắc nên không quy tắc nào kiểm tra nó; nếu đó là một trường mang tên khác, hãy thêm tên này vào aliases của trường hoặc dùng --column trường=TênCột',
  },
  'header/missing-column': {
    en: 'No column of the file is the field {field} (names it binds: {names}); the rules on it are skipped',
    vi: 'Tệp không có cột nào là trường {field} (các tên được nhận: {names}); các quy tắc trên trường này bị bỏ qua',
  },
} satisfies Record<string, Bilingual>;
