import type { AnyCheckType } from '../checks/define.js';
import { findCheckType } from '../checks/index.js';
import { describeSetupError } from '../checks/support/setup-error.js';
import { DqcError } from '../errors.js';
import type { ReadOptions } from '../input/open.js';
import { openBound } from '../pack/bound-input.js';
import { inputResult } from '../report/input-result.js';
import { type Bilingual, DEFAULT_KEY_FIELD } from '../model.js';
import type { ResolvedPack } from '../pack/types.js';
import type { GateOptions } from '../report/gate.js';
import type { InputResult, RuleResult, Sample } from '../report/model.js';
import { sampleOf } from '../report/sample.js';
import { ruleFails } from '../report/score.js';
import { FillCounter } from './fill.js';
import type { SourceRow } from '../input/row.js';
import { TextBatch, type ByteBatch, type RowBatch } from '../input/row-batch.js';
import type { TableSplit } from '../input/reader.js';
import type { InputProblem } from '../input/problems.js';
import type { ReadCounts, TableReader } from '../input/reader.js';
import { BatchRules } from './batch-rules.js';
import { RuleInstance } from './rule.js';
import type { Finding } from '../model.js';

/** What every scored and gated run (dqc check, dqc reconcile) is given. */
export interface RunBasics {
  /** Files to read, in order (globs already expanded). */
  inputs: readonly string[];
  pack: ResolvedPack;
  /** `--column field=Header`. */
  columnOverrides?: Record<string, string>;
  /** The day records are judged at, days since 1970-01-01 (the report's asOf). */
  asOfDay: number;
  /** Sample findings kept per rule. */
  sampleSize: number;
  read?: ReadOptions;
  gate: GateOptions;
  /** Called now and then with the rows read so far. */
  onProgress?: (rows: number) => void;
  /** Every finding, as it happens, `key` set to its row's key value (e.g. to stream a fix list to disk). */
  onFinding?: (finding: Finding) => void;
  /** Field whose value identifies a record in findings (Finding.key); default id_number. */
  keyField?: string;
}

export interface RunOptions extends RunBasics {
  /**
   * Threads to share the rows between (row-workers.ts); default: decided from the input size and
   * the cores (threads.ts). 1 runs everything on the calling thread.
   */
  threads?: number;
  /**
   * Bytes per range when a plain CSV file is read by byte ranges (row-parallel runs); default: from
   * the file's size and the threads. Set, any file is cut, however small (tests).
   */
  rangeBytes?: number;
}

/** Where a finding was emitted in the run: the row ordinal being read, or END for end(). */
export const END_POSITION = Number.MAX_SAFE_INTEGER;

/** Receives every finding of a group run with its emission position and its rule's index in the pack. */
export type FindingSink = (finding: Finding, position: number, ruleIndex: number) => void;

/** A finding ready to go out in its turn, and whether a worker made it (its counts are then still to be taken). */
export interface OrderedFinding {
  finding: Finding;
  position: number;
  rule: number;
  remote: boolean;
  /** A main-thread finding whose samples and counts per file wait for its turn. */
  unrecorded?: true;
}

/**
 * A batch read and judged in a byte range of a file (split-reading.ts): its offsets in the file,
 * the problems found reading it, and the value-only rules' findings ([position, rule, finding]).
 */
export interface JudgedPiece {
  batch: ByteBatch;
  offsets: Float64Array;
  problems: InputProblem[];
  findings: [position: number, rule: number, finding: Finding][];
}

/** Reading a plain CSV file's data by byte ranges, or a Parquet file's row groups, every thread at once (split-reading.ts, group-reading.ts). */
export interface RangeReader {
  /** Bytes of data a file needs for it to be worth cutting. */
  readonly minBytes: number;
  /**
   * Reads the split file; each batch comes to `take` in file order, its rows, lines, problems and
   * findings numbered in the file (a finding's position: its row's number in the file).
   */
  read(split: TableSplit, file: string, keyIndex: number, bindings: { rule: number; indexes: number[]; headers: (string | null)[] }[], take: (piece: JudgedPiece) => void): Promise<ReadCounts>;
}

