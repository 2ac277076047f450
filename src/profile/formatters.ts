import { t } from './messages.js';
import { formatProfileConsole } from './format-console.js';
import { formatProfileHtml } from './format-html.js';
import type { ProfileFormatter } from './format-context.js';


/**
 * The profile JSON (contract: rules/profile.schema.json): the model as it is, with the language and
 * each input problem's message rendered next to its code and data, as in the report JSON.
 */
export const formatProfileJson: ProfileFormatter = (profile, { lang }) => {
  const output = {
    ...profile,
    lang,
    inputs: profile.inputs.map((input) => ({
      ...input,
      problems: input.problems.map((problem) => ({
        ...problem,
        samples: problem.samples.map((sample) => ({ ...sample, message: t(lang, problem.code, sample.data) })),
      })),
    })),
  };
  return `${JSON.stringify(output, null, 2)}\n`;
};

export const PROFILE_FORMAT_NAMES = ['console', 'json', 'html'] as const;
export type ProfileFormatName = (typeof PROFILE_FORMAT_NAMES)[number];

export const profileFormatters = {
  console: formatProfileConsole,
  json: formatProfileJson,
  html: (profile, context) => formatProfileHtml(profile, context),
} satisfies Record<ProfileFormatName, ProfileFormatter>;
