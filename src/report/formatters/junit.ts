import type { Lang } from '../../model.js';
import { formatRate } from '../locale.js';
import { maskReport } from '../mask.js';
import { t } from '../messages.js';
import type { InputResult, Report, RuleResult } from '../model.js';
import { escapeXml } from './escape.js';
import { findingMessage, formatNumber, localizedData, problemMessage } from './text.js';
import type { Formatter } from './types.js';
import { failsGate } from '../gate.js';
import { gateReasons, limitText, locationText } from './view.js';

// JUnit XML for CI systems (GitHub, GitLab, Jenkins, Azure): one <testsuite> per input, one
// <testcase> per rule, plus a testcase for the input itself and a "dqc" suite with the gate, so
// that the test report is green exactly when the gate passes:
// - a rule that fails the gate (error, or warning with --fail-on warning) and has findings in the
//   input is a <failure>, with its counts and samples;
// - a rule that failed but cannot fail the gate (warning, info) passes, its findings in <system-out>;
// - a rule skipped in the input (missing column) is <skipped/>;
// - an input with error-level problems fails its "input" testcase; one that could not be read to
//   the end is an <error>.

interface Case {
  classname: string;
  name: string;
  failure?: { message: string; type: string; body: string };
  error?: { message: string; type: string; body: string };
  skipped?: string;
  out?: string;
}

const attr = (text: string) => escapeXml(text, true);

function renderCase(c: Case): string {
  const head = `    <testcase classname="${attr(c.classname)}" name="${attr(c.name)}" time="0"`;
  const inner: string[] = [];
  if (c.skipped !== undefined) inner.push(`      <skipped message="${attr(c.skipped)}"/>`);
  if (c.failure) inner.push(`      <failure message="${attr(c.failure.message)}" type="${attr(c.failure.type)}">${escapeXml(c.failure.body)}</failure>`);
  if (c.error) inner.push(`      <error message="${attr(c.error.message)}" type="${attr(c.error.type)}">${escapeXml(c.error.body)}</error>`);
  if (c.out) inner.push(`      <system-out>${escapeXml(c.out)}</system-out>`);
  return inner.length === 0 ? `${head}/>` : `${head}>\n${inner.join('\n')}\n    </testcase>`;
}

/** The rule's counts in one input (overall counts for a report without per-file counts). */
function countsIn(rule: RuleResult, path: string): { evaluated: number; failed: number; findings: number } | null {
  if (!rule.byFile) return rule.skipped.some((s) => s.file === path) ? null : rule;
  return rule.byFile.find((entry) => entry.file === path) ?? null;
}

function ruleDetails(rule: RuleResult, input: InputResult, report: Report, lang: Lang): string {
  const n = (value: number) => formatNumber(value, lang);
  const here = countsIn(rule, input.path);
  const lines = [rule.description[lang], ''];
  if (here && report.inputs.length > 1) {
    lines.push(t(lang, 'report.junit.in-file', { file: input.path, failed: n(here.failed), evaluated: n(here.evaluated), findings: n(here.findings) }));
  }
  lines.push(
    t(lang, 'report.junit.overall', {
      failed: n(rule.failed),
      evaluated: n(rule.evaluated),
      rate: formatRate(rule.failRate, lang),
      findings: n(rule.findings),
      limit: limitText(rule, lang),
    }),
  );
  const samples = rule.samples.filter((sample) => sample.file === input.path || sample.row === null);
  if (samples.length > 0) lines.push('');
  for (const sample of samples) {
    lines.push(`${locationText(sample, lang)}: ${findingMessage(report, sample.code, sample.data, lang)} (${sample.code})`);
  }
  const more = (here?.findings ?? rule.findings) - samples.length;
  if (more > 0) lines.push(t(lang, 'report.samples.more', { count: n(more) }));
  return lines.join('\n');
}

function ruleCase(rule: RuleResult, input: InputResult, report: Report, lang: Lang): Case {
  const c: Case = { classname: `dqc.${rule.dimension}`, name: rule.id };
  const skipped = rule.skipped.find((s) => s.file === input.path);
  const here = countsIn(rule, input.path);
  if (skipped || here === null) {
    c.skipped = t(lang, 'report.skipped', localizedData(report, { columns: skipped?.missingColumns.join(', ') ?? '', file: input.path }, lang));
    return c;
  }
  if (rule.status !== 'failed' || here.findings === 0) return c;
  const message =
    here.evaluated === 1 && here.failed === 1 && rule.samples.some((s) => s.row === null)
      ? t(lang, 'report.junit.dataset-failed')
      : t(lang, 'report.junit.rule-failed', {
          failed: formatNumber(here.failed, lang),
          evaluated: formatNumber(here.evaluated, lang),
          rate: formatRate(here.evaluated === 0 ? 0 : here.failed / here.evaluated, lang),
        });
  const details = ruleDetails(rule, input, report, lang);
  if (failsGate(rule, report.settings.failOn)) {
    c.failure = { message, type: rule.severity, body: details };
  } else {
    const note = t(lang, 'report.junit.not-gating', { severity: t(lang, `severity.${rule.severity}`), failOn: report.settings.failOn });
    c.out = `${message}\n${note}\n\n${details}`;
  }
  return c;
}