/** The other threads of a row-parallel run, as the run uses them (row-workers.ts). */
export interface BatchWorkers {
  onRelease(release: (findings: OrderedFinding[]) => void): void;
  runs(rule: number): boolean;
  bindFile(file: string, keyIndex: number, bindings: { rule: number; indexes: number[]; headers: (string | null)[] }[]): Promise<void>;
  readonly busy: boolean;
  judgedHere(local: HeldFinding[]): void;
  dispatch(batch: RowBatch, base: number, local: HeldFinding[]): Promise<void>;
  /** Hands on a batch's findings at once, in order: this thread's (held) and the workers' (positioned). */
  deliver(local: HeldFinding[], remote: [position: number, rule: number, finding: Finding][]): void;
  settle(): Promise<void>;
}

/** Where a run's findings go, and who else works on it. */
export interface GroupSpec {
  sink?: FindingSink;
  /** Row-parallel (batch engine): the workers that run the value-only rules over the batches. */
  workers?: BatchWorkers;
  /** Row-parallel, with workers: plain CSV files read by byte ranges, every thread at once. */
  ranges?: RangeReader;
}

/** What a run returns: a result per rule, the inputs, the rows. */
export interface GroupResult {
  results: RuleResult[];
  inputs: InputResult[];
  rows: number;
  messages: Record<string, Bilingual>;
}

const PROGRESS_EVERY = 1 << 16;
/** Rows of a reader without batches of its own gathered into one batch. */
const TEXT_BATCH_ROWS = 4096;
export interface HeldFinding {
  finding: Finding;
  position: number;
  rule: number;
  /** Not yet in its rule's samples and counts per file (row-parallel: taken when its batch's turn comes). */
  unrecorded?: true;
}

/** The row being read, so that a finding made while it is read can carry its key (Finding.key). */
interface RowCursor {
  file: string;
  row: SourceRow | null;
  /** Rows read in the run so far, over every file: the emission position of a finding. */
  ordinal: number;
  /** Cell index of the key field in this file; -1 when the file lacks it. */
  keyIndex: number;
  /** Rows read before the current batch (the batch engine). */
  base: number;
  /** Findings held while a batch runs (the batch engine), else null. */
  held: HeldFinding[] | null;
  /** Where findings go once in order. */
  sink: FindingSink | undefined;
  /**
   * Row-parallel, while the main thread judges a batch whole: the rules the workers run, whose
   * findings must reach their samples in file order, after those of earlier batches still out.
   */
  deferred: ReadonlySet<number> | null;
  /** Moves the cursor to the i-th row of a batch. */
  at: (batch: RowBatch, i: number) => void;
  /** Files read so far whose earlier rows can be read again (TableReader.reread). */
  rereaders: Map<string, (row: number) => { cells: string[]; line: number }>;
}

function newCursor(sink: FindingSink | undefined): RowCursor {
  const cursor: RowCursor = {
    file: '',
    row: null,
    ordinal: 0,
    keyIndex: -1,
    base: 0,
    held: null,
    sink,
    deferred: null,
    rereaders: new Map(),
    at: (batch, i) => {
      cursor.row = batch.source(i);
      cursor.ordinal = cursor.base + i + 1;
    },
  };
  return cursor;
}

/** The key of a finding about the row being read; undefined for one reported after its row passed. */
function keyOf(cursor: RowCursor, finding: Finding): string | undefined {
  const row = cursor.row;
  if (row === null || finding.row !== row.row || finding.file !== cursor.file) return undefined;
  return cursor.keyIndex < 0 ? '' : row.text(cursor.keyIndex);
}

/** A rule's counts in one file (RuleResult.byFile), kept beside the instance's overall counts. */
interface FileCounts {
  evaluated: number;
  failedRows: number;
  datasetFailures: number;
  findings: number;
}

interface RuleState {
  instance: RuleInstance;
  samples: Sample[];
  skipped: { file: string; missingColumns: string[] }[];
  bound: boolean;
  /** Files the rule ran on, in order, and its counts in each. */
  byFile: Map<string, FileCounts>;
  /** `file\0row` of the last failed row counted, so a row with several findings counts once. */
  lastFailed: string;
  /** A finding a worker made for this rule: counted as if the rule had made it here (row-parallel). */
  absorb(finding: Finding, position: number): void;
  /** A finding this thread's instance made and counted, whose samples and delivery waited for its turn. */
  take(finding: Finding, position: number): void;
}

function fileCounts(state: RuleState, file: string): FileCounts {
  let counts = state.byFile.get(file);
  if (!counts) {
    counts = { evaluated: 0, failedRows: 0, datasetFailures: 0, findings: 0 };
    state.byFile.set(file, counts);
  }
  return counts;
}

