import { Ajv } from 'ajv';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { dqc, ROOT } from '../support/cli.js';
import { csvLayout, tableModel, writeCsv } from './models.js';
import { runs, STACK_LINE, writeTemp } from './support.js';

// A few of the hostile cases through the real executable, as a steward or a CI job runs it: the
// exit code is always 0, 1 or 2, there is never a stack trace, an exit 2 names the file, and the
// JSON report is valid against its published schema. Few runs: each one spawns a process.

const validateReport = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(
  JSON.parse(readFileSync(join(ROOT, 'rules/report.schema.json'), 'utf8')) as object,
);

interface Report {
  inputs: { path: string; rows: number; rejected: number; complete: boolean }[];
  rules: { id: string; evaluated: number }[];
}

describe('dqc check on hostile files', () => {
  it('arbitrary bytes under any name: exit 0/1/2, no stack trace, a valid report or a message naming the file', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 600 }),
          fc.string({ unit: 'binary', maxLength: 200 }).map((s) => Buffer.from(`so_dinh_danh,ho_va_ten\n${s}`)),
          fc.string({ unit: 'binary', maxLength: 200 }).map((s) => Buffer.from(`[{"so_dinh_danh":${s}`)),
        ),
        fc.constantFrom('x.csv', 'x.json', 'x.ndjson', 'x.tsv', 'x.csv.gz'),
        fc.boolean(),
        (content, name, gzip) => {
          const path = writeTemp(name, gzip ? gzipSync(content) : content);
          const run = dqc(['check', path, '--format', 'json', '--quiet']);
          expect([0, 1, 2]).toContain(run.code);
          expect(run.stderr).not.toMatch(STACK_LINE);
          if (run.stdout.trim() === '') {
            // No report: the run could not be done at all, and stderr says which file.
            expect(run.code).toBe(2);
            expect(run.stderr).toContain(path);
            return;
          }
          const report = JSON.parse(run.stdout) as Report;
          expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
          expect(report.inputs[0]?.path).toBe(path);
          if (run.code === 2) expect(report.inputs[0]?.complete).toBe(false);
        },
      ),
      { numRuns: runs(4) },
    );
  });

  it('rows in the report + rows rejected = the data rows written, and every row is checked', () => {
    fc.assert(
      fc.property(tableModel(), csvLayout, (model, layout) => {
        const header = ['so_dinh_danh', ...model.header];
        const records = model.records.map((cells) => [`0010990${String(cells.length).padStart(5, '0')}`, ...cells]);
        const { text } = writeCsv({ header, records }, layout);
        const path = writeTemp('accounting.csv', text);
        const run = dqc(['check', path, '--format', 'json', '--quiet', '--delimiter', layout.delimiter]);
        expect(run.stderr).not.toMatch(STACK_LINE);
        const report = JSON.parse(run.stdout) as Report;
        const [input] = report.inputs;
        expect(input?.rows).toBe(records.length);
        expect(input?.rejected).toBe(0);
        expect(report.rules.find((r) => r.id === 'id-required')?.evaluated).toBe(records.length);
      }),
      { numRuns: runs(3) },
    );
  });
});
