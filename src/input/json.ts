import { createRequire } from 'node:module';
import { ArrayRow, type SourceRow } from './row.js';
import { lineColumnAt, splitJsonError } from './json-error.js';
import { DEFAULT_MAX_FIELD_SIZE, MAX_JSON_COLUMNS, MAX_JSON_DEPTH } from './limits.js';
import type { MessageData } from '../model.js';
import type { ProblemSink } from './problems.js';
import { reportReplacementChars, type ReadCounts, type TableReader } from './reader.js';
import type { TextSource } from './source.js';

// JSON inputs are streamed: a 2 GB array is never one string. The array is split into its
// elements by a small scanner that tracks strings and nesting, and each element goes through
// JSON.parse, which is fast and precise; this also lets a syntax error name the element's line
// and the reader carry on with the next element.

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** True when a parsed value nests deeper than `limit` (walked with a stack of its own, no recursion). */
function nestsDeeperThan(value: object, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [node, depth] = item;
    if (depth > limit) return true;
    if (typeof node !== 'object' || node === null) continue;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}

/** At most `max` names, then how many more: a hostile row can have thousands of keys. */
function nameList(names: readonly string[], max = 20): string {
  return names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')} … (+${names.length - max})`;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Where a JSON.parse error is, relative to the element's first line. */
function describeSyntaxError(error: unknown, text: string, firstLine: number): { line: number; reason: string } {
  const { reason, position } = splitJsonError(error);
  // V8 names no position for some errors; the YAML parser (JSON is YAML) can usually place them.
  // The YAML parser is loaded only here, for a broken JSON file (not at every start).
  const yaml = position === undefined ? (createRequire(import.meta.url)('yaml') as typeof import('yaml')) : undefined;
  const yamlPlace = yaml?.parseDocument(text, { schema: 'json' }).errors[0]?.linePos?.[0];
  if (position === undefined && !yamlPlace) return { line: firstLine, reason };
  const place = position !== undefined ? lineColumnAt(text, position) : { line: yamlPlace!.line, column: yamlPlace!.col };
  const line = firstLine + place.line - 1;
  return { line, reason: `${reason} (line ${line}, column ${place.column})` };
}

/** Turns parsed objects into rows over a header that grows as new keys appear. */
class ObjectRows {
  readonly header: string[] = [];
  private readonly index = new Map<string, number>();
  private bound = false;

  constructor(
    private readonly source: TextSource,
    private readonly counts: ReadCounts,
    private readonly report: ProblemSink,
  ) {}

  /** The first object fixes the header the rules are bound to; later new keys are reported. */
  toRow(text: string, line: number): SourceRow | null {
    const row = ++this.counts.rows;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      const place = describeSyntaxError(error, text, line);
      this.reject(row, place.line, 'row/json-syntax', { reason: place.reason });
      return null;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.reject(row, line, 'row/not-an-object', { found: describeValue(value) });
      return null;
    }
    const record = value as Record<string, unknown>;
    // A nested cell is written back as JSON text, which recurses: refuse what could exhaust the stack.
    for (const key in record) {
      const cell = record[key];
      if (typeof cell === 'object' && cell !== null && nestsDeeperThan(cell, MAX_JSON_DEPTH - 1)) {
        this.reject(row, line, 'row/too-deep', { limit: MAX_JSON_DEPTH });
        return null;
      }
    }
    const cells: string[] = new Array<string>(this.header.length).fill('');
    const added: string[] = [];
    const dropped: string[] = [];
    for (const key of Object.keys(record)) {
      let at = this.index.get(key);
      if (at === undefined) {
        if (this.header.length >= MAX_JSON_COLUMNS) {
          dropped.push(key);
          continue;
        }
        at = this.header.length;
        this.header.push(key);
        this.index.set(key, at);
        if (this.bound) added.push(key);
      }
      cells[at] = cellText(record[key]);
    }
    this.bound = true;
    if (added.length > 0) this.report({ code: 'row/new-fields', line, row, column: null, data: { fields: nameList(added) } });
    if (dropped.length > 0) {
      this.report({ code: 'row/too-many-fields', line, row, column: null, data: { limit: MAX_JSON_COLUMNS, fields: nameList(dropped) } });
    }
    if (this.source.decodeErrors) reportReplacementChars(cells, this.header, this.source.stats.encoding, row, line, this.report);
    return new ArrayRow(row, line, cells);
  }

  /** A row too large to read: counted and reported, its text never parsed. */
  tooLarge(line: number, limit: number): void {
    this.reject(++this.counts.rows, line, 'row/too-large', { limit });
  }

  private reject(row: number, line: number, code: 'row/json-syntax' | 'row/not-an-object' | 'row/too-large' | 'row/too-deep', data: MessageData): void {
    this.counts.rejected++;
    this.report({ code, line, row, column: null, data });
  }
}

/** The first element is read before binding, so the header is known; it is then yielded first. */
async function withFirstRow(rows: AsyncGenerator<SourceRow>): Promise<{ first: SourceRow | undefined; rest: AsyncGenerator<SourceRow> }> {
  const first = await rows.next();
  return { first: first.done ? undefined : first.value, rest: rows };
}

async function finish(
  format: 'json' | 'ndjson',
  source: TextSource,
  counts: ReadCounts,
  objects: ObjectRows,
  generator: AsyncGenerator<SourceRow>,
  report: ProblemSink,
): Promise<TableReader> {
  const { first, rest } = await withFirstRow(generator);
  async function* rows(): AsyncGenerator<SourceRow> {
    if (first) yield first;
    yield* rest;
    if (counts.rows === 0 && counts.complete && source.head.trim().length === 0) {
      report({ code: 'file/empty', line: null, row: null, column: null, data: {} });
    } else if (counts.rows === 0 && counts.complete) {
      report({ code: 'file/no-data-rows', line: null, row: null, column: null, data: {} });
    }
  }
  return { format, delimiter: null, header: objects.header, counts, rows };
}

