import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeMarkdown, escapeXml, html, markdownCode, visibleControls } from '../../src/report/formatters/escape.js';
import { formatDate, formatDateTime, formatDecimal, formatRate, formatScore } from '../../src/report/locale.js';
import { formatNumber } from '../../src/report/formatters/text.js';

describe('number and date forms', () => {
  it.each([
    ['en', '1,234,567', '98.6', '100.0', '–', '12.5%', '< 0.01%', '> 99.99%', '100%', '0%', '2026-11-22', '2026-11-22 08:05 UTC', '0.95'],
    ['vi', '1.234.567', '98,6', '100,0', '–', '12,5%', '< 0,01%', '> 99,99%', '100%', '0%', '22/11/2026', '22/11/2026 08:05 UTC', '0,95'],
  ] as const)('%s', (lang, count, score, full, none, rate, tiny, almost, all, zero, date, time, decimal) => {
    expect(formatNumber(1234567, lang)).toBe(count);
    expect(formatScore(98.6, lang)).toBe(score);
    expect(formatScore(100, lang)).toBe(full);
    expect(formatScore(null, lang)).toBe(none);
    expect(formatRate(0.125, lang)).toBe(rate);
    expect(formatRate(1 / 1234567, lang)).toBe(tiny);
    expect(formatRate(1 - 1 / 1234567, lang)).toBe(almost);
    expect(formatRate(1, lang)).toBe(all);
    expect(formatRate(0, lang)).toBe(zero);
    expect(formatDate('2026-11-22', lang)).toBe(date);
    expect(formatDateTime('2026-11-22T08:05:09.123Z', lang)).toBe(time);
    expect(formatDecimal(0.95, lang)).toBe(decimal);
  });
});

describe('escaping', () => {
  const hostile = `<script>alert("x")</script> & 'q' <img src=x onerror=alert(1)>`;

  it('HTML: markup characters become entities, controls become visible', () => {
    expect(escapeHtml(hostile)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39; &lt;img src=x onerror=alert(1)&gt;');
    expect(escapeHtml('a\u0000b\u001bc\td')).toBe('a\u2400b\u241bc\td');
    expect(visibleControls('x\ud800y')).toBe('x\ufffdy');
  });

  it('the html tag escapes every value but nested html', () => {
    const inner = html`<b>${hostile}</b>`;
    const outer = html`<p title="${hostile}">${inner}${[hostile, 1, null, false]}</p>`;
    expect(outer.value).not.toMatch(/<script|<img/);
    expect(outer.value.startsWith('<p title="&lt;script&gt;')).toBe(true);
    expect(outer.value).toContain('<b>&lt;script&gt;');
    expect(outer.value.endsWith('&gt;1</p>')).toBe(true);
  });

  it('XML: quotes, newlines in attributes, forbidden characters', () => {
    expect(escapeXml(`a<b>&"c'`)).toBe(`a&lt;b&gt;&amp;"c'`);
    expect(escapeXml(`a<b>&"c'`, true)).toBe('a&lt;b&gt;&amp;&quot;c&apos;');
    expect(escapeXml('a\nb\tc', true)).toBe('a&#10;b&#9;c');
    expect(escapeXml('a\nb')).toBe('a\nb');
    expect(escapeXml('\u0000\uffff')).toBe('\u2400\ufffd');
  });

  it('Markdown: one line, no emphasis, links, code, HTML or table cells from data', () => {
    expect(escapeMarkdown('a|b *c* _d_ [e](f) `g` <h> ~i~ \\ \n j')).toBe('a\\|b \\*c\\* \\_d\\_ \\[e\\](f) \\`g\\` &lt;h&gt; \\~i\\~ \\\\   j');
    expect(markdownCode('a|b')).toBe('`a\\|b`');
    expect(markdownCode('a`b')).toBe('``a`b``');
    expect(markdownCode('`a')).toBe('`` `a ``');
    expect(markdownCode(' a ')).toBe('`  a  `');
    expect(markdownCode('x\ny')).toBe('`x y`');
  });
});
