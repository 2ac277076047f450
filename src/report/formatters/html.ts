import { DIMENSIONS, type Dimension, type Lang } from '../../model.js';
import { formatDate, formatDateTime, formatRate, formatScore } from '../locale.js';
import { maskReport } from '../mask.js';
import { t } from '../messages.js';
import type { InputResult, Report, RuleResult, Sample } from '../model.js';
import { html, SafeHtml } from './escape.js';
import { findingMessage, formatNumber, formatSeconds, localizedData, problemMessage } from './text.js';
import type { Formatter } from './types.js';
import {
  columnFills,
  delimiterText,
  duplicateClusters,
  duplicateKindText,
  fixText,
  gateReasons,
  locationText,
} from './view.js';
import { rulesByImpact } from '../score.js';
import { scoreVerdict, type ScoreVerdict } from '../gate.js';
import { pageHead } from './html-page.js';

// One self-contained page: inline CSS and SVG, no script, no network (a Content-Security-Policy
// forbids both, so even a value that escaped escaping could not run or call out). Readable when
// printed: charts are SVG, which prints without "background graphics".

type Tone = 'good' | 'fair' | 'poor' | 'none';

const VERDICT_TONE: Record<ScoreVerdict, Tone> = { passed: 'good', warned: 'fair', failed: 'poor', none: 'none' };

const RING_RADIUS = 42;
const RING_LENGTH = 2 * Math.PI * RING_RADIUS;

/** A score as a ring gauge with its number: one card per dimension and one for the overall score. */
function scoreCard(report: Report, key: Dimension | 'overall', lang: Lang): SafeHtml {
  const score = report.scores[key];
  // The colour says what the gate says: a 96 beside a failed gate is not green.
  const tone = VERDICT_TONE[scoreVerdict(report, key)];
  const arc = score === null ? 0 : (RING_LENGTH * Math.max(0, Math.min(100, score))) / 100;
  const label = t(lang, `dimension.${key}`);
  const value = score === null ? t(lang, 'report.no-score') : formatScore(score, lang);
  return html`<figure class="score ${tone}${key === 'overall' ? ' overall' : ''}" data-dimension="${key}">
<svg viewBox="0 0 100 100" width="112" height="112" aria-hidden="true"><circle class="track" cx="50" cy="50" r="${RING_RADIUS}"/><circle class="arc" cx="50" cy="50" r="${RING_RADIUS}" stroke-dasharray="${arc.toFixed(2)} ${RING_LENGTH.toFixed(2)}" transform="rotate(-90 50 50)"/><text x="50" y="50" class="ring-value">${score === null ? '–' : formatScore(score, lang)}</text></svg>
<figcaption><span class="score-label">${label}</span> <span class="score-value">${value}</span></figcaption>
</figure>`;
}

/** A horizontal bar for a 0..1 rate; a rate above zero always shows at least a sliver. */
function bar(rate: number, tone: string): SafeHtml {
  const width = rate <= 0 ? 0 : Math.max(0.8, Math.min(100, rate * 100));
  return html`<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true"><rect class="bar-track" width="100" height="10"/><rect class="bar-fill ${tone}" width="${width.toFixed(2)}" height="10"/></svg>`;
}

function statusBadge(rule: RuleResult, lang: Lang): SafeHtml {
  const tone = rule.status === 'failed' ? (rule.severity === 'error' ? 'poor' : 'fair') : rule.status === 'passed' ? 'good' : 'none';
  const mark = rule.status === 'failed' ? (rule.severity === 'error' ? '✖' : '⚠') : rule.status === 'passed' ? '✔' : '–';
  return html`<span class="badge ${tone}">${mark} ${t(lang, `report.status.${rule.status}`)}</span>`;
}

