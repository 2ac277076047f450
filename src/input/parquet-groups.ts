// A Parquet file's row groups as byte batches, for the threads of a row-parallel run: each worker
// reads the groups it is handed (hyparquet, by column), writes their cells' text — the text the
// row reader gives (parquet.ts cellText) — into one UTF-8 buffer per batch with the cells' byte
// positions (row-batch.ts ByteBatch), and judges them there; the batches then cross to the main
// thread without a string in them. Rows and lines count from 1 in the group (the run renumbers).

import { asyncBufferFromFile, parquetMetadataAsync, parquetRead, parquetSchema, type FileMetaData } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import type { RangeEnd } from './csv-range.js';
import { cellText, kindOf, type Kind } from './parquet.js';
import type { InputProblem } from './problems.js';
import type { ParquetRangeSpec, ReadCounts } from './reader.js';
import { ByteBatch, NON_ASCII } from './row-batch.js';

/** Rows per batch: what the CSV scanner's batches hold, about. */
const BATCH_ROWS = 4096;

interface Opened {
  file: Awaited<ReturnType<typeof asyncBufferFromFile>>;
  metadata: FileMetaData;
  names: string[];
  kinds: Kind[];
  /** First row of each group, and the row count at the end. */
  starts: number[];
}

/** A batch of a group, as split reading takes it (no byte offsets: a Parquet row is not read again). */
interface GroupPiece {
  batch: ByteBatch;
  offsets: Float64Array;
  problems: InputProblem[];
}

/** Makes a row's two fingerprint words into out[at], out[at + 1] (dedupe/row-fingerprint.ts, handed down by the engine). */
export type RowFingerprinter = (width: number, cell: (i: number) => string, rowNumber: number | null, out: Uint32Array, at: number) => void;

export class ParquetGroups {
  private opened: Promise<Opened> | null = null;

  constructor(private readonly spec: ParquetRangeSpec) {}

  /**
   * Reads row group `group` as batches; returns its counts (a group that cannot be decoded: a
   * problem, incomplete). With `fingerprint`, each batch's rows are fingerprinted from the texts
   * as they are written (ByteBatch.prints), their numbers those of the file.
   */
  async *read(group: number, fingerprint?: RowFingerprinter): AsyncGenerator<GroupPiece, RangeEnd> {
    const { file, metadata, names, kinds, starts } = await (this.opened ??= open(this.spec.path));
    const rowStart = starts[group]!;
    const rowEnd = starts[group + 1]!;
    const count = rowEnd - rowStart;
    const counts: ReadCounts = { rows: 0, rejected: 0, blankRows: 0, complete: true };
    const columns = names.map(() => new Array<unknown>(count).fill(null));
    const index = new Map(names.map((name, k) => [name, k]));
    try {
      await parquetRead({
        file,
        metadata,
        compressors,
        rowStart,
        rowEnd,
        onChunk: ({ columnName, columnData, rowStart: from }) => {
          const target = columns[index.get(columnName) ?? -1];
          if (!target) return;
          for (let i = Math.max(0, rowStart - from); i < columnData.length && from + i < rowEnd; i++) target[from + i - rowStart] = columnData[i];
        },
      });
    } catch (error) {
      // A damaged row group: the rows before it stand, the rest of the file is not read (said, never skipped silently).
      counts.complete = false;
      const problem: InputProblem = { code: 'file/parse-error', line: 1, row: 1, column: null, data: { line: 1, reason: `Parquet: ${(error as Error).message}` } };
      return { end: group + 1, counts, lines: 0, problems: [problem] };
    }
    const forms = this.spec.forms;
    for (let first = 0; first < count; first += BATCH_ROWS) {
      const batch = encode(columns, kinds, forms, first, Math.min(count, first + BATCH_ROWS), fingerprint && { make: fingerprint, rowsBefore: rowStart });
      yield { batch, offsets: new Float64Array(0), problems: [] };
    }
    counts.rows = count;
    return { end: group + 1, counts, lines: count, problems: [] };
  }
}

async function open(path: string): Promise<Opened> {
  const file = await asyncBufferFromFile(path);
  const metadata = await parquetMetadataAsync(file);
  const columns = parquetSchema(metadata).children;
  const starts = [0];
  for (const group of metadata.row_groups) starts.push(starts.at(-1)! + Number(group.num_rows));
  return { file, metadata, names: columns.map((c) => c.element.name), kinds: columns.map((c) => kindOf(c.element)), starts };
}

let scratch = Buffer.allocUnsafeSlow(1 << 20);

/** Rows [from, to) of the group's columns as one batch: the cells' UTF-8 in a buffer of its own, their positions beside. */
function encode(
  columns: readonly unknown[][],
  kinds: readonly Kind[],
  forms: readonly (string | undefined)[],
  from: number,
  to: number,
  prints?: { make: RowFingerprinter; rowsBefore: number },
): ByteBatch {
  const width = columns.length;
  const texts = new Array<string>(width);
  const cell = (k: number) => texts[k]!;
  const made = prints ? new Uint32Array(2 * (to - from)) : null;
  const cellKinds = new Array<number>(width).fill(0);
  const positions = new Array<number>(3 * width).fill(0);
  const batch = new ByteBatch();
  let at = 0;
  for (let r = from; r < to; r++) {
    for (let k = 0; k < width; k++) {
      const text = cellText(columns[k]![r], kinds[k] ?? 'other', forms[k]);
      texts[k] = text;
      if (at + 3 * text.length > scratch.length) {
        const grown = Buffer.allocUnsafeSlow(Math.max(2 * scratch.length, at + 3 * text.length));
        scratch.copy(grown, 0, 0, at);
        scratch = grown;
      }
      const written = text.length === 0 ? 0 : scratch.write(text, at);
      cellKinds[k] = written === text.length ? 0 : NON_ASCII;
      positions[3 * k] = at;
      positions[3 * k + 1] = at + written;
      positions[3 * k + 2] = at + written;
      at += written;
    }
    // No lines in a Parquet file: a row's line is its row number.
    batch.add(r + 1, r + 1, cellKinds, positions);
    if (prints) prints.make(width, cell, prints.rowsBefore + r + 1, made!, 2 * (r - from));
  }
  batch.prints = made;
  const bytes = Buffer.allocUnsafeSlow(at);
  scratch.copy(bytes, 0, 0, at);
  batch.bytes = bytes;
  return batch;
}
