import { buildReport } from '../report/build.js';
import type { Report, RuleResult } from '../report/model.js';
import { chooseThreads, runParallel } from './parallel.js';
import { runGroup, type RunOptions } from './run.js';

/**
 * The streaming run: every rule sees every row of every input once; counts are exact, samples
 * are capped, findings stream out through onFinding in row order. Never prints, never exits.
 */
export async function runCheck(options: RunOptions): Promise<Report> {
  const started = Date.now();
  const threads = await chooseThreads(options);
  const run =
    threads > 1
      ? await runParallel(options, threads)
      : await runGroup(options, { rules: null, primary: true, sink: options.onFinding && ((finding) => options.onFinding!(finding)) });
  options.onProgress?.(run.rows);
  return buildReport({
    started,
    asOfDay: options.asOfDay,
    pack: options.pack,
    sampleSize: options.sampleSize,
    gate: options.gate,
    inputs: run.inputs,
    rules: run.results as RuleResult[],
    messages: run.messages,
  });
}