function rulesTable(report: Report, lang: Lang): SafeHtml {
  const n = (value: number) => formatNumber(value, lang);
  const rows = rulesByImpact(report).map((rule) => {
    const skipped = rule.status === 'skipped';
    const counts = skipped
      ? rule.skipped.map((s) => t(lang, 'report.skipped', localizedData(report, { columns: s.missingColumns.join(', '), file: s.file }, lang))).join('; ')
      : t(lang, 'report.failed-of', { failed: n(rule.failed), evaluated: n(rule.evaluated) });
    const tone = rule.failed === 0 ? 'good' : rule.status === 'failed' ? (rule.severity === 'error' ? 'poor' : 'fair') : 'fair';
    return html`<tr class="rule ${rule.status}" data-rule="${rule.id}">
<td>${statusBadge(rule, lang)}</td>
<td>${rule.samples.length > 0 ? html`<a href="#rule-${rule.id}"><code>${rule.id}</code></a>` : html`<code>${rule.id}</code>`}<br><small class="muted">${rule.check}</small></td>
<td>${t(lang, `dimension.${rule.dimension}`)}</td>
<td>${t(lang, `severity.${rule.severity}`)}</td>
<td class="num">${counts}</td>
<td class="rate">${skipped ? '' : html`${bar(rule.failRate, tone)}<span class="num">${formatRate(rule.failRate, lang)}</span>`}</td>
<td class="desc">${rule.description[lang]}</td>
</tr>`;
  });
  return html`<table class="rules">
<thead><tr><th>${t(lang, 'report.col.status')}</th><th>${t(lang, 'report.col.rule')}</th><th>${t(lang, 'report.col.dimension')}</th><th>${t(lang, 'report.col.severity')}</th><th>${t(lang, 'report.col.failed')}</th><th>${t(lang, 'report.col.fail-rate')}</th><th>${t(lang, 'report.col.description')}</th></tr></thead>
<tbody>${rows}</tbody>
</table>`;
}

function valueCell(value: string | null, lang: Lang): SafeHtml {
  if (value === null) return html`<span class="muted">–</span>`;
  if (value === '') return html`<span class="muted">${t(lang, 'report.empty-value')}</span>`;
  return html`<code class="value">${value}</code>`;
}

function samplesOf(rule: RuleResult, report: Report, lang: Lang, severalFiles: boolean): SafeHtml {
  const rows = rule.samples.map(
    (sample: Sample) => html`<tr>
${severalFiles ? html`<td>${sample.file}</td>` : ''}
<td class="num">${sample.row ?? t(lang, 'report.whole-file')}</td>
<td class="num">${sample.line ?? '–'}</td>
<td>${sample.column ?? '–'}</td>
<td>${valueCell(sample.value, lang)}</td>
<td>${findingMessage(report, sample.code, sample.data, lang)}<br><small class="muted">${sample.code}</small></td>
<td>${sample.fix ? fixText(sample.fix, lang) : ''}</td>
</tr>`,
  );
  const more = rule.findings - rule.samples.length;
  return html`<section class="rule-samples" id="rule-${rule.id}">
<h3><code>${rule.id}</code> ${statusBadge(rule, lang)} <small class="muted">${rule.description[lang]}</small></h3>
<table class="samples">
<thead><tr>${severalFiles ? html`<th>${t(lang, 'report.col.file')}</th>` : ''}<th>${t(lang, 'report.col.row')}</th><th>${t(lang, 'report.col.line')}</th><th>${t(lang, 'report.col.column')}</th><th>${t(lang, 'report.col.value')}</th><th>${t(lang, 'report.col.finding')}</th><th>${t(lang, 'report.col.fix')}</th></tr></thead>
<tbody>${rows}</tbody>
</table>
${more > 0 ? html`<p class="muted">${t(lang, 'report.samples.more', { count: formatNumber(more, lang) })}</p>` : ''}
</section>`;
}

