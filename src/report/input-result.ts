import { boundHeaders, readFacts } from '../input/facts.js';
import type { BoundInput } from '../pack/bound-input.js';
import type { InputResult } from './model.js';

/** The report's view of an input once it has been read to its end; `filled` only where fill was counted. */
export function inputResult(input: BoundInput, filled?: number[]): InputResult {
  const { reader } = input;
  return {
    ...readFacts(input.path, reader, input.stats),
    columns: [...reader.header],
    ...(filled === undefined ? {} : { filled }),
    bound: boundHeaders(input.fieldIndex, reader.header),
    problems: input.problems.summaries(),
  };
}
