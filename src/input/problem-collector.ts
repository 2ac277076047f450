import { PROBLEM_SEVERITY, type InputProblem, type ProblemCode } from './problems.js';
import type { ProblemSummary } from './problems.js';

const SAMPLES_PER_CODE = 20;

/** Exact counts of an input's problems, with the first few of each kind kept as samples. */
export class ProblemCollector {
  private readonly byCode = new Map<ProblemCode, ProblemSummary>();

  readonly add = (problem: InputProblem): void => {
    let summary = this.byCode.get(problem.code);
    if (!summary) {
      summary = { code: problem.code, severity: PROBLEM_SEVERITY[problem.code], count: 0, samples: [] };
      this.byCode.set(problem.code, summary);
    }
    summary.count++;
    if (summary.samples.length < SAMPLES_PER_CODE) {
      summary.samples.push({ line: problem.line, row: problem.row, column: problem.column, data: problem.data });
    }
  };

  summaries(): ProblemSummary[] {
    return [...this.byCode.values()];
  }
}
