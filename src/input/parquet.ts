// Parquet files, read with hyparquet (pure JavaScript, no native build, every Parquet encoding) and
// hyparquet-compressors (gzip, zstd, brotli, LZ4 beside hyparquet's own snappy). A file is read one
// row group at a time, so memory follows the writer's row-group size, not the file's. Typed cells
// become the text the checks read in a CSV of the same data: INT64 IDs as their digits (no float
// rounding), dates and timestamps in the form the pack declares for the column (setColumnHints), else
// ISO; booleans true/false; nested values as JSON. A null is an empty cell, as in CSV.

import { asyncBufferFromFile, parquetMetadataAsync, parquetRead, parquetSchema, type FileMetaData, type SchemaElement } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { DqcError } from '../errors.js';
import type { ProblemSink } from './problems.js';
import type { ReadCounts, TableReader } from './reader.js';
import { ArrayRow, type SourceRow } from './row.js';
import type { SourceStats } from './source.js';
import { dateCellText, sha256OfFile } from './typed-cells.js';

export type Kind = 'date' | 'timestamp' | 'other';

/** How a column's values become text: by its physical and logical type. */
export function kindOf(element: SchemaElement): Kind {
  const logical = element.logical_type?.type;
  const converted = element.converted_type;
  if (logical === 'DATE' || converted === 'DATE') return 'date';
  if (logical === 'TIMESTAMP' || converted === 'TIMESTAMP_MILLIS' || converted === 'TIMESTAMP_MICROS' || element.type === 'INT96') return 'timestamp';
  return 'other';
}

/** A cell's text (the pack's date form, when given, for a date or timestamp column). */
export function cellText(value: unknown, kind: Kind, form: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return dateCellText(value, form, kind === 'timestamp');
  if (value instanceof Uint8Array) return Buffer.from(value).toString('hex');
  return JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

/** Whether every column is flat (no list or struct): only then are the groups read by column (parquet-groups.ts). */
function flatColumns(metadata: FileMetaData): boolean {
  return parquetSchema(metadata).children.every((c) => c.children.length === 0);
}

function unreadable(path: string, error: unknown): DqcError {
  return new DqcError('DQC_INPUT_UNREADABLE', { path, reason: `Parquet: ${(error as Error).message ?? String(error)}` });
}

/**
 * Opens a Parquet file: its footer is read now (a file that is not whole Parquet is refused with
 * exit 2, as an unreadable input), its rows row group by row group as they are asked for.
 */
export async function openParquetReader(path: string, report: ProblemSink): Promise<{ reader: TableReader; stats: SourceStats }> {
  let metadata: FileMetaData;
  let file: Awaited<ReturnType<typeof asyncBufferFromFile>>;
  try {
    file = await asyncBufferFromFile(path);
    metadata = await parquetMetadataAsync(file);
  } catch (error) {
    throw unreadable(path, error);
  }
  const columns = parquetSchema(metadata).children;
  const header = columns.map((c) => c.element.name);
  const kinds = columns.map((c) => kindOf(c.element));
  let forms: readonly (string | undefined)[] = [];
  // What a report says of the file's encoding: its compression codecs ('snappy', 'gzip, zstd').
  const codecs = new Set(metadata.row_groups.flatMap((g) => g.columns.map((c) => (c.meta_data?.codec ?? 'UNCOMPRESSED').toLowerCase())));
  const stats: SourceStats = { path, bytes: file.byteLength, sha256: '', compressed: [...codecs].some((c) => c !== 'uncompressed'), encoding: [...codecs].sort().join(', ') || 'uncompressed' };
  const counts: ReadCounts = { rows: 0, rejected: 0, blankRows: 0, complete: true };

  async function* rows(): AsyncGenerator<SourceRow> {
    let start = 0;
    for (const group of metadata.row_groups) {
      const end = start + Number(group.num_rows);
      let values: unknown[][] = [];
      try {
        await parquetRead({ file, metadata, compressors, rowStart: start, rowEnd: end, onComplete: (read) => (values = read) });
      } catch (error) {
        // A damaged row group: the rows before it stand, the rest of the file is not read (said, never skipped silently).
        counts.complete = false;
        report({ code: 'file/parse-error', line: start + 1, row: start + 1, column: null, data: { line: start + 1, reason: `Parquet: ${(error as Error).message}` } });
        break;
      }
      for (const cells of values) {
        counts.rows++;
        const text = cells.map((value, k) => cellText(value, kinds[k] ?? 'other', forms[k]));
        // No lines in a Parquet file: a row's line is its row number.
        yield new ArrayRow(counts.rows, counts.rows, text);
      }
      start = end;
    }
    if (counts.rows === 0 && counts.complete) report({ code: 'file/no-data-rows', line: null, row: null, column: null, data: {} });
    stats.sha256 = await sha256OfFile(path);
  }

  const reader: TableReader = {
    format: 'parquet',
    delimiter: null,
    header,
    counts,
    rows,
    setColumnHints(hints) {
      forms = hints.map((hint) => hint?.format);
    },
    // Row groups to the worker threads (parquet-groups.ts), when there are two or more and every column is flat.
    split(minBytes) {
      if (metadata.row_groups.length < 2 || file.byteLength < minBytes || !flatColumns(metadata)) return null;
      return {
        kind: 'parquet',
        path,
        groups: metadata.row_groups.length,
        forms: [...forms],
        report,
        async finish(read) {
          Object.assign(counts, read);
          if (counts.rows === 0 && counts.complete) report({ code: 'file/no-data-rows', line: null, row: null, column: null, data: {} });
          stats.sha256 = await sha256OfFile(path);
        },
      };
    },
  };
  return { reader, stats };
}
