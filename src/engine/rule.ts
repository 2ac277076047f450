import type { AnyCheckType, CheckHooks, DatasetReport, RowLocation, RowReport, RowView } from '../checks/define.js';
import type { Dimension, Finding, MessageData, ProposedFix } from '../model.js';
import type { ResolvedRule } from '../pack/types.js';
import { ArrayRow, type SourceRow } from '../input/row.js';
import type { CellBytes } from '../shared/byte-memo.js';

export interface RuleEnvironment {
  asOfDay: number;
  /** Threads of the run (CheckContext.threads); 1 when not given. */
  threads?: number;
  columnFormats: ReadonlyMap<string, string>;
  onFinding(finding: Finding): void;
  /** The cells of an earlier row of a file read again, when the file's reader can (TableReader.reread). */
  reread?(file: string, row: number): { cells: string[]; line: number } | null;
  rereadable?(file: string): boolean;
}

/** Where the rule's columns are in the current file; -1 where a column is absent. */
export interface FileBinding {
  file: string;
  indexes: readonly number[];
  headers: readonly (string | null)[];
}

/** The RowView a rule sees: reused for every row so the hot path allocates nothing. */
class BoundRowView implements RowView {
  source!: SourceRow;
  indexes: readonly number[] = [];
  file = '';

  get row(): number {
    return this.source.row;
  }

  get line(): number {
    return this.source.line;
  }

  value(k: number): string {
    const index = this.indexes[k];
    return index === undefined || index < 0 ? '' : this.source.text(index);
  }

  get width(): number {
    return this.source.width;
  }

  cell(i: number): string {
    return this.source.text(i);
  }

  digits(k: number): number {
    const index = this.indexes[k];
    return index === undefined || index < 0 || !this.source.digits ? -1 : this.source.digits(index);
  }

  bytes(k: number, cell: CellBytes): boolean {
    const index = this.indexes[k];
    if (index === undefined || index < 0) {
      cell.bytes = NO_BYTES;
      cell.start = 0;
      cell.end = 0;
      return true;
    }
    return this.source.cellBytes ? this.source.cellBytes(index, cell) : false;
  }

  fingerprint(half: 0 | 1): number {
    return this.source.fingerprint ? this.source.fingerprint(half) : -1;
  }
}

/** The bytes of a column the file does not have: its text is ''. */
const NO_BYTES = new Uint8Array(0);

/** The row findings a value-only rule made for one value: replayed on every row with that value. */
export type Verdict = readonly RowReport<string>[];
/** The verdict of a value with no finding (one shared array, so the engine can skip such rows by identity). */
export const NO_FINDINGS: Verdict = Object.freeze([]);

/** One rule during a run: its hooks, its counters, and what it reported. */
export class RuleInstance {
  readonly hooks: CheckHooks;
  evaluated = 0;
  failedRows = 0;
  /** Rows with a finding, per dimension the findings were filed under (see MessageSpec.dimension). */
  readonly failedRowsByDimension = new Map<Dimension, number>();
  private readonly lastRowByDimension = new Map<Dimension, string>();
  datasetFailures = 0;
  findings = 0;
  private readonly view = new BoundRowView();
  private binding: FileBinding | null = null;
  private readonly bindings = new Map<string, FileBinding>();
  private lastFailedRow = -1;
  private lastFailedFile = '';
  /** Last file any row was bound in: dataset findings from end() are attributed to it. */
  private files: string[] = [];
  /** While a value-only rule judges a value for the first time: its reports, kept instead of emitted. */
  private recording: RowReport<string>[] | null = null;

  constructor(
    readonly rule: ResolvedRule,
    readonly checkType: AnyCheckType,
    private readonly env: RuleEnvironment,
  ) {
    this.hooks = checkType.create({
      options: rule.options,
      columns: rule.columns,
      asOfDay: env.asOfDay,
      threads: env.threads ?? 1,
      columnFormat: (k) => {
        const field = rule.columns[k];
        return field === undefined ? undefined : env.columnFormats.get(field);
      },
      report: (row: RowView, finding: RowReport<string>) => this.reportRow(row, finding),
      reportAt: (location: RowLocation, finding: RowReport<string>) => this.reportAt(location, finding),
      reportDataset: (finding: DatasetReport<string>) => this.reportDataset(finding),
      rereadable: (file: string) => env.rereadable?.(file) ?? false,
      reread: (location: { file: string; row: number }) => {
        const binding = this.bindings.get(location.file);
        const again = binding ? (env.reread?.(location.file, location.row) ?? null) : null;
        if (!binding || !again) return null;
        const view = new BoundRowView();
        view.source = new ArrayRow(location.row, again.line, again.cells);
        view.indexes = binding.indexes;
        view.file = location.file;
        return view;
      },
    });
  }

  /** How many of the rule's columns a file must have for the rule to run there. */
  get requiredColumns(): number {
    const { meta } = this.checkType;
    return meta.requiredColumns ? meta.requiredColumns(this.rule.options, this.rule.columns.length) : meta.columns.min;
  }

  /** Binds the rule to a file's columns; false when a column it needs (not an optional one) is absent. */
  bind(binding: FileBinding): boolean {
    this.binding = binding;
    this.bindings.set(binding.file, binding);
    this.view.indexes = binding.indexes;
    this.view.file = binding.file;
    const runs = binding.indexes.slice(0, this.requiredColumns).every((index) => index >= 0);
    if (runs && !this.files.includes(binding.file)) this.files.push(binding.file);
    return runs;
  }

  row(source: SourceRow): void {
    this.evaluated++;
    this.view.source = source;
    this.hooks.row?.(this.view);
  }

