import { describe, expect, it } from 'vitest';
import { formatHtml } from '../../src/report/formatters/html.js';
import { t } from '../../src/report/messages.js';
import type { Report } from '../../src/report/model.js';
import { fixedReport } from './fixed-report.js';
import { englishFragments, fragments, reportKeys, visibleText } from './support.js';

const render = (report: Report, lang: 'en' | 'vi', mask?: boolean) => formatHtml(report, { lang, color: false, mask });

/** The same report in other states, so that every label the page can show is shown once. */
function variants(): Report[] {
  const passed = fixedReport();
  passed.gate = { passed: true, reasons: [] };
  passed.rules = passed.rules.filter((rule) => rule.check !== 'unique' && rule.check !== 'same-person').map((rule) => ({ ...rule, samples: [] }));
  passed.rules.push({ ...fixedReport().rules.find((rule) => rule.check === 'unique')!, samples: [], failed: 0, findings: 0, status: 'passed' });
  const input = passed.inputs[0]!;
  Object.assign(input, { sha256: '', compressed: true, delimiter: '\t', complete: false, problems: [], filled: undefined });

  const fixes = fixedReport();
  const sample = fixes.rules[0]!.samples[0]!;
  fixes.rules[0]!.samples = [
    { ...sample, fix: { action: 'clear', confidence: 1 } },
    { ...sample, row: 20, fix: { action: 'drop_row', confidence: 1 } },
    { ...sample, row: 21, value: '', fix: { action: 'merge_into', value: '7', confidence: 1 } },
  ];
  const unique = fixes.rules.find((rule) => rule.check === 'unique')!;
  unique.samples.push({ ...unique.samples[0]!, row: 40, code: 'unique/duplicate', data: { field: 'id_number', key: '0', first_row: 39 } });
  return [fixedReport(), passed, fixes];
}

