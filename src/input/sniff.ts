import { extname } from 'node:path';

export type InputFormat = 'csv' | 'json' | 'ndjson' | 'parquet' | 'xlsx';

export const DELIMITERS = [',', ';', '\t', '|'] as const;

/** The format by the name (under a .gz) first, by the first character when the name says nothing. */
export function detectFormat(path: string, head: string): InputFormat {
  const name = path.toLowerCase().replace(/\.gz$/, '');
  const ext = extname(name);
  const firstChar = head.trimStart()[0];
  if (ext === '.ndjson' || ext === '.jsonl') return 'ndjson';
  // A .json file that starts with an object is JSON Lines only if its first line is a whole object;
  // otherwise it is one pretty-printed object, which the array reader reports as not an array.
  if (ext === '.json') return firstChar === '{' && firstLineIsJson(head) ? 'ndjson' : 'json';
  if (['.csv', '.tsv', '.txt', '.psv', '.tab'].includes(ext)) return 'csv';
  if (firstChar === '[') return 'json';
  if (firstChar === '{') return 'ndjson';
  return 'csv';
}

function firstLineIsJson(head: string): boolean {
  const text = head.trimStart();
  const end = text.indexOf('\n');
  try {
    JSON.parse(end < 0 ? text : text.slice(0, end));
    return true;
  } catch {
    return false;
  }
}

/** Counts of each candidate delimiter outside quotes, per line, for the first complete lines. */
function countPerLine(head: string, maxLines: number): Map<string, number[]> {
  const counts = new Map<string, number[]>(DELIMITERS.map((d) => [d, []]));
  let inQuotes = false;
  let current = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let lines = 0;
  for (let i = 0; i < head.length && lines < maxLines; i++) {
    const ch = head[i] as string;
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || (ch === '\r' && head[i + 1] !== '\n'))) {
      for (const d of DELIMITERS) counts.get(d)!.push(current.get(d)!);
      current = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
      lines++;
    } else if (!inQuotes && current.has(ch)) current.set(ch, current.get(ch)! + 1);
  }
  // The last line counts only when the head is the whole file (no partial line at a chunk cut).
  if (lines === 0 && !inQuotes) for (const d of DELIMITERS) counts.get(d)!.push(current.get(d)!);
  return counts;
}

/**
 * Picks the delimiter that splits the first lines most consistently: the one whose per-line count
 * is the same (and non-zero) on most lines, then the larger count. A .tsv file defaults to tab.
 */
export function sniffDelimiter(path: string, head: string): string {
  const counts = countPerLine(head, 50);
  let best: { delimiter: string; consistent: number; fields: number } | null = null;
  for (const delimiter of DELIMITERS) {
    const perLine = counts.get(delimiter)!;
    const header = perLine[0] ?? 0;
    if (header === 0) continue;
    const consistent = perLine.filter((n) => n === header).length;
    if (!best || consistent > best.consistent || (consistent === best.consistent && header > best.fields)) {
      best = { delimiter, consistent, fields: header };
    }
  }
  if (best) return best.delimiter;
  return /\.(tsv|tab)(\.gz)?$/i.test(path) ? '\t' : ',';
}