  /**
   * The row, for a value-only rule (CheckMeta.valueOnly): the check runs only when `verdicts` has
   * nothing for `key` (the row's value, or combination of values) yet; its findings are kept there
   * and repeated for every later row with the same key.
   */
  rowJudged(source: SourceRow, verdicts: { get(key: number): Verdict | undefined; set(key: number, verdict: Verdict): void } | Verdict[], key: number): void {
    this.evaluated++;
    const view = this.view;
    view.source = source;
    let verdict = Array.isArray(verdicts) ? verdicts[key] : verdicts.get(key);
    if (verdict === undefined) {
      const recording: RowReport<string>[] = (this.recording = []);
      try {
        this.hooks.row?.(view);
      } finally {
        this.recording = null;
      }
      verdict = recording.length === 0 ? NO_FINDINGS : recording;
      if (Array.isArray(verdicts)) verdicts[key] = verdict;
      else verdicts.set(key, verdict);
    }
    for (let r = 0; r < verdict.length; r++) this.reportRow(view, verdict[r]!);
  }

  /** A row finding another thread's instance of this rule made (row-parallel runs): counted here. */
  absorb(finding: Finding): void {
    this.findings++;
    this.countFailedRow(finding.file, finding.row!, finding.messageId);
  }

  async end(): Promise<void> {
    await this.hooks.end?.();
    if (this.checkType.meta.scope === 'dataset') this.evaluated = 1;
  }

  get failed(): number {
    return this.checkType.meta.scope === 'dataset' ? Math.min(1, this.datasetFailures) : this.failedRows + this.datasetFailures;
  }

  /** Counts a row as failed once, however many findings it gets (findings arrive row by row). */
  private countFailedRow(file: string, row: number, messageId: string): void {
    if (row !== this.lastFailedRow || file !== this.lastFailedFile) {
      this.failedRows++;
      this.lastFailedRow = row;
      this.lastFailedFile = file;
    }
    const dimension = this.dimensionOf(messageId);
    const rowKey = `${file}\u0000${row}`;
    if (this.lastRowByDimension.get(dimension) !== rowKey) {
      this.lastRowByDimension.set(dimension, rowKey);
      this.failedRowsByDimension.set(dimension, (this.failedRowsByDimension.get(dimension) ?? 0) + 1);
    }
  }

  private reportRow(row: RowView, report: RowReport<string>): void {
    if (this.recording !== null) {
      this.recording.push(report);
      return;
    }
    const binding = this.binding;
    const k = report.column ?? 0;
    const file = binding?.file ?? '';
    this.countFailedRow(file, row.row, report.messageId);
    this.emit({
      messageId: report.messageId,
      data: report.data ?? {},
      file,
      row: row.row,
      line: row.line,
      k,
      value: report.value ?? row.value(k),
      fix: report.fix,
    });
  }

  private reportAt(location: RowLocation, report: RowReport<string>): void {
    if (this.recording !== null) throw new Error(`${this.rule.check}: a value-only check reported about another row`);
    this.countFailedRow(location.file, location.row, report.messageId);
    const k = report.column ?? 0;
    const binding = this.bindings.get(location.file);
    this.emit({
      messageId: report.messageId,
      data: report.data ?? {},
      file: location.file,
      row: location.row,
      line: location.line,
      k,
      value: report.value ?? null,
      fix: report.fix,
      headers: binding?.headers,
    });
  }

  private reportDataset(report: DatasetReport<string>): void {
    if (this.recording !== null) throw new Error(`${this.rule.check}: a value-only check reported about the dataset from a row`);
    this.datasetFailures++;
    const dimension = this.dimensionOf(report.messageId);
    this.failedRowsByDimension.set(dimension, (this.failedRowsByDimension.get(dimension) ?? 0) + 1);
    this.emit({
      messageId: report.messageId,
      data: report.data ?? {},
      file: this.files.length === 1 ? (this.files[0] as string) : this.files.join(', '),
      row: null,
      line: null,
      k: report.column ?? null,
      value: null,
      fix: undefined,
    });
  }

  /** The dimension a message files its findings under: its own, or the rule's. */
  dimensionOf(messageId: string): Dimension {
    return this.checkType.meta.messages[messageId]?.dimension ?? this.rule.dimension;
  }

  /** Every dimension this rule can file findings under, the rule's own first. */
  get dimensions(): Dimension[] {
    const own = Object.values(this.checkType.meta.messages).flatMap((m) => (m.dimension ? [m.dimension] : []));
    return [...new Set([this.rule.dimension, ...own])];
  }

  private emit(f: {
    messageId: string;
    data: MessageData;
    file: string;
    row: number | null;
    line: number | null;
    k: number | null;
    value: string | null;
    fix: ProposedFix | undefined;
    /** Headers of the file the finding is in, when not the current one. */
    headers?: readonly (string | null)[];
  }): void {
    this.findings++;
    const field = f.k === null ? null : (this.rule.columns[f.k] ?? null);
    const column = f.k === null ? null : ((f.headers ?? this.binding?.headers)?.[f.k] ?? field);
    const finding: Finding = {
      rule: this.rule.id,
      check: this.rule.check,
      code: `${this.rule.check}/${f.messageId}`,
      messageId: f.messageId,
      data: f.data,
      severity: this.rule.severity,
      dimension: this.dimensionOf(f.messageId),
      file: f.file,
      row: f.row,
      line: f.line,
      field,
      column,
      value: f.value,
    };
    if (f.fix) finding.fix = f.fix;
    this.env.onFinding(finding);
  }
}