function samplesSection(report: Report, lang: Lang, masked: boolean): SafeHtml {
  const severalFiles = report.inputs.length > 1;
  const rules = rulesByImpact(report).filter((rule) => rule.samples.length > 0);
  return html`<section id="samples">
<h2>${t(lang, 'report.samples')}</h2>
<p class="note ${masked ? 'masked' : 'unmasked'}">${t(lang, masked ? 'report.masked' : 'report.unmasked')}</p>
${rules.length === 0 ? html`<p>${t(lang, 'report.samples.none')}</p>` : rules.map((rule) => samplesOf(rule, report, lang, severalFiles))}
</section>`;
}

function duplicatesSection(report: Report, lang: Lang): SafeHtml {
  const view = duplicateClusters(report);
  if (!view.hasRules) return html``;
  const severalFiles = report.inputs.length > 1;
  const rows = view.clusters.map(
    (cluster, i) => html`<tr>
<td class="num">${i + 1}</td>
<td><code>${cluster.rule}</code></td>
${severalFiles ? html`<td>${cluster.file}</td>` : ''}
<td>${cluster.key === null ? html`<span class="muted">${cluster.field}</span>` : html`<span class="muted">${cluster.field}</span> <code class="value">${cluster.key}</code>`}</td>
<td class="num">${cluster.keepFile ? `${cluster.keepFile}: ` : ''}${cluster.keepRow}</td>
<td>${cluster.rows.filter((row) => row !== cluster.keepRow).join(', ')}${cluster.size !== null ? html` <small class="muted">(${t(lang, 'report.dup.size', { size: formatNumber(cluster.size, lang) })}: ${cluster.members ?? ''})</small>` : ''}</td>
<td>${duplicateKindText(cluster, lang)}</td>
</tr>`,
  );
  return html`<section id="duplicates">
<h2>${t(lang, 'report.duplicates')}</h2>
${
  view.clusters.length === 0
    ? html`<p>${t(lang, 'report.duplicates.none')}</p>`
    : html`<p class="note">${t(lang, 'report.duplicates.note', { shown: formatNumber(view.shown, lang), findings: formatNumber(view.findings, lang) })}</p>
<table class="duplicates">
<thead><tr><th>${t(lang, 'report.col.cluster')}</th><th>${t(lang, 'report.col.rule')}</th>${severalFiles ? html`<th>${t(lang, 'report.col.file')}</th>` : ''}<th>${t(lang, 'report.col.key')}</th><th>${t(lang, 'report.col.keep')}</th><th>${t(lang, 'report.col.rows')}</th><th>${t(lang, 'report.col.kind')}</th></tr></thead>
<tbody>${rows}</tbody>
</table>`
}
</section>`;
}

function fillTable(input: InputResult, lang: Lang): SafeHtml {
  const fills = columnFills(input);
  if (fills === null) return html`<p class="muted">${t(lang, 'report.fill.missing')}</p>`;
  const rows = fills.map((fill) => {
    const tone = fill.rate >= 0.95 ? 'good' : fill.rate >= 0.5 ? 'fair' : 'poor';
    return html`<tr data-column="${fill.column}">
<td><code>${fill.column}</code></td>
<td>${fill.field ?? html`<span class="muted">${t(lang, 'report.unbound')}</span>`}</td>
<td class="num">${formatNumber(fill.filled, lang)}</td>
<td class="rate">${bar(fill.rate, tone)}<span class="num">${formatRate(fill.rate, lang)}</span></td>
</tr>`;
  });
  return html`<p class="note">${t(lang, 'report.fill.note', { rows: formatNumber(Math.max(0, input.rows - input.rejected), lang) })}</p>
<table class="fill">
<thead><tr><th>${t(lang, 'report.col.column')}</th><th>${t(lang, 'report.col.field')}</th><th>${t(lang, 'report.col.filled')}</th><th>${t(lang, 'report.col.fill-rate')}</th></tr></thead>
<tbody>${rows}</tbody>
</table>`;
}

function fillSection(report: Report, lang: Lang): SafeHtml {
  const several = report.inputs.length > 1;
  return html`<section id="fill">
<h2>${t(lang, 'report.fill')}</h2>
${report.inputs.map((input) => html`${several ? html`<h3>${input.path}</h3>` : ''}${fillTable(input, lang)}`)}
</section>`;
}