function inputCase(input: InputResult, report: Report, lang: Lang): Case {
  const c: Case = { classname: 'dqc.input', name: 'input' };
  const errors = input.problems.filter((p) => p.severity === 'error');
  const lines = input.problems.flatMap((problem) => [
    `${problem.code} (${t(lang, `severity.${problem.severity}`)}, ${formatNumber(problem.count, lang)})`,
    ...problem.samples.slice(0, 5).map((sample) => `  ${locationText(sample, lang)}: ${problemMessage(report, problem.code, sample.data, lang)}`),
  ]);
  if (!input.complete) {
    c.error = { message: t(lang, 'gate.input-incomplete', { file: input.path }), type: 'input-incomplete', body: lines.join('\n') };
  } else if (errors.length > 0) {
    const count = errors.reduce((sum, p) => sum + p.count, 0);
    c.failure = { message: t(lang, 'report.junit.input-errors', { count: formatNumber(count, lang) }), type: 'input-problems', body: lines.join('\n') };
  } else if (lines.length > 0) {
    c.out = lines.join('\n');
  }
  return c;
}

function renderSuite(name: string, cases: Case[], properties: [string, string][], timestamp: string): string {
  const failures = cases.filter((c) => c.failure).length;
  const errors = cases.filter((c) => c.error).length;
  const skipped = cases.filter((c) => c.skipped !== undefined).length;
  const props = properties.map(([key, value]) => `      <property name="${attr(key)}" value="${attr(value)}"/>`);
  return [
    `  <testsuite name="${attr(name)}" tests="${cases.length}" failures="${failures}" errors="${errors}" skipped="${skipped}" timestamp="${attr(timestamp)}">`,
    ...(props.length > 0 ? ['    <properties>', ...props, '    </properties>'] : []),
    ...cases.map(renderCase),
    '  </testsuite>',
  ].join('\n');
}

export const formatJunit: Formatter = (fullReport, context) => {
  const { lang } = context;
  const report = context.mask !== false ? maskReport(fullReport) : fullReport;
  const timestamp = report.startedAt.replace(/\.\d+Z$/, '');
  const suites: { name: string; cases: Case[]; properties: [string, string][] }[] = report.inputs.map((input) => ({
    name: input.path,
    cases: [inputCase(input, report, lang), ...report.rules.map((rule) => ruleCase(rule, input, report, lang))],
    properties: [
      ['rows', String(input.rows)],
      ['rejected', String(input.rejected)],
      ['encoding', input.encoding],
      ['sha256', input.sha256],
    ],
  }));
  const gate: Case = { classname: 'dqc.gate', name: 'gate' };
  if (!report.gate.passed) {
    gate.failure = { message: t(lang, 'report.verdict.failed'), type: 'gate', body: gateReasons(report, lang).join('\n') };
  }
  suites.push({
    name: 'dqc',
    cases: [gate],
    properties: [
      ['score.true', String(report.scores.true ?? '')],
      ['score.sufficient', String(report.scores.sufficient ?? '')],
      ['score.clean', String(report.scores.clean ?? '')],
      ['score.alive', String(report.scores.alive ?? '')],
      ['score.overall', String(report.scores.overall ?? '')],
      ['asOf', report.asOf],
      ['version', report.tool.version],
    ],
  });
  const all = suites.flatMap((suite) => suite.cases);
  const count = (pick: (c: Case) => boolean) => all.filter(pick).length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="dqc" tests="${all.length}" failures="${count((c) => Boolean(c.failure))}" errors="${count((c) => Boolean(c.error))}" skipped="${count((c) => c.skipped !== undefined)}" time="${(report.durationMs / 1000).toFixed(3)}">`,
    ...suites.map((suite) => renderSuite(suite.name, suite.cases, suite.properties, timestamp)),
    '</testsuites>',
    '',
  ].join('\n');
};
