import { Chalk } from 'chalk';
import { DIMENSIONS, type Lang } from '../../model.js';
import { t } from '../messages.js';
import type { Sample } from '../model.js';
import type { Formatter } from './types.js';
import { formatRate, formatScore } from '../locale.js';
import { scoreVerdict } from '../gate.js';
import { byImpact } from '../score.js';
import { terminalText as s } from './escape.js';
import { findingMessage, formatNumber, formatSeconds, localizedData, problemMessage } from './text.js';
import { fixText, localizedGateData } from './view.js';

const SAMPLES_SHOWN = 3;
const PROBLEM_SAMPLES_SHOWN = 5;

function location(sample: Pick<Sample, 'row' | 'line'>, lang: Lang): string {
  if (sample.row !== null && sample.line !== null) return t(lang, 'console.at-row', { row: sample.row, line: sample.line });
  if (sample.line !== null) return t(lang, 'console.at-line', { line: sample.line });
  return t(lang, 'console.dataset');
}

// Every text that holds data (paths, headers, cells, pack ids, rendered messages) goes through
// terminalText (`s`) before it is coloured: a cell holding ESC[2J is shown, never obeyed.

/** The steward's view: inputs, then rules grouped by dimension (worst first), then scores and the gate. */
export const formatConsole: Formatter = (report, { lang, color }) => {
  const c = new Chalk({ level: color ? 1 : 0 });
  const out: string[] = [];
  const n = (value: number) => formatNumber(value, lang);
  // A score's colour is the gate's word on it, as on the HTML page.
  const paintScore = (key: Parameters<typeof scoreVerdict>[1], text: string) => {
    const verdict = scoreVerdict(report, key);
    return verdict === 'failed' ? c.red(text) : verdict === 'warned' ? c.yellow(text) : verdict === 'passed' ? c.green(text) : text;
  };

  for (const input of report.inputs) {
    const delimiter =
      input.delimiter !== null ? t(lang, 'console.delimiter', { delimiter: JSON.stringify(input.delimiter) }) : input.sheet !== undefined ? t(lang, 'console.sheet', { sheet: JSON.stringify(input.sheet) }) : '';
    out.push(c.bold(s(t(lang, 'console.input', { path: input.path, rows: n(input.rows), format: input.format, encoding: input.encoding, delimiter }))));
    if (input.rejected > 0) out.push(c.red(`  ${t(lang, 'console.rejected', { count: n(input.rejected) })}`));
    for (const problem of input.problems) {
      const paint = problem.severity === 'error' ? c.red : c.yellow;
      out.push(paint(`  ${problem.severity === 'error' ? '✖' : problem.severity === 'warning' ? '⚠' : 'ℹ'} ${problem.code} (${n(problem.count)})`));
      for (const sample of problem.samples.slice(0, PROBLEM_SAMPLES_SHOWN)) {
        out.push(`      ${c.dim(location(sample, lang))}: ${s(problemMessage(report, problem.code, sample.data, lang))}`);
      }
      if (problem.count > PROBLEM_SAMPLES_SHOWN) out.push(c.dim(`      ${t(lang, 'console.problem-more', { count: n(problem.count - PROBLEM_SAMPLES_SHOWN) })}`));
    }
  }
  out.push('');

  for (const dimension of DIMENSIONS) {
    const rules = report.rules.filter((r) => r.dimension === dimension).sort(byImpact);
    if (rules.length === 0) continue;
    const score = report.scores[dimension];
    out.push(c.bold.underline(`${t(lang, `dimension.${dimension}`)}  ${score === null ? t(lang, 'console.no-score') : paintScore(dimension, formatScore(score, lang))}`));
    for (const rule of rules) {
      const mark = rule.status === 'failed' ? (rule.severity === 'error' ? c.red('✖') : c.yellow('⚠')) : rule.status === 'passed' ? c.green('✔') : c.dim('–');
      const head = `  ${mark} ${s(rule.id)} ${c.dim(`[${s(rule.check)}] ${t(lang, `severity.${rule.severity}`)}`)}`;
      if (rule.status === 'skipped') {
        const reasons = rule.skipped.map((skip) => t(lang, 'console.skipped', localizedData(report, { columns: skip.missingColumns.join(', '), file: skip.file }, lang)));
        out.push(`${head}  ${c.dim(s(reasons.join('; ')))}`);
        continue;
      }
      const counts = t(lang, 'console.rule-line', { failed: n(rule.failed), evaluated: n(rule.evaluated), rate: formatRate(rule.failRate, lang) });
      out.push(`${head}  ${rule.failed > 0 ? counts : c.dim(counts)}`);
      for (const sample of rule.samples.slice(0, rule.failed > 0 ? SAMPLES_SHOWN : 0)) {
        const fix = sample.fix ? c.cyan(`  → ${s(t(lang, 'console.fix', { fix: fixText(sample.fix, lang) }))}`) : '';
        out.push(`      ${c.dim(location(sample, lang))}: ${s(findingMessage(report, sample.code, sample.data, lang))} ${c.dim(`(${s(sample.code)})`)}${fix}`);
      }
      if (rule.findings > SAMPLES_SHOWN && rule.failed > 0) {
        out.push(c.dim(`      ${t(lang, 'console.problem-more', { count: n(rule.findings - Math.min(SAMPLES_SHOWN, rule.samples.length)) })}`));
      }
    }
    out.push('');
  }

  const scoreText = [...DIMENSIONS, 'overall' as const]
    .map((d) => `${t(lang, `dimension.${d}`)} ${paintScore(d, formatScore(report.scores[d], lang))}`)
    .join(c.dim(' · '));
  out.push(`${c.bold(t(lang, 'console.scores'))}: ${scoreText}`);
  out.push(
    c.dim(
      t(lang, 'console.summary', {
        files: n(report.summary.files),
        rows: n(report.summary.rows),
        rules: n(report.rules.length),
        failed: n(report.summary.rulesFailed),
        skipped: n(report.summary.rulesSkipped),
        errors: n(report.summary.errors),
        warnings: n(report.summary.warnings),
        seconds: formatSeconds(report.durationMs, lang),
      }),
    ),
  );
  if (report.inputs.some((input) => !input.complete)) out.push(c.red.bold(t(lang, 'console.incomplete')));
  if (report.gate.passed) out.push(c.green.bold(`✔ ${t(lang, 'console.gate-passed')}`));
  else {
    out.push(c.red.bold(`✖ ${t(lang, 'console.gate-failed')}`));
    for (const reason of report.gate.reasons) out.push(c.red(`  - ${s(t(lang, `gate.${reason.code}`, localizedGateData(reason.data, lang)))}`));
  }
  return `${out.join('\n')}\n`;
};
