import type { Bilingual, Dimension, MessageData, ProposedFix } from '../model.js';
import type { CellBytes } from '../shared/byte-memo.js';

/**
 * What a check sees of one row: the text of the rule's own columns, by position in the rule's
 * `columns` list. The engine reuses one view per rule, so a check must not keep it past the hook.
 */
export interface RowView {
  /** The input file the row comes from, as the user named it. */
  readonly file: string;
  /** 1-based data row (the header is not a row). */
  readonly row: number;
  /** Physical line where the row starts (1-based, the header is line 1 in CSV). */
  readonly line: number;
  /** Text of the rule's k-th column; '' when the cell is missing or empty. */
  value(k: number): string;
  /** Number of cells of the whole source row (every column of the file, not only the rule's). */
  readonly width: number;
  /** Text of the i-th cell of the whole source row, for checks that compare whole rows (duplicates). */
  cell(i: number): string;
  /**
   * The numeric key (shared/numeric-key.ts `digitsKey`) of the k-th column's value when it is 1–15
   * ASCII digits as they stand, read from the bytes without making a string; -1 otherwise (or when
   * the row has no bytes): then read value(k).
   */
  digits?(k: number): number;
  /**
   * Where the k-th column's text lies as UTF-8, when it is exactly the bytes the row was read from
   * (most cells of a UTF-8 CSV file): sets `cell` and returns true, without making a string; false
   * otherwise (a quoted cell with `""` in it, a row read as text): then read value(k). For a memo
   * keyed by bytes (shared/byte-memo.ts, checks/support/cell-memo.ts).
   */
  bytes?(k: number, cell: CellBytes): boolean;
  /**
   * The row's fingerprint a worker thread made as it read the row (dedupe/row-fingerprint.ts, the
   * row's own number read as empty): half 0 raw, 1 normalised; -1 when none was made.
   */
  fingerprint?(half: 0 | 1): number;
}

export interface RowLocation {
  file: string;
  row: number;
  line: number;
}

export interface RowReport<M extends string> {
  messageId: M;
  data?: MessageData;
  /** Which of the rule's columns the finding is about (default 0). */
  column?: number;
  /** The offending value (default: the text of `column`). */
  value?: string;
  fix?: ProposedFix;
}

export interface DatasetReport<M extends string> {
  messageId: M;
  data?: MessageData;
  /** Which of the rule's columns, when the finding is about one. */
  column?: number;
}

export interface CheckContext<O, M extends string> {
  /** Defaults merged with the rule's options, validated against meta.schema, frozen. */
  readonly options: Readonly<O>;
  /** Semantic field names the rule names, in order; k in RowView.value(k) indexes this list. */
  readonly columns: readonly string[];
  /** The date format the pack declares for the k-th column (`columns.<field>.format`), if any. */
  columnFormat(k: number): string | undefined;
  /** The day the data is judged at (`--as-of`), as days since 1970-01-01 (UTC). */
  readonly asOfDay: number;
  /**
   * Threads the run may use (`--threads`; 1 on one thread): what end() may spread work it can split
   * over, once the rows are read and the run's other threads are idle.
   */
  readonly threads: number;
  report(row: RowView, finding: RowReport<M>): void;
  /**
   * A finding about a row seen earlier, from end() (e.g. a duplicate found once all rows are in).
   * The check keeps the location (file, row, line) of the rows it may report; `value` defaults to null.
   */
  reportAt(location: RowLocation, finding: RowReport<M>): void;
  reportDataset(finding: DatasetReport<M>): void;
  /**
   * An earlier row of a file, read again from the file (the rule's columns as in `row`), for the
   * rare row a check must see again (the first row of a repeated key) instead of keeping what every
   * row looks like. Null when the file cannot be read again (gzip, a stream, JSON, another reader):
   * the check must then keep what it needs as the rows pass (rereadable tells in advance). For
   * reading only: report about it with reportAt (its file, row and line).
   */
  reread(location: { file: string; row: number }): RowView | null;
  /** Whether reread works for the rows of this file. */
  rereadable(file: string): boolean;
}

export interface CheckHooks {
  row?(row: RowView): void;
  /**
   * A byte fast path for a value-only check of one column: true when a cell whose text is exactly
   * the UTF-8 bytes bytes[start, end) certainly gets no finding, so that the engine need not make a
   * string of it; false when the check must see the text (row() then decides, and reports).
   */
  passes?(bytes: Uint8Array, start: number, end: number): boolean;
  /** Called once after the last row of the last input; aggregate checks report here (and may wait for I/O). */
  end?(): void | Promise<void>;
}

/**
 * A message template in both languages. `dimension` files its findings under another dimension
 * than the rule's: a pre-2018 11-digit phone number is a Sống (alive) finding of a phone rule whose
 * other findings are Đúng (true).
 */
export interface MessageSpec extends Bilingual {
  dimension?: Dimension;
}

export interface CheckMeta<O, M extends string> {
  id: string;
  dimension: Dimension;
  /** `row`: evaluated once per row (fail rate = failed rows / rows). `dataset`: one verdict for the whole input. */
  scope: 'row' | 'dataset';
  /**
   * How many columns a rule of this type names: the first `min` must exist in a file for the rule to
   * run there; the others are optional (cross-checks) and read as '' where a file lacks them.
   */
  columns: { min: number; max: number };
  /**
   * How many of a rule's columns must exist for it to run, when that depends on its options (e.g.
   * every key column of `unique`); `columns.min` otherwise.
   */
  requiredColumns?: (options: O, columnCount: number) => number;
  /**
   * The findings of a row depend on the values of the rule's columns alone (and the options): row()
   * keeps no state between rows and reports only through `report`. The engine then judges each
   * distinct value (or combination of values) once and repeats its findings on every row that has
   * it (engine/value-memo.ts): sex, dates, provinces and ethnic groups repeat on most rows.
   */
  valueOnly?: boolean;
  /**
   * The rule fingerprints whole rows (RowView.fingerprint) of files it cannot read again: the
   * threads that read such a file make them as they read it, off the main thread.
   */
  fingerprintsRows?: boolean;
  description: Bilingual;
  /** JSON Schema of the options object (ajv, strict; unknown keys must be rejected). */
  schema: Record<string, unknown>;
  defaults: O;
  messages: Record<M, MessageSpec>;
  fixable: boolean;
  /**
   * Options that name a file (a code list, same-person's `model` and `save_model`): a relative path
   * is taken from the directory of the pack file that sets the option, as `extends` is
   * (pack/resolve.ts), so a pack and its files travel together; an override in a child pack is
   * taken from the child's.
   */
  pathOptions?: readonly (keyof O & string)[];
}

export interface CheckType<O = unknown, M extends string = string> {
  meta: CheckMeta<O, M>;
  create(context: CheckContext<O, M>): CheckHooks;
}

// Type-erased form for registries: a check type is only ever called with its own context.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCheckType = CheckType<any, string>;

/** Identity at run time; at compile time it ties message ids in `create` to `meta.messages`. */
export function defineCheckType<O, M extends string>(checkType: CheckType<O, M>): CheckType<O, M> {
  return checkType;
}