/** JSON Lines: one object per line; a bad line is a rejected row, the next line is read. */
export async function openNdjsonReader(
  source: TextSource,
  report: ProblemSink,
  maxFieldSize: number = DEFAULT_MAX_FIELD_SIZE,
): Promise<TableReader> {
  const counts: ReadCounts = { rows: 0, rejected: 0, blankRows: 0, complete: true };
  const objects = new ObjectRows(source, counts, report);
  async function* generate(): AsyncGenerator<SourceRow> {
    let carry = ''; // the current line so far
    let skipping = false; // the current line is over the limit: its text is dropped up to its end
    let line = 0;
    const emit = function* (text: string): Generator<SourceRow> {
      line++;
      const trimmed = text.endsWith('\r') ? text.slice(0, -1) : text;
      if (trimmed.trim() === '') {
        // A blank line is a blank row, as in CSV: reported, not a data row (test/input/blank-rows.test.ts).
        counts.blankRows++;
        report({ code: 'row/blank', line, row: null, column: null, data: { line } });
        return;
      }
      const row = objects.toRow(trimmed, line);
      if (row) yield row;
    };
    const tooLarge = () => objects.tooLarge(++line, maxFieldSize);
    for await (const chunk of source.chunks()) {
      // Line ends are searched in the new chunk only: a long line is never rescanned.
      let start = 0;
      for (let nl = chunk.indexOf('\n'); nl >= 0; nl = chunk.indexOf('\n', start)) {
        if (skipping) tooLarge();
        else if (carry.length + (nl - start) > maxFieldSize) tooLarge();
        else yield* emit(carry + chunk.slice(start, nl));
        carry = '';
        skipping = false;
        start = nl + 1;
      }
      if (skipping) continue;
      if (carry.length + (chunk.length - start) > maxFieldSize) {
        skipping = true;
        carry = '';
      } else carry += chunk.slice(start);
    }
    if (skipping) tooLarge();
    else if (carry.length > 0) yield* emit(carry);
  }
  return finish('ndjson', source, counts, objects, generate(), report);
}

/** A top-level array of objects, split element by element. */
export async function openJsonArrayReader(
  source: TextSource,
  report: ProblemSink,
  maxFieldSize: number = DEFAULT_MAX_FIELD_SIZE,
): Promise<TableReader> {
  const counts: ReadCounts = { rows: 0, rejected: 0, blankRows: 0, complete: true };
  const objects = new ObjectRows(source, counts, report);
  const stop = (code: 'file/not-an-array' | 'file/truncated-json', line: number, data: Record<string, string | number>) => {
    counts.complete = false;
    report({ code, line, row: null, column: null, data: { line, ...data } });
  };

  async function* generate(): AsyncGenerator<SourceRow> {
    type Place = 'before' | 'between' | 'element' | 'after';
    let state = 'before' as Place;
    let depth = 0;
    let inString = false;
    let escaped = false;
    let line = 1;
    let element = '';
    let elementLine = 1;
    let oversized = false; // the element is over the limit: it is still scanned, its text dropped
    for await (const chunk of source.chunks()) {
      let from = 0; // start of the current element's text within this chunk
      for (let i = 0; i < chunk.length; i++) {
        const ch = chunk.charCodeAt(i);
        if (ch === 10) line++;
        if (state === 'element') {
          if (inString) {
            if (escaped) escaped = false;
            else if (ch === 92) escaped = true; // backslash
            else if (ch === 34) inString = false;
            continue;
          }
          if (ch === 34) inString = true;
          else if (ch === 123 || ch === 91) depth++;
          else if (ch === 125 || ch === 93 || ch === 44) {
            if (depth > 0 && ch !== 44) depth--;
            else if (depth === 0) {
              // ',' or the closing ']' of the array ends the element
              if (oversized || element.length + (i - from) > maxFieldSize) objects.tooLarge(elementLine, maxFieldSize);
              else {
                const row = objects.toRow(element + chunk.slice(from, i), elementLine);
                if (row) yield row;
              }
              element = '';
              oversized = false;
              state = ch === 44 ? 'between' : 'after';
            }
          }
          continue;
        }
        if (ch === 32 || ch === 10 || ch === 13 || ch === 9) continue;
        if (state === 'before') {
          if (ch !== 91) {
            stop('file/not-an-array', line, { found: chunk[i] === '{' ? 'an object' : JSON.stringify(chunk.slice(i, i + 20)) });
            return;
          }
          state = 'between';
          continue;
        }
        if (state === 'between') {
          if (ch === 93) {
            // ']' right after '[' is an empty array; after ',' it is a trailing comma, not a row.
            if (counts.rows > 0) report({ code: 'file/trailing-comma', line, row: null, column: null, data: { line } });
            state = 'after';
            continue;
          }
          state = 'element';
          elementLine = line;
          from = i;
          depth = 0;
          i--; // let the element branch see this character
          continue;
        }
        // after the closing bracket only white space may follow
        stop('file/not-an-array', line, { found: JSON.stringify(chunk.slice(i, i + 20)) });
        return;
      }
      if (state === 'element' && !oversized) {
        if (element.length + (chunk.length - from) > maxFieldSize) {
          oversized = true;
          element = '';
        } else element += chunk.slice(from);
      }
    }
    if (state === 'before' && counts.rows === 0 && source.head.trim().length === 0) return;
    if (state !== 'after') stop('file/truncated-json', state === 'element' ? elementLine : line, {});
  }
  return finish('json', source, counts, objects, generate(), report);
}
