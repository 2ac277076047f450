import { randomBytes } from 'node:crypto';
import { createReadStream, closeSync, openSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { AnyCheckType } from '../checks/define.js';
import { findCheckType } from '../checks/index.js';
import { DqcError, usageError } from '../errors.js';
import type { ReadOptions } from '../input/open.js';
import { openBound } from '../pack/bound-input.js';
import { type Bilingual, DEFAULT_KEY_FIELD, type Lang } from '../model.js';
import type { ResolvedPack } from '../pack/types.js';
import { fixRecordFromFinding, type FixRecord } from './model.js';
import { openFixWriter, type FixListFormat, type FixWriter } from './writer.js';
import type { Finding } from '../model.js';
import { operationalMessages } from '../messages/operational.js';
import { messageOf } from '../messages/render.js';
import { discardTemp, trackTemp } from '../shared/temp-files.js';

// `dqc check --fixes`: findings become fix records as they happen and go straight to the writer.
//
// A finding reported after its row was read (a same-person cluster, found in end()) cannot carry
// the row's key, and its value is what the check kept (a folded name), not the cell's text. Those
// records are spilled to a temp file beside the list; once the run is over, one more pass over the
// files that have any reads just their rows and fills in `key` and `current_value` (the exact text
// of the record's column), so that every record of the list names its row's key and a value that
// `dqc fix` can compare with the cell. Memory for that pass: the row numbers of those records and
// the key and named cells of their rows (about 150 bytes a row), nothing for the other rows.

type PartialRecord = Omit<FixRecord, 'fix_id'>;

/** Finding codes → message templates of every check type a pack uses. */
export function findingMessages(pack: ResolvedPack): Record<string, Bilingual> {
  const messages: Record<string, Bilingual> = {};
  for (const rule of pack.rules) {
    const checkType = findCheckType(rule.check) as AnyCheckType | undefined;
    if (!checkType) continue;
    for (const [id, text] of Object.entries(checkType.meta.messages)) messages[`${rule.check}/${id}`] = text;
  }
  return messages;
}

export interface CheckFixListOptions {
  path: string;
  format?: FixListFormat;
  lang: Lang;
  pack: ResolvedPack;
  columnOverrides?: Record<string, string>;
  /** Key field (default id_number). */
  keyField?: string;
  /** How the inputs were read, for the pass over late rows. */
  read?: ReadOptions;
}

/** Late records waiting for their row's key and cell, per file. */
interface LateFile {
  rows: Set<number>;
  columns: Set<string>;
}

export class CheckFixList {
  private readonly writer: FixWriter;
  private readonly messages: Record<string, Bilingual>;
  private readonly spillPath: string;
  private spillFd: number | null = null;
  private spillPending: string[] = [];
  private spillChars = 0;
  private readonly late = new Map<string, LateFile>();
  private lateCount = 0;

  constructor(private readonly options: CheckFixListOptions) {
    this.writer = openFixWriter(options.path, { format: options.format });
    this.messages = findingMessages(options.pack);
    this.spillPath = trackTemp(join(dirname(options.path), `.${basename(options.path)}.${randomBytes(6).toString('hex')}.late.tmp`));
  }

  /** Records written so far (late ones count once finish() has placed them). */
  get count(): number {
    return this.writer.count;
  }

  /** The RunOptions.onFinding listener. */
  readonly onFinding = (finding: Finding): void => {
    const record = fixRecordFromFinding(finding, finding.key ?? '', this.options.lang, this.messages);
    if (!record) return;
    if (finding.key !== undefined || record.row === null) {
      this.writer.add(record);
      return;
    }
    this.spill(record);
  };

  private spill(record: PartialRecord): void {
    const line = `${JSON.stringify(record)}\n`;
    this.spillPending.push(line);
    this.spillChars += line.length;
    if (this.spillChars >= 1 << 16) this.flushSpill();
    let file = this.late.get(record.file);
    if (!file) {
      file = { rows: new Set(), columns: new Set() };
      this.late.set(record.file, file);
    }
    file.rows.add(record.row as number);
    if (record.column !== '') file.columns.add(record.column);
    this.lateCount++;
  }

  private flushSpill(): void {
    if (this.spillPending.length === 0) return;
    try {
      this.spillFd ??= openSync(this.spillPath, 'wx');
      writeSync(this.spillFd, this.spillPending.join(''));
    } catch (error) {
      throw new DqcError('DQC_OUTPUT_UNWRITABLE', { path: this.options.path, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
    }
    this.spillPending = [];
    this.spillChars = 0;
  }

  /** Places the late records, then renames the list into place. */
  async finish(): Promise<void> {
    try {
      await this.placeLateRecords();
    } catch (error) {
      await this.abort();
      throw error;
    }
    await this.writer.commit();
  }

  private async placeLateRecords(): Promise<void> {
    this.flushSpill();
    if (this.spillFd !== null) {
      closeSync(this.spillFd);
      this.spillFd = null;
      const cells = new Map<string, Map<number, Map<string, string>>>();
      for (const [file, late] of this.late) cells.set(file, await this.readLateRows(file, late));
      const lines = createInterface({ input: createReadStream(this.spillPath, { encoding: 'utf8' }), crlfDelay: Infinity });
      for await (const line of lines) {
        if (line === '') continue;
        const record = JSON.parse(line) as PartialRecord;
        const row = cells.get(record.file)?.get(record.row as number);
        if (row) {
          record.key = row.get(KEY) ?? '';
          const cell = row.get(record.column);
          if (record.column !== '' && cell !== undefined) record.current_value = cell;
        }
        this.writer.add(record);
      }
      discardTemp(this.spillPath);
    }
  }

  async abort(): Promise<void> {
    if (this.spillFd !== null) closeSync(this.spillFd);
    this.spillFd = null;
    discardTemp(this.spillPath);
    await this.writer.abort();
  }

  /** The key and the named cells of the rows late records are about, in one more pass over the file. */
  private async readLateRows(path: string, late: LateFile): Promise<Map<number, Map<string, string>>> {
    const found = new Map<number, Map<string, string>>();
    const settings = { columns: this.options.pack.columns, overrides: this.options.columnOverrides, read: this.options.read };
    const { reader, fieldIndex: fields } = await openBound(path, settings, { collect: false });
    const keyIndex = fields.get(this.options.keyField ?? DEFAULT_KEY_FIELD) ?? -1;
    for await (const row of reader.rows()) {
      if (!late.rows.has(row.row)) continue;
      const cells = new Map<string, string>();
      cells.set(KEY, keyIndex < 0 ? '' : row.text(keyIndex));
      // The header can grow while a JSON file is read; look columns up as of this row.
      for (const column of late.columns) {
        const index = reader.header.indexOf(column);
        if (index >= 0) cells.set(column, row.text(index));
      }
      found.set(row.row, cells);
    }
    return found;
  }
}

/**
 * The fix list of a check run, or a usage error when `keyField` is not a field of the pack (a
 * pack without the default id_number simply gives empty keys).
 */
export function openCheckFixList(options: CheckFixListOptions): CheckFixList {
  const keyField = options.keyField;
  if (keyField !== undefined && !Object.hasOwn(options.pack.columns, keyField)) {
    const known = Object.keys(options.pack.columns).join(', ');
    throw usageError('--key', messageOf(operationalMessages, 'pack.unknown-field', { field: keyField, known }));
  }
  return new CheckFixList(options);
}

/** Map key for the row's key value: no header can be this string (it holds a NUL). */
const KEY = '\u0000key';
