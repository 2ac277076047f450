import { createReadStream, createWriteStream, renameSync, statSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { Readable, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { createGzip, createGunzip } from 'node:zlib';
import { DqcError } from '../errors.js';
import { discardTemp, tempBeside, untrackTemp } from '../shared/temp-files.js';
import { messageOf } from '../messages/render.js';
import { fixMessages } from './messages.js';
import { detectFormat, sniffDelimiter, type InputFormat } from '../input/sniff.js';
import { refuseBinary } from '../input/magic.js';
import { resolveEncoding } from '../input/source.js';

// The input and output files of `dqc fix`: the input read as the check reads it (gzip by its magic
// bytes, encoding by BOM, then --encoding, then UTF-8; format and delimiter sniffed the same way),
// outputs written to a temp file beside the target and renamed into place on commit.

const HEAD_BYTES = 64 * 1024;

export interface FixInput {
  path: string;
  compressed: boolean;
  /** The byte order mark the file starts with (empty when none): copied to the outputs. */
  bom: Buffer;
  encoding: string;
  format: InputFormat;
  delimiter: string | null;
  /** The bytes after the BOM (decompressed), chunk by chunk; readable once. */
  chunks(): AsyncGenerator<Buffer>;
}

function unreadable(path: string, reason: string): DqcError {
  return new DqcError('DQC_INPUT_UNREADABLE', { path, reason });
}

function bomOf(bytes: Buffer): { bom: Buffer; encoding: string } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { bom: bytes.subarray(0, 3), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { bom: bytes.subarray(0, 2), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { bom: bytes.subarray(0, 2), encoding: 'utf-16be' };
  return null;
}

async function* readBytes(path: string): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) yield chunk;
  } catch (error) {
    throw unreadable(path, (error as Error).message);
  }
}

async function* gunzip(path: string, compressed: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of Readable.from(compressed).pipe(createGunzip()) as AsyncIterable<Buffer>) yield chunk;
  } catch (error) {
    if (error instanceof DqcError) throw error;
    throw unreadable(path, `gzip: ${(error as Error).message}`);
  }
}

export async function openFixInput(path: string, options: { encoding?: string; delimiter?: string }): Promise<FixInput> {
  let info;
  try {
    info = statSync(path);
  } catch {
    throw new DqcError('DQC_INPUT_NOT_FOUND', { path });
  }
  if (!info.isFile()) throw unreadable(path, 'not a regular file');

  // Peek at the first bytes for gzip magic, without reading the file twice.
  const raw = readBytes(path);
  const first = await raw.next();
  const firstChunk = first.done ? Buffer.alloc(0) : first.value;
  const compressed = firstChunk[0] === 0x1f && firstChunk[1] === 0x8b;
  async function* rawAll(): AsyncGenerator<Buffer> {
    if (firstChunk.length > 0) yield firstChunk;
    yield* raw;
  }
  const bytes = compressed ? gunzip(path, rawAll()) : rawAll();

  const headParts: Buffer[] = [];
  let headLength = 0;
  while (headLength < HEAD_BYTES) {
    const next = await bytes.next();
    if (next.done) break;
    headParts.push(next.value);
    headLength += next.value.length;
  }
  const head = Buffer.concat(headParts);
  refuseBinary(path, head); // as the check does (src/input/source.ts)
  const found = bomOf(head);
  const bom = found ? Buffer.from(found.bom) : Buffer.alloc(0);
  const encoding = found?.encoding ?? (options.encoding ? resolveEncoding(options.encoding) : 'utf-8');
  const headText = new TextDecoder(encoding).decode(head);
  const format = detectFormat(path, headText);
  const delimiter = format === 'csv' ? (options.delimiter ?? sniffDelimiter(path, headText)) : null;

  let claimed = false;
  return {
    path,
    compressed,
    bom,
    encoding,
    format,
    delimiter,
    async *chunks() {
      if (claimed) throw new Error('an input can be read once');
      claimed = true;
      const rest = head.subarray(bom.length);
      if (rest.length > 0) yield rest;
      yield* bytes;
    },
  };
}

/** A file written through a temp file beside it, renamed into place on commit. */
export class AtomicOutput {
  private readonly temp: string;
  private readonly file: WriteStream;
  private readonly head: Writable;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private failure: Error | null = null;

  constructor(
    readonly path: string,
    gzip: boolean,
  ) {
    this.temp = tempBeside(path);
    this.file = createWriteStream(this.temp, { flags: 'wx' });
    this.head = gzip ? createGzip() : this.file;
    if (gzip) this.head.pipe(this.file);
    const fail = (error: Error) => {
      this.failure ??= error;
    };
    this.file.on('error', fail);
    this.head.on('error', fail);
  }

  private unwritable(error: Error): DqcError {
    return new DqcError('DQC_OUTPUT_UNWRITABLE', { path: this.path, reason: (error as NodeJS.ErrnoException).code ?? error.message });
  }

  async write(bytes: Buffer): Promise<void> {
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    if (this.pendingBytes >= 1 << 16) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.failure) throw this.unwritable(this.failure);
    if (this.pending.length === 0) return;
    const block = Buffer.concat(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    if (!this.head.write(block)) {
      try {
        await once(this.head, 'drain');
      } catch (error) {
        throw this.unwritable(error as Error);
      }
    }
    if (this.failure) throw this.unwritable(this.failure);
  }

  async commit(): Promise<void> {
    try {
      await this.flush();
      this.head.end();
      await finished(this.file);
      if (this.failure) throw this.failure;
      renameSync(this.temp, this.path);
      untrackTemp(this.temp);
    } catch (error) {
      discardTemp(this.temp);
      throw error instanceof DqcError ? error : this.unwritable(error as Error);
    }
  }

  async abort(): Promise<void> {
    this.head.destroy();
    this.file.destroy();
    await finished(this.file).catch(() => undefined);
    discardTemp(this.temp);
  }
}

/** Refusal of an input with a row over --max-field-size: the check stopped reading there too. */
export function rowTooLarge(path: string, line: number, limit: number): DqcError {
  return new DqcError('DQC_FIXES_INVALID', { path }, { file: path, line }, [{ path: `line ${line}`, ...messageOf(fixMessages, 'fix.input-row-too-large', { line, limit }) }]);
}
