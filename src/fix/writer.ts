import { closeSync, openSync, renameSync, writeSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { discardTemp, tempBeside, untrackTemp } from '../shared/temp-files.js';
import { Hash64, hash64 } from '../dedupe/hash.js';
import { KeyIndex } from '../dedupe/key-index.js';
import { DqcError, usageError } from '../errors.js';
import { csvCell } from './excel-cell.js';
import { FIX_FIELDS, type FixRecord } from './model.js';
import { operationalMessages } from '../messages/operational.js';
import { messageOf } from '../messages/render.js';

// The fix list is streamed to a temp file beside the target while the check runs (a million fixes
// never sit in memory: records are formatted and written in 64 KB blocks) and renamed into place
// on commit, so a reader never sees half a list.
//
// fix_id: the first 16 hex digits of a 64-bit hash of (file name without folders, row, rule,
// column, action). The same input, pack and --as-of give the same ids in the same order; a fix
// keeps its id when other rules come and go, and when the check runs from another folder. Ids
// already issued are kept in a typed-array table (12 bytes a fix, no strings): a repeat (the same
// rule proposing two changes of one kind to one cell) or a hash collision gets `-2`, `-3` … in
// the order the records come, which is deterministic too.

export type FixListFormat = 'csv' | 'jsonl' | 'xlsx';

/** The list's format by its extension: `.csv`, `.jsonl` / `.ndjson` or `.xlsx`; a usage error (naming `option`) otherwise. */
export function fixListFormatOf(path: string, option = '--fixes'): FixListFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.xlsx') return 'xlsx';
  throw usageError(option, messageOf(operationalMessages, 'cli.bad-option-value', { value: path, expected: '*.csv, *.jsonl, *.xlsx' }));
}

export interface FixWriter {
  add(record: Omit<FixRecord, 'fix_id'>): void;
  /** Flushes and renames the temp file into place. */
  commit(): Promise<void>;
  /** Removes the temp file; the target is left as it was. */
  abort(): Promise<void>;
  /** Records added so far. */
  readonly count: number;
}

const BLOCK_CHARS = 1 << 16;
const UTF8_BOM = '\ufeff';
/** CRLF: what spreadsheets write, and RFC 4180's line break. */
const CSV_EOL = '\r\n';

/** Assigns fix ids: stable hashes, unique within one list. */
export class FixIdAssigner {
  private readonly issued = new KeyIndex();
  private readonly hash = new Hash64();

  next(record: Omit<FixRecord, 'fix_id'>): string {
    const h = this.hash.reset();
    h.text(basename(record.file));
    h.text(record.row === null ? '' : String(record.row));
    h.text(record.rule);
    h.text(record.column);
    h.text(record.action);
    const id = hex(h.hi) + hex(h.lo);
    if (this.issued.insertHash(h.hi, h.lo, 0) < 0) return id;
    for (let n = 2; ; n++) {
      const candidate = `${id}-${n}`;
      const [hi, lo] = hash64(candidate);
      if (this.issued.insertHash(hi, lo, 0) < 0) return candidate;
    }
  }
}

function hex(n: number): string {
  return n.toString(16).padStart(8, '0');
}

/** One record as a CSV line (without its line break), fields in FIX_FIELDS order. */
export function csvLine(record: FixRecord): string {
  let line = '';
  for (let i = 0; i < FIX_FIELDS.length; i++) {
    const value = record[FIX_FIELDS[i] as keyof FixRecord];
    line += (i === 0 ? '' : ',') + csvCell(value === null ? '' : String(value));
  }
  return line;
}

/** JSON keys with their quotes and colon, in FIX_FIELDS order ('{"fix_id":', ',"file":' …). */
const JSON_KEYS = FIX_FIELDS.map((field, i) => `${i === 0 ? '{' : ','}${JSON.stringify(field)}:`);

/** One record as a JSON line (without its line break), keys in FIX_FIELDS order. */
export function jsonLine(record: FixRecord): string {
  // Built piece by piece: a fresh object per record for JSON.stringify costs several times more.
  let line = '';
  for (let i = 0; i < FIX_FIELDS.length; i++) line += JSON_KEYS[i] + JSON.stringify(record[FIX_FIELDS[i] as keyof FixRecord]);
  return `${line}}`;
}

function unwritable(path: string, error: unknown): DqcError {
  return new DqcError('DQC_OUTPUT_UNWRITABLE', { path, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
}

/** Opens a fix list for writing: CSV (UTF-8 with BOM, CRLF, Excel-safe cells), JSONL (UTF-8, LF) or an Excel workbook (text cells). */
export function openFixWriter(path: string, options: { format?: FixListFormat } = {}): FixWriter {
  const format = options.format ?? fixListFormatOf(path);
  const temp = tempBeside(path);
  let fd: number;
  try {
    fd = openSync(temp, 'wx');
  } catch (error) {
    untrackTemp(temp);
    throw unwritable(path, error);
  }
  const ids = new FixIdAssigner();
  let pending: string[] = [];
  let pendingChars = 0;
  let count = 0;
  let closed = false;

  const flush = (): void => {
    if (pending.length === 0) return;
    const buffer = Buffer.from(pending.join(''), 'utf8');
    pending = [];
    pendingChars = 0;
    try {
      for (let offset = 0; offset < buffer.length; ) offset += writeSync(fd, buffer, offset);
    } catch (error) {
      discard();
      throw unwritable(path, error);
    }
  };
  const push = (text: string): void => {
    pending.push(text);
    pendingChars += text.length;
    if (pendingChars >= BLOCK_CHARS) flush();
  };
  const discard = (): void => {
    if (closed) return;
    closed = true;
    try {
      closeSync(fd);
    } finally {
      discardTemp(temp);
    }
  };

  if (format === 'csv') push(UTF8_BOM + FIX_FIELDS.join(',') + CSV_EOL);

  return {
    add(partial) {
      if (closed) throw new Error('fix list already closed');
      const record: FixRecord = { ...partial, fix_id: ids.next(partial) };
      // A workbook is made from the JSON lines once the list is whole (xlsx-list.ts): records stream
      // to disk as for the other formats, and exceljs is loaded only then.
      push(format === 'csv' ? csvLine(record) + CSV_EOL : `${jsonLine(record)}\n`);
      count++;
    },
    async commit() {
      if (closed) throw new Error('fix list already closed');
      flush();
      closed = true;
      try {
        closeSync(fd);
        if (format === 'xlsx') {
          const { writeWorkbookList } = await import('./xlsx-list.js');
          await writeWorkbookList(temp, path);
          discardTemp(temp);
          return;
        }
        renameSync(temp, path);
        untrackTemp(temp);
      } catch (error) {
        discardTemp(temp);
        if (error instanceof DqcError) throw error;
        throw unwritable(path, error);
      }
    },
    async abort() {
      discard();
    },
    get count() {
      return count;
    },
  };
}
