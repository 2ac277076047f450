import { runCheck } from '../engine/run.js';
import type { Lang } from '../model.js';
import { parseColumnOverrides } from '../pack/bind.js';
import { resolvePacks } from '../pack/resolve.js';
import { formatters } from '../report/formatters/index.js';
import { exitCodeFor } from '../report/gate.js';
import { normalizeCheckOptions, type RawCheckOptions } from './check-options.js';
import { expandInputs } from './inputs.js';
import { writeFileAtomic } from './output.js';
import { colorWanted, createProgress, progressWanted } from './progress.js';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** `dqc check`: arguments in, report out, exit code back. All the work is in the engine. */
export async function checkCommand(patterns: string[], raw: RawCheckOptions, lang: Lang, io: Io): Promise<number> {
  const options = normalizeCheckOptions(raw);
  const pack = resolvePacks(options.packs);
  const columnOverrides = parseColumnOverrides(options.columns, pack.columns);
  const inputs = await expandInputs(patterns);
  const progress = createProgress(lang, progressWanted(options.quiet, Boolean(process.stderr.isTTY), process.env));
  let report;
  try {
    report = await runCheck({
      inputs,
      pack,
      columnOverrides,
      asOfDay: options.asOfDay,
      sampleSize: options.sample,
      read: { delimiter: options.delimiter, encoding: options.encoding },
      gate: { failOn: options.failOn, maxWarnings: options.maxWarnings },
      onProgress: (rows) => progress.update(rows),
    });
  } finally {
    progress.stop();
  }

  const color = colorWanted(options.color, Boolean(process.stdout.isTTY), process.env);
  const text = formatters[options.format](report, { lang, color });
  if (options.output) {
    writeFileAtomic(options.output, text);
    if (!options.quiet && options.format !== 'console') io.stdout(formatters.console(report, { lang, color }));
  } else {
    io.stdout(text);
  }
  return exitCodeFor(report);
}
