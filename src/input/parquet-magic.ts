import { open } from 'node:fs/promises';

// Kept apart from parquet.ts so that telling a Parquet file by its first bytes loads no Parquet library.

const MAGIC = Buffer.from('PAR1', 'latin1');

/** Whether the file begins with Parquet's magic bytes (a Parquet file also ends with them). */
export async function isParquetFile(path: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch {
    return false; // the text reader says why it cannot open the file
  }
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return bytesRead === 4 && head.equals(MAGIC);
  } catch {
    return false; // a directory, say: the text reader says what it is
  } finally {
    await handle.close();
  }
}
