import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { binaryKind, type BinaryKind } from '../../src/input/magic.js';
import { openInput } from '../../src/input/open.js';
import { openFixInput } from '../../src/fix/files.js';
import { DqcError } from '../../src/errors.js';
import { writeTemp } from '../hostile/support.js';
import { ROOT } from '../support/cli.js';

// Files that are not text are known by their first bytes and refused (exit 2) with what they are,
// instead of being read as a CSV of binary bytes; text that merely starts like one is not refused.

const bytes = (...parts: (string | number[])[]): Buffer =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

/** A minimal PE program: "MZ", the offset of its PE header at 0x3C, and "PE\0\0" there. */
function pe(): Buffer {
  const b = Buffer.alloc(0x90);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'latin1');
  return b;
}

const WORKBOOK = readFileSync(join(ROOT, 'fixtures/broken/workbook.xlsx'));

const KINDS: [BinaryKind, Buffer][] = [
  ['xlsx', WORKBOOK],
  ['ods', bytes([0x50, 0x4b, 0x03, 0x04], '\x14\0\0\0\0\0', 'x'.repeat(20), 'mimetypeapplication/vnd.oasis.opendocument.spreadsheetPK')],
  ['zip', bytes([0x50, 0x4b, 0x03, 0x04], '\x14\0\0\0\0\0', 'x'.repeat(20), 'word/document.xml')],
  ['zip', bytes([0x50, 0x4b, 0x05, 0x06], '\0'.repeat(18))],
  ['xls', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], '\0'.repeat(504))],
  ['pdf', bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')],
  ['png', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR')],
  ['jpeg', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF\0')],
  ['gif', bytes('GIF89a\x01\0\x01\0')],
  ['elf', bytes([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0])],
  ['exe', pe()],
];

describe('binaryKind', () => {
  it.each(KINDS)('knows %s by its first bytes', (kind, head) => {
    expect(binaryKind(head)).toBe(kind);
  });

  it.each([
    ['a CSV whose header starts with MZ', 'MZ_code,PK_id\n1,2\n'],
    ['a CSV whose header starts with PK', 'PK,name\n1,An\n'],
    ['a CSV mentioning %PDF- later', 'a\n%PDF-1.4\n'],
    ['JSON', '[{"a":"b"}]'],
    ['empty', ''],
  ])('leaves text alone: %s', (_name, text) => {
    expect(binaryKind(Buffer.from(text))).toBeNull();
  });
});

describe('inputs that are not text are refused before reading', () => {
  it.each(KINDS)('%s: refused before any text is read (DQC_INPUT_NOT_TEXT; a workbook by openFixInput, openInput reading it as one)', async (kind, head) => {
    const path = writeTemp(`file-${kind}.csv`, head);
    // A workbook is read by openInput (input/xlsx.ts): these first bytes alone are a damaged one.
    if (kind === 'xlsx') await expect(openInput(path, {}, () => undefined)).rejects.toMatchObject({ code: 'DQC_INPUT_UNREADABLE' });
    const opens = kind === 'xlsx' ? [() => openFixInput(path, {})] : [() => openInput(path, {}, () => undefined), () => openFixInput(path, {})];
    for (const open of opens) {
      const error = await open().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DqcError);
      expect(error).toMatchObject({ code: 'DQC_INPUT_NOT_TEXT', data: { kind }, details: [{ key: `input.not-text.${kind}` }] });
    }
  });

  it('also inside gzip (the decompressed bytes are what is read); a gzipped CSV still reads', async () => {
    const xlsx = writeTemp('book.xlsx.gz', gzipSync(WORKBOOK));
    await expect(openInput(xlsx, {}, () => undefined)).rejects.toMatchObject({ code: 'DQC_INPUT_NOT_TEXT', data: { kind: 'xlsx' } });
    await expect(openFixInput(xlsx, {})).rejects.toMatchObject({ code: 'DQC_INPUT_NOT_TEXT' });
    const csv = writeTemp('ok.csv.gz', gzipSync('a,b\n1,2\n'));
    const { reader } = await openInput(csv, {}, () => undefined);
    expect(reader.header).toEqual(['a', 'b']);
  });
});
