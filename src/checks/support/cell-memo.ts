import { ByteMemo, type CellBytes } from '../../shared/byte-memo.js';
import type { RowView } from '../define.js';

/**
 * A 32-bit integer per cell text (a date as yyyymmdd, a sex, an interned id), remembered by the
 * cell's bytes where the row has them (RowView.bytes): a repeated value costs a hash and a compare
 * of its bytes, no string and no decode. `read` is given the cell's text, as value(k) gives it,
 * the first time a byte sequence is seen and for every cell that has no bytes of its own.
 */
export class CellMemo {
  private readonly memo: ByteMemo;
  private readonly cell: CellBytes = { bytes: new Uint8Array(0), start: 0, end: 0 };
  private row: RowView | null = null;
  private k = 0;

  constructor(
    private readonly read: (text: string) => number,
    maxEntries?: number,
    onClear?: () => void,
  ) {
    this.memo = new ByteMemo(() => read(this.row!.value(this.k)), maxEntries, onClear);
  }

  get(row: RowView, k: number): number {
    const cell = this.cell;
    if (!row.bytes?.(k, cell)) return this.read(row.value(k)) | 0;
    this.row = row;
    this.k = k;
    const value = this.memo.get(cell.bytes, cell.start, cell.end);
    this.row = null;
    return value;
  }
}