describe('HTML report', () => {
  const en = render(fixedReport(), 'en');
  const vi = render(fixedReport(), 'vi');

  it('is one self-contained page: no script, no network, a policy that forbids both', () => {
    for (const page of [en, vi]) {
      expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
      expect(page).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
      expect(page).not.toMatch(/\b(?:src|href)="(?!#)/);
      expect(page).toContain(`content="default-src 'none'; style-src 'unsafe-inline'`);
      // the style sheet is raw text: an entity there would break the CSS
      expect(/<style>([\s\S]*)<\/style>/.exec(page)?.[1]).toMatch(/font-family: -apple-system, "Segoe UI"/);
    }
  });

  it('shows the four scores and the overall one, in the reader’s number format', () => {
    const score = (page: string, key: string) => new RegExp(`data-dimension="${key}"[\\s\\S]*?class="ring-value">([^<]*)<`).exec(page)?.[1];
    expect([score(en, 'true'), score(en, 'sufficient'), score(en, 'clean'), score(en, 'alive'), score(en, 'overall')]).toEqual(['98.6', '94.4', '99.1', '–', '97.4']);
    expect([score(vi, 'true'), score(vi, 'sufficient'), score(vi, 'clean'), score(vi, 'alive'), score(vi, 'overall')]).toEqual(['98,6', '94,4', '99,1', '–', '97,4']);
    expect(visibleText(vi)).toContain('Đủ');
    expect(visibleText(en)).toContain('Đủ · Sufficient');
  });

  it('gives the verdict and every reason, with counts written the reader’s way', () => {
    expect(visibleText(en)).toContain('Gate failed');
    expect(visibleText(en)).toContain('rule id-valid (error) failed on 12,345 of 1,234,567 rows');
    expect(visibleText(en)).toContain('score of Đủ · Sufficient is 94.4, below the minimum 95');
    expect(visibleText(vi)).toContain('quy tắc id-valid không đạt ở 12.345 trên 1.234.567 dòng');
    expect(visibleText(vi)).toContain('điểm Đủ là 94,4, thấp hơn mức tối thiểu 95');
  });

  it('colours each gauge by the gate, not by a fixed scale: 98.6 beside a failed error rule is red', () => {
    const tone = (page: string, key: string) => new RegExp(`<figure class="score (\\w+)[^"]*" data-dimension="${key}"`).exec(page)?.[1];
    // true 98.6 and clean 99.1 hold failed error rules, sufficient is under its minimum, the gate failed
    expect(['true', 'sufficient', 'clean', 'alive', 'overall'].map((key) => tone(en, key))).toEqual(['poor', 'poor', 'poor', 'none', 'poor']);
    const warned = fixedReport();
    warned.rules = warned.rules.filter((rule) => rule.severity !== 'error');
    warned.gate = { passed: true, reasons: [] };
    warned.scores = { true: 70, sufficient: 60, clean: 50, alive: 100, overall: 50 };
    const page = render(warned, 'en');
    // failed warning rules do not fail the gate: amber however low the score; a clean dimension is green
    expect(['true', 'sufficient', 'clean', 'alive', 'overall'].map((key) => tone(page, key))).toEqual(['fair', 'fair', 'fair', 'good', 'fair']);
  });

  it('lists rules failed first, by the score they cost, with a bar each', () => {
    const order = [...en.matchAll(/<tr class="rule (\w+)" data-rule="([^"]+)"/g)].map((m) => `${m[2]}:${m[1]}`);
    expect(order).toEqual([
      'ethnicity-fill:failed',
      'id-valid:failed',
      'id-unique:failed',
      'same-person:failed',
      'name-valid:failed',
      'phone-valid:passed',
      'cmnd-valid:skipped',
    ]);
    expect(en.match(/<svg class="bar"/g)?.length).toBeGreaterThanOrEqual(6 + 4);
    expect(visibleText(en)).toContain('12,345 of 1,234,567');
    expect(visibleText(en)).toContain('column cmnd not found in exports/commune-01.csv');
  });

  it('shows fill rates per column, with the bound field', () => {
    const text = visibleText(en);
    expect(text).toContain('Non-blank cells over the 1,234,567 rows read');
    expect(text).toContain("dan_toc ethnicity 1,135,801 92%");
    expect(text).toMatch(/ghi_chu not used by the rules 12 < 0\.01%/);
  });

  it('shows duplicate clusters of both kinds from the samples', () => {
    const rows = [...en.matchAll(/<table class="duplicates">[\s\S]*?<\/table>/g)][0]![0];
    const text = visibleText(rows);
    expect(text).toContain('1 id-unique id_number 001******345 1 2, 9 identical rows; differ only in spaces, case or Unicode form');
    expect(text).toContain('2 id-unique id_number 038******789 5 6 one number, another person (full_name, date_of_birth differ)');
    expect(text).toContain('3 same-person full_name 3 4, 8 (3 rows: 3, 4, 8) same person, score 0.91–0.97');
    expect(visibleText(en)).toContain('Built from the samples kept: 5 of 5 duplicate rows');
  });

  it('shows samples with row and line, masked by default, unmasked with mask: false', () => {
    const text = visibleText(en);
    expect(text).toContain('17 18 so_dinh_danh 001 *** *** 345');
    expect(text).toContain('set to "001******345"');
    expect(text).toContain('Nguyễn V** A*');
    expect(text).toContain('ID numbers and names are masked');
    for (const secret of ['085012', '001 085 012 345', 'Văn An', 'bich ngoc']) expect(en).not.toContain(secret);
    const open = render(fixedReport(), 'en', false);
    expect(visibleText(open)).toContain('17 18 so_dinh_danh 001 085 012 345');
    expect(visibleText(open)).toContain('Nguyễn Văn An');
    expect(visibleText(open)).toContain('this report holds personal data');
  });

  it('shows the inputs (file, rows, encoding, checksum) and the run’s settings', () => {
    const text = visibleText(vi);
    expect(text).toContain('exports/commune-01.csv csv 1.234.568 1 utf-8 , 212.345.678 byte có');
    expect(text).toContain('a'.repeat(64));
    expect(text).toContain('Ngày đánh giá dữ liệu 01/11/2026');
    expect(text).toContain('Bắt đầu lúc 22/11/2026 08:05 UTC');
    expect(text).toContain('Thời gian chạy 4,42 giây');
    expect(text).toContain('Che số giấy tờ và họ tên có');
    expect(text).toContain('row/inconsistent-columns');
    expect(text).toContain('Dòng có 5 trường, trong khi tiêu đề có 4');
  });

  it('escapes every value that comes from data: cells, headers, paths, pack texts', () => {
    const report = fixedReport();
    const attack = '<script>window.pwned=1</script><img src=x onerror="window.pwned=2">';
    const input = report.inputs[0]!;
    input.path = `x${attack}.csv`;
    input.columns[3] = attack;
    input.bound = { ...input.bound, [attack]: attack };
    report.settings.packs[0]!.name = attack;
    report.rules[0]!.id = attack;
    report.rules[0]!.description = { en: attack, vi: attack };
    const sample = report.rules[0]!.samples[1]!;
    report.rules[0]!.samples[1] = { ...sample, value: attack, column: attack, data: { field: attack, value: attack } };
    for (const lang of ['en', 'vi'] as const) {
      for (const mask of [true, false]) {
        const page = render(report, lang, mask);
        expect(page).not.toMatch(/<script|<img/i);
        expect(page).toContain('&lt;script&gt;window.pwned=1&lt;/script&gt;');
        expect(visibleText(page)).toContain(attack);
      }
    }
  });

  it('in Vietnamese, every label the page can show renders its Vietnamese text and no English text is left', () => {
    const pages = variants().map((report, i) => visibleText(render(report, 'vi', i !== 2)));
    const all = pages.join('\n');
    const keys = reportKeys((key) => key.startsWith('report.') && !/^report\.(md|junit|limit)\./.test(key));
    const missing = keys.flatMap((key) => fragments(t('vi', key)).filter((fragment) => !all.includes(fragment)).map((fragment) => `${key}: ${fragment}`));
    expect(missing).toEqual([]);
    const english = englishFragments().filter(({ fragment }) => all.includes(fragment));
    expect(english).toEqual([]);
    // the English page does use them: the check is not vacuous
    const enAll = variants().map((report, i) => visibleText(render(report, 'en', i !== 2))).join('\n');
    expect(englishFragments().filter(({ fragment }) => enAll.includes(fragment)).length).toBeGreaterThan(40);
  });
});
