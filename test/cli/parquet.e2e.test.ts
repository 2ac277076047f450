// Parquet input end to end (fixtures/parquet/*, written by fixtures/generate.ts from the population
// CSVs): the same per-rule counts as the same rows in CSV for check, profile, init and reconcile; IDs
// stored as INT64 get the leading-zero finding and its fix; a damaged file and `dqc fix` on Parquet
// stop with exit 2 and say why.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { dqc, dqcJson, ROOT, tempDir } from '../support/cli.js';

const FIXTURES = join(ROOT, 'fixtures');
const AS_OF = ['--as-of', '2026-11-01'];

type Rule = { id: string; failed: number; evaluated: number; status: string };
const counts = (report: Record<string, unknown>) => Object.fromEntries((report.rules as Rule[]).map((r) => [r.id, [r.failed, r.evaluated, r.status]]));

/** A CSV rewritten as Parquet with every column as text (nulls for blanks). */
function csvAsParquet(csvPath: string, dir: string): string {
  const [header, ...rows] = parse(readFileSync(csvPath, 'utf8'), { bom: true }) as string[][];
  const columnData = header!.map((name, k) => ({ name, data: rows.map((r) => (r[k] === '' ? null : r[k]!)), type: 'STRING' as const }));
  const path = join(dir, csvPath.split('/').pop()!.replace(/\.csv$/, '.parquet'));
  writeFileSync(path, new Uint8Array(parquetWriteBuffer({ columnData })));
  return path;
}

describe('dqc on Parquet', { timeout: 120_000 }, () => {
  it.each(['population-clean', 'population-defects'])('check: %s as Parquet gives the per-rule counts and exit code of its CSV', (name) => {
    const csv = dqcJson(['check', join(FIXTURES, `${name}.csv`), ...AS_OF]);
    const parquet = dqcJson(['check', join(FIXTURES, 'parquet', `${name}.parquet`), ...AS_OF]);
    expect(parquet.code).toBe(csv.code);
    expect(counts(parquet.report)).toEqual(counts(csv.report));
    expect(parquet.report.summary.findings ?? parquet.report.summary).toEqual(csv.report.summary.findings ?? csv.report.summary);
    expect(parquet.report.inputs[0].format).toBe('parquet');
    expect(parquet.report.inputs[0].rows).toBe(csv.report.inputs[0].rows);
  });

  it('check: the same export as CSV, JSON Lines, Parquet and XLSX gives the same per-rule counts', () => {
    const dir = tempDir();
    const csvPath = join(FIXTURES, 'population-clean.csv');
    const [header, ...rows] = parse(readFileSync(csvPath, 'utf8'), { bom: true }) as string[][];
    const jsonl = join(dir, 'population-clean.jsonl');
    writeFileSync(jsonl, rows.map((row) => JSON.stringify(Object.fromEntries(header!.map((name, k) => [name, row[k] ?? ''])))).join('\n') + '\n');
    const csv = dqcJson(['check', csvPath, ...AS_OF]);
    for (const other of [jsonl, join(FIXTURES, 'parquet/population-clean.parquet'), join(FIXTURES, 'workbooks/population-clean.xlsx')]) {
      const run = dqcJson(['check', other, ...AS_OF]);
      expect(run.code, other).toBe(csv.code);
      expect(counts(run.report), other).toEqual(counts(csv.report));
    }
  });

  it('check: a file DuckDB wrote (zstd, DATE columns, 100-row groups) gives the counts of its CSV', () => {
    const csv = dqcJson(['check', join(FIXTURES, 'population-clean.csv'), ...AS_OF]);
    const parquet = dqcJson(['check', join(ROOT, 'test/input/data/population-clean.duckdb-zstd.parquet'), ...AS_OF]);
    expect(parquet.report.inputs[0].encoding).toBe('zstd');
    expect(parquet.code).toBe(csv.code);
    expect(counts(parquet.report)).toEqual(counts(csv.report));
  });

  it('check: IDs stored as INT64 lost their leading zeros, each with the exact fix', () => {
    const { code, report } = dqcJson(['check', join(FIXTURES, 'parquet/population-ids.parquet'), ...AS_OF, '--sample', '500']);
    expect(code).toBe(1);
    const ids = report.rules.find((r: Rule) => r.id === 'id-valid');
    expect(ids.failed).toBe(200);
    const csvIds = (parse(readFileSync(join(FIXTURES, 'population-clean.csv'), 'utf8'), { bom: true }) as string[][]).slice(1).map((r) => r[0]);
    const samples = ids.samples as { row: number; code: string; fix: { action: string; value: string } }[];
    expect(samples.length).toBe(200);
    expect(samples.every((s) => s.code === 'vn-personal-id/id-excel-leading-zero')).toBe(true);
    for (const s of samples) expect(s.fix.value).toBe(csvIds[s.row - 1]);
  });

  it('profile and init read it as its CSV', () => {
    const csvProfile = dqcJson(['profile', join(FIXTURES, 'population-clean.csv')]);
    const parquetProfile = dqcJson(['profile', join(FIXTURES, 'parquet/population-clean.parquet')]);
    expect(parquetProfile.code).toBe(0);
    const columns = (p: typeof csvProfile) => p.report.inputs[0].columns.map((c: { name: string; semantic?: string }) => [c.name, c.semantic]);
    expect(columns(parquetProfile)).toEqual(columns(csvProfile));
    const dir = tempDir();
    const init = dqc(['init', '--from', join(FIXTURES, 'parquet/population-clean.parquet')], { cwd: dir });
    expect(init.code, init.stderr).toBe(0);
    const check = dqc(['check', join(FIXTURES, 'parquet/population-clean.parquet'), ...AS_OF], { cwd: dir });
    expect(check.code, check.stdout + check.stderr).toBe(0);
  });

  it('reconcile: a Parquet reference gives what the CSV reference gives', () => {
    const dir = tempDir();
    const local = join(FIXTURES, 'reconcile-local.csv');
    const reference = join(FIXTURES, 'reconcile-reference.csv');
    const csv = dqcJson(['reconcile', local, '--reference', reference, '--sample', '1000']);
    const parquet = dqcJson(['reconcile', local, '--reference', csvAsParquet(reference, dir), '--sample', '1000']);
    expect(parquet.code).toBe(csv.code);
    expect(counts(parquet.report)).toEqual(counts(csv.report));
  });

  it('a truncated Parquet file stops with exit 2, naming the file, without a stack trace', () => {
    const dir = tempDir();
    const whole = readFileSync(join(FIXTURES, 'parquet/population-clean.parquet'));
    const cut = join(dir, 'cut.parquet');
    writeFileSync(cut, whole.subarray(0, whole.length - 100));
    for (const lang of ['en', 'vi']) {
      const run = dqc(['check', cut, '--lang', lang]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('cut.parquet');
      expect(run.stderr).toMatch(lang === 'en' ? /Cannot read/ : /Không đọc được/);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('dqc fix on a Parquet file stops with exit 2 and says what to do', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'empty.jsonl'), '');
    const run = dqc(['fix', join(FIXTURES, 'parquet/population-clean.parquet'), '--fixes', join(dir, 'empty.jsonl'), '-o', join(dir, 'out.csv')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('it is a Parquet file');
  });
});
