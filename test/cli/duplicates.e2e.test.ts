import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dqcJson, ROOT } from '../support/cli.js';

interface Expected {
  rule: string;
  code: string;
  row: number;
  target: number;
  action: string;
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'fixtures/duplicates.manifest.json'), 'utf8')) as { asOf: string; expected: Expected[] };

describe('duplicates on the generated register (fixtures/duplicates.csv)', () => {
  const { code, report } = dqcJson([
    'check',
    'fixtures/duplicates.csv',
    '--pack',
    'fixtures/duplicates.pack.json',
    '--as-of',
    manifest.asOf,
    '--sample',
    '100',
  ]);

  it('reports exactly the planted duplicates, each with its code, row, target row and fix', () => {
    const found: Expected[] = report.rules.flatMap(
      (rule: { id: string; samples: { code: string; row: number; data: Record<string, unknown>; fix?: { action: string } }[] }) =>
        rule.samples.map((s) => ({
          rule: rule.id,
          code: s.code,
          row: s.row,
          target: Number(s.data.keep_row ?? s.data.first_row),
          action: s.fix?.action ?? 'none',
        })),
    );
    const key = (e: Expected) => `${e.rule} ${e.code} row ${e.row} → ${e.target} ${e.action}`;
    expect(found.map(key).sort()).toEqual(manifest.expected.map(key).sort());
    expect(code).toBe(1); // a conflicting duplicate ID is an error
  });

  it('shows every duplicate finding code of unique, with its dimension', () => {
    const samples = report.rules.find((r: { id: string }) => r.id === 'id-unique').samples as { code: string; dimension: string }[];
    expect(Object.fromEntries(samples.map((s) => [s.code, s.dimension]))).toEqual({
      'unique/duplicate-identical': 'clean',
      'unique/duplicate-formatting': 'clean',
      'unique/duplicate-conflict': 'true',
      'unique/duplicate': 'clean',
    });
  });

  it('keeps look-alikes apart: twins and a father and son with the same name', () => {
    const rows = report.rules.find((r: { id: string }) => r.id === 'same-person').samples.map((s: { row: number }) => s.row);
    for (const lookAlike of [11, 14, 15, 16]) expect(rows).not.toContain(lookAlike);
  });

  it('explains each cluster: match probability, members and the weight of each field, in both languages', () => {
    const swapped = report.rules
      .find((r: { id: string }) => r.id === 'same-person')
      .samples.find((s: { row: number }) => s.row === 10);
    expect(swapped.data).toMatchObject({ keep_row: 9, size: 2 });
    expect(String(swapped.data.why)).toMatch(
      /^given name equal without diacritics \+[\d.]+, .*date of birth day\/month swapped \+[\d.]+, .*ID missing 0, .*prior −[\d.]+ → 0\.\d\d$/,
    );
    expect(String(swapped.data.why_vi)).toMatch(/^tên trùng khi bỏ dấu \+[\d,]+, .*ngày sinh đảo ngày\/tháng \+[\d,]+, .*số định danh thiếu 0, .*tiên nghiệm −[\d,]+ → 0,\d\d$/);
    expect(String(swapped.data.why)).toContain(`→ ${swapped.data.score.toFixed(2)}`);
    expect(swapped.fix).toMatchObject({ action: 'merge_into', confidence: swapped.data.score });
  });
});
