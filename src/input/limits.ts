// Bounds that keep a hostile or broken input from taking unbounded memory or time. Each one ends
// in a reported problem (never a crash), and each is far above what a real export needs.

/**
 * Default `--max-field-size`: 16 MiB. A row is held whole in memory while it is read, so the guard
 * is on a row's text (a CSV record, a JSON element or line); the usual cause of a row this large
 * is a quote that is never closed, which swallows the rest of the file into one field.
 */
export const DEFAULT_MAX_FIELD_SIZE = 16 * 1024 * 1024;

/** V8 cannot make a string longer than about 512 M characters: no limit above that can hold. */
export const MAX_FIELD_SIZE_CEILING = 512 * 1024 * 1024;

/**
 * Deepest nesting of a JSON value inside a cell. A nested value is written back as JSON text for
 * the checks, which recurses; a national-database export nests a few levels at most.
 */
export const MAX_JSON_DEPTH = 256;

/**
 * Most columns a JSON input can grow to. JSON rows are sparse: a 15-byte line can add a new key,
 * and every later row then carries a cell for it, so without a bound a small file could make the
 * work grow with the square of its rows. CSV needs no bound: its width costs bytes in the file.
 */
export const MAX_JSON_COLUMNS = 16_384;

const UNITS: Record<string, number> = { '': 1, k: 1024, kb: 1024, kib: 1024, m: 1024 ** 2, mb: 1024 ** 2, mib: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3, gib: 1024 ** 3 };

/**
 * A size as written on the command line: bytes, or with a binary unit (`64k`, `16MiB`, `1G`).
 * Null when it is not a size, is zero, or is above MAX_FIELD_SIZE_CEILING.
 */
export function parseByteSize(text: string): number | null {
  const match = /^(\d+)\s*([a-z]*)$/i.exec(text.trim());
  if (!match) return null;
  const unit = UNITS[(match[2] ?? '').toLowerCase()];
  if (unit === undefined) return null;
  const size = Number(match[1]) * unit;
  return size >= 1 && size <= MAX_FIELD_SIZE_CEILING ? size : null;
}
