import { open } from 'node:fs/promises';
import { binaryKind } from './magic.js';

// Tables that are not text, known by their first bytes before any text reading: Parquet and Excel
// workbooks. Kept apart from their readers so that telling them loads neither library.

const PARQUET = Buffer.from('PAR1', 'latin1');
/** Enough of a zip for its first entries' names (xl/… says a workbook). */
const HEAD_BYTES = 4096;

export type TableFileKind = 'parquet' | 'xlsx';

/** Which typed table the file is, or null (text, or something the text reader refuses). */
export async function tableFileKind(path: string): Promise<TableFileKind | null> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch {
    return null; // the text reader says why it cannot open the file
  }
  try {
    const head = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(head, 0, HEAD_BYTES, 0);
    const bytes = head.subarray(0, bytesRead);
    if (bytes.length >= 4 && bytes.subarray(0, 4).equals(PARQUET)) return 'parquet';
    return binaryKind(bytes) === 'xlsx' ? 'xlsx' : null;
  } catch {
    return null; // a directory, say: the text reader says what it is
  } finally {
    await handle.close();
  }
}
