import fc from 'fast-check';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { findCheckType } from '../../src/checks/index.js';
import { DqcError } from '../../src/errors.js';
import { resolvePacks } from '../../src/pack/resolve.js';
import { exitCodeFor } from '../../src/report/gate.js';
import { runs, writeTemp } from './support.js';
import { runCheck } from '../../src/engine/check.js';

// The whole engine (reader, binding, the 34 rules of the shipped pack, scores, gate) on arbitrary
// bytes under every name and reading option: it must always end with a report whose counts add
// up, or with a clear operational error (a damaged gzip stream), never anything else.

const pack = resolvePacks(['vn-population']);

/** Pieces that make random bytes look like the start of a real export, so the readers get deep. */
const TOKENS = [
  'so_dinh_danh,ho_va_ten,ngay_sinh,gioi_tinh\n',
  'id_number;full_name;date_of_birth\r\n',
  '001099012345,Nguyễn Văn An,01/02/1990,Nam\n',
  '"Trần Thị, Bình"',
  '""',
  '"',
  ',',
  ';',
  '\t',
  '\n',
  '\r\n',
  '\r',
  '[{"so_dinh_danh":"001099012345"}',
  '{"ho_va_ten":',
  '}',
  ']',
  '\u0000',
  '\ufeff',
  '😀',
  '\ufffd',
];

const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 2000 }),
  fc
    .array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ unit: 'binary', maxLength: 8 })), { maxLength: 40 })
    .map((parts) => Buffer.from(parts.join(''), 'utf8')),
);

describe('the engine on arbitrary bytes', () => {
  it('always ends with a report that adds up, or a clear error for a broken gzip stream', async () => {
    await fc.assert(
      fc.asyncProperty(
        bytes,
        fc.constantFrom('x.csv', 'x.tsv', 'x.txt', 'x.json', 'x.ndjson', 'x.jsonl', 'x', 'x.csv.gz', 'x.json.gz'),
        fc.boolean(),
        fc.option(fc.constantFrom('windows-1258', 'utf-16le', 'utf-16be', 'latin1'), { nil: undefined }),
        fc.option(fc.constantFrom(',', ';', '\t', '|'), { nil: undefined }),
        fc.option(fc.integer({ min: 1, max: 64 }), { nil: undefined }),
        async (content, name, gzip, encoding, delimiter, maxFieldSize) => {
          const path = writeTemp(name, gzip ? gzipSync(content) : content);
          let report;
          try {
            report = await runCheck({
              inputs: [path],
              pack,
              asOfDay: 20_000,
              sampleSize: 3,
              read: { encoding, delimiter, maxFieldSize },
              gate: { failOn: 'error', maxWarnings: null },
            });
          } catch (error) {
            // gzip magic bytes followed by a stream zlib cannot inflate: exit code 2 with the file's name.
            expect(error).toBeInstanceOf(DqcError);
            expect((error as DqcError).code).toBe('DQC_INPUT_UNREADABLE');
            expect((error as DqcError).data.path).toBe(path);
            return;
          }
          const [input] = report.inputs;
          expect(input).toBeDefined();
          if (!input) return;
          expect(input.rows).toBeGreaterThanOrEqual(input.rejected);
          expect(input.bytes).toBe((gzip ? gzipSync(content) : content).length);
          expect(input.sha256).toMatch(/^[0-9a-f]{64}$/);
          // A row rule sees each row read once (a whole-file rule, such as row-count, evaluates the file).
          for (const rule of report.rules) {
            if (findCheckType(rule.check)?.meta.scope === 'row') expect(rule.evaluated).toBeLessThanOrEqual(input.rows - input.rejected);
          }
          const code = exitCodeFor(report);
          expect([0, 1, 2]).toContain(code);
          if (!input.complete) expect(code).toBe(2);
          expect(() => JSON.stringify(report)).not.toThrow();
        },
      ),
      { numRuns: runs(150) },
    );
  });
});
