import { describe, expect, it } from 'vitest';
import { formatConsole } from '../../src/report/formatters/console.js';
import { formatMarkdown } from '../../src/report/formatters/markdown.js';
import type { Report } from '../../src/report/model.js';
import { findingMessage } from '../../src/report/formatters/text.js';
import { fixedReport } from './fixed-report.js';

// Controls a cell can carry into a terminal or a Markdown page: ESC (CSI sequences clear the screen,
// recolour or retitle it), the one-byte C1 CSI, a bare CR that overwrites the line, and the bidi
// overrides and isolates that reorder what is read.
const HOSTILE = 'Nguyễn\u001b[2J\u001b]0;pwned\u0007 An\u009b31m\r\u202eTest\u202c\u2066x\u2069';
// eslint-disable-next-line no-control-regex -- looking for control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function hostileReport(): Report {
  const report = fixedReport();
  const rule = report.rules[0]!;
  const sample = rule.samples[0]!;
  rule.id = `id-valid${HOSTILE}`;
  rule.samples[0] = { ...sample, column: HOSTILE, value: HOSTILE, data: { ...sample.data, field: HOSTILE, value: HOSTILE }, fix: { action: 'set', value: HOSTILE, confidence: 1 } };
  report.inputs[0]!.path = `exports/${HOSTILE}.csv`;
  report.inputs[0]!.problems[0]!.samples[0]!.data = { found: HOSTILE, expected: 4 };
  report.gate.reasons.push({ code: 'input-incomplete', data: { file: HOSTILE } });
  return report;
}

describe('console report', () => {
  it('shows the controls and bidi overrides of data, never sends them to the terminal', () => {
    for (const lang of ['en', 'vi'] as const) {
      const text = formatConsole(hostileReport(), { lang, color: false });
      expect(text).not.toMatch(UNSAFE);
      expect(text).toContain('Nguyễn␛[2J␛]0;pwned␇ An<U+009B>31m␍<U+202E>Test<U+202C><U+2066>x<U+2069>');
    }
  });

  it('keeps its own colours when data is escaped', () => {
    const text = formatConsole(hostileReport(), { lang: 'en', color: true });
    // every ESC left is the start of an SGR colour sequence of dqc's own
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point
    expect(text.replace(/\u001b\[\d+(?:;\d+)*m/g, '')).not.toMatch(UNSAFE);
  });

  it('writes scores, counts and fixes in the reader’s language', () => {
    const vi = formatConsole(fixedReport(), { lang: 'vi', color: false });
    expect(vi).toContain('Đúng 98,6 · Đủ 94,4 · Sạch 99,1 · Sống – · Tổng thể 97,4');
    expect(vi).toMatch(/^Đúng {2}98,6$/m);
    expect(vi).toContain('đề xuất sửa: thay bằng "001085012345"');
    expect(vi).toContain('đề xuất sửa: cần người xem xét');
    expect(vi).toContain('quy tắc id-valid không đạt ở 12.345 trên 1.234.567 dòng');
    expect(vi).toContain('điểm Đủ là 94,4, thấp hơn mức tối thiểu 95');
    expect(vi).not.toMatch(/→ [^\n]*\b(?:set|review|merge_into)\b/);
    const labelled = fixedReport();
    labelled.fieldLabels = { ...labelled.fieldLabels, cmnd: { en: 'CMND number', vi: 'Số CMND' } };
    expect(formatConsole(labelled, { lang: 'vi', color: false })).toContain('bỏ qua: không có cột Số CMND trong exports/commune-01.csv');
    const en = formatConsole(fixedReport(), { lang: 'en', color: false });
    expect(en).toContain('Overall 97.4');
    expect(en).toContain('fix: set to "001085012345"');
    expect(en).toContain('rule id-valid (error) failed on 12,345 of 1,234,567 rows');
  });
});

describe('Markdown report', () => {
  it('shows the controls and bidi overrides of data, in text and in code spans', () => {
    for (const lang of ['en', 'vi'] as const) {
      const text = formatMarkdown(hostileReport(), { lang, color: false, mask: false });
      expect(text).not.toMatch(UNSAFE);
      expect(text).toContain('<U+202E>Test');
    }
  });
});

describe('finding messages in the reader’s forms', () => {
  const report = fixedReport();
  report.messages['freshness/stale'] = {
    en: '{field}: {value} is {age_days} days old, over {max_age_days}; newest {newest}, as of {as_of}; first seen row {first_row}, born {birth_year}; {rate} filled',
    vi: '{field}: {value} đã cũ {age_days} ngày, quá {max_age_days}; mới nhất {newest}, ngày đối chiếu {as_of}; dòng {first_row}, sinh năm {birth_year}; điền {rate}',
  };
  const data = { field: 'updated_at', value: '12/09/2019', age_days: 2643, max_age_days: 1826, newest: '01/02/2026', as_of: '2026-12-07', first_row: 1234, birth_year: 1899, rate: '92.5%' };
  report.fieldLabels = { updated_at: { en: 'Last updated', vi: 'Ngày cập nhật' } };

  it('groups counts, writes the tool’s dates and percentages per language, names fields by their label in Vietnamese', () => {
    expect(findingMessage(report, 'freshness/stale', data, 'vi')).toBe(
      'Ngày cập nhật: 12/09/2019 đã cũ 2.643 ngày, quá 1.826; mới nhất 01/02/2026, ngày đối chiếu 07/12/2026; dòng 1234, sinh năm 1899; điền 92,5%',
    );
    expect(findingMessage(report, 'freshness/stale', data, 'en')).toBe(
      'updated_at: 12/09/2019 is 2,643 days old, over 1,826; newest 2026-02-01, as of 2026-12-07; first seen row 1234, born 1899; 92.5% filled',
    );
  });
});
