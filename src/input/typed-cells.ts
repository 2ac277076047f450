import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { dayNumber, formatDayAs } from '../shared/dates.js';

// What the readers of typed tables (Parquet, workbooks) share: a date cell as the text the pack
// declares for its column, and the file's SHA-256 once its rows are read.

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * A date (UTC, as the readers give it) in the pack's form when it has one and a date alone fills it;
 * else ISO, with the time of day when `time` says so ('if-any': when it is not midnight).
 */
export function dateCellText(value: Date, form: string | undefined, time: boolean | 'if-any'): string {
  if (Number.isNaN(value.getTime())) return '';
  const y = value.getUTCFullYear();
  const M = value.getUTCMonth() + 1;
  const d = value.getUTCDate();
  const day = form ? formatDayAs(dayNumber(y, M, d), form) : null;
  if (day !== null) return day;
  const date = `${pad(y, 4)}-${pad(M)}-${pad(d)}`;
  const h = value.getUTCHours();
  const m = value.getUTCMinutes();
  const s = value.getUTCSeconds();
  const withTime = time === true || (time === 'if-any' && h * 3600 + m * 60 + s > 0);
  return withTime ? `${date}T${pad(h)}:${pad(m)}:${pad(s)}` : date;
}

/** The SHA-256 of a file, read in chunks. */
export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) hash.update(chunk);
  return hash.digest('hex');
}