/** Per-file counts from a finding (not per row: findings are few). A whole-run finding counts in every file the rule ran on. */
function countFinding(state: RuleState, finding: Finding): void {
  if (finding.row === null) {
    for (const counts of state.byFile.values()) {
      counts.findings++;
      counts.datasetFailures++;
    }
    return;
  }
  const counts = fileCounts(state, finding.file);
  counts.findings++;
  const key = `${finding.file}\u0000${finding.row}`;
  if (key !== state.lastFailed) {
    state.lastFailed = key;
    counts.failedRows++;
  }
}

function createRules(options: RunOptions, messages: Record<string, Bilingual>, cursor: RowCursor, sink: FindingSink | undefined): RuleState[] {
  const columnFormats = new Map<string, string>();
  for (const [field, column] of Object.entries(options.pack.columns)) {
    if (column.format) columnFormats.set(field, column.format);
  }
  return options.pack.rules.map((rule, ruleIndex) => {
    const checkType = findCheckType(rule.check) as AnyCheckType;
    for (const [messageId, text] of Object.entries(checkType.meta.messages)) messages[`${rule.check}/${messageId}`] = text;
    const record = (finding: Finding): void => {
      countFinding(state, finding);
      if (state.samples.length < options.sampleSize) state.samples.push(sampleOf(finding));
    };
    const state: RuleState = {
      instance: undefined as unknown as RuleInstance,
      samples: [],
      skipped: [],
      bound: false,
      byFile: new Map(),
      lastFailed: '',
      absorb: (finding, position) => {
        state.instance.absorb(finding);
        record(finding);
        sink?.(finding, position, ruleIndex);
      },
      take: (finding, position) => {
        record(finding);
        sink?.(finding, position, ruleIndex);
      },
    };
    const onFinding = (finding: Finding): void => {
      if (cursor.deferred?.has(ruleIndex) && cursor.held) {
        finding.key = keyOf(cursor, finding);
        cursor.held.push({ finding, position: cursor.ordinal, rule: ruleIndex, unrecorded: true });
        return;
      }
      record(finding);
      if (sink) {
        finding.key = keyOf(cursor, finding);
        const position = cursor.row === null ? END_POSITION : cursor.ordinal;
        if (cursor.held) cursor.held.push({ finding, position, rule: ruleIndex });
        else sink(finding, position, ruleIndex);
      }
    };
    try {
      state.instance = new RuleInstance(rule, checkType, {
        asOfDay: options.asOfDay,
        threads: options.threads ?? 1,
        columnFormats,
        onFinding,
        reread: (file, row) => cursor.rereaders.get(file)?.(row) ?? null,
        rereadable: (file) => cursor.rereaders.has(file),
      });
    } catch (error) {
      const [file, pointer] = (rule.origin ?? rule.pack).split('#');
      throw new DqcError('DQC_PACK_INVALID', { file: file ?? rule.pack, count: 1 }, { file: file ?? rule.pack }, [
        { path: `${pointer ?? ''}/options`, ...describeSetupError(error, rule.check, rule.id) },
      ]);
    }
    return state;
  });
}

