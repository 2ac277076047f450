import type { Sample } from './model.js';

/** Longest value kept in a sample: a 1 MB cell must not become a 1 MB report line. */
const SAMPLE_VALUE_CHARS = 500;

function clip(text: string): string {
  return text.length <= SAMPLE_VALUE_CHARS ? text : `${text.slice(0, SAMPLE_VALUE_CHARS)}… (${text.length} chars)`;
}

/** The report's sample of a finding (check or reconcile), its value and fixed value clipped. */
export function sampleOf(finding: Omit<Sample, 'value'> & { value: string | null }): Sample {
  const sample: Sample = {
    file: finding.file,
    row: finding.row,
    line: finding.line,
    column: finding.column,
    field: finding.field,
    value: finding.value === null ? null : clip(finding.value),
    code: finding.code,
    dimension: finding.dimension,
    data: finding.data,
  };
  const fix = finding.fix;
  if (fix) sample.fix = fix.value === undefined ? fix : { ...fix, value: clip(fix.value) };
  return sample;
}
