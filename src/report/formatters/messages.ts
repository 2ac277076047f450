import type { Bilingual } from '../../model.js';

// Labels of the HTML, Markdown and JUnit reports: user-visible texts in both languages, merged into the catalog in src/report/messages.ts.
// "Dimension" is "tiêu chí" in Vietnamese: Đúng, Đủ, Sạch, Sống are the four criteria of the data formula.
export const reportMessages = {
  // Heading and verdict
  'report.title': { en: 'Data quality report', vi: 'Báo cáo chất lượng dữ liệu' },
  'report.motto': { en: 'Đúng, Đủ, Sạch, Sống — true, sufficient, clean, alive', vi: 'Đúng, Đủ, Sạch, Sống — dữ liệu đúng, đủ, sạch, sống' },
  'report.overview': {
    en: '{files} file(s), {rows} rows, {rules} rules · checked {started} · dates judged as of {asOf}',
    vi: '{files} tệp, {rows} dòng, {rules} quy tắc · kiểm tra lúc {started} · ngày đánh giá {asOf}',
  },
  'report.verdict.passed': { en: 'Gate passed', vi: 'Đạt yêu cầu' },
  'report.verdict.failed': { en: 'Gate failed', vi: 'Không đạt yêu cầu' },
  'report.verdict.incomplete': {
    en: 'Incomplete: some input could not be read to the end, so the results are partial (exit code 2)',
    vi: 'Chưa đầy đủ: có tệp đầu vào không đọc được đến hết nên kết quả chỉ là một phần (mã thoát 2)',
  },

  // Scores
  'report.scores': { en: 'Scores', vi: 'Điểm chất lượng' },
  'report.scores.chart': { en: 'Scores by dimension, 0 to 100', vi: 'Điểm theo từng tiêu chí, thang 0 đến 100' },
  'report.scores.note': {
    en: 'Each dimension scores 0–100: the pass rate of its worst rule (failed rows ÷ rows checked, a warning rule counting a third of an error rule; info rules do not score), so it falls as far as the share of records one rule fails; rules judged once for a whole file (fill rate, row count) act through the verdict, not the score. Overall is the lowest dimension score. “–”: no rule looked at a record of that dimension. The colour follows the gate: red when the dimension holds a rule that fails the gate, amber when it holds a failed rule that does not.',
    vi: 'Mỗi tiêu chí được chấm 0–100: tỷ lệ đạt của quy tắc kém nhất trong tiêu chí đó (số dòng lỗi ÷ số dòng được kiểm tra, quy tắc mức cảnh báo tính bằng một phần ba quy tắc mức lỗi; quy tắc mức thông tin không tính điểm), nên điểm giảm đúng bằng tỷ lệ bản ghi mà một quy tắc phát hiện lỗi; quy tắc đánh giá cả tệp một lần (tỷ lệ điền, số dòng) tác động qua kết luận, không qua điểm. Điểm tổng thể là điểm thấp nhất trong các tiêu chí. “–”: không có quy tắc nào kiểm tra bản ghi thuộc tiêu chí đó. Màu sắc theo kết luận chung: đỏ khi tiêu chí có quy tắc làm kết quả không đạt, vàng cam khi có quy tắc không đạt nhưng không làm kết quả chung không đạt.',
  },
  'report.no-score': { en: 'no rule evaluated', vi: 'chưa có quy tắc nào được đánh giá' },

  // Gate
  'report.gate': { en: 'Verdict', vi: 'Kết luận' },
  'report.gate.why': { en: 'Why the gate failed:', vi: 'Lý do không đạt:' },
  'report.gate.ok': {
    en: 'Every rule that can fail the gate passed, every score is at or above its minimum, and every input was read without errors.',
    vi: 'Mọi quy tắc có thể làm kết quả không đạt đều đạt, không điểm nào thấp hơn mức tối thiểu và mọi tệp đầu vào đều đọc được mà không có lỗi.',
  },

  // Rules
  'report.rules': { en: 'Rules, by impact', vi: 'Các quy tắc, theo mức ảnh hưởng' },
  'report.rules.note': {
    en: 'Failed rules first, then by the score they cost (severity weight × fail rate). The bar shows the fail rate.',
    vi: 'Quy tắc không đạt đứng trước, sau đó xếp theo số điểm bị mất (trọng số mức độ × tỷ lệ lỗi). Thanh ngang thể hiện tỷ lệ lỗi.',
  },
  'report.col.rule': { en: 'Rule', vi: 'Quy tắc' },
  'report.col.dimension': { en: 'Dimension', vi: 'Tiêu chí' },
  'report.col.severity': { en: 'Severity', vi: 'Mức độ' },
  'report.col.status': { en: 'Result', vi: 'Kết quả' },
  'report.col.failed': { en: 'Failed rows', vi: 'Số dòng lỗi' },
  'report.col.fail-rate': { en: 'Fail rate', vi: 'Tỷ lệ lỗi' },
  'report.col.description': { en: 'What it checks', vi: 'Nội dung kiểm tra' },
  'report.failed-of': { en: '{failed} of {evaluated}', vi: '{failed} trên {evaluated}' },
  'report.status.passed': { en: 'passed', vi: 'đạt' },
  'report.status.failed': { en: 'failed', vi: 'không đạt' },
  'report.status.skipped': { en: 'skipped', vi: 'bỏ qua' },
  'report.skipped': { en: 'column {columns} not found in {file}', vi: 'không có cột {columns} trong {file}' },
  'report.limit.none': { en: 'none (one failed row fails the rule)', vi: 'không có (chỉ một dòng lỗi là quy tắc không đạt)' },
  'report.limit.failures': { en: 'at most {max} failed rows', vi: 'tối đa {max} dòng lỗi' },
  'report.limit.rate': { en: 'a fail rate of at most {rate}', vi: 'tỷ lệ lỗi tối đa {rate}' },

  // Duplicates
  'report.duplicates': { en: 'Duplicate clusters', vi: 'Các nhóm bản ghi trùng lặp' },
  'report.duplicates.note': {
    en: 'Built from the samples kept: {shown} of {findings} duplicate rows (raise --sample to see more).',
    vi: 'Lập từ các lỗi mẫu được giữ lại: {shown} trên {findings} dòng trùng lặp (tăng --sample để xem thêm).',
  },
  'report.duplicates.none': { en: 'No duplicate found.', vi: 'Không phát hiện bản ghi trùng lặp.' },
  'report.col.cluster': { en: 'Cluster', vi: 'Nhóm' },
  'report.col.kind': { en: 'Kind', vi: 'Loại' },
  'report.col.rows': { en: 'Rows', vi: 'Các dòng' },
  'report.col.keep': { en: 'Row to keep', vi: 'Dòng giữ lại' },
  'report.col.key': { en: 'Key', vi: 'Khóa' },
  'report.dup.identical': { en: 'identical rows', vi: 'các dòng giống hệt nhau' },
  'report.dup.formatting': {
    en: 'differ only in spaces, case or Unicode form',
    vi: 'chỉ khác về khoảng trắng, chữ hoa/thường hoặc dạng Unicode',
  },
  'report.dup.conflict': { en: 'one number, another person ({differs} differ)', vi: 'một số nhưng là người khác (khác {differs})' },
  'report.dup.other': { en: 'other columns differ', vi: 'các cột khác không giống nhau' },
  'report.dup.same-person': { en: 'same person, score {score}', vi: 'cùng một người, điểm {score}' },
  'report.dup.size': { en: '{size} rows', vi: '{size} dòng' },

  // Samples
  'report.samples': { en: 'Sample findings', vi: 'Các lỗi mẫu' },
  'report.samples.none': { en: 'No findings.', vi: 'Không có lỗi nào.' },
  'report.samples.more': { en: '… and {count} more findings', vi: '… và {count} lỗi khác' },
  'report.masked': {
    en: 'ID numbers and names are masked (001******345, Nguyễn V** A*); run with --no-mask to show them.',
    vi: 'Số giấy tờ và họ tên đã được che (001******345, Nguyễn V** A*); chạy với --no-mask để hiện đầy đủ.',
  },
  'report.unmasked': {
    en: 'ID numbers and names are shown in full (--no-mask): this report holds personal data, share it with care.',
    vi: 'Số giấy tờ và họ tên được hiện đầy đủ (--no-mask): báo cáo này chứa dữ liệu cá nhân, cần cẩn trọng khi chia sẻ.',
  },
  'report.col.file': { en: 'File', vi: 'Tệp' },
  'report.col.row': { en: 'Row', vi: 'Dòng' },
  'report.col.line': { en: 'Line', vi: 'Dòng trong tệp' },
  'report.col.column': { en: 'Column', vi: 'Cột' },
  'report.col.value': { en: 'Value', vi: 'Giá trị' },
  'report.col.finding': { en: 'Finding', vi: 'Mô tả lỗi' },
  'report.col.fix': { en: 'Proposed fix', vi: 'Đề xuất sửa' },
  'report.whole-file': { en: 'whole file', vi: 'toàn tệp' },
  'report.empty-value': { en: '(empty)', vi: '(trống)' },
  'report.fix.set': { en: 'set to {value}', vi: 'thay bằng {value}' },
  'report.fix.clear': { en: 'clear the value', vi: 'xóa giá trị' },
  'report.fix.drop_row': { en: 'drop the row', vi: 'bỏ dòng này' },
  'report.fix.merge_into': { en: 'merge into row {value}', vi: 'gộp vào dòng {value}' },
  'report.fix.review': { en: 'needs review', vi: 'cần người xem xét' },
  'report.fix.review-row': { en: 'needs review against row {value}', vi: 'cần xem xét, đối chiếu với dòng {value}' },
  'report.fix.confidence': { en: 'confidence {confidence}', vi: 'độ tin cậy {confidence}' },

  // Fill rates
  'report.fill': { en: 'Fill rate by column', vi: 'Tỷ lệ có dữ liệu theo cột' },
  'report.fill.note': {
    en: 'Non-blank cells over the {rows} rows read. A placeholder such as N/A counts as filled here; the placeholder rules report it.',
    vi: 'Số ô có dữ liệu trên {rows} dòng đã đọc. Giá trị giữ chỗ như N/A vẫn được tính là có dữ liệu ở đây; các quy tắc về giá trị giữ chỗ sẽ báo lỗi này.',
  },
  'report.fill.missing': {
    en: 'This report has no fill rates (it was made by an earlier dqc).',
    vi: 'Báo cáo này không có tỷ lệ có dữ liệu (được tạo bởi phiên bản dqc cũ hơn).',
  },
  'report.col.field': { en: 'Field', vi: 'Trường' },
  'report.col.filled': { en: 'Filled cells', vi: 'Số ô có dữ liệu' },
  'report.col.fill-rate': { en: 'Fill rate', vi: 'Tỷ lệ có dữ liệu' },
  'report.unbound': { en: 'not used by the rules', vi: 'không dùng trong quy tắc nào' },

  // Input problems and inputs
  'report.problems': { en: 'Input problems', vi: 'Lỗi đầu vào' },
  'report.col.code': { en: 'Code', vi: 'Mã' },
  'report.col.count': { en: 'Count', vi: 'Số lượng' },
  'report.col.where': { en: 'Where', vi: 'Vị trí' },
  'report.at-row': { en: 'row {row}, line {line}', vi: 'dòng {row} (dòng {line} của tệp)' },
  'report.at-line': { en: 'line {line}', vi: 'dòng {line} của tệp' },
  'report.inputs': { en: 'Inputs', vi: 'Dữ liệu đầu vào' },
  'report.col.format': { en: 'Format', vi: 'Định dạng' },
  'report.col.encoding': { en: 'Encoding', vi: 'Bảng mã' },
  'report.col.delimiter': { en: 'Delimiter', vi: 'Dấu phân cách' },
  'report.col.size': { en: 'Size', vi: 'Dung lượng' },
  'report.col.checksum': { en: 'SHA-256 checksum', vi: 'Mã kiểm tra SHA-256' },
  'report.col.rows-read': { en: 'Rows', vi: 'Số dòng' },
  'report.col.rejected': { en: 'Unreadable rows', vi: 'Dòng không đọc được' },
  'report.col.complete': { en: 'Read to the end', vi: 'Đọc đến hết tệp' },
  'report.bytes': { en: '{bytes} bytes', vi: '{bytes} byte' },
  'report.compressed': { en: '{size}, gzip-compressed', vi: '{size}, nén gzip' },
  'report.checksum-none': { en: 'none (the file was not read to the end)', vi: 'không có (tệp không được đọc đến hết)' },
  'report.yes': { en: 'yes', vi: 'có' },
  'report.no': { en: 'no', vi: 'không' },
  'report.tab': { en: 'tab', vi: 'ký tự tab' },

  // Settings
  'report.settings': { en: 'Settings', vi: 'Thiết lập' },
  'report.set.packs': { en: 'Rule packs', vi: 'Bộ quy tắc' },
  'report.set.as-of': { en: 'Dates judged as of', vi: 'Ngày đánh giá dữ liệu' },
  'report.set.started': { en: 'Started', vi: 'Bắt đầu lúc' },
  'report.set.duration': { en: 'Duration', vi: 'Thời gian chạy' },
  'report.seconds': { en: '{seconds} s', vi: '{seconds} giây' },
  'report.set.sample': { en: 'Sample findings kept per rule', vi: 'Số lỗi mẫu giữ lại cho mỗi quy tắc' },
  'report.set.fail-on': { en: 'Lowest severity that fails the gate', vi: 'Mức độ thấp nhất làm kết quả không đạt' },
  'report.set.max-warnings': { en: 'Warnings allowed', vi: 'Số cảnh báo cho phép' },
  'report.unlimited': { en: 'no limit', vi: 'không giới hạn' },
  'report.set.lang': { en: 'Language', vi: 'Ngôn ngữ' },
  'report.lang-name': { en: 'English', vi: 'Tiếng Việt' },
  'report.set.mask': { en: 'ID numbers and names masked', vi: 'Che số giấy tờ và họ tên' },
  'report.set.tool': { en: 'Tool', vi: 'Công cụ' },
  'report.footer': {
    en: 'Made by dqc {version}. The four dimensions are the project’s working definitions: no statute defines the four words.',
    vi: 'Tạo bởi dqc {version}. Bốn tiêu chí là định nghĩa làm việc của dự án: chưa có văn bản pháp luật nào định nghĩa bốn từ này.',
  },

  // Markdown
  'report.md.failed-rules': { en: 'Failed rules', vi: 'Các quy tắc không đạt' },
  'report.md.no-failed': { en: 'No rule failed.', vi: 'Không có quy tắc nào không đạt.' },
  'report.md.more-rules': {
    en: '… and {count} more failed rules (the HTML or JSON report has them all).',
    vi: '… và {count} quy tắc không đạt khác (báo cáo HTML hoặc JSON có đầy đủ).',
  },
  'report.md.samples': { en: 'Sample findings', vi: 'Một số lỗi mẫu' },

  // JUnit
  'report.junit.rule-failed': { en: '{failed} of {evaluated} rows failed ({rate})', vi: '{failed} trên {evaluated} dòng không đạt ({rate})' },
  'report.junit.dataset-failed': { en: 'failed on the whole file', vi: 'không đạt trên toàn tệp' },
  'report.junit.in-file': {
    en: 'In {file}: {failed} of {evaluated} rows failed, {findings} findings.',
    vi: 'Trong {file}: {failed} trên {evaluated} dòng không đạt, {findings} lỗi.',
  },
  'report.junit.overall': {
    en: 'All inputs: {failed} of {evaluated} rows failed ({rate}), {findings} findings. Limit: {limit}.',
    vi: 'Toàn bộ dữ liệu: {failed} trên {evaluated} dòng không đạt ({rate}), {findings} lỗi. Giới hạn: {limit}.',
  },
  'report.junit.not-gating': {
    en: 'The rule failed, but a {severity} rule does not fail the gate (--fail-on {failOn}).',
    vi: 'Quy tắc không đạt, nhưng quy tắc mức {severity} không làm kết quả chung không đạt (--fail-on {failOn}).',
  },
  'report.junit.input-errors': { en: '{count} input errors', vi: '{count} lỗi đầu vào' },

  // Command line: report formats and outputs of `dqc check` (src/cli/report-outputs.ts)
  'cli.opt.output-json': { en: 'write the JSON report to this file (adds json to --format)', vi: 'ghi báo cáo JSON vào tệp này (thêm json vào --format)' },
  'cli.opt.output-html': { en: 'write the HTML report to this file (adds html to --format)', vi: 'ghi báo cáo HTML vào tệp này (thêm html vào --format)' },
  'cli.opt.output-markdown': {
    en: 'write the Markdown summary to this file (adds markdown to --format)',
    vi: 'ghi bản tóm tắt Markdown vào tệp này (thêm markdown vào --format)',
  },
  'cli.opt.output-junit': { en: 'write the JUnit XML to this file (adds junit to --format)', vi: 'ghi tệp JUnit XML vào tệp này (thêm junit vào --format)' },
  'cli.opt.no-mask': {
    en: 'show ID numbers and names in full in html, markdown and junit reports (masked by default)',
    vi: 'hiện đầy đủ số giấy tờ và họ tên trong báo cáo html, markdown và junit (mặc định được che)',
  },
  'cli.output-not-directory': {
    en: '-o {path} must be an existing directory to hold several reports ({formats}); or give each its own --output-<format>',
    vi: '-o {path} phải là một thư mục có sẵn để chứa nhiều báo cáo ({formats}); hoặc dùng --output-<định dạng> cho từng báo cáo',
  },
  'cli.formats-on-stdout': {
    en: 'only one report can go to standard output, not {formats}: give -o <directory> or --output-<format>',
    vi: 'chỉ một báo cáo được in ra đầu ra chuẩn, không thể in cả {formats}: hãy dùng -o <thư mục> hoặc --output-<định dạng>',
  },
  'cli.output-twice': { en: '{formats} would both be written to {path}', vi: '{formats} sẽ cùng ghi vào {path}' },
} satisfies Record<string, Bilingual>;
