import { DIMENSIONS } from '../../model.js';
import { formatDate, formatRate, formatScore } from '../locale.js';
import { maskReport } from '../mask.js';
import { t } from '../messages.js';
import { escapeMarkdown as md, markdownCode as code } from './escape.js';
import { findingMessage, formatNumber } from './text.js';
import type { Formatter } from './types.js';
import { rulesByImpact } from '../score.js';
import { gateReasons } from './view.js';

const FAILED_RULES_SHOWN = 20;
const SAMPLES_PER_RULE = 2;
const SAMPLES_SHOWN = 12;
const HEADING_FILES = 3;
const FOOTER_FILES = 10;

/**
 * A summary for a pull request comment or $GITHUB_STEP_SUMMARY (GitHub-flavoured Markdown): the
 * scores, the verdict and why, the failed rules and a few masked samples. Data goes into code spans
 * or is escaped, so a cell cannot add links, HTML or table cells.
 */
export const formatMarkdown: Formatter = (fullReport, context) => {
  const { lang } = context;
  const masked = context.mask !== false;
  const report = masked ? maskReport(fullReport) : fullReport;
  const n = (value: number) => formatNumber(value, lang);
  const out: string[] = [];

  const verdict = t(lang, report.gate.passed ? 'report.verdict.passed' : 'report.verdict.failed');
  // A glob of a hundred files must not make a hundred-file heading.
  const paths = report.inputs.slice(0, HEADING_FILES).map((input) => md(input.path));
  if (report.inputs.length > HEADING_FILES) paths.push(`… (+${n(report.inputs.length - HEADING_FILES)})`);
  out.push(`### ${report.gate.passed ? '✅' : '❌'} dqc: ${verdict} · ${paths.join(', ')}`, '');

  const keys = [...DIMENSIONS, 'overall' as const];
  out.push(`| ${keys.map((key) => t(lang, `dimension.${key}`)).join(' | ')} |`);
  out.push(`|${keys.map(() => '---:').join('|')}|`);
  out.push(`| ${keys.map((key) => (key === 'overall' ? `**${formatScore(report.scores[key], lang)}**` : formatScore(report.scores[key], lang))).join(' | ')} |`, '');

  out.push(
    md(
      t(lang, 'report.overview', {
        files: n(report.summary.files),
        rows: n(report.summary.rows),
        rules: n(report.rules.length),
        started: formatDate(report.startedAt, lang),
        asOf: formatDate(report.asOf, lang),
      }),
    ),
    '',
  );
  if (report.inputs.some((input) => !input.complete)) out.push(`**${md(t(lang, 'report.verdict.incomplete'))}**`, '');

  const reasons = gateReasons(report, lang);
  if (reasons.length > 0) {
    out.push(`**${md(t(lang, 'report.gate.why'))}**`, '');
    for (const reason of reasons) out.push(`- ${md(reason)}`);
    out.push('');
  }

  const failed = rulesByImpact(report).filter((rule) => rule.status === 'failed');
  out.push(`#### ${t(lang, 'report.md.failed-rules')}`, '');
  if (failed.length === 0) out.push(md(t(lang, 'report.md.no-failed')), '');
  else {
    out.push(
      `| ${t(lang, 'report.col.rule')} | ${t(lang, 'report.col.dimension')} | ${t(lang, 'report.col.severity')} | ${t(lang, 'report.col.failed')} | ${t(lang, 'report.col.fail-rate')} |`,
      '|---|---|---|---:|---:|',
    );
    for (const rule of failed.slice(0, FAILED_RULES_SHOWN)) {
      const counts = t(lang, 'report.failed-of', { failed: n(rule.failed), evaluated: n(rule.evaluated) });
      out.push(
        `| ${code(rule.id)} | ${md(t(lang, `dimension.${rule.dimension}`))} | ${t(lang, `severity.${rule.severity}`)} | ${counts} | ${formatRate(rule.failRate, lang)} |`,
      );
    }
    if (failed.length > FAILED_RULES_SHOWN) out.push('', md(t(lang, 'report.md.more-rules', { count: n(failed.length - FAILED_RULES_SHOWN) })));
    out.push('');
  }

  const samples = failed.flatMap((rule) => rule.samples.slice(0, SAMPLES_PER_RULE).map((sample) => ({ rule, sample }))).slice(0, SAMPLES_SHOWN);
  if (samples.length > 0) {
    const severalFiles = report.inputs.length > 1;
    out.push(`#### ${t(lang, 'report.md.samples')}`, '', `_${md(t(lang, masked ? 'report.masked' : 'report.unmasked'))}_`, '');
    out.push(
      `| ${t(lang, 'report.col.rule')} |${severalFiles ? ` ${t(lang, 'report.col.file')} |` : ''} ${t(lang, 'report.col.row')} | ${t(lang, 'report.col.column')} | ${t(lang, 'report.col.value')} | ${t(lang, 'report.col.finding')} |`,
      `|---|${severalFiles ? '---|' : ''}---:|---|---|---|`,
    );
    for (const { rule, sample } of samples) {
      const value = sample.value === null ? '–' : sample.value === '' ? md(t(lang, 'report.empty-value')) : code(sample.value);
      const row = sample.row === null ? md(t(lang, 'report.whole-file')) : String(sample.row);
      out.push(
        `| ${code(rule.id)} |${severalFiles ? ` ${md(sample.file)} |` : ''} ${row} | ${md(sample.column ?? '–')} | ${value} | ${md(findingMessage(report, sample.code, sample.data, lang))} |`,
      );
    }
    out.push('');
  }

  const inputs = report.inputs.slice(0, FOOTER_FILES).map((input) => {
    const read = md(t(lang, 'console.input', { path: input.path, rows: n(input.rows), format: input.format, encoding: input.encoding, delimiter: '' }));
    return `${read}, SHA-256 ${input.sha256 === '' ? '–' : code(input.sha256.slice(0, 12))}`;
  });
  if (report.inputs.length > FOOTER_FILES) inputs.push(`… (+${n(report.inputs.length - FOOTER_FILES)})`);
  out.push(`<sub>dqc ${md(report.tool.version)} · ${inputs.join(' · ')}</sub>`, '');
  return out.join('\n');
};