function problemsSection(report: Report, lang: Lang): SafeHtml {
  const rows = report.inputs.flatMap((input) =>
    input.problems.map(
      (problem) => html`<tr class="${problem.severity}">
<td>${input.path}</td>
<td><code>${problem.code}</code></td>
<td>${t(lang, `severity.${problem.severity}`)}</td>
<td class="num">${formatNumber(problem.count, lang)}</td>
<td><ul class="plain">${problem.samples.slice(0, 5).map((sample) => html`<li><span class="muted">${locationText(sample, lang)}:</span> ${problemMessage(report, problem.code, sample.data, lang)}</li>`)}</ul></td>
</tr>`,
    ),
  );
  if (rows.length === 0) return html``;
  return html`<section id="problems">
<h2>${t(lang, 'report.problems')}</h2>
<table class="problems">
<thead><tr><th>${t(lang, 'report.col.file')}</th><th>${t(lang, 'report.col.code')}</th><th>${t(lang, 'report.col.severity')}</th><th>${t(lang, 'report.col.count')}</th><th>${t(lang, 'report.col.where')}</th></tr></thead>
<tbody>${rows}</tbody>
</table>
</section>`;
}

function inputsSection(report: Report, lang: Lang): SafeHtml {
  const rows = report.inputs.map((input) => {
    const size = t(lang, 'report.bytes', { bytes: formatNumber(input.bytes, lang) });
    return html`<tr>
<td><code>${input.path}</code></td>
<td>${input.format}</td>
<td class="num">${formatNumber(input.rows, lang)}</td>
<td class="num">${formatNumber(input.rejected, lang)}</td>
<td>${input.encoding}</td>
<td><code>${delimiterText(input.delimiter, lang)}</code></td>
<td class="num">${input.compressed ? t(lang, 'report.compressed', { size }) : size}</td>
<td>${t(lang, input.complete ? 'report.yes' : 'report.no')}</td>
<td class="checksum">${input.sha256 === '' ? t(lang, 'report.checksum-none') : html`<code>${input.sha256}</code>`}</td>
</tr>`;
  });
  return html`<section id="inputs">
<h2>${t(lang, 'report.inputs')}</h2>
<table class="inputs">
<thead><tr><th>${t(lang, 'report.col.file')}</th><th>${t(lang, 'report.col.format')}</th><th>${t(lang, 'report.col.rows-read')}</th><th>${t(lang, 'report.col.rejected')}</th><th>${t(lang, 'report.col.encoding')}</th><th>${t(lang, 'report.col.delimiter')}</th><th>${t(lang, 'report.col.size')}</th><th>${t(lang, 'report.col.complete')}</th><th>${t(lang, 'report.col.checksum')}</th></tr></thead>
<tbody>${rows}</tbody>
</table>
</section>`;
}

function settingsSection(report: Report, lang: Lang, masked: boolean): SafeHtml {
  const { settings } = report;
  const item = (label: string, value: SafeHtml | string) => html`<dt>${label}</dt><dd>${value}</dd>`;
  return html`<section id="settings">
<h2>${t(lang, 'report.settings')}</h2>
<dl class="settings">
${item(t(lang, 'report.set.packs'), html`${settings.packs.map((pack, i) => html`${i > 0 ? ', ' : ''}<code>${pack.name}</code>`)}`)}
${item(t(lang, 'report.set.as-of'), formatDate(report.asOf, lang))}
${item(t(lang, 'report.set.started'), formatDateTime(report.startedAt, lang))}
${item(t(lang, 'report.set.duration'), t(lang, 'report.seconds', { seconds: formatSeconds(report.durationMs, lang) }))}
${item(t(lang, 'report.set.sample'), formatNumber(settings.sample, lang))}
${item(t(lang, 'report.set.fail-on'), t(lang, `severity.${settings.failOn}`))}
${item(t(lang, 'report.set.max-warnings'), settings.maxWarnings === null ? t(lang, 'report.unlimited') : formatNumber(settings.maxWarnings, lang))}
${item(t(lang, 'report.set.mask'), t(lang, masked ? 'report.yes' : 'report.no'))}
${item(t(lang, 'report.set.lang'), t(lang, 'report.lang-name'))}
${item(t(lang, 'report.set.tool'), `dqc ${report.tool.version}`)}
</dl>
</section>`;
}

