import { isBlank } from '../shared/text.js';
import type { SourceRow } from '../input/row.js';
import type { RowBatch } from '../input/row-batch.js';

/**
 * Filled (non-blank) cells per column of one file, for the report's fill rates. Runs on every
 * row, so it reads the already decoded cells and decides most of them from the first character:
 * a printable ASCII first character means filled, anything else goes through `isBlank` (the same
 * notion of blank the `required` check uses). A placeholder such as `N/A` counts as filled: saying
 * it is not is the `placeholder` check's job.
 */
export class FillCounter {
  private counts: Float64Array;

  constructor(width: number) {
    this.counts = new Float64Array(Math.max(width, 1));
  }

  add(row: SourceRow): void {
    const width = row.width;
    if (width > this.counts.length) this.grow(width);
    const counts = this.counts;
    for (let i = 0; i < width; i++) {
      const text = row.text(i);
      if (text.length === 0) continue;
      const first = text.charCodeAt(0);
      if ((first > 0x20 && first < 0x7f) || !isBlank(text)) counts[i]!++;
    }
  }

  /**
   * The same for every row of a batch. On a byte-backed batch most cells are decided by their
   * bytes: none (empty), or a plain field whose first character cannot be blank (filled).
   */
  addBatch(batch: RowBatch): void {
    const bytes = batch.bytes;
    if (bytes === null) {
      for (let i = 0; i < batch.length; i++) this.add(batch.source(i));
      return;
    }
    for (let i = 0; i < batch.length; i++) {
      const width = batch.width(i);
      if (width > this.counts.length) this.grow(width);
      const counts = this.counts;
      for (let c = 0; c < width; c++) {
        const start = batch.cellStart(i, c);
        const plain = batch.cellShape(i, c) === 0;
        if (plain) {
          if (start === batch.cellEnd(i, c)) continue;
          if (startsFilled(bytes, start)) {
            counts[c]!++;
            continue;
          }
        }
        if (!isBlank(batch.text(i, c))) counts[c]!++;
      }
    }
  }

  /** Counts for the first `columns` columns (a JSON header can grow after the first rows). */
  result(columns: number): number[] {
    return Array.from({ length: columns }, (_, i) => this.counts[i] ?? 0);
  }

  private grow(width: number): void {
    const next = new Float64Array(Math.max(width, this.counts.length * 2));
    next.set(this.counts);
    this.counts = next;
  }
}

/**
 * Whether a cell starting at `start` is filled by its first character alone: printable ASCII, or a
 * UTF-8 lead byte that starts no white-space or zero-width character. Those are U+0085 and U+00A0
 * (lead C2), U+1680 (E1 9A), U+2000–U+2060 (E2), U+3000 (E3) and U+FEFF (EF); every other lead (Đ is
 * C4, the Vietnamese letters of U+1Exx are E1 B8–BB) starts a character that is not blank, and an
 * invalid sequence reads as U+FFFD, which is not blank either. Cells starting with Đ ("Đà Nẵng",
 * "Đang hoạt động") were decoded to be counted before.
 */
export function startsFilled(bytes: Uint8Array, start: number): boolean {
  const first = bytes[start]!;
  if (first < 0x80) return first > 0x20 && first < 0x7f;
  if (first === 0xe1) return bytes[start + 1] !== 0x9a;
  return first !== 0xc2 && first !== 0xe2 && first !== 0xe3 && first !== 0xef;
}
