// The profile as a self-contained HTML page, for people who do not run dqc: one table per input,
// one row per column. It is shareable, so the most frequent values of columns that hold identity
// numbers or names are masked like the HTML report's samples (src/report/mask.ts), unless --no-mask;
// any other value gets the safety net for runs of 9+ digits.

import type { Lang } from '../model.js';
import { html, SafeHtml } from '../report/formatters/escape.js';
import { formatNumber } from '../report/formatters/text.js';
import { formatDate, formatRate } from '../report/locale.js';
import { maskDigitRuns, maskIdentity, maskName } from '../report/mask.js';
import { t } from './messages.js';
import type { ColumnProfile, InputProfile } from './model.js';
import type { SemanticType } from './semantic.js';
import type { ProfileFormatter } from './format-context.js';
import { pageHead } from '../report/formatters/html-page.js';

const TOP_SHOWN = 5;
const SHAPES_SHOWN = 3;
const VALUE_CHARS = 60;

const NUMBERS: ReadonlySet<SemanticType> = new Set(['personal-id', 'cmnd', 'phone', 'tax-code', 'social-insurance', 'health-insurance']);
const NUMBER_FIELDS = new Set(['id_number', 'cmnd', 'id_document', 'tax_code', 'social_insurance', 'health_insurance', 'phone']);

/** How a column's values are masked: by what they hold, or by the field they are bound to. */
function maskerOf(column: ColumnProfile): (text: string) => string {
  const semantic = column.semantic?.type;
  if ((semantic && NUMBERS.has(semantic)) || NUMBER_FIELDS.has(column.field?.name ?? '')) return maskIdentity;
  if (semantic === 'person-name' || column.field?.name === 'full_name') return (text) => maskDigitRuns(maskName(text));
  return maskDigitRuns;
}

function clip(text: string): string {
  return text.length <= VALUE_CHARS ? text : `${text.slice(0, VALUE_CHARS - 1)}…`;
}

function columnRow(column: ColumnProfile, lang: Lang, masked: boolean): SafeHtml {
  const n = (value: number) => formatNumber(value, lang);
  const pct = (value: number) => formatRate(value, lang);
  const mask = masked ? maskerOf(column) : (text: string) => text;
  const type = t(lang, `profile.type.${column.type}`);
  const typeDetail = [column.dateFormat, column.decimalSeparator && `'${column.decimalSeparator}'`].filter(Boolean).join(' ');
  const share = column.type === 'text' || column.type === 'empty' ? '' : ` (${pct(column.typeShare)})`;
  const semantic = column.semantic
    ? `${t(lang, `profile.semantic.${column.semantic.type}`)}${column.semantic.era ? `, ${t(lang, `profile.era.${column.semantic.era}`)}` : ''} (${pct(column.semantic.share)})`
    : '';
  const field = column.field ? html`<code>${column.field.name}</code> <span class="muted">${t(lang, `profile.by.${column.field.by}`)}</span>` : '';
  // Dates are held as yyyy-mm-dd: written the reader's way, as in the console and the check report.
  const show = (v: number | string) => (typeof v === 'number' ? n(v) : formatDate(v, lang));
  const range = column.min !== null && column.max !== null ? `${show(column.min)} – ${show(column.max)}` : '';
  const length = column.length ? (column.length.min === column.length.max ? `${column.length.min}` : `${column.length.min}–${column.length.max}`) : '';
  const shapes = column.shapes
    .slice(0, SHAPES_SHOWN)
    .map((s) => html`<code class="value">${s.shape}</code> ${pct(s.count / Math.max(1, column.filled))}<br>`);
  const repeated = column.top.filter((v) => v.count > 1).slice(0, TOP_SHOWN);
  const top = repeated.map((v) => html`<code class="value">${clip(mask(v.value))}</code> ${v.error > 0 ? `≥${n(v.count)}` : n(v.count)}<br>`);
  return html`<tr>
<td>${column.position}</td><th scope="row">${column.name}</th><td>${field}</td>
<td>${type} ${typeDetail}${share}</td><td>${semantic}</td>
<td>${n(column.filled)} (${pct(column.fillRate)})</td><td>${n(column.distinct.count)}${column.distinct.exact ? '' : '*'}</td>
<td>${length}</td><td>${range}</td><td>${shapes}</td><td>${top}</td>
</tr>`;
}

function inputSection(input: InputProfile, lang: Lang, masked: boolean): SafeHtml {
  const n = (value: number) => formatNumber(value, lang);
  const headings = ['#', 'column', 'field', 'type', 'semantic', 'filled', 'distinct', 'length', 'range', 'shapes', 'top'] as const;
  return html`<section class="input">
<h2><code>${input.path}</code></h2>
<p class="overview">${t(lang, 'profile.input', { path: input.path, rows: n(input.rows), columns: n(input.columns.length), format: input.format, encoding: input.encoding, delimiter: input.delimiter === null ? '' : `, "${input.delimiter}"` })}</p>
${input.complete ? '' : html`<p class="warning">${t(lang, 'profile.incomplete')}</p>`}
${input.problems.length > 0 ? html`<ul>${input.problems.map((p) => html`<li><code>${p.code}</code> (${n(p.count)}): ${p.samples[0] ? maskDigitRuns(t(lang, p.code, p.samples[0].data)) : ''}</li>`)}</ul>` : ''}
<table class="profile">
<thead><tr>${headings.map((h) => html`<th scope="col">${h === '#' ? '#' : t(lang, `profile.html.${h}`)}</th>`)}</tr></thead>
<tbody>${input.columns.map((column) => columnRow(column, lang, masked))}</tbody>
</table>
<p class="note">${t(lang, 'profile.html.estimated')}</p>
</section>`;
}

/** The HTML profile: a self-contained page, values of identity and name columns masked unless asked. */
export const formatProfileHtml: ProfileFormatter = (profile, context) => {
  const { lang } = context;
  const masked = context.mask !== false;
  const title = `${t(lang, 'profile.html.title')} — ${profile.inputs.map((input) => input.path).join(', ')}`;
  return html`${pageHead({ lang, title, version: profile.tool.version, images: false })}
<body>
<header>
<h1>${t(lang, 'profile.html.title')}</h1>
<p class="motto">${t(lang, 'report.motto')}</p>
<p class="note ${masked ? 'masked' : 'unmasked'}">${t(lang, masked ? 'report.masked' : 'report.unmasked')}</p>
</header>
<main>
${profile.inputs.map((input) => inputSection(input, lang, masked))}
</main>
<footer><p class="muted">${t(lang, 'profile.html.footer', { version: profile.tool.version, asOf: profile.asOf })}</p></footer>
</body>
</html>
`.value;
};
