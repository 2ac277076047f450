import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { DqcError } from '../errors.js';
import { refuseBinary } from './magic.js';

/** What dqc learns about an input file while reading it; bytes and sha256 are final once read. */
export interface SourceStats {
  path: string;
  bytes: number;
  sha256: string;
  compressed: boolean;
  encoding: string;
}

export interface TextSource {
  stats: SourceStats;
  /** The decoded text, chunk by chunk. A source is read once: through this or utf8Bytes. */
  chunks(): AsyncIterable<string>;
  /** The raw bytes (after gunzip), when the encoding is UTF-8; null otherwise. */
  utf8Bytes: (() => AsyncIterable<Buffer>) | null;
  /** The first decoded characters, for sniffing the format and delimiter. */
  head: string;
  /** True when the decoder replaced undecodable bytes somewhere in what it has read so far. */
  readonly decodeErrors: boolean;
}

/**
 * 256 KiB (the byte scanner gathers 16 into a 4 MiB batch; the text readers make rows of each): with
 * the row engine, the rows of one chunk were alive together until it had checked them, and with
 * 1 MiB chunks they outlived V8's young generation (promoted, then collected by the full GC): the
 * full pack on 200k rows took 5.3-5.6 s with 1 MiB and 4.8-5.2 s with 256 KiB (median of 5, twice).
 */
const CHUNK_BYTES = 1 << 18;
export const REPLACEMENT_CHARACTER = Buffer.from('\ufffd', 'utf8');
const HEAD_BYTES = 64 * 1024;

function unreadable(path: string, reason: string): DqcError {
  return new DqcError('DQC_INPUT_UNREADABLE', { path, reason });
}

async function* hashed(path: string, hash: Hash, stats: SourceStats): AsyncGenerator<Buffer> {
  const stream = createReadStream(path, { highWaterMark: CHUNK_BYTES });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      hash.update(chunk);
      stats.bytes += chunk.length;
      yield chunk;
    }
  } catch (error) {
    throw unreadable(path, (error as Error).message);
  }
  stats.sha256 = hash.digest('hex');
}

/** Prepends an already-read chunk to the rest of an iterator. */
async function* prepend<T>(first: T, rest: AsyncIterator<T>): AsyncGenerator<T> {
  yield first;
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    yield next.value;
  }
}

async function* gunzipped(path: string, compressed: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const gunzip = Readable.from(compressed).pipe(createGunzip());
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) yield chunk;
  } catch (error) {
    if (error instanceof DqcError) throw error;
    throw unreadable(path, `gzip: ${(error as Error).message}`);
  }
}

function bomEncoding(bytes: Buffer): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** Length of the part of `data` that ends on a whole UTF-8 character (a chunk can end inside one). */
export function completeUtf8Length(data: Buffer): number {
  for (let i = data.length - 1; i >= Math.max(0, data.length - 4); i--) {
    const byte = data[i] as number;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: look further back for its lead
    if (byte < 0x80) return data.length;
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
    return data.length - i >= need ? data.length : i;
  }
  return data.length;
}

/** The WHATWG name of an encoding label, or a usage error naming the label. */
export function resolveEncoding(label: string): string {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    throw new DqcError('DQC_ENCODING_UNKNOWN', { encoding: label });
  }
}

async function firstChunk(path: string, iterator: AsyncIterator<Buffer>): Promise<Buffer | undefined> {
  // A few bytes are enough to see gzip magic or a BOM, but gunzip may hand out tiny chunks.
  const parts: Buffer[] = [];
  let length = 0;
  while (length < 4) {
    const next = await iterator.next().catch((error: unknown) => {
      throw error instanceof DqcError ? error : unreadable(path, (error as Error).message);
    });
    if (next.done) break;
    parts.push(next.value);
    length += next.value.length;
  }
  return parts.length === 0 ? undefined : Buffer.concat(parts);
}

/**
 * Opens an input as decoded text: gzip by its magic bytes (not its name), then a file that is not
 * text (workbook, PDF, image, program) refused by its own magic bytes, encoding by BOM, then by
 * `--encoding`, then UTF-8. The raw bytes are hashed on the way for the report.
 */