async function readInput(path: string, options: RunOptions, rules: readonly RuleState[], group: GroupSpec, cursor: RowCursor): Promise<InputResult> {
  const input = await openBound(path, {
    columns: options.pack.columns,
    overrides: options.columnOverrides,
    read: options.read,
    structure: options.pack.structure,
  });
  const { reader, fieldIndex } = input;
  cursor.file = path;
  if (reader.reread) cursor.rereaders.set(path, reader.reread);
  cursor.keyIndex = fieldIndex.get(options.keyField ?? DEFAULT_KEY_FIELD) ?? -1;

  const active: RuleInstance[] = [];
  const activeStates: RuleState[] = [];
  /** The bound rules: their index in the pack, their columns' indexes and headers in this file. */
  const bound: { instance: RuleInstance; rule: number; indexes: number[]; headers: (string | null)[] }[] = [];
  rules.forEach((state, rule) => {
    const indexes = state.instance.rule.columns.map((field) => fieldIndex.get(field) ?? -1);
    const headers = indexes.map((i) => (i >= 0 ? (reader.header[i] ?? null) : null));
    const ok = state.instance.bind({ file: path, indexes, headers });
    if (ok) {
      active.push(state.instance);
      activeStates.push(state);
      bound.push({ instance: state.instance, rule, indexes, headers });
      state.bound = true;
      fileCounts(state, path);
    } else {
      const required = state.instance.requiredColumns;
      state.skipped.push({
        file: path,
        missingColumns: state.instance.rule.columns.filter((_, k) => k < required && (indexes[k] ?? -1) < 0),
      });
    }
  });

  const evaluatedBefore = active.map((instance) => instance.evaluated);
  const fill = new FillCounter(reader.header.length);
  const workers = group.workers;
  const remote = workers ? bound.filter((b) => workers.runs(b.rule)) : [];
  const local = workers ? bound.filter((b) => !workers.runs(b.rule)) : bound;
  const ranges = group.ranges;
  const split = workers && ranges && reader.split ? reader.split(ranges.minBytes) : null;
  if (split && workers && ranges) await byRanges(split, ranges, workers, new BatchRules(local, cursor.at), fill, options, cursor, remote);
  else {
    if (workers) await workers.bindFile(path, cursor.keyIndex, remote.map(({ rule, indexes, headers }) => ({ rule, indexes, headers })));
    // With workers, the main thread judges a batch whole itself when they are all busy.
    const whole = workers ? new BatchRules(bound, cursor.at) : null;
    await batchByBatch(reader, new BatchRules(local, cursor.at), fill, options, group, cursor, remote, whole);
    await workers?.settle();
  }
  cursor.row = null;
  activeStates.forEach((state, i) => {
    const scope = state.instance.checkType.meta.scope;
    fileCounts(state, path).evaluated = scope === 'dataset' ? 1 : state.instance.evaluated - (evaluatedBefore[i] ?? 0);
  });

  return inputResult(input, fill.result(reader.header.length));
}

/** A reader's rows as batches: its own columnar batches, or its rows gathered up. */
async function* batchesOf(reader: TableReader): AsyncGenerator<RowBatch> {
  if (reader.columns) {
    yield* reader.columns();
    return;
  }
  if (reader.batches) {
    for await (const rows of reader.batches()) yield new TextBatch(rows);
    return;
  }
  let rows: SourceRow[] = [];
  for await (const row of reader.rows()) {
    rows.push(row);
    if (rows.length === TEXT_BATCH_ROWS) {
      yield new TextBatch(rows);
      rows = [];
    }
  }
  if (rows.length > 0) yield new TextBatch(rows);
}

/**
 * The batch engine: the rules a batch at a time (batch-rules.ts). Rules run one after the other
 * over the batch, so their findings are held until the batch is done and then handed on in the
 * order the row engine makes them: by row, then by the rule's place in the pack.
 */
async function batchByBatch(
  reader: TableReader,
  rules: BatchRules,
  fill: FillCounter,
  options: RunOptions,
  group: GroupSpec,
  cursor: RowCursor,
  remote: readonly { instance: RuleInstance; rule: number }[],
  whole: BatchRules | null,
): Promise<void> {
  const workers = group.workers;
  const remoteRules = new Set(remote.map((bound) => bound.rule));
  let nextProgress = PROGRESS_EVERY;
  for await (const batch of batchesOf(reader)) {
    cursor.base = cursor.ordinal;
    cursor.held = [];
    let held: HeldFinding[] | null;
    const here = workers !== undefined && whole !== null && workers.busy;
    if (here) cursor.deferred = remoteRules;
    try {
      (here ? whole : rules).run(batch);
    } finally {
      held = cursor.held;
      cursor.held = null;
      cursor.deferred = null;
      if (!workers) releaseInOrder(held, cursor.sink);
    }
    fill.addBatch(batch);
    if (workers && here) workers.judgedHere(held ?? []);
    else if (workers) {
      for (const { instance } of remote) instance.evaluated += batch.length;
      await workers.dispatch(batch, cursor.base, held ?? []);
    }
    cursor.ordinal = cursor.base + batch.length;
    cursor.row = null;
    if (cursor.ordinal >= nextProgress) {
      options.onProgress?.(cursor.ordinal);
      nextProgress = (Math.floor(cursor.ordinal / PROGRESS_EVERY) + 1) * PROGRESS_EVERY;
    }
  }
}

/**
 * Row-parallel, a plain CSV file read by byte ranges (split-reading.ts) or a Parquet file by row
 * groups (group-reading.ts): the threads read ranges and run the value-only rules on them; here, the batches come back in file order and the rules
 * that look across rows (`local`) run over them, as in batchByBatch.
 */
