import type { CellBytes } from '../shared/byte-memo.js';
import { grown } from '../shared/grow.js';
import { digitsKeyOfBytes } from '../shared/numeric-key.js';
import { ArrayRow, type SourceRow } from './row.js';

/**
 * Rows as a reader hands them to the engine, many at a time. A byte-backed batch keeps the bytes
 * the rows were read from and, per cell, where its text lies in them (typed arrays, no string):
 * a cell becomes a string only when something asks for its text, and then once. Checks that can
 * work on the bytes (a dictionary keyed by a cell's bytes, a blank test) never decode at all.
 */
export interface RowBatch {
  /** Rows in the batch. */
  readonly length: number;
  /** 1-based data row of the i-th row of the batch. */
  row(i: number): number;
  /** Physical line where the i-th row starts. */
  line(i: number): number;
  /** Cells the i-th row has. */
  width(i: number): number;
  /** Text of a cell ('' past the row's width), decoded once. */
  text(i: number, column: number): string;
  /** The i-th row as a SourceRow, valid until the next call (the row API's view of a batch). */
  source(i: number): SourceRow;
  /** The bytes behind the cells, or null for rows read as text (csv-parse, JSON). */
  readonly bytes: Buffer | null;
  /**
   * For a byte-backed batch: the cell's bytes lie in bytes[cellStart, cellEnd), and its text is
   * exactly those bytes as UTF-8 when cellShape is 0; ESCAPES: a quoted field with `""` inside;
   * anything else: see fieldText. A cell past the row's width is empty (0, 0, shape 0).
   */
  cellStart(i: number, column: number): number;
  cellEnd(i: number, column: number): number;
  cellShape(i: number, column: number): number;
}

/** How a field's text is made from its bytes (bits; the scanner's field kinds, fast-csv.ts). */
export const ESCAPES = 1; // quoted, with `""` inside
export const PREPEND = 2; // relax_quotes: `"` + content + the rest from the closing quote
export const NUL_CLOSED = 4; // content + the rest from the NUL after the closing quote
export const NON_ASCII = 8; // has bytes above 0x7F

/** Node's own slice decoders, which toString(encoding, start, end) calls after checking its arguments. */
interface SliceDecoders {
  latin1Slice(start: number, end: number): string;
  utf8Slice(start: number, end: number): string;
}

/** Text of bytes [start, end): ASCII-only bytes decode the same as latin1, the cheaper decoder. */
export function decodeBytes(buf: Buffer, start: number, end: number, ascii: boolean): string {
  const slices = buf as unknown as SliceDecoders;
  return ascii ? slices.latin1Slice(start, end) : slices.utf8Slice(start, end);
}

/** The text of a field from its kind and byte positions (start, split, end), as csv-parse reads it. */
export function fieldText(buf: Buffer, kind: number, start: number, split: number, end: number): string {
  const ascii = (kind & NON_ASCII) === 0;
  const shape = kind & ~NON_ASCII;
  if (shape === 0) return decodeBytes(buf, start, end, ascii);
  if (shape === ESCAPES) return decodeBytes(buf, start, end, ascii).replaceAll('""', '"');
  let content = decodeBytes(buf, start, split, ascii);
  if (shape & ESCAPES) content = content.replaceAll('""', '"');
  // The tail starts at the closing quote (kept) or after it (closed by a NUL).
  return shape & PREPEND ? `"${content}${decodeBytes(buf, split, end, ascii)}` : content + decodeBytes(buf, split + 1, end, ascii);
}

const EMPTY_BUFFER = Buffer.alloc(0);

/** Texts of a column's distinct values by id, decoded on first use (engine/column-dictionary.ts). */
export interface TextsById {
  textOf(id: number, batch: ByteBatch, i: number, column: number): string;
}

/**
 * A batch as it crosses to another thread (structured clone; the typed arrays' buffers can be
 * transferred): the bytes and cell positions of a ByteBatch, or the cells of a TextBatch.
 */
