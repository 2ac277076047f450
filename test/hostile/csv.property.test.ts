import fc from 'fast-check';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DqcError } from '../../src/errors.js';
import { PROBLEM_SEVERITY } from '../../src/input/problems.js';
import { csvLayout, DELIMITERS, expectedHeader, expectedHeaderProblems, isBlankRecord, tableModel, writeCsv, type TableModel } from './models.js';
import { readAll, runs, writeTemp } from './support.js';

// Property tests over the CSV reader: files written from a model (so the truth is known) in every
// way real exports come — four delimiters, minimal/full/random/stray quoting, LF or CRLF, with or
// without a final line end, BOM, UTF-8/UTF-16/legacy code pages, gzip — must read back to exactly
// the model, with the right line of every row and exact counts. Damaged files (truncated, bytes
// inserted or changed) must never crash the reader and must keep rows = read + rejected.
// Run counts are fixed so the suite stays bounded; on failure fast-check prints the seed and the
// shrunk counterexample (replay with `{ seed, path }` in the options).

type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le-bom' | 'utf-16be-bom' | 'utf-16le';

function encode(text: string, encoding: Encoding): Buffer {
  const utf16le = Buffer.from(text, 'utf16le');
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return utf16le; // no BOM: read with --encoding utf-16le
    case 'utf-16le-bom':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le]);
    case 'utf-16be-bom':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(utf16le).swap16()]);
  }
}

/**
 * What the reader must report for a model: header renames, ragged rows, a value that starts with
 * spaces and a quote (cell/stray-quote: the reader sees values only, so a field quoted on purpose
 * around such a value, as the writer quotes it, is reported too), an empty table.
 */
function expectedProblems(model: TableModel, lines: number[]): [string, number | null, number | null][] {
  const problems: [string, number | null, number | null][] = expectedHeaderProblems(model.header).map((code) => [code, 1, null]);
  let row = 0;
  model.records.forEach((cells, i) => {
    if (isBlankRecord(cells, model.header.length)) return problems.push(['row/blank', lines[i] ?? -1, null]);
    row++;
    if (cells.length !== model.header.length) problems.push(['row/inconsistent-columns', lines[i] ?? -1, row]);
    for (const cell of cells) if (/^[ \t]+"/.test(cell)) problems.push(['cell/stray-quote', lines[i] ?? -1, row]);
  });
  if (row === 0) problems.push(['file/no-data-rows', null, null]);
  return problems;
}

async function expectReadsBack(path: string, model: TableModel, lines: number[], options: { delimiter?: string; encoding?: string }, nfc = false) {
  const normal = (text: string) => (nfc ? text.normalize('NFC') : text);
  const { header, rows, problems, counts } = await readAll(path, options);
  expect(header).toEqual(expectedHeader(model.header.map(normal)));
  const data = model.records.flatMap((cells, i) => (isBlankRecord(cells, model.header.length) ? [] : [{ cells, line: lines[i] }]));
  expect(rows.map((r) => r.cells)).toEqual(data.map(({ cells }) => cells.map(normal)));
  expect(rows.map((r) => r.row)).toEqual(data.map((_, i) => i + 1));
  expect(rows.map((r) => r.line)).toEqual(data.map(({ line }) => line));
  expect(counts).toEqual({ rows: data.length, rejected: 0, blankRows: model.records.length - data.length, complete: true });
  expect(problems.map((p) => [p.code, p.line, p.row])).toEqual(expectedProblems({ ...model, header: model.header.map(normal) }, lines));
}

describe('CSV written from a model reads back to exactly the model', () => {
  it('any delimiter, quoting, line end, BOM, UTF-8 or UTF-16, gzip or not', async () => {
    await fc.assert(
      fc.asyncProperty(
        tableModel(),
        csvLayout,
        fc.constantFrom<Encoding>('utf-8', 'utf-8-bom', 'utf-16le-bom', 'utf-16be-bom', 'utf-16le'),
        fc.boolean(),
        async (model, layout, encoding, gzip) => {
          const { text, lines } = writeCsv(model, layout);
          const bytes = encode(text, encoding);
          const path = writeTemp(gzip ? 'model.csv.gz' : 'model.csv', gzip ? gzipSync(bytes) : bytes);
          await expectReadsBack(path, model, lines, {
            delimiter: layout.delimiter,
            encoding: encoding === 'utf-16le' ? 'utf-16le' : undefined,
          });
        },
      ),
      { numRuns: runs(300) },
    );
  });

  // Single-byte code pages: the model is drawn from the characters the code page can hold, and
  // encoded with its own table (the decoder's, reversed). Windows-1258 text is read composed (NFC).
  for (const encoding of ['windows-1258', 'windows-1252']) {
    it(`in ${encoding}, given with --encoding`, async () => {
      const table = new Map<string, number>();
      for (let byte = 0; byte < 256; byte++) {
        // stream: true — Node 20's one-shot decode of windows-1252 takes a Latin-1 shortcut and
        // gets 0x80–0x9F wrong (0x95 → U+0095 instead of •); dqc decodes in stream mode.
        const char = new TextDecoder(encoding).decode(Uint8Array.of(byte), { stream: true });
        if (char !== '\ufffd' && char.length === 1 && !table.has(char)) table.set(char, byte);
      }
      const alphabet = fc.constantFrom(...table.keys());
      await fc.assert(
        fc.asyncProperty(tableModel(alphabet), csvLayout, async (model, layout) => {
          const { text, lines } = writeCsv(model, layout);
          const bytes = Buffer.from([...text].map((char) => table.get(char) as number));
          const path = writeTemp('legacy.csv', bytes);
          await expectReadsBack(path, model, lines, { delimiter: layout.delimiter, encoding }, encoding === 'windows-1258');
        }),
        { numRuns: runs(100) },
      );
    });
  }
});

describe('CSV with the delimiter sniffed', () => {
  it('keeps the accounting always, and reads the model exactly when it sniffs the writer’s delimiter', async () => {
    await fc.assert(
      fc.asyncProperty(tableModel(), csvLayout, async (model, layout) => {
        const { text, lines } = writeCsv(model, layout);
        const path = writeTemp('sniffed.csv', text);
        const { reader, rows, counts } = await readAll(path);
        expect(DELIMITERS).toContain(reader.delimiter);
        expect(counts.rows).toBe(rows.length + counts.rejected);
        if (reader.delimiter === layout.delimiter) await expectReadsBack(path, model, lines, {});
      }),
      { numRuns: runs(200) },
    );
  });
});

/** Ways a file gets damaged in transit. */
const damage = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('overwrite' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('quote' as const), at: fc.nat() }),
);