async function byRanges(
  split: TableSplit,
  ranges: RangeReader,
  workers: BatchWorkers,
  rules: BatchRules,
  fill: FillCounter,
  options: RunOptions,
  cursor: RowCursor,
  remote: readonly { instance: RuleInstance; rule: number; indexes: number[]; headers: (string | null)[] }[],
): Promise<void> {
  const fileBase = cursor.ordinal;
  let nextProgress = (Math.floor(cursor.ordinal / PROGRESS_EVERY) + 1) * PROGRESS_EVERY;
  const bindings = remote.map(({ rule, indexes, headers }) => ({ rule, indexes, headers }));
  const counts = await ranges.read(split, cursor.file, cursor.keyIndex, bindings, ({ batch, offsets, problems, findings }) => {
    for (const problem of problems) split.report(problem);
    if (split.place) for (let i = 0; i < batch.length; i++) split.place(batch.row(i), offsets[i]!, batch.line(i));
    cursor.base = cursor.ordinal;
    cursor.held = [];
    let held: HeldFinding[];
    try {
      rules.run(batch);
    } finally {
      held = cursor.held;
      cursor.held = null;
    }
    fill.addBatch(batch);
    for (const { instance } of remote) instance.evaluated += batch.length;
    for (const found of findings) found[0] += fileBase;
    workers.deliver(held, findings);
    cursor.ordinal = cursor.base + batch.length;
    cursor.row = null;
    if (cursor.ordinal >= nextProgress) {
      options.onProgress?.(cursor.ordinal);
      nextProgress = (Math.floor(cursor.ordinal / PROGRESS_EVERY) + 1) * PROGRESS_EVERY;
    }
  });
  await split.finish(counts);
}

/** Hands on the findings held during a batch by position, then rule (a stable sort keeps each rule's own order). */
function releaseInOrder(held: HeldFinding[] | null, sink: FindingSink | undefined): void {
  if (!held || held.length === 0 || !sink) return;
  held.sort((a, b) => a.position - b.position || a.rule - b.rule);
  for (const { finding, position, rule } of held) sink(finding, position, rule);
}

function ruleResult(state: RuleState): RuleResult {
  const { instance } = state;
  const { rule, checkType } = instance;
  const status = !state.bound ? 'skipped' : undefined;
  const evaluated = instance.evaluated;
  const failed = instance.failed;
  const failRate = evaluated === 0 ? 0 : failed / evaluated;
  const maxFailures = rule.maxFailures ?? null;
  const maxFailRate = rule.maxFailRate ?? null;
  return {
    id: rule.id,
    check: rule.check,
    columns: [...rule.columns],
    dimension: rule.dimension,
    severity: rule.severity,
    description: rule.description ?? checkType.meta.description,
    evaluated,
    failed,
    findings: instance.findings,
    failRate,
    failedByDimension: Object.fromEntries(
      instance.dimensions.map((d) => [d, Math.min(evaluated, instance.failedRowsByDimension.get(d) ?? 0)]),
    ),
    status: status ?? (ruleFails(failed, failRate, maxFailures, maxFailRate) ? 'failed' : 'passed'),
    threshold: { maxFailures, maxFailRate },
    skipped: state.skipped,
    byFile: [...state.byFile].map(([file, c]) => ({
      file,
      evaluated: c.evaluated,
      failed: checkType.meta.scope === 'dataset' ? Math.min(1, c.datasetFailures) : c.failedRows + c.datasetFailures,
      findings: c.findings,
    })),
    samples: state.samples,
  };
}

/**
 * Runs every rule over every input: on this thread alone, or with workers that take the
 * value-only rules of the batches handed to them (row-workers.ts).
 */
export async function runGroup(options: RunOptions, group: GroupSpec): Promise<GroupResult> {
  const messages: Record<string, Bilingual> = {};
  const cursor = newCursor(group.sink);
  const all = createRules(options, messages, cursor, group.sink);
  group.workers?.onRelease((findings) => {
    for (const { finding, position, rule, remote, unrecorded } of findings) {
      if (remote) all[rule]!.absorb(finding, position);
      else if (unrecorded) all[rule]!.take(finding, position);
      else group.sink?.(finding, position, rule);
    }
  });
  const inputs: InputResult[] = [];
  for (const path of options.inputs) inputs.push(await readInput(path, options, all, group, cursor));
  for (const state of all) if (state.bound) await state.instance.end();
  return {
    results: all.map(ruleResult),
    inputs,
    // The inputs' rows, rejected ones included (rows = checked + rejected); cursor.ordinal counts
    // only the rows the rules saw.
    rows: inputs.reduce((n, input) => n + input.rows, 0),
    messages,
  };
}
