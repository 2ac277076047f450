import { DqcError, operationalDetail } from '../errors.js';
import type { OperationalKey } from '../messages/operational.js';

/**
 * Files that are not text, known by their first bytes (after gunzip: a gzip file is an input like
 * any other). Read as CSV, a workbook's zip bytes "parse" as a one-column table whose every check
 * passes; so dqc stops instead and says what the file is and what to do with it.
 */
export type BinaryKind = 'xlsx' | 'ods' | 'xls' | 'zip' | 'parquet' | 'pdf' | 'png' | 'jpeg' | 'gif' | 'elf' | 'exe';

const startsWith = (head: Buffer, magic: number[]): boolean => head.length >= magic.length && magic.every((byte, i) => head[i] === byte);
const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

/** Which kind of non-text file these first bytes (up to a few KiB, the more the better) begin, or null. */
export function binaryKind(head: Buffer): BinaryKind | null {
  // Zip: a local file header, or the end record of an empty archive. A workbook is a zip whose
  // first entries name it: xlsx puts its parts under xl/, ods its media type first.
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06]) || startsWith(head, [0x50, 0x4b, 0x07, 0x08])) {
    if (head.includes('application/vnd.oasis.opendocument.spreadsheet', 0, 'latin1')) return 'ods';
    if (head.includes('xl/', 0, 'latin1')) return 'xlsx';
    return 'zip';
  }
  // OLE2 compound file: .xls (and .doc, .ppt, .msg: said as "Excel or other Office file").
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'xls';
  // Parquet: read by its own reader (input/open.ts) before any text is; only a text reader (dqc fix) meets it here.
  if (startsWith(head, ascii('PAR1'))) return 'parquet';
  if (startsWith(head, ascii('%PDF-'))) return 'pdf';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'))) return 'gif';
  if (startsWith(head, [0x7f, 0x45, 0x4c, 0x46])) return 'elf';
  // "MZ" alone could begin a text file; a PE program also has "PE\0\0" where its header points.
  if (startsWith(head, ascii('MZ')) && head.length >= 0x40) {
    const pe = head.readUInt32LE(0x3c);
    if (pe + 4 <= head.length && head.readUInt32BE(pe) === 0x50450000) return 'exe';
  }
  return null;
}

/** The usage error for an input that is not text (exit code 2), or nothing when `head` looks like text. */
export function refuseBinary(path: string, head: Buffer): void {
  const kind = binaryKind(head);
  if (!kind) return;
  const hint: OperationalKey = `input.not-text.${kind}`;
  throw new DqcError('DQC_INPUT_NOT_TEXT', { path, kind }, { file: path }, [operationalDetail(kind, hint, { path })]);
}
