import { openCheckFixList } from '../fix/from-check.js';
import type { Lang } from '../model.js';
import { parseColumnOverrides } from '../pack/bind.js';
import { packRefs } from '../pack/config.js';
import { resolvePacks } from '../pack/resolve.js';
import { exitCodeFor } from '../report/gate.js';
import { normalizeCheckOptions, type RawCheckOptions } from './check-options.js';
import { expandInputs } from './inputs.js';
import { colorWanted, createProgress, progressWanted } from './progress.js';
import { writeReports } from './report-outputs.js';
import { runCheck } from '../engine/check.js';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** `dqc check`: arguments in, report out, exit code back. All the work is in the engine. */
export async function checkCommand(patterns: string[], raw: RawCheckOptions, lang: Lang, io: Io): Promise<number> {
  const options = normalizeCheckOptions(raw);
  const pack = resolvePacks(packRefs(raw.pack)); // --pack, else ./dqc.config.*, else vn-population
  const columnOverrides = parseColumnOverrides(options.columns, pack.columns);
  const inputs = await expandInputs(patterns);
  const read = { delimiter: options.delimiter, encoding: options.encoding, maxFieldSize: options.maxFieldSize };
  const fixList = options.fixes
    ? openCheckFixList({ path: options.fixes, lang, pack, columnOverrides, keyField: options.keyField, read })
    : null;
  const progress = createProgress(lang, progressWanted(options.quiet, Boolean(process.stderr.isTTY), process.env));
  let report;
  try {
    report = await runCheck({
      inputs,
      pack,
      columnOverrides,
      asOfDay: options.asOfDay,
      sampleSize: options.sample,
      read,
      gate: { failOn: options.failOn, maxWarnings: options.maxWarnings },
      onProgress: (rows) => progress.update(rows),
      keyField: options.keyField,
      threads: options.threads,
      onFinding: fixList?.onFinding,
    });
  } catch (error) {
    await fixList?.abort();
    throw error;
  } finally {
    progress.stop();
  }
  await fixList?.finish();

  const color = colorWanted(options.color, Boolean(process.stdout.isTTY), process.env);
  writeReports(report, options.reports, { lang, color, quiet: options.quiet }, io.stdout);
  return exitCodeFor(report);
}
