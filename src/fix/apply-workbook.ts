import type { TableReader } from '../input/reader.js';
import { quoteCsvField } from './excel-cell.js';
import type { RowCells, RowSink } from './row-fixer.js';

// A workbook's sheet as `dqc fix` reads it: through the workbook reader, as the check read it (the
// same sheet, the same header row, date cells in the pack's form), its rows handed to the row sink
// as CSV lines — the output of a fixed workbook is that sheet as CSV (UTF-8), which keeps every
// value as the text the check judged and every leading zero a fix put back.

/** A row as a CSV line: data, so values are written as they are (no spreadsheet escaping). */
function line(cells: readonly string[]): Buffer {
  return Buffer.from(cells.map(quoteCsvField).join(',') + '\r\n', 'utf8');
}

export async function applyWorkbookSheet(reader: TableReader, sink: RowSink): Promise<void> {
  const header = reader.header;
  const index = new Map(header.map((name, k) => [name, k]));
  await sink.header(line(header));
  for await (const row of reader.rows()) {
    const texts = header.map((_, k) => row.text(k));
    const cells: RowCells = {
      get: (column) => {
        const k = index.get(column);
        return k === undefined ? null : texts[k]!;
      },
      // UTF-8 writes any text.
      refuse: () => null,
    };
    await sink.row(
      () => line(texts),
      cells,
      (changes) => line(texts.map((text, k) => changes.get(header[k]!) ?? text)),
    );
  }
}