export type BatchSnapshot =
  | {
      kind: 'bytes';
      bytes: Uint8Array;
      rows: Int32Array;
      lines: Int32Array;
      first: Int32Array;
      widths: Int32Array;
      kinds: Uint8Array;
      starts: Int32Array;
      splits: Int32Array;
      ends: Int32Array;
      prints?: Uint32Array;
    }
  | { kind: 'text'; rows: [number, number, string[]][] };

/** The batch a snapshot was taken of. */
export function batchOf(snapshot: BatchSnapshot): RowBatch {
  if (snapshot.kind === 'text') return new TextBatch(snapshot.rows.map(([row, line, cells]) => new ArrayRow(row, line, cells)));
  return ByteBatch.of(snapshot);
}

/** The texts of every cell of a batch's i-th row. */
export function cellsOf(batch: RowBatch, i: number): string[] {
  return Array.from({ length: batch.width(i) }, (_, c) => batch.text(i, c));
}

/** A snapshot of any batch, and the buffers that can be transferred with it. */
export function snapshotOf(batch: RowBatch): { snapshot: BatchSnapshot; transfer: ArrayBuffer[] } {
  if (batch instanceof ByteBatch) return batch.snapshot();
  const rows: [number, number, string[]][] = [];
  for (let i = 0; i < batch.length; i++) rows.push([batch.row(i), batch.line(i), cellsOf(batch, i)]);
  return { snapshot: { kind: 'text', rows }, transfer: [] };
}

/**
 * A batch of CSV rows over the bytes they were scanned from. Cells are stored row after row:
 * row i's cells are cells [first[i], first[i] + widths[i]).
 */
export class ByteBatch implements RowBatch {
  bytes: Buffer = EMPTY_BUFFER;
  length = 0;
  /** Each row's fingerprints, two words a row (RowView.fingerprint), when a worker made them; else null. */
  prints: Uint32Array | null = null;
  private cells = 0;
  private rows: Int32Array = new Int32Array(1024);
  private lines: Int32Array = new Int32Array(1024);
  private first: Int32Array = new Int32Array(1024);
  private widths: Int32Array = new Int32Array(1024);
  private kinds: Uint8Array = new Uint8Array(16384);
  private starts: Int32Array = new Int32Array(16384);
  private splits: Int32Array = new Int32Array(16384);
  private ends: Int32Array = new Int32Array(16384);
  /** Per cell: 1 + where its decoded text is in `texts`, 0 while not decoded (a dense array stays fast; a sparse one does not). */
  private textAt: Int32Array = new Int32Array(16384);
  private texts: string[] = [];
  /** Columns whose texts a dictionary keeps (useTexts). */
  private readonly known = new Map<number, { ids: Int32Array; texts: TextsById }>();
  private readonly cursor = new ByteBatchRow(this);

  /** Per cell: kind (ESCAPES, PREPEND, NUL_CLOSED, NON_ASCII bits), byte start and byte end. */
  cellArrays(): { kinds: Uint8Array; starts: Int32Array; ends: Int32Array; first: Int32Array; widths: Int32Array } {
    return { kinds: this.kinds, starts: this.starts, ends: this.ends, first: this.first, widths: this.widths };
  }

  /**
   * The batch to send to another thread; the buffers in `transfer` go with it. Bytes that fill an
   * ArrayBuffer of their own (as the scanner's are) are handed over, not copied: the batch must not
   * be read after this.
   */
  snapshot(): { snapshot: BatchSnapshot; transfer: ArrayBuffer[] } {
    const n = this.length;
    const cells = this.cells;
    const own = this.bytes.byteOffset === 0 && this.bytes.byteLength === this.bytes.buffer.byteLength && this.bytes.buffer instanceof ArrayBuffer;
    const snapshot: BatchSnapshot = {
      kind: 'bytes',
      bytes: own ? new Uint8Array(this.bytes.buffer, 0, this.bytes.byteLength) : new Uint8Array(this.bytes),
      rows: this.rows.slice(0, n),
      lines: this.lines.slice(0, n),
      first: this.first.slice(0, n),
      widths: this.widths.slice(0, n),
      kinds: this.kinds.slice(0, cells),
      starts: this.starts.slice(0, cells),
      splits: this.splits.slice(0, cells),
      ends: this.ends.slice(0, cells),
      ...(this.prints && { prints: this.prints.slice(0, 2 * n) }),
    };
    const { kind: _kind, ...arrays } = snapshot;
    return { snapshot, transfer: Object.values(arrays).map((array) => array.buffer as ArrayBuffer) };
  }

