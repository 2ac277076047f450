import { t } from '../messages.js';
import type { Formatter } from './types.js';
import { localizedGateData } from './view.js';
import { findingMessage, problemMessage } from './text.js';

/**
 * The report JSON (contract: rules/report.schema.json): the model with every message rendered
 * in the asked language next to its code and data, so machines read codes and people read text.
 */
export const formatJson: Formatter = (report, { lang }) => {
  const { messages: _templates, fieldLabels: _labels, ...model } = report;
  const output = {
    ...model,
    lang,
    inputs: report.inputs.map((input) => ({
      ...input,
      problems: input.problems.map((problem) => ({
        ...problem,
        samples: problem.samples.map((sample) => ({ ...sample, message: problemMessage(report, problem.code, sample.data, lang) })),
      })),
    })),
    rules: report.rules.map((rule) => ({
      ...rule,
      description: rule.description[lang],
      samples: rule.samples.map((sample) => ({ ...sample, message: findingMessage(report, sample.code, sample.data, lang) })),
    })),
    gate: {
      passed: report.gate.passed,
      reasons: report.gate.reasons.map((reason) => ({ ...reason, message: t(lang, `gate.${reason.code}`, localizedGateData(reason.data, lang)) })),
    },
  };
  return `${JSON.stringify(output, null, 2)}\n`;
};
