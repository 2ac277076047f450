import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { DqcError, usageError } from '../errors.js';
import { DEFAULT_MAX_FIELD_SIZE } from '../input/limits.js';
import { applyCsv } from './apply-csv.js';
import { dialectOf, type DialectSettings } from '../input/dialect.js';
import { applyNdjson } from './apply-ndjson.js';
import { canWrite, createCodec } from './codec.js';
import { AtomicOutput, openFixInput, type FixInput } from './files.js';
import { applyWorkbookSheet } from './apply-workbook.js';
import { writeFixedWorkbook, type SheetEdits } from './write-workbook.js';
import { splitSheetPath } from '../input/sheet-path.js';
import { tableFileKind } from '../input/table-magic.js';
import { openBound } from '../pack/bound-input.js';
import { DEFAULT_PACK } from '../pack/config.js';
import { resolvePacks } from '../pack/resolve.js';
import type { ColumnDef } from '../pack/types.js';
import { planFixes, type FixPlan, type FixReason, type Selection } from './plan.js';
import { readFixList } from './read-list.js';
import { decideRow, entry, undone, type AuditEntry, type RowSink } from './row-fixer.js';
import { fixMessages, type FixMessageKey } from './messages.js';
import { messageOf } from '../messages/render.js';

// `dqc fix <input> --fixes <list> -o <output>`: one streaming pass over the input. Every row goes
// to the output or to the dropped-rows file (rows in = rows out + rows dropped), every fix of the
// list for this input gets one audit line (applied, conflict or skipped, with before and after),
// and the three files appear only when all is written (temp files renamed at the end). The fixes
// are held in memory, indexed by row: about 250 bytes a fix, so a few million fit.

export interface ApplyOptions {
  input: string;
  /** The fix list (.csv or .jsonl). */
  fixes: string;
  output: string;
  /** Default `<output>.audit.jsonl`. */
  audit?: string;
  /** Default `<output>.dropped<input's extension>`. */
  dropped?: string;
  onlyRules?: readonly string[];
  minConfidence?: number;
  /** Write UTF-8 (with a BOM) whatever the input's encoding. */
  utf8?: boolean;
  /** As for dqc check: the encoding of a file without BOM, the CSV delimiter. */
  encoding?: string;
  delimiter?: string;
  /** As for dqc check: quote, escape, spaces after the delimiter, header. */
  dialect?: DialectSettings;
  /** Longest row, in bytes (characters for UTF-16): as --max-field-size of dqc check. */
  maxFieldSize?: number;
  /** A workbook's sheet and header row, as for dqc check. */
  sheet?: string;
  headerRow?: number;
  /** The packs' fields: a workbook's header and date cells are read as the check read them. */
  columns?: Record<string, ColumnDef>;
}

export interface ApplyResult {
  input: string;
  output: string;
  audit: string;
  dropped: string;
  format: 'csv' | 'ndjson' | 'xlsx';
  encoding: string;
  outputEncoding: string;
  rows: { in: number; out: number; dropped: number };
  fixes: { applied: number; conflicts: number; skipped: number; otherFiles: number };
  /** A workbook written again: what it does not keep is said (styles, formulas, merges, charts). */
  workbookRewritten?: boolean;
  /** Fixes not applied, by reason. */
  reasons: Partial<Record<FixReason, number>>;
  /** The first conflicts, for a summary (all are in the audit log). */
  conflicts: AuditEntry[];
}

const CONFLICTS_KEPT = 20;
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);


function usage(path: string, key: FixMessageKey, data: Record<string, string>): DqcError {
  return usageError(path, messageOf(fixMessages, key, data));
}

function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  if (!existsSync(a) || !existsSync(b)) return false;
  const sa = statSync(a);
  const sb = statSync(b);
  return sa.ino === sb.ino && sa.dev === sb.dev;
}

/** `.csv`, `.tsv.gz` …: the input's own extension, else one for its format. */
function droppedExtension(input: FixInput): string {
  const own = /(\.(?:csv|tsv|txt|psv|tab|ndjson|jsonl|json))(\.gz)?$/i.exec(input.path);
  if (own) return own[0];
  return (input.format === 'csv' ? '.csv' : '.ndjson') + (input.compressed ? '.gz' : '');
}

function checkPaths(paths: Record<string, string>, input: string): void {
  const named = Object.entries(paths);
  for (const [option, path] of named) if (sameFile(path, input)) throw usage(option, 'fix.same-file', { option, path });
  for (let i = 0; i < named.length; i++) {
    for (let j = i + 1; j < named.length; j++) {
      if (sameFile(named[i]![1], named[j]![1])) throw usage(named[j]![0], 'fix.outputs-clash', { first: named[i]![0], second: named[j]![0] });
    }
  }
}

