import { CLI_FLAGS } from '../api/options.js';
import type { Lang } from '../model.js';
import { packRefs } from '../pack/config.js';
import { exitCodeFor } from '../report/gate.js';
import type { Report } from '../report/model.js';
import { normalizeCheckOptions, type CheckCliOptions, type RawCheckOptions } from './check-options.js';
import { colorWanted, createProgress, progressWanted } from './progress.js';
import { writeReports } from './report-outputs.js';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/**
 * A run that ends in reports (dqc check, dqc reconcile): the progress spinner while it runs, then
 * every report asked for, and the exit code of its gate.
 */
export async function reportedRun(
  options: Readonly<CheckCliOptions>,
  lang: Lang,
  io: Io,
  run: (onProgress: (rows: number) => void) => Promise<Report>,
): Promise<number> {
  const progress = await createProgress(lang, progressWanted(options.quiet, Boolean(process.stderr.isTTY), process.env));
  let report: Report;
  try {
    report = await run((rows) => progress.update(rows));
  } finally {
    progress.stop();
  }
  const color = colorWanted(options.color, Boolean(process.stdout.isTTY), process.env);
  await writeReports(report, options.reports, { lang, color, quiet: options.quiet }, io.stdout);
  return exitCodeFor(report);
}

/** `dqc check`: arguments in, report out, exit code back. The run is the library's (src/api/check.ts). */
export async function checkCommand(patterns: string[], raw: RawCheckOptions, lang: Lang, io: Io): Promise<number> {
  const options = normalizeCheckOptions(raw, process.env);
  // Imported here, not at the top: `dqc reconcile` shares this file (reportedRun), not the check run.
  const { checkWith } = await import('../api/check.js');
  return reportedRun(options, lang, io, (onProgress) =>
    checkWith(patterns, {
      packs: packRefs(raw.pack), // --pack, else ./dqc.config.*, else vn-population
      columns: options.columns,
      settings: options.settings,
      lang,
      names: CLI_FLAGS,
      onProgress,
    }),
  );
}
