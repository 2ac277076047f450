import fc from 'fast-check';
import { isUtf8 } from 'node:buffer';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ArrayRow } from '../../src/input/row.js';
import { openCsvReader } from '../../src/input/csv.js';
import { fastCsvApplies, openFastCsvReader } from '../../src/input/fast-csv.js';
import { DEFAULT_MAX_FIELD_SIZE } from '../../src/input/limits.js';
import { cellsOf } from '../../src/input/row-batch.js';
import type { InputProblem } from '../../src/input/problems.js';
import { sniffDelimiter } from '../../src/input/sniff.js';
import type { TextSource } from '../../src/input/source.js';
import { ROOT } from '../support/cli.js';

// The fast CSV scanner must read every input exactly as csv.ts (csv-parse) does: same header,
// cells, row and line numbers, problems (in order) and counts. Both readers get the same bytes in
// the same chunks, so chunk boundaries (which csv-parse and the scanner handle differently inside)
// are exercised on purpose with tiny chunks.

/** A UTF-8 source over fixed bytes, cut into chunks of `chunk` bytes. */
function sourceOf(bytes: Buffer, chunk: number): TextSource {
  const bad = !isUtf8(bytes) || bytes.includes(Buffer.from('\ufffd', 'utf8'));
  return {
    stats: { path: 'memory.csv', bytes: bytes.length, sha256: '', compressed: false, encoding: 'utf-8' },
    head: bytes.subarray(0, 65536).toString('utf8'),
    chunks: () => {
      throw new Error('the CSV readers read UTF-8 bytes');
    },
    utf8Bytes: async function* () {
      for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
    },
    decodeErrors: bad,
  };
}

type Opener = typeof openCsvReader;

async function readWith(open: Opener, bytes: Buffer, delimiter: string, chunk: number, maxFieldSize = DEFAULT_MAX_FIELD_SIZE) {
  const problems: InputProblem[] = [];
  const reader = await open(sourceOf(bytes, chunk), delimiter, (p) => problems.push(p), maxFieldSize);
  const rows: [number, number, readonly string[]][] = [];
  for await (const row of reader.rows()) rows.push([row.row, row.line, (row as ArrayRow).cells]);
  return { header: [...reader.header], rows, problems, counts: { ...reader.counts } };
}

const scratch = mkdtempSync(join(tmpdir(), 'dqc-test-reread-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let written = 0;

/**
 * The fast reader's columnar batches (what the engine reads), as the same rows of cells; and every
 * row read again from the file afterwards (reread) is the row it read.
 */
async function readColumns(bytes: Buffer, delimiter: string, chunk: number, maxFieldSize = DEFAULT_MAX_FIELD_SIZE) {
  const problems: InputProblem[] = [];
  const path = join(scratch, `${++written}.csv`);
  writeFileSync(path, bytes);
  const source = sourceOf(bytes, chunk);
  source.stats.path = path;
  // Batches as small as the chunks: records cut by a batch's end are exercised too.
  const reader = await openFastCsvReader(source, delimiter, (p) => problems.push(p), maxFieldSize, chunk);
  const rows: [number, number, readonly string[]][] = [];
  for await (const batch of reader.columns!()) {
    for (let i = 0; i < batch.length; i++) {
      rows.push([batch.row(i), batch.line(i), cellsOf(batch, i)]);
    }
  }
  for (const [row, line, cells] of rows) expect(reader.reread!(row)).toEqual({ cells, line });
  rmSync(path);
  return { header: [...reader.header], rows, problems, counts: { ...reader.counts } };
}

async function expectSame(bytes: Buffer, delimiter: string, chunk: number, maxFieldSize?: number) {
  const robust = await readWith(openCsvReader, bytes, delimiter, chunk, maxFieldSize);
  const fast = await readWith(openFastCsvReader, bytes, delimiter, chunk, maxFieldSize);
  expect(fast).toEqual(robust);
  expect(await readColumns(bytes, delimiter, chunk, maxFieldSize)).toEqual(robust);
  return fast;
}

function csvFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => /\.(csv|tsv)$/.test(name))
    .map((name) => join(dir, name));
}

const SPECTRUM = join(dirname(createRequire(import.meta.url).resolve('csv-spectrum/package.json')), 'csvs');
const files = [
  ...csvFiles(join(ROOT, 'fixtures')),
  ...csvFiles(join(ROOT, 'fixtures/formats')),
  ...csvFiles(join(ROOT, 'fixtures/broken')),
  ...csvFiles(SPECTRUM),
];

describe('fast CSV scanner = csv-parse on every fixture and csv-spectrum case', () => {
  it('finds the files', () => {
    expect(files.length).toBeGreaterThan(20);
  });
  for (const path of files) {
    const bytes = readFileSync(path);
    // UTF-16 files are not UTF-8 byte sources: dqc reads them with csv-parse only.
    const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
    if (utf16) continue;
    const delimiter = sniffDelimiter(path, bytes.subarray(0, 65536).toString('utf8'));
    it(`${path.slice(ROOT.length + 1).replace(/^.*node_modules\//, '')} (whole, and in 7-byte chunks)`, async () => {
      await expectSame(bytes, delimiter, 1 << 20);
      await expectSame(bytes, delimiter, 7);
    });
  }
});

