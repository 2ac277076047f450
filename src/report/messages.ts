import type { Bilingual, Lang, MessageData } from '../model.js';
import { inputMessages } from '../input/messages.js';
import { renderBilingual } from '../messages/render.js';
import { reportMessages } from './formatters/messages.js';

// The texts a report shows: its labels (formatters/messages.ts), dimensions, gate reasons, the console
// report, severities, and the input problems it lists. Command areas keep their own catalogues.
export const messages = {
  ...reportMessages,
  ...inputMessages,

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
  'console.sheet': { en: ', sheet {sheet}', vi: ', trang tính {sheet}' },
  'console.rejected': { en: '{count} rows could not be read', vi: '{count} dòng không đọc được' },
  'console.problem-more': { en: '… and {count} more', vi: '… và {count} trường hợp khác' },
  'console.at-line': { en: 'line {line}', vi: 'dòng {line}' },
  'console.at-row': { en: 'row {row}, line {line}', vi: 'dòng dữ liệu {row}, dòng {line} của tệp' },
  'console.rule-line': { en: '{failed} of {evaluated} ({rate})', vi: '{failed} trên {evaluated} ({rate})' },
  'console.dataset': { en: 'whole file', vi: 'toàn tệp' },
  'console.fix': { en: 'fix: {fix}', vi: 'đề xuất sửa: {fix}' },
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
