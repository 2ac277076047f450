// How `dqc fix` moves between the input's bytes, the text the check saw, and the output's bytes.
//
// For UTF-8 and single-byte encodings (windows-1258, latin1 …) the scanners run over the bytes
// themselves, one byte per character (latin1), so an untouched record is copied back byte for
// byte — even bytes that are not valid in the encoding. Other encodings (UTF-16, multi-byte code
// pages) are scanned as decoded text and written back from it.

/** Raised when a new value has a character the output encoding cannot hold. */
export class UnencodableError extends Error {}

export interface Codec {
  /** The input's encoding (WHATWG name). */
  readonly encoding: string;
  /** The output's encoding. */
  readonly outputEncoding: string;
  /** Units the scanners see, chunk by chunk (stateful: one codec per file). */
  units(chunk: Buffer, final: boolean): string;
  /** Scanner units → text as the check read it (cell values). */
  text(units: string): string;
  /** Scanner units of untouched input → output bytes. */
  copy(units: string): Buffer;
  /** New text → output bytes; UnencodableError when the output encoding lacks a character. */
  encode(text: string): Buffer;
}

const singleByteCache = new Map<string, Map<string, number> | null>();

/**
 * For a single-byte encoding, its table (character → byte), built from the platform's decoder;
 * null for any other encoding.
 */
function singleByteTable(encoding: string): Map<string, number> | null {
  if (singleByteCache.has(encoding)) return singleByteCache.get(encoding) ?? null;
  let table: Map<string, number> | null = new Map();
  if (encoding === 'utf-8' || encoding.startsWith('utf-16')) table = null;
  else {
    const decoder = new TextDecoder(encoding);
    for (let b = 0; b < 256; b++) {
      const ch = decoder.decode(Uint8Array.of(b));
      if (ch.length !== 1 || (b < 0x80 && ch.charCodeAt(0) !== b)) {
        table = null;
        break;
      }
      if (!table.has(ch)) table.set(ch, b);
    }
  }
  singleByteCache.set(encoding, table);
  return table;
}

/** Whether `dqc fix` can write `encoding` back (otherwise it needs --utf8). */
export function canWrite(encoding: string): boolean {
  return encoding === 'utf-8' || encoding === 'utf-16le' || encoding === 'utf-16be' || singleByteTable(encoding) !== null;
}

/**
 * Text → bytes of a single-byte code page. A character the table lacks is tried as a base letter
 * plus combining marks: Windows-1258 stores "ệ" as "ê" + a combining dot below, and the reader
 * composes them back to NFC, so that is what it gets.
 */
function encodeSingleByte(text: string, table: Map<string, number>, encoding: string): Buffer {
  const bytes: number[] = [];
  for (const ch of text) {
    const direct = table.get(ch);
    if (direct !== undefined) {
      bytes.push(direct);
      continue;
    }
    const [base = '', ...marks] = ch.normalize('NFD');
    const own = marks.filter((m) => table.has(m));
    const composed = (base + marks.filter((m) => !table.has(m)).join('')).normalize('NFC');
    const first = table.get(composed);
    if (first === undefined) throw new UnencodableError(`${ch} (${encoding})`);
    bytes.push(first, ...own.map((m) => table.get(m) as number));
  }
  const out = Buffer.from(bytes);
  // The reader composes what it decodes; the text must come back the same.
  if (new TextDecoder(encoding).decode(out).normalize('NFC') !== text.normalize('NFC')) throw new UnencodableError(`${text} (${encoding})`);
  return out;
}

function utf16(text: string, encoding: string): Buffer {
  const out = Buffer.from(text, 'utf16le');
  if (encoding === 'utf-16be') out.swap16();
  return out;
}

/**
 * A codec for one file. `toUtf8` writes the output in UTF-8 whatever the input was; text of a
 * Windows-1258 input is then composed to NFC, as the check reads it.
 */
export function createCodec(encoding: string, toUtf8: boolean): Codec {
  const table = singleByteTable(encoding);
  const composes = encoding === 'windows-1258';
  const outputEncoding = toUtf8 ? 'utf-8' : encoding;
  if (encoding === 'utf-8' || table) {
    const decoder = table ? new TextDecoder(encoding) : null;
    const text = (units: string): string => {
      const bytes = Buffer.from(units, 'latin1');
      if (!decoder) return bytes.toString('utf8');
      const decoded = decoder.decode(bytes);
      return composes ? decoded.normalize('NFC') : decoded;
    };
    return {
      encoding,
      outputEncoding,
      units: (chunk) => chunk.toString('latin1'),
      text,
      copy: (units) => (toUtf8 && encoding !== 'utf-8' ? Buffer.from(text(units), 'utf8') : Buffer.from(units, 'latin1')),
      encode: (value) => (outputEncoding === 'utf-8' ? Buffer.from(value, 'utf8') : encodeSingleByte(value, table as Map<string, number>, encoding)),
    };
  }
  // Decoded text: UTF-16 and multi-byte code pages.
  const decoder = new TextDecoder(encoding);
  const write = (value: string): Buffer => {
    if (outputEncoding === 'utf-8') return Buffer.from(value, 'utf8');
    if (outputEncoding === 'utf-16le' || outputEncoding === 'utf-16be') return utf16(value, outputEncoding);
    throw new UnencodableError(`${encoding} cannot be written; use --utf8`);
  };
  return {
    encoding,
    outputEncoding,
    units: (chunk, final) => decoder.decode(chunk, { stream: !final }),
    text: (units) => units,
    copy: write,
    encode: write,
  };
}
