import { describe, expect, it } from 'vitest';
import { formatMarkdown } from '../../src/report/formatters/markdown.js';
import { t } from '../../src/report/messages.js';
import { fixedReport } from './fixed-report.js';
import { englishFragments, fragments, reportKeys } from './support.js';

describe('Markdown summary', () => {
  it.each(['en', 'vi'] as const)('matches the golden file (%s)', async (lang) => {
    await expect(formatMarkdown(fixedReport(), { lang, color: false })).toMatchFileSnapshot(`golden/report.${lang}.md`);
  });

  it('holds the scores table, the verdict and why, the failed rules and masked samples', () => {
    const text = formatMarkdown(fixedReport(), { lang: 'en', color: false });
    expect(text).toContain('| Đúng · True | Đủ · Sufficient | Sạch · Clean | Sống · Alive | Overall |\n|---:|---:|---:|---:|---:|\n| 98.6 | 94.4 | 99.1 | – | **97.4** |');
    expect(text).toContain('### ❌ dqc: Gate failed');
    expect(text).toContain('- rule id-valid (error) failed on 12,345 of 1,234,567 rows');
    expect(text).toContain('| `id-valid` | Đúng · True | error | 12,345 of 1,234,567 | 1% |');
    expect(text).toContain('| `id-valid` | 17 | so\\_dinh\\_danh | `001 *** *** 345` |');
    expect(text).not.toContain('085012');
    expect(text).not.toContain('Văn An');
    expect(formatMarkdown(fixedReport(), { lang: 'en', color: false, mask: false })).toContain('`001 085 012 345`');
  });

  it('keeps data from breaking the table or adding links and HTML', () => {
    const report = fixedReport();
    const sample = report.rules[0]!.samples[1]!;
    report.rules[0]!.samples[1] = {
      ...sample,
      value: 'a|b`c\n<script>x</script>',
      column: 'col|umn *bold* [link](http://x)',
      data: { field: '<b>f</b>', value: '| [x](javascript:alert(1)) |' },
    };
    // unmasked: every value of the ID column is masked, and the escaping of the value is the point here
    const text = formatMarkdown(report, { lang: 'en', color: false, mask: false });
    const line = text.split('\n').find((l) => l.startsWith('| `id-valid` | 1042 |'))!;
    expect(line).toBe(
      "| `id-valid` | 1042 | col\\|umn \\*bold\\* \\[link\\](http://x) | ``a\\|b`c <script>x</script>`` | &lt;b&gt;f&lt;/b&gt; '\\| \\[x\\](javascript:alert(1)) \\|' was turned into a number in scientific notation; the digits are lost |",
    );
    // six cell borders: the five columns survived
    expect(line.replace(/\\\|/g, '').split('|').length - 1).toBe(6);
  });

  it('names at most three files in its heading and ten in its footer', () => {
    const report = fixedReport();
    const input = report.inputs[0]!;
    report.inputs = Array.from({ length: 12 }, (_, i) => ({ ...input, path: `part-${i + 1}.csv` }));
    const text = formatMarkdown(report, { lang: 'en', color: false });
    expect(text.split('\n')[0]).toBe('### ❌ dqc: Gate failed · part-1.csv, part-2.csv, part-3.csv, … (+9)');
    expect(text).toContain('part-10.csv: 1,234,568 rows');
    expect(text).not.toContain('part-11.csv');
    expect(text).toContain('· … (+2)</sub>');
  });

  it('in Vietnamese, renders its labels in Vietnamese and leaves no English label', () => {
    const text = formatMarkdown(fixedReport(), { lang: 'vi', color: false });
    for (const key of reportKeys((k) => ['report.md.failed-rules', 'report.md.samples', 'report.masked', 'report.gate.why', 'report.verdict.failed', 'report.overview'].includes(k))) {
      for (const fragment of fragments(t('vi', key))) expect(text.replace(/\\/g, ''), key).toContain(fragment);
    }
    expect(englishFragments().filter(({ fragment }) => text.replace(/\\/g, '').includes(fragment))).toEqual([]);
    expect(text).toContain('| 98,6 | 94,4 | 99,1 | – | **97,4** |');
    expect(text).toContain('12.345 trên 1.234.567');
  });
});