function applyDamage(bytes: Buffer, d: { kind: string; at: number; bytes?: Uint8Array }): Buffer {
  const at = bytes.length === 0 ? 0 : d.at % (bytes.length + 1);
  switch (d.kind) {
    case 'truncate':
      return bytes.subarray(0, at);
    case 'insert':
      return Buffer.concat([bytes.subarray(0, at), d.bytes ?? new Uint8Array(), bytes.subarray(at)]);
    case 'overwrite': {
      const copy = Buffer.from(bytes);
      Buffer.from(d.bytes ?? []).copy(copy, Math.min(at, Math.max(copy.length - 1, 0)));
      return copy;
    }
    default:
      return Buffer.concat([bytes.subarray(0, at), Buffer.from('"'), bytes.subarray(at)]);
  }
}

describe('damaged CSV never crashes the reader', () => {
  it('truncated, with bytes inserted or overwritten, or a stray quote: rows = read + rejected, problems are known codes with lines', async () => {
    await fc.assert(
      fc.asyncProperty(
        tableModel(),
        csvLayout,
        fc.array(damage, { minLength: 1, maxLength: 3 }),
        fc.constantFrom<Encoding>('utf-8', 'utf-8-bom', 'utf-16le-bom'),
        fc.boolean(),
        fc.option(fc.constantFrom(...DELIMITERS), { nil: undefined }),
        async (model, layout, damages, encoding, gzip, delimiter) => {
          let bytes = encode(writeCsv(model, layout).text, encoding);
          if (gzip) bytes = gzipSync(bytes);
          for (const d of damages) bytes = applyDamage(bytes, d);
          const path = writeTemp(gzip ? 'damaged.csv.gz' : 'damaged.csv', bytes);
          let result;
          try {
            result = await readAll(path, { delimiter });
          } catch (error) {
            // Only a damaged gzip stream may stop the reading, as a clear operational error.
            expect(error).toBeInstanceOf(DqcError);
            expect((error as DqcError).code).toBe('DQC_INPUT_UNREADABLE');
            expect(gzip).toBe(true);
            return;
          }
          const { rows, counts, problems } = result;
          expect(counts.rows).toBe(rows.length + counts.rejected);
          expect(rows.map((r) => r.row)).toEqual(rows.map((_, i) => i + 1));
          for (const p of problems) {
            expect(Object.keys(PROBLEM_SEVERITY)).toContain(p.code);
            if (p.line !== null) expect(p.line).toBeGreaterThanOrEqual(1);
          }
          if (!counts.complete) expect(problems.some((p) => p.code.startsWith('file/'))).toBe(true);
        },
      ),
      { numRuns: runs(300) },
    );
  });
});
