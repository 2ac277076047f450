import type { Bilingual } from '../model.js';

// Fix lists and `dqc fix`: user-visible texts in both languages (DQC_FIXES_INVALID is in src/messages/operational.ts).
export const fixMessages = {
  'fix.list-not-utf8': {
    en: 'the fix list is not UTF-8; save it from the spreadsheet as "CSV UTF-8"',
    vi: 'danh sách sửa lỗi không ở bảng mã UTF-8; hãy lưu lại từ bảng tính dưới dạng "CSV UTF-8"',
  },
  'fix.list-unreadable': { en: 'cannot be read: {reason}', vi: 'không đọc được: {reason}' },
  'fix.workbook-output': {
    en: 'a fixed workbook is written as a workbook (.xlsx) or as the fixed sheet in CSV (.csv): give -o one of those, not {path}',
    vi: 'bảng tính sau khi sửa được ghi ra thành bảng tính (.xlsx) hoặc trang tính được sửa ở dạng CSV (.csv): hãy cho -o một trong hai loại đó, không phải {path}',
  },
  'fix.summary.workbook': {
    en: 'The workbook keeps every sheet, value and number format; styles, formulas (their last values are written), merged cells, charts, images and comments are not kept',
    vi: 'Bảng tính giữ mọi trang tính, giá trị và định dạng số; không giữ kiểu trình bày, công thức (ghi giá trị tính lần cuối), ô gộp, biểu đồ, hình ảnh và chú thích',
  },
  'fix.no-fix-for-input': {
    en: 'no record of the list is for {input}; the list names {files}',
    vi: 'không có bản ghi nào trong danh sách dành cho {input}; danh sách chỉ nêu {files}',
  },
  'fix.ambiguous-file': {
    en: 'records of the list name several files called {name} ({files}); give the input path exactly as the list writes it',
    vi: 'danh sách nêu nhiều tệp cùng tên {name} ({files}); hãy chỉ định đường dẫn tệp đầu vào đúng như trong danh sách',
  },
  'fix.input-unclosed-quote': {
    en: 'a quote opened on line {line} is never closed: the rows after it cannot be told apart, so no row can be fixed safely',
    vi: 'dấu ngoặc kép mở ở dòng {line} không được đóng: không tách được các dòng sau đó, nên không thể sửa an toàn',
  },
  'fix.input-row-too-large': {
    en: 'the row starting on line {line} is larger than {limit} bytes (--max-field-size), where dqc check stops reading too; most often a quote that is never closed',
    vi: 'dòng dữ liệu bắt đầu ở dòng {line} lớn hơn {limit} byte (--max-field-size), nơi dqc check cũng dừng đọc; thường do một dấu ngoặc kép không được đóng',
  },
  'fix.input-json-array': {
    en: 'dqc fix reads CSV/TSV and NDJSON (one object per line), not a JSON array; convert it to NDJSON first',
    vi: 'dqc fix đọc được CSV/TSV và NDJSON (mỗi dòng một đối tượng), không đọc mảng JSON; hãy chuyển tệp sang NDJSON trước',
  },
  'fix.cannot-write-encoding': {
    en: 'dqc fix cannot write {encoding} back; add --utf8 to write the output in UTF-8',
    vi: 'dqc fix không ghi lại được bảng mã {encoding}; hãy thêm --utf8 để ghi tệp kết quả bằng UTF-8',
  },
  'fix.same-file': {
    en: '{option} {path} is the input itself: dqc fix never writes in place',
    vi: '{option} {path} chính là tệp đầu vào: dqc fix không bao giờ ghi đè lên tệp đầu vào',
  },
  'fix.outputs-clash': { en: '{first} and {second} are the same file', vi: '{first} và {second} là cùng một tệp' },
  'fix.unknown-key-field': {
    en: '--key names field "{field}", which no pack declares (declared: {known})',
    vi: '--key dùng trường "{field}" mà không bộ quy tắc nào khai báo (các trường có: {known})',
  },
  'fix.option-required': { en: 'dqc fix needs {option}', vi: 'dqc fix cần tùy chọn {option}' },
  'fix.bad-confidence': { en: '"{value}" is not valid (a number from 0 to 1)', vi: '"{value}" không hợp lệ (một số từ 0 đến 1)' },

  // Command line
  'cli.opt.fixes': {
    en: 'also write a fix list: fixes.csv (UTF-8 with BOM, safe to open in Excel) or fixes.jsonl',
    vi: 'ghi thêm danh sách sửa lỗi: fixes.csv (UTF-8 có BOM, mở an toàn bằng Excel) hoặc fixes.jsonl',
  },
  'cli.opt.key': {
    en: 'field whose value names each record in the fix list (default id_number)',
    vi: 'trường dùng để nhận diện bản ghi trong danh sách sửa lỗi (mặc định id_number)',
  },
  'cli.fix': {
    en: 'apply a fix list to an export and write a new file (never in place), with an audit log',
    vi: 'áp dụng danh sách sửa lỗi vào tệp dữ liệu và ghi ra tệp mới (không ghi đè), kèm nhật ký kiểm toán',
  },
  'cli.fix.input': {
    en: 'the export the fix list was made from (CSV/TSV or NDJSON, optionally .gz)',
    vi: 'tệp dữ liệu đã dùng để lập danh sách sửa lỗi (CSV/TSV hoặc NDJSON, có thể nén .gz)',
  },
  'cli.fix.opt.fixes': {
    en: 'fix list from dqc check --fixes (.csv or .jsonl), edited or not',
    vi: 'danh sách sửa lỗi từ dqc check --fixes (.csv hoặc .jsonl), đã chỉnh sửa hoặc chưa',
  },
  'cli.fix.opt.output': { en: 'where to write the fixed file (not the input)', vi: 'nơi ghi tệp đã sửa (không được là tệp đầu vào)' },
  'cli.fix.opt.only-rules': {
    en: 'apply only the fixes of these rules (comma-separated, repeatable)',
    vi: 'chỉ áp dụng các sửa lỗi của những quy tắc này (phân tách bằng dấu phẩy, dùng được nhiều lần)',
  },
  'cli.fix.opt.min-confidence': {
    en: 'apply only fixes with at least this confidence (0 to 1)',
    vi: 'chỉ áp dụng các sửa lỗi có độ tin cậy từ mức này trở lên (0 đến 1)',
  },
  'cli.fix.opt.audit': { en: 'audit log (JSONL), default <output>.audit.jsonl', vi: 'nhật ký kiểm toán (JSONL), mặc định <output>.audit.jsonl' },
  'cli.fix.opt.dropped': {
    en: 'file for the dropped rows, in the input format; default <output>.dropped.<ext>',
    vi: 'tệp chứa các dòng bị loại, cùng định dạng với đầu vào; mặc định <output>.dropped.<ext>',
  },
  'cli.fix.opt.quiet': { en: 'no summary (the audit log is still written)', vi: 'không in tóm tắt (nhật ký kiểm toán vẫn được ghi)' },
  'cli.fix.opt.utf8': {
    en: 'write the output in UTF-8 (with a BOM) whatever the input encoding',
    vi: 'ghi tệp kết quả bằng UTF-8 (có BOM) bất kể bảng mã của tệp đầu vào',
  },

  // Summary of dqc fix
  'fix.summary.files': { en: '{input} → {output}', vi: '{input} → {output}' },
  'fix.summary.encoding': { en: 'written in {encoding} (the input was {input_encoding})', vi: 'ghi bằng bảng mã {encoding} (tệp đầu vào dùng {input_encoding})' },
  'fix.summary.rows': {
    en: 'Rows: {in} in = {out} out + {dropped} dropped ({dropped_file})',
    vi: 'Dòng dữ liệu: {in} vào = {out} ra + {dropped} bị loại ({dropped_file})',
  },
  'fix.summary.fixes': {
    en: 'Fixes: {applied} applied, {conflicts} conflicts, {skipped} skipped',
    vi: 'Sửa lỗi: {applied} đã áp dụng, {conflicts} xung đột, {skipped} bỏ qua',
  },
  'fix.summary.reason': { en: '{reason}: {count}', vi: '{reason}: {count}' },
  'fix.summary.other-files': { en: '{count} records of the list are for other files', vi: '{count} bản ghi của danh sách dành cho tệp khác' },
  'fix.summary.conflicts': { en: 'Conflicts (not applied):', vi: 'Xung đột (không áp dụng):' },
  'fix.summary.conflict': {
    en: 'row {row}, {column}: {reason}; expected "{expected}", found "{found}" (fix {fix_id}, rule {rule})',
    vi: 'dòng {row}, {column}: {reason}; cần "{expected}", gặp "{found}" (sửa lỗi {fix_id}, quy tắc {rule})',
  },
  'fix.summary.more': { en: '… and {count} more in the audit log', vi: '… và {count} trường hợp khác trong nhật ký kiểm toán' },
  'fix.summary.audit': { en: 'Audit log: {audit}', vi: 'Nhật ký kiểm toán: {audit}' },
  'fix.summary.all-applied': { en: 'Every selected fix was applied', vi: 'Đã áp dụng mọi sửa lỗi được chọn' },
  'fix.summary.has-conflicts': {
    en: 'Some fixes were not applied because the data changed since the check (exit code 1)',
    vi: 'Một số sửa lỗi không được áp dụng vì dữ liệu đã thay đổi kể từ lần kiểm tra (mã thoát 1)',
  },

  // Why a fix was not applied (audit `reason`), shown in the summary
  'fix.reason.review': { en: 'needs a person (review)', vi: 'cần người xem xét (review)' },
  'fix.reason.not-accepted': { en: 'not accepted in the list', vi: 'không được chấp nhận trong danh sách' },
  'fix.reason.rule-not-selected': { en: 'rule not in --only-rules', vi: 'quy tắc không nằm trong --only-rules' },
  'fix.reason.low-confidence': { en: 'confidence under --min-confidence', vi: 'độ tin cậy thấp hơn --min-confidence' },
  'fix.reason.row-dropped': { en: 'its row was dropped by another fix', vi: 'dòng đã bị loại bởi một sửa lỗi khác' },
  'fix.reason.already': { en: 'the cell already holds the proposed value', vi: 'ô đã có sẵn giá trị đề xuất' },
  'fix.reason.unencodable': {
    en: 'the new value cannot be written in the file encoding (use --utf8)',
    vi: 'giá trị mới không ghi được bằng bảng mã của tệp (hãy dùng --utf8)',
  },
  'fix.reason.would-blank-row': {
    en: 'emptying the last non-empty cell would turn the row into a blank row, which is not a data row',
    vi: 'xóa ô cuối cùng còn giá trị sẽ biến dòng thành dòng trống, không còn là dòng dữ liệu',
  },
  'fix.reason.changed': { en: 'the cell no longer holds the value the fix expects', vi: 'ô không còn giữ giá trị mà sửa lỗi mong đợi' },
  'fix.reason.spreadsheet': {
    en: 'changed by a spreadsheet (leading zeros lost, or a number in scientific notation): import the list with its columns as Text',
    vi: 'bị bảng tính thay đổi (mất số 0 ở đầu, hoặc thành số dạng khoa học): hãy nhập danh sách với các cột ở dạng Văn bản (Text)',
  },
  'fix.reason.column-missing': { en: 'the file has no such column', vi: 'tệp không có cột này' },
  'fix.reason.cell-missing': { en: 'the row has no cell in that column', vi: 'dòng không có ô ở cột này' },
  'fix.reason.row-missing': { en: 'the file has no such row', vi: 'tệp không có dòng này' },
  'fix.reason.unreadable-row': { en: 'the row cannot be read', vi: 'không đọc được dòng này' },
  'fix.reason.target-dropped': {
    en: 'the row to merge into is itself to be dropped',
    vi: 'dòng cần gộp vào cũng sắp bị loại',
  },
  'fix.reason.bad-target': { en: 'proposed_value is not another row number of the file', vi: 'proposed_value không phải số thứ tự của một dòng khác trong tệp' },
} satisfies Record<string, Bilingual>;

export type FixMessageKey = keyof typeof fixMessages;
