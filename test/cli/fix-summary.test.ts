import { describe, expect, it } from 'vitest';
import { describeFixResult } from '../../src/cli/fix.js';
import type { ApplyResult } from '../../src/index.js';

// The summary of dqc fix lists conflicts with values from the data and the list: a terminal must show
// them, never obey them (issue 14, item 13: ESC[2J in a cell cleared the steward's screen).
const result: ApplyResult = {
  input: 'in.csv',
  output: 'out.csv',
  audit: 'out.csv.audit.jsonl',
  dropped: 'out.dropped.csv',
  format: 'csv',
  encoding: 'utf-8',
  outputEncoding: 'utf-8',
  rows: { in: 2, out: 2, dropped: 0 },
  fixes: { applied: 0, conflicts: 1, skipped: 0, otherFiles: 0 },
  reasons: { changed: 1 },
  conflicts: [
    {
      fix_id: 'f1',
      status: 'conflict',
      reason: 'changed',
      row: 1,
      output_row: 1,
      column: 'ho_ten',
      action: 'set',
      rule: 'name-valid',
      expected: 'Nguyễn\u001b[2J Văn A',
      before: 'Trần\u202e Thị B\nC',
      after: null,
    },
  ],
};

describe('dqc fix summary', () => {
  it.each(['en', 'vi'] as const)('shows control characters of the data as visible marks (%s)', (lang) => {
    const text = describeFixResult(result, lang);
    expect(text.includes('\u001b') || text.includes('\u202e')).toBe(false);
    expect(text).toContain('Nguyễn\u241b[2J Văn A');
    expect(text).toContain('Trần<U+202E> Thị B\u240aC');
  });
});