describe('cases written out', () => {
  const cases: [string, string][] = [
    ['CRLF, multi-line quoted fields, blank lines', 'a,b\r\n1,"x\r\ny"\r\n\r\n2,3\r\n"p\nq\nr",4\r\n5,6\r\n'],
    ['CR only', 'a,b\r1,2\r"x\ry",3\r'],
    ['LF file with a bare CR in a field', 'a,b\n1,x\ry\n2,3'],
    ['CRLF file with a bare LF and CR in fields', 'a,b\r\n1,x\ny\r\n2,p\rq\r\n'],
    ['stray quotes (relax_quotes)', 'a,b\n1,ab"c\n"x"y,2\n"p""q"r"s,3\n"",""\n'],
    ['a NUL right after a closing quote', 'a,b\n"x"\u0000y,1\n'],
    ['escaped quotes only', 'a\n""""\n"a""b"\n'],
    ['ragged rows', 'a,b,c\n1\n1,2,3,4\n,\n'],
    ['unclosed quote', 'a,b\n1,2\n3,"open\n4,5\n'],
    ['unclosed quote in the header', '"a,b\n1,2\n'],
    ['BOM and no final line break', '\ufeffa;b\n1;2'],
    ['only a BOM', '\ufeff'],
    ['empty', ''],
    ['blank lines only', '\n\n\r\n'],
    ['header only', 'a,b\n'],
    ['one column with blank lines', 'a\n1\n\n2\n'],
    ['blank rows: Excel trailing commas, quoted empties, blank lines, before the header too', '\r\n,,\r\na,b,c\r\n1,2,3\r\n,,\r\n\r\n"",""\r\n4,5,6\r\n,,\r\n,,\r\n'],
    ['quoted field closed at the end of the input', 'a,b\n1,"x"'],
    ['invalid UTF-8 and a literal U+FFFD', 'a,b\n\u00e9,\ufffd\n'],
  ];
  for (const [name, text] of cases) {
    it(name, async () => {
      const bytes = Buffer.from(text, 'utf8');
      const delimiter = text.includes(';') && !text.includes(',') ? ';' : ',';
      for (const chunk of [1, 2, 3, 5, 1 << 20]) await expectSame(bytes, delimiter, chunk);
    });
  }

  it('bytes that are not UTF-8 read as U+FFFD, reported per cell', async () => {
    const bytes = Buffer.concat([Buffer.from('a,b\n1,'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('\n"\xe9', 'latin1'), Buffer.from('",2\n')]);
    const read = await expectSame(bytes, ',', 1);
    expect(read.problems.map((p) => p.code)).toEqual(['cell/invalid-utf8', 'cell/invalid-utf8']);
  });

  it('a row over max-field-size stops the reading at its line, in any chunking', async () => {
    const text = 'a,b\n1,2\n3,"' + 'x'.repeat(100) + '"\n5,6\n';
    for (const chunk of [1, 16, 1 << 20]) {
      const read = await expectSame(Buffer.from(text), ',', chunk, 50);
      expect(read.problems.map((p) => [p.code, p.line])).toEqual([['file/row-too-large', 3]]);
      expect(read.rows).toHaveLength(1);
    }
  });

  it('the limit counts field bytes the way csv-parse does (just under, at, just over)', async () => {
    for (const size of [8, 9, 10, 11, 12]) {
      for (const text of ['h\n' + 'é'.repeat(5) + ',ab\n', 'h\n"' + 'a""'.repeat(3) + 'x"y,1\n', 'h\nabcdefghij\r\n', 'h\n1,2,3,4,5,6,7,8\n']) {
        await expectSame(Buffer.from(text), ',', 3, size);
      }
    }
  });
});

/** Byte pieces CSV files are made of, including every byte the scanner treats specially. */
const PIECES = ['a', 'bc', 'é', 'Ư', '😀', ' ', '"', '""', ',', ';', '\t', '\n', '\r', '\r\n', '\u0000', '\ufeff', '\ufffd'];
const piece = fc.oneof(
  { weight: 20, arbitrary: fc.constantFrom(...PIECES).map((text) => Buffer.from(text, 'utf8')) },
  { weight: 1, arbitrary: fc.constantFrom(0x80, 0xc3, 0xe2, 0xff).map((byte) => Buffer.from([byte])) },
);

describe('generated inputs', () => {
  it('random quoted/multi-line/CRLF/BOM bytes read the same in random chunks', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(piece, { maxLength: 80 }).map((parts) => Buffer.concat(parts)),
        fc.constantFrom(',', ';', '\t'),
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom(DEFAULT_MAX_FIELD_SIZE, 4, 9, 20),
        async (bytes, delimiter, chunk, maxFieldSize) => {
          await expectSame(bytes, delimiter, chunk, maxFieldSize);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('well-formed tables written with quoting read the same', async () => {
    const cell = fc.array(fc.constantFrom('a', 'é', ' ', '"', ',', '\n', '\r\n', 'Nguyễn'), { maxLength: 6 }).map((p) => p.join(''));
    const quote = (text: string) => (/[",\r\n]/.test(text) || text === '' ? `"${text.replaceAll('"', '""')}"` : text);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 12 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.integer({ min: 1, max: 64 }),
        async (records, eol, bom, chunk) => {
          const text = (bom ? '\ufeff' : '') + records.map((r) => r.map(quote).join(',')).join(eol);
          await expectSame(Buffer.from(text, 'utf8'), ',', chunk);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('fastCsvApplies', () => {
  const utf8 = sourceOf(Buffer.from('a,b\n'), 10);
  it.each([
    [',', true],
    [';', true],
    ['\t', true],
    ['|', true],
    ['"', false],
    ['\n', false],
    ['ab', false],
    ['；', false],
  ])('delimiter %j → %s', (delimiter, expected) => {
    expect(fastCsvApplies(utf8, delimiter)).toBe(expected);
  });
  it('never for a decoded (non-UTF-8) source', () => {
    expect(fastCsvApplies({ ...utf8, utf8Bytes: null }, ',')).toBe(false);
  });
});
