import { CLI_FLAGS, MAX_THREADS, normalizeRunOptions, type RunSettings } from '../api/options.js';
import { dialectFlags, readFromEnvironment, workbookFlags, type RawDialectFlags, type RawWorkbookFlags } from './run-options.js';
import { planReports, type RawReportOptions, type ReportPlan } from './report-outputs.js';

/** What commander hands over for `dqc check`, before normalisation. */
export interface RawCheckOptions extends RawReportOptions, RawDialectFlags, RawWorkbookFlags {
  pack?: string[];
  column?: string[];
  delimiter?: string;
  encoding?: string;
  sample?: string;
  asOf?: string;
  failOn?: string;
  maxWarnings?: string;
  maxFieldSize?: string;
  lang?: string;
  quiet?: boolean;
  color?: boolean;
  fixes?: string;
  key?: string;
  threads?: string;
  model?: string;
  saveModel?: string;
}

/** `dqc check` options normalised once: what only the command line has, and the run's settings (api/options.ts). */
export interface CheckCliOptions {
  columns: string[];
  /** Report formats and where each goes (--format, -o, --output-<format>, --no-mask). */
  reports: ReportPlan;
  quiet: boolean;
  color: boolean | undefined;
  settings: RunSettings;
}

/** DQC_THREADS when --threads is not given: a whole number from 1 (at most MAX_THREADS), else ignored. */
function threadsFromEnvironment(env: NodeJS.ProcessEnv): number | undefined {
  const asked = env.DQC_THREADS ? Number(env.DQC_THREADS) : NaN;
  return Number.isInteger(asked) && asked >= 1 ? Math.min(asked, MAX_THREADS) : undefined;
}

export function normalizeCheckOptions(raw: RawCheckOptions, env: NodeJS.ProcessEnv): Readonly<CheckCliOptions> {
  const reports = planReports(raw);
  const settings = normalizeRunOptions(
    {
      delimiter: raw.delimiter,
      encoding: raw.encoding,
      asOf: raw.asOf,
      fixes: raw.fixes,
      failOn: raw.failOn,
      sample: raw.sample,
      maxWarnings: raw.maxWarnings,
      maxFieldSize: raw.maxFieldSize,
      keyField: raw.key,
      model: raw.model,
      saveModel: raw.saveModel,
      threads: raw.threads ?? threadsFromEnvironment(env),
      ...dialectFlags(raw),
      ...workbookFlags(raw),
      ...readFromEnvironment(env),
    },
    CLI_FLAGS,
  );
  return Object.freeze({
    columns: raw.column ?? [],
    reports,
    quiet: raw.quiet ?? false,
    color: raw.color === false ? false : undefined,
    settings,
  });
}