function gateSection(report: Report, lang: Lang): SafeHtml {
  const reasons = gateReasons(report, lang);
  const incomplete = report.inputs.some((input) => !input.complete);
  return html`<section id="gate" class="${report.gate.passed ? 'passed' : 'failed'}">
<h2>${t(lang, 'report.gate')}: ${t(lang, report.gate.passed ? 'report.verdict.passed' : 'report.verdict.failed')}</h2>
${incomplete ? html`<p class="warning">${t(lang, 'report.verdict.incomplete')}</p>` : ''}
${
  reasons.length === 0
    ? html`<p>${t(lang, 'report.gate.ok')}</p>`
    : html`<p>${t(lang, 'report.gate.why')}</p><ul class="reasons">${reasons.map((reason) => html`<li>${reason}</li>`)}</ul>`
}
</section>`;
}

/** The HTML report: a self-contained page for people who do not run dqc themselves. */
export const formatHtml: Formatter = (fullReport, context) => {
  const { lang } = context;
  const masked = context.mask !== false;
  const report = masked ? maskReport(fullReport) : fullReport;
  const n = (value: number) => formatNumber(value, lang);
  const scores = [...DIMENSIONS, 'overall' as const];
  const chartLabel = `${t(lang, 'report.scores.chart')}: ${scores.map((key) => `${t(lang, `dimension.${key}`)} ${formatScore(report.scores[key], lang)}`).join(', ')}`;
  const title = `${t(lang, 'report.title')} — ${report.inputs.map((input) => input.path).join(', ')}`;
  const page = html`${pageHead({ lang, title, version: report.tool.version, images: true })}
<body>
<header>
<h1>${t(lang, 'report.title')}</h1>
<p class="motto">${t(lang, 'report.motto')}</p>
<p class="overview">${t(lang, 'report.overview', {
    files: n(report.summary.files),
    rows: n(report.summary.rows),
    rules: n(report.rules.length),
    started: formatDateTime(report.startedAt, lang),
    asOf: formatDate(report.asOf, lang),
  })}</p>
<p class="files">${report.inputs.map((input, i) => html`${i > 0 ? ', ' : ''}<code>${input.path}</code>`)}</p>
<p class="verdict ${report.gate.passed ? 'passed' : 'failed'}" id="verdict">${report.gate.passed ? '✔' : '✖'} ${t(lang, report.gate.passed ? 'report.verdict.passed' : 'report.verdict.failed')}</p>
</header>
<main>
<section id="scores">
<h2>${t(lang, 'report.scores')}</h2>
<div class="scores" role="img" aria-label="${chartLabel}">${scores.map((key) => scoreCard(report, key, lang))}</div>
<p class="note">${t(lang, 'report.scores.note')}</p>
</section>
${gateSection(report, lang)}
<section id="rules">
<h2>${t(lang, 'report.rules')}</h2>
<p class="note">${t(lang, 'report.rules.note')}</p>
${rulesTable(report, lang)}
</section>
${duplicatesSection(report, lang)}
${samplesSection(report, lang, masked)}
${fillSection(report, lang)}
${problemsSection(report, lang)}
${inputsSection(report, lang)}
${settingsSection(report, lang, masked)}
</main>
<footer><p class="muted">${t(lang, 'report.footer', { version: report.tool.version })}</p></footer>
</body>
</html>
`;
  return page.value;
};
