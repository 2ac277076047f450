/**
 * Rows of several files numbered in one run, for checks that keep a table of earlier rows across
 * files (`unique`, `determines`). Rows are numbered per file and a row view does not say when a file
 * ends: a row number that does not grow means the next file began. The running ordinal is what a
 * table keeps; where each file starts turns it back into (file, row) for a report.
 */
export class RowOrdinals {
  /** The files in the order their rows came. */
  readonly files: string[] = [];
  private readonly starts: number[] = [0];
  private base = 0;
  private lastRow = 0;

  /** The running ordinal of row `row` of `file` (rows come in order). */
  of(file: string, row: number): number {
    if (row <= this.lastRow || this.files.length === 0) {
      if (this.files.length > 0) {
        this.base += this.lastRow;
        this.starts.push(this.base);
      }
      this.files.push(file);
    }
    this.lastRow = row;
    return this.base + row;
  }

  /** The file (index into `files`) and row of an ordinal. */
  locate(ordinal: number): { file: number; row: number } {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! < ordinal) lo = mid;
      else hi = mid - 1;
    }
    return { file: lo, row: ordinal - starts[lo]! };
  }
}
