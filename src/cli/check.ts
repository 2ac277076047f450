import { checkWith } from '../api/check.js';
import type { Lang } from '../model.js';
import { packRefs } from '../pack/config.js';
import { exitCodeFor } from '../report/gate.js';
import type { Report } from '../report/model.js';
import { normalizeCheckOptions, type RawCheckOptions } from './check-options.js';
import { colorWanted, createProgress, progressWanted } from './progress.js';
import { writeReports } from './report-outputs.js';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** `dqc check`: arguments in, report out, exit code back. The run is the library's (src/api/check.ts). */
export async function checkCommand(patterns: string[], raw: RawCheckOptions, lang: Lang, io: Io): Promise<number> {
  const options = normalizeCheckOptions(raw, process.env);
  const progress = createProgress(lang, progressWanted(options.quiet, Boolean(process.stderr.isTTY), process.env));
  let report: Report;
  try {
    report = await checkWith(patterns, {
      packs: packRefs(raw.pack), // --pack, else ./dqc.config.*, else vn-population
      columns: options.columns,
      settings: options.settings,
      lang,
      onProgress: (rows) => progress.update(rows),
    });
  } finally {
    progress.stop();
  }
  const color = colorWanted(options.color, Boolean(process.stdout.isTTY), process.env);
  writeReports(report, options.reports, { lang, color, quiet: options.quiet }, io.stdout);
  return exitCodeFor(report);
}