export async function applyFixes(options: ApplyOptions): Promise<ApplyResult> {
  if ((await tableFileKind(splitSheetPath(options.input).file)) === 'xlsx') return applyToWorkbook(options);
  const input = await openFixInput(options.input, { encoding: options.encoding, delimiter: options.delimiter });
  if (input.format === 'json') {
    throw new DqcError('DQC_FIXES_INVALID', { path: input.path }, { file: input.path }, [{ path: 'input', ...messageOf(fixMessages, 'fix.input-json-array', {}) }]);
  }
  if (!options.utf8 && !canWrite(input.encoding)) throw usage('--utf8', 'fix.cannot-write-encoding', { encoding: input.encoding });
  const audit = options.audit ?? `${options.output}.audit.jsonl`;
  const dropped = options.dropped ?? `${options.output}.dropped${droppedExtension(input)}`;
  checkPaths({ '--output': options.output, '--audit': audit, '--dropped': dropped, '--fixes': options.fixes }, input.path);

  const selection: Selection = { onlyRules: options.onlyRules, minConfidence: options.minConfidence };
  const plan = await planFixes(options.fixes, readFixList(options.fixes), input.path, selection);
  const codec = createCodec(input.encoding, options.utf8 ?? false);
  const converted = codec.outputEncoding !== input.encoding;
  const bom = converted ? (codec.outputEncoding === 'utf-8' ? UTF8_BOM : Buffer.alloc(0)) : input.bom;

  const out = new AtomicOutput(options.output, input.compressed);
  const drop = new AtomicOutput(dropped, input.compressed);
  const log = new AtomicOutput(audit, false);
  const result: ApplyResult = {
    input: input.path,
    output: options.output,
    audit,
    dropped,
    format: input.format as 'csv' | 'ndjson',
    encoding: input.encoding,
    outputEncoding: codec.outputEncoding,
    rows: { in: 0, out: 0, dropped: 0 },
    fixes: { applied: 0, conflicts: 0, skipped: 0, otherFiles: plan.otherFiles },
    reasons: {},
    conflicts: [],
  };
  const record = auditRecorder(result, log);

  try {
    if (bom.length > 0) {
      await out.write(bom);
      await drop.write(bom);
    }
    const sink = rowSink(plan, result, out, drop, record);
    const maxRecord = options.maxFieldSize ?? DEFAULT_MAX_FIELD_SIZE;
    if (input.format === 'csv') await applyCsv(input, codec, sink, maxRecord, dialectOf(options.dialect));
    else await applyNdjson(input, codec, sink, maxRecord);
    // Fixes whose row the input does not have (or that name no row).
    const left = [...plan.byRow.values()].flat().concat(plan.rowless);
    await record(left.map((fix) => undone(fix, 'row-missing')));
    if (result.rows.in !== result.rows.out + result.rows.dropped) throw new Error('row accounting broke: rows in ≠ out + dropped');
    await drop.commit();
    await log.commit();
    await out.commit();
  } catch (error) {
    await Promise.all([out.abort(), drop.abort(), log.abort()]);
    throw error;
  }
  return result;
}

/**
 * A workbook: its sheet read as the check read it (pack/bound-input.ts, the packs' fields), fixed, and
 * written as CSV (UTF-8 with BOM); dropped rows likewise.
 */