export async function openTextSource(path: string, encodingOption?: string): Promise<TextSource> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new DqcError('DQC_INPUT_NOT_FOUND', { path });
  }
  if (!info.isFile()) throw unreadable(path, 'not a regular file');

  const stats: SourceStats = { path, bytes: 0, sha256: '', compressed: false, encoding: 'utf-8' };
  const raw = hashed(path, createHash('sha256'), stats);
  let bytes: AsyncIterator<Buffer> = raw;
  let first = await firstChunk(path, bytes);
  if (first && first[0] === 0x1f && first[1] === 0x8b) {
    stats.compressed = true;
    bytes = gunzipped(path, prepend(first, raw))[Symbol.asyncIterator]();
    first = await firstChunk(path, bytes);
  }

  // Read ahead at least HEAD_BYTES so sniffing sees whole lines.
  const headParts: Buffer[] = first ? [first] : [];
  let headLength = first?.length ?? 0;
  while (headLength < HEAD_BYTES) {
    const next = await bytes.next();
    if (next.done) break;
    headParts.push(next.value);
    headLength += next.value.length;
  }
  const headBytes = Buffer.concat(headParts);
  refuseBinary(path, headBytes);
  const encoding = bomEncoding(headBytes) ?? (encodingOption ? resolveEncoding(encodingOption) : 'utf-8');
  stats.encoding = encoding;
  // For sniffing only: it may end inside a character, which does not matter there. Stream mode,
  // as for the text itself: Node 20's one-shot decode of windows-1252 gets 0x80–0x9F wrong.
  const head = new TextDecoder(encoding).decode(headBytes, { stream: true });

  let claimed = false;
  async function* allBytes(): AsyncGenerator<Buffer> {
    if (claimed) throw new Error('an input source can be read once');
    claimed = true;
    if (headBytes.length > 0) yield headBytes;
    for (;;) {
      const next = await bytes.next();
      if (next.done) return;
      yield next.value;
    }
  }

  let decodeErrors = false;

  // UTF-8 bytes as stored, for readers that parse bytes themselves (csv-parse decodes fields
  // directly, which is cheaper than decoding the whole text and encoding it back). Invalid
  // sequences are noticed here, so readers know to look for U+FFFD in cells.
  async function* utf8Bytes(): AsyncGenerator<Buffer> {
    let tail = Buffer.alloc(0);
    for await (const chunk of allBytes()) {
      if (!decodeErrors) {
        const data = tail.length > 0 ? Buffer.concat([tail, chunk]) : chunk;
        const cut = completeUtf8Length(data);
        // Invalid bytes, or a U+FFFD already in the file (the trace of an earlier bad conversion).
        if (!isUtf8(data.subarray(0, cut)) || data.includes(REPLACEMENT_CHARACTER)) decodeErrors = true;
        tail = Buffer.from(data.subarray(cut));
      }
      yield chunk;
    }
    if (tail.length > 0) decodeErrors = true;
  }

  // Windows-1258 writes most toned letters as a base letter plus a combining tone mark; composing
  // them here keeps every cell from looking like decomposed (NFD) text to the checks. The last
  // character of a chunk waits for the next one, in case its tone mark is there.
  const composes = encoding === 'windows-1258';
  async function* text(): AsyncGenerator<string> {
    const decoder = new TextDecoder(encoding);
    const decode = (chunk: Buffer): string => {
      const decoded = decoder.decode(chunk, { stream: true });
      if (!decodeErrors && decoded.includes('\ufffd')) decodeErrors = true;
      return decoded;
    };
    let pending = '';
    for await (const chunk of allBytes()) {
      pending += decode(chunk);
      if (pending.length >= HEAD_BYTES) {
        const cut = composes ? pending.length - 1 : pending.length;
        yield composes ? pending.slice(0, cut).normalize('NFC') : pending;
        pending = pending.slice(cut);
      }
    }
    pending += decoder.decode();
    if (pending.length > 0) yield composes ? pending.normalize('NFC') : pending;
  }

  return {
    stats,
    head,
    chunks: text,
    utf8Bytes: encoding === 'utf-8' ? utf8Bytes : null,
    get decodeErrors() {
      return decodeErrors;
    },
  };
}