  /** The batch of a snapshot (its arrays used as they are). */
  static of(snapshot: Extract<BatchSnapshot, { kind: 'bytes' }>): ByteBatch {
    const batch = new ByteBatch();
    const bytes = snapshot.bytes;
    batch.bytes = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    batch.length = snapshot.rows.length;
    batch.cells = snapshot.kinds.length;
    batch.rows = snapshot.rows;
    batch.lines = snapshot.lines;
    batch.first = snapshot.first;
    batch.widths = snapshot.widths;
    batch.kinds = snapshot.kinds;
    batch.starts = snapshot.starts;
    batch.splits = snapshot.splits;
    batch.ends = snapshot.ends;
    batch.prints = snapshot.prints ?? null;
    batch.textAt = new Int32Array(Math.max(1, batch.cells));
    return batch;
  }

  /** Starts a new batch over `bytes` (the previous batch's rows are gone). */
  reset(bytes: Buffer): void {
    this.bytes = bytes;
    this.length = 0;
    this.textAt.fill(0, 0, this.cells);
    this.cells = 0;
    this.texts = [];
    this.known.clear();
    this.prints = null;
  }

  /** Adds a row whose fields (kind, start, split, end) the scanner noted. */
  add(row: number, line: number, kinds: readonly number[], positions: readonly number[]): void {
    const n = this.length;
    if (n === this.rows.length) this.growRows();
    const count = kinds.length;
    while (this.cells + count > this.kinds.length) this.growCells();
    this.rows[n] = row;
    this.lines[n] = line;
    this.first[n] = this.cells;
    this.widths[n] = count;
    let c = this.cells;
    for (let f = 0; f < count; f++, c++) {
      this.kinds[c] = kinds[f]!;
      this.starts[c] = positions[3 * f]!;
      this.splits[c] = positions[3 * f + 1]!;
      this.ends[c] = positions[3 * f + 2]!;
    }
    this.cells = c;
    this.length = n + 1;
  }

  row(i: number): number {
    return this.rows[i]!;
  }

  line(i: number): number {
    return this.lines[i]!;
  }

  /** Moves the rows' numbers and lines on by what came before them (a byte range read by another thread counts from 0). */
  renumber(rowsBefore: number, linesBefore: number): void {
    for (let i = 0; i < this.length; i++) {
      this.rows[i]! += rowsBefore;
      this.lines[i]! += linesBefore;
    }
  }

  width(i: number): number {
    return this.widths[i]!;
  }

  text(i: number, column: number): string {
    if (column >= this.widths[i]!) return '';
    const c = this.first[i]! + column;
    const at = this.textAt[c]!;
    if (at > 0) return this.texts[at - 1]!;
    const kind = this.kinds[c]!;
    const start = this.starts[c]!;
    const end = this.ends[c]!;
    if (start === end && kind === 0) return '';
    // A column with a dictionary: its value's text was decoded once for the whole file.
    const known = this.known.get(column);
    const id = known ? known.ids[i]! : -1;
    if (id >= 0) return known!.texts.textOf(id, this, i, column);
    const text = this.decodeCell(c);
    this.textAt[c] = this.texts.push(text);
    return text;
  }

  /** The text of row i's cell, decoded from the bytes (for a dictionary's first sight of a value). */
  decode(i: number, column: number): string {
    return column < this.widths[i]! ? this.decodeCell(this.first[i]! + column) : '';
  }

  /**
   * One native decode per cell asked for: the engine asks for few cells of a row (the rest are
   * judged by their bytes), so decoding whole batches would cost more (measured: ~230 against ~85
   * ns a 12-digit cell in 240-byte rows).
   */
  private decodeCell(c: number): string {
    return fieldText(this.bytes, this.kinds[c]!, this.starts[c]!, this.splits[c]!, this.ends[c]!);
  }

