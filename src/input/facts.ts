import type { InputFormat } from './sniff.js';
import type { TableReader } from './reader.js';
import type { SourceStats } from './source.js';

/** What every report says of an input once it has been read (check, reconcile, profile). */
export interface ReadFacts {
  path: string;
  format: InputFormat;
  bytes: number;
  sha256: string;
  compressed: boolean;
  encoding: string;
  delimiter: string | null;
  /** The sheet read, for a workbook. */
  sheet?: string;
  /** Data rows in the file, read or rejected. */
  rows: number;
  rejected: number;
  /** Blank rows (blank lines, rows whose cells are all empty): not data rows, not in `rows`. */
  blankRows: number;
  /** False when part of the file could not be read at all. */
  complete: boolean;
}

/** The facts of an input read to its end: `stats` are final only then. */
export function readFacts(path: string, reader: TableReader, stats: SourceStats): ReadFacts {
  return {
    path,
    format: reader.format,
    bytes: stats.bytes,
    sha256: stats.sha256,
    compressed: stats.compressed,
    encoding: stats.encoding,
    delimiter: reader.delimiter,
    ...(reader.sheet !== undefined && { sheet: reader.sheet }),
    rows: reader.counts.rows,
    rejected: reader.counts.rejected,
    blankRows: reader.counts.blankRows,
    complete: reader.counts.complete,
  };
}

/** Semantic field → the header it is bound to in this file. */
export function boundHeaders(fieldIndex: ReadonlyMap<string, number>, header: readonly string[]): Record<string, string> {
  const bound: Record<string, string> = {};
  for (const [field, index] of fieldIndex) bound[field] = header[index] ?? '';
  return bound;
}
