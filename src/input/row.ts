import type { CellBytes } from '../shared/byte-memo.js';

/**
 * One data row as a reader delivers it. Checks never see this directly; they get a RowView of
 * their own columns. A faster reader can implement it over raw bytes without touching a check.
 */
export interface SourceRow {
  /** 1-based data row within its file. */
  readonly row: number;
  /** Physical line where the row starts. */
  readonly line: number;
  /** Number of cells the row actually has. */
  readonly width: number;
  text(index: number): string;
  /**
   * The numeric key (shared/numeric-key.ts) of a cell that is 1–15 ASCII digits, read from its
   * bytes without making a string; -1 for any other cell. Absent when the row has no bytes.
   */
  digits?(index: number): number;
  /**
   * Where a cell's text lies as UTF-8 when it is exactly its bytes as they stand (checks/define.ts
   * RowView.bytes): sets `cell` and returns true; false for any other cell. Absent when the row has
   * no bytes.
   */
  cellBytes?(index: number, cell: CellBytes): boolean;
  /** The row's fingerprint made beforehand by a worker (checks/define.ts RowView.fingerprint); -1 when none. */
  fingerprint?(half: 0 | 1): number;
}

/** A row over an array of already decoded cells (csv-parse records, JSON objects). */
export class ArrayRow implements SourceRow {
  constructor(
    readonly row: number,
    readonly line: number,
    readonly cells: readonly string[],
  ) {}

  get width(): number {
    return this.cells.length;
  }

  text(index: number): string {
    return this.cells[index] ?? '';
  }
}