  /**
   * The value ids a column's dictionary gave this batch's rows (-1: none), and where their texts
   * are kept: text() then decodes a value once per file instead of once per row.
   */
  useTexts(column: number, ids: Int32Array, texts: TextsById): void {
    this.known.set(column, { ids, texts });
  }

  /** Stops using the dictionaries' texts (their ids are only valid until the dictionary's next batch): cells are decoded again. */
  forgetTexts(): void {
    this.known.clear();
  }

  source(i: number): SourceRow {
    this.cursor.index = i;
    return this.cursor;
  }

  cellStart(i: number, column: number): number {
    return column < this.widths[i]! ? this.starts[this.first[i]! + column]! : 0;
  }

  cellEnd(i: number, column: number): number {
    return column < this.widths[i]! ? this.ends[this.first[i]! + column]! : 0;
  }

  cellShape(i: number, column: number): number {
    return column < this.widths[i]! ? this.kinds[this.first[i]! + column]! & ~NON_ASCII : 0;
  }

  /** SourceRow.digits of a cell of row i: its numeric key when it is 1–15 ASCII digits as they stand, else -1. */
  digits(i: number, column: number): number {
    if (column >= this.widths[i]!) return -1;
    const c = this.first[i]! + column;
    if ((this.kinds[c]! & ~NON_ASCII) !== 0) return -1;
    return digitsKeyOfBytes(this.bytes, this.starts[c]!, this.ends[c]!);
  }

  /** SourceRow.cellBytes of a cell of row i: true, with where its text lies, when its text is its bytes. */
  cellBytes(i: number, column: number, cell: CellBytes): boolean {
    cell.bytes = this.bytes;
    if (column >= this.widths[i]!) {
      cell.start = 0;
      cell.end = 0;
      return true;
    }
    const c = this.first[i]! + column;
    if ((this.kinds[c]! & ~NON_ASCII) !== 0) return false;
    cell.start = this.starts[c]!;
    cell.end = this.ends[c]!;
    return true;
  }

  private growRows(): void {
    const size = this.rows.length * 2;
    this.rows = grown(this.rows, size);
    this.lines = grown(this.lines, size);
    this.first = grown(this.first, size);
    this.widths = grown(this.widths, size);
  }

  private growCells(): void {
    const size = this.kinds.length * 2;
    this.kinds = grown(this.kinds, size);
    this.starts = grown(this.starts, size);
    this.splits = grown(this.splits, size);
    this.ends = grown(this.ends, size);
    this.textAt = grown(this.textAt, size);
  }
}

/** The row API's view of one row of a ByteBatch (one object per batch, moved from row to row). */
class ByteBatchRow implements SourceRow {
  index = 0;

  constructor(private readonly batch: ByteBatch) {}

  get row(): number {
    return this.batch.row(this.index);
  }

  get line(): number {
    return this.batch.line(this.index);
  }

  get width(): number {
    return this.batch.width(this.index);
  }

  text(index: number): string {
    return this.batch.text(this.index, index);
  }

  digits(index: number): number {
    return this.batch.digits(this.index, index);
  }

  cellBytes(index: number, cell: CellBytes): boolean {
    return this.batch.cellBytes(this.index, index, cell);
  }

  fingerprint(half: 0 | 1): number {
    const prints = this.batch.prints;
    return prints ? prints[2 * this.index + half]! : -1;
  }
}

/** A batch of rows already read as text (csv-parse, JSON, the dialect scanner). */
export class TextBatch implements RowBatch {
  readonly bytes = null;

  constructor(private readonly rows: readonly SourceRow[]) {}

  get length(): number {
    return this.rows.length;
  }

  row(i: number): number {
    return this.rows[i]!.row;
  }

  line(i: number): number {
    return this.rows[i]!.line;
  }

  width(i: number): number {
    return this.rows[i]!.width;
  }

  text(i: number, column: number): string {
    return this.rows[i]!.text(column);
  }

  source(i: number): SourceRow {
    return this.rows[i]!;
  }

  cellStart(): number {
    return 0;
  }

  cellEnd(): number {
    return 0;
  }

  cellShape(): number {
    return 0;
  }
}
