import type { SourceRow } from './row.js';
import type { RowBatch } from './row-batch.js';
import type { InputProblem, ProblemSink } from './problems.js';
import type { InputFormat } from './sniff.js';

/** Counts a reader keeps so that rows in = rows checked + rows rejected, always; blank rows apart. */
export interface ReadCounts {
  /** Data rows found in the file, read or rejected. */
  rows: number;
  /** Rows that could not be read as a record; each has a problem with its line. */
  rejected: number;
  /**
   * Blank rows (blank lines, rows of empty cells): not in `rows`, each reported as `row/blank`
   * with its line. Records read after the header = rows + blankRows.
   */
  blankRows: number;
  /** False when part of the file could not be read at all (see STOPS_READING). */
  complete: boolean;
}

/** What a thread needs to read a range of a file the main thread opened (no callbacks: it crosses threads). */
export interface RangeSpec {
  path: string;
  /** The file's size when it was opened: the end of the last range. */
  size: number;
  delimiter: number;
  maxFieldSize: number;
  /** Record delimiter (csv-scanner.ts RD_*), LF or CR LF. */
  rd: number;
  header: string[];
  /** Whether invalid UTF-8 was already seen (in the header's chunk): cells are then searched for U+FFFD from the start. */
  decodeErrors: boolean;
}

/**
 * A plain CSV file handed over after its header, for its data to be read range by range
 * (TableReader.split): the file from `start`, and where the main reader's numbering stands.
 */
export interface CsvSplit extends RangeSpec {
  kind?: undefined;
  /** Offset of the first record after the header. */
  start: number;
  /** The last line the header (and blank lines before it) took. */
  line: number;
  /** Where the ranges' problems go, renumbered, in file order. */
  report: ProblemSink;
  /** Notes a data row's offset for reading it again (CsvRereader.place), when the file can be. */
  place?: (row: number, offset: number, line: number) => void;
  /** After the last range: the reader's counts are these, and its end-of-file problems are reported (once the file's hash is made). */
  finish(counts: ReadCounts): Promise<void>;
}

/**
 * A Parquet file handed over for its row groups to be read on the worker threads (TableReader.split):
 * each group is one range, read, turned into byte batches and judged by a worker (parquet-groups.ts).
 */
export interface ParquetSplit {
  kind: 'parquet';
  path: string;
  /** Row groups in the file: ranges 0 … groups − 1. */
  groups: number;
  /** The date form the pack declares per column (setColumnHints). */
  forms: (string | undefined)[];
  /** Where the groups' problems go, renumbered, in file order. */
  report: ProblemSink;
  place?: undefined;
  /** After the last group: the reader's counts are these, and its end-of-file problems are reported. */
  finish(counts: ReadCounts): Promise<void>;
}

/** What a worker needs to read a Parquet file's row groups (no callbacks: it crosses threads). */
export type ParquetRangeSpec = Pick<ParquetSplit, 'kind' | 'path' | 'forms'>;

/** A file handed over to be read by every thread: a plain CSV file's byte ranges, or a Parquet file's row groups. */
export type TableSplit = CsvSplit | ParquetSplit;

export function isParquetSplit(split: TableSplit): split is ParquetSplit {
  return (split as ParquetSplit).kind === 'parquet';
}

/** What a pack declares of a column: its type and, for a date, its format. */
export interface ColumnHint {
  type?: string;
  format?: string;
}

export interface TableReader {
  readonly format: InputFormat;
  readonly delimiter: string | null;
  /** Column names, unique and non-blank; for JSON it can grow as new keys appear. */
  readonly header: readonly string[];
  readonly counts: ReadCounts;
  /** A workbook's sheet that is read, and the row its header ends on (as Excel numbers it): data rows are below. */
  readonly sheet?: string;
  readonly headerLine?: number;
  rows(): AsyncGenerator<SourceRow>;
  /**
   * The same rows as rows(), a chunk's worth at a time: one await per chunk instead of one per
   * row, for the engine's loop. Use one of the two, never both.
   */
  batches?(): AsyncGenerator<readonly SourceRow[]>;
  /**
   * The same rows again, as columnar batches (row-batch.ts): the engine's way in. A batch is valid
   * until the next one is asked for. Use one of rows(), batches() and columns(), never two.
   */
  columns?(): AsyncGenerator<RowBatch>;
  /**
   * The cells of an earlier data row (1-based), read again from the file: a plain CSV file read by
   * the byte scanner only (not gzip, not a stream). Synchronous, for the rare row a check needs
   * again (the first row of a repeated key).
   */
  reread?(row: number): { cells: string[]; line: number };
  /**
   * Instead of columns(): the rest of a plain UTF-8 CSV file after its header, for threads to read
   * by byte ranges (csv-range.ts), or a Parquet file's row groups; null when it cannot be, or has
   * less than `minBytes` of data (the reader is then read as usual).
   */
  split?(minBytes: number): TableSplit | null;
  /**
   * For a reader of typed cells (Parquet, workbooks): what the pack declares of each column (by
   * index; undefined: nothing), so a date cell is written in the declared form, as the same data's
   * CSV would hold it, and a number in a text column (an ID, a phone) can be told. Called once the
   * header is bound, before any row is read.
   */
  setColumnHints?(hints: readonly (ColumnHint | undefined)[]): void;
}

/** Unique, non-blank column names, with a problem for each one that had to be renamed. */
export function normalizeHeader(names: readonly string[], report: ProblemSink, line: number): string[] {
  const seen = new Set<string>();
  // Next suffix to try per name: without it, n copies of one name cost n² tries (a hostile header
  // of 50,000 "a" columns did not finish in two minutes).
  const nextSuffix = new Map<string, number>();
  const problem = (code: InputProblem['code'], column: string, data: InputProblem['data']) =>
    report({ code, line, row: null, column, data });
  return names.map((raw, i) => {
    let name = raw.trim();
    if (name === '') {
      name = `column_${i + 1}`;
      problem('header/blank', name, { position: i + 1, name });
    }
    if (seen.has(name)) {
      let n = nextSuffix.get(name) ?? 2;
      while (seen.has(`${name}_${n}`)) n++;
      nextSuffix.set(name, n + 1);
      const renamed = `${name}_${n}`;
      problem('header/duplicate', renamed, { name, position: i + 1, renamed });
      name = renamed;
    }
    seen.add(name);
    return name;
  });
}

/** Reports cells holding U+FFFD, which is what the decoder put where bytes were invalid. */
export function reportReplacementChars(
  cells: readonly string[],
  header: readonly string[],
  encoding: string,
  row: number,
  line: number,
  report: ProblemSink,
): void {
  cells.forEach((cell, i) => {
    if (!cell.includes('\ufffd')) return;
    const column = header[i] ?? `column_${i + 1}`;
    if (encoding === 'utf-8') report({ code: 'cell/invalid-utf8', line, row, column, data: { column } });
    else report({ code: 'cell/undecodable', line, row, column, data: { column, encoding } });
  });
}
