import { buildReport } from '../report/build.js';
import type { Report, RuleResult } from '../report/model.js';
import { chooseThreads } from './threads.js';
import { runGroup, type RunOptions } from './run.js';
import { RowWorkers } from './row-workers.js';
import { RangeReading } from './split-reading.js';
import { findCheckType } from '../checks/index.js';
import type { Finding } from '../model.js';

/**
 * The streaming run: every rule sees every row of every input once; counts are exact, samples
 * are capped, findings stream out through onFinding in row order. Never prints, never exits.
 */
export async function runCheck(options: RunOptions): Promise<Report> {
  const started = Date.now();
  const threads = await chooseThreads(options);
  const sink = options.onFinding && ((finding: Finding) => options.onFinding!(finding));
  let run;
  if (threads <= 1) run = await runGroup(options, { sink });
  else {
    const { onProgress: _p, onFinding: _f, threads: _t, ...plain } = options;
    const valueOnly = options.pack.rules.flatMap((rule, index) => (findCheckType(rule.check)?.meta.valueOnly ? [index] : []));
    // This thread is one of them: it reads, runs the rules that look across rows, and judges a
    // batch whole when the workers are all busy.
    const workers = await RowWorkers.start(plain, valueOnly, threads - 1);
    try {
      // Plain CSV files: every thread reads byte ranges of its own instead (split-reading.ts).
      const ranges = new RangeReading(workers, plain, options.rangeBytes);
      run = await runGroup({ ...options, threads }, { sink, workers, ranges });
    } finally {
      await workers.close();
    }
  }
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