async function applyToWorkbook(options: ApplyOptions): Promise<ApplyResult> {
  const asWorkbook = /\.xlsx$/i.test(options.output);
  if (!asWorkbook && !/\.csv$/i.test(options.output)) throw usage('--output', 'fix.workbook-output', { path: options.output });
  const audit = options.audit ?? `${options.output}.audit.jsonl`;
  const dropped = options.dropped ?? `${options.output}.dropped.csv`;
  checkPaths({ '--output': options.output, '--audit': audit, '--dropped': dropped, '--fixes': options.fixes }, options.input);
  const read = { ...(options.sheet !== undefined && { sheet: options.sheet }), ...(options.headerRow !== undefined && { headerRow: options.headerRow }) };
  // The packs' fields find the header and give the date forms; without --pack, those of the pack
  // dqc check uses by default.
  const columns = options.columns ?? resolvePacks([DEFAULT_PACK]).columns;
  const { reader, path, fieldIndex } = await openBound(options.input, { columns, read }, { collect: false });
  const selection: Selection = { onlyRules: options.onlyRules, minConfidence: options.minConfidence };
  const plan = await planFixes(options.fixes, readFixList(options.fixes), path, selection);
  // A workbook output is written from the original once every fix is decided; the sheet's CSV is
  // then not needed.
  const out: Output = asWorkbook ? DISCARD : new AtomicOutput(options.output, false);
  const drop = new AtomicOutput(dropped, false);
  const log = new AtomicOutput(audit, false);
  const edits: SheetEdits = {
    sheet: reader.sheet ?? '',
    headerLine: reader.headerLine ?? 1,
    textColumns: new Set([...fieldIndex].filter(([field]) => columns[field]?.type === 'string').map(([, index]) => index)),
    changes: new Map(),
    drops: new Set(),
  };
  const result: ApplyResult = {
    ...(asWorkbook && { workbookRewritten: true }),
    input: path,
    output: options.output,
    audit,
    dropped,
    format: 'xlsx',
    encoding: 'utf-8',
    outputEncoding: 'utf-8',
    rows: { in: 0, out: 0, dropped: 0 },
    fixes: { applied: 0, conflicts: 0, skipped: 0, otherFiles: plan.otherFiles },
    reasons: {},
    conflicts: [],
  };
  const logged = auditRecorder(result, log);
  const index = new Map(reader.header.map((name, k) => [name, k]));
  const record = async (entries: AuditEntry[]): Promise<void> => {
    for (const e of entries) {
      if (e.status !== 'applied' || e.row === null) continue;
      if (e.action === 'drop_row' || e.action === 'merge_into') edits.drops.add(e.row);
      else {
        const k = index.get(e.column);
        if (k === undefined) continue;
        const row = edits.changes.get(e.row) ?? new Map<number, string>();
        row.set(k, e.after ?? '');
        edits.changes.set(e.row, row);
      }
    }
    await logged(entries);
  };
  try {
    await out.write(UTF8_BOM);
    await drop.write(UTF8_BOM);
    await applyWorkbookSheet(reader, rowSink(plan, result, out, drop, record));
    const left = [...plan.byRow.values()].flat().concat(plan.rowless);
    await record(left.map((fix) => undone(fix, 'row-missing')));
    if (result.rows.in !== result.rows.out + result.rows.dropped) throw new Error('row accounting broke: rows in ≠ out + dropped');
    await drop.commit();
    await log.commit();
    if (asWorkbook) await writeFixedWorkbook(splitSheetPath(options.input).file, edits, options.output);
    else await out.commit();
  } catch (error) {
    await Promise.all([out.abort(), drop.abort(), log.abort()]);
    throw error;
  }
  return result;
}

/** Counts each audit entry into the result and writes it to the log. */
function auditRecorder(result: ApplyResult, log: AtomicOutput): (entries: AuditEntry[]) => Promise<void> {
  return async (entries) => {
    for (const e of entries) {
      if (e.status === 'applied') result.fixes.applied++;
      else {
        if (e.status === 'conflict') {
          result.fixes.conflicts++;
          if (result.conflicts.length < CONFLICTS_KEPT) result.conflicts.push(e);
        } else result.fixes.skipped++;
        const reason = e.reason as FixReason;
        result.reasons[reason] = (result.reasons[reason] ?? 0) + 1;
      }
      await log.write(Buffer.from(`${JSON.stringify(e)}\n`, 'utf8'));
    }
  };
}

/** Where the rows go: a file, or nowhere (a workbook is written from the original instead). */
interface Output {
  write(bytes: Buffer): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

const DISCARD: Output = { write: async () => undefined, commit: async () => undefined, abort: async () => undefined };

function rowSink(
  plan: FixPlan,
  result: ApplyResult,
  out: Output,
  drop: AtomicOutput,
  record: (entries: AuditEntry[]) => Promise<void>,
): RowSink {
  return {
    between: (bytes) => out.write(bytes),
    async header(bytes) {
      await out.write(bytes);
      await drop.write(bytes);
    },
    async row(copy, cells, rewrite) {
      const row = ++result.rows.in;
      const fixes = plan.byRow.get(row);
      if (!fixes) {
        result.rows.out++;
        return out.write(copy());
      }
      plan.byRow.delete(row);
      if (!cells) {
        result.rows.out++;
        const outputRow = result.rows.out;
        await out.write(copy());
        return record(fixes.map((fix) => (fix.decided ? undone(fix, fix.decided) : { ...entry(fix, 'conflict', 'unreadable-row'), output_row: outputRow })));
      }
      const decision = decideRow(fixes, cells);
      if (decision.drop) {
        result.rows.dropped++;
        await drop.write(copy());
      } else {
        const outputRow = ++result.rows.out;
        await out.write(decision.changes.size > 0 ? rewrite(decision.changes) : copy());
        for (const e of decision.entries) e.output_row = outputRow;
      }
      await record(decision.entries);
    },
  };
}
