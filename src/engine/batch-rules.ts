import { ByteBatch, NON_ASCII, type RowBatch } from '../input/row-batch.js';
import { ColumnDictionary } from './column-dictionary.js';
import { VerdictTable } from './verdict-table.js';
import { NO_FINDINGS, type RuleInstance, type Verdict } from './rule.js';

/**
 * The rules of one file over columnar batches, a rule at a time: a value-only rule looks each
 * row's value up in its column's dictionary and runs its check once per distinct value (or
 * combination of values, up to MEMO_COLUMNS columns); any other rule gets the rows one by one
 * through the row API. Findings come out rule after rule; the caller puts them back in row order.
 */

/** Columns a combination key is made of: ids below 2^17 (MAX_DISTINCT) each, 51 bits in all. */
const MEMO_COLUMNS = 3;
const ID_BITS = 2 ** 17;

interface Plan {
  instance: RuleInstance;
  /** File columns of a value-only rule (-1: not in the file, always ''); null for the row API. */
  columns: number[] | null;
  verdicts: Verdict[] | VerdictTable;
}

/**
 * The one-column value-only rules of one file column, judged together: a value all of them
 * judged without a finding is CLEAN, and its rows cost one array read for the whole group.
 */
interface ColumnGroup {
  column: number;
  plans: Plan[];
  /** Per value id: 0 not judged by every rule yet, CLEAN, or DIRTY (some rule has a finding). */
  states: Uint8Array;
}
const CLEAN = 1;
const DIRTY = 2;

export class BatchRules {
  private readonly plans: Plan[];
  /** The plans run one by one: the row API, and value-only rules of several columns. */
  private readonly others: Plan[];
  private readonly groups: ColumnGroup[] = [];
  private readonly textColumns: number[];
  private readonly dictionaries = new Map<number, ColumnDictionary>();
  /** ids of each column for the batch being run (null: the column is not looked up). */
  private idsOfBatch = new Map<number, Int32Array | null>();

  /**
   * `active`: the rules bound to this file, in pack order, with their columns' indexes in it.
   * `before(i)` is called before a rule looks at the batch's i-th row (the engine's cursor).
   */
  constructor(
    active: readonly { instance: RuleInstance; indexes: readonly number[] }[],
    private readonly before: (batch: RowBatch, i: number) => void,
  ) {
    this.plans = active.map(({ instance, indexes }) => {
      const memo = instance.checkType.meta.valueOnly === true && indexes.length <= MEMO_COLUMNS && indexes.some((c) => c >= 0);
      const columns = memo ? [...indexes] : null;
      for (const column of columns ?? []) if (column >= 0 && !this.dictionaries.has(column)) this.dictionaries.set(column, new ColumnDictionary(column));
      return { instance, columns, verdicts: columns?.length === 1 ? [] : new VerdictTable() };
    });
    this.others = [];
    // Columns the row-API rules read that have a dictionary (for the value-only rules) or are worth
    // one: one-column rules keeping state (freshness on a date, fill rates) read texts that repeat.
    for (const { instance, indexes } of active) {
      if (instance.checkType.meta.valueOnly || indexes.length !== 1) continue;
      const column = indexes[0]!;
      if (column >= 0 && !this.dictionaries.has(column)) this.dictionaries.set(column, new ColumnDictionary(column));
    }
    this.textColumns = [...this.dictionaries.keys()];
    for (const plan of this.plans) {
      const column = plan.columns?.length === 1 ? plan.columns[0]! : -1;
      if (column < 0) {
        this.others.push(plan);
        continue;
      }
      let group = this.groups.find((g) => g.column === column);
      if (!group) this.groups.push((group = { column, plans: [], states: new Uint8Array(1024) }));
      group.plans.push(plan);
    }
  }

  /** Runs every rule over the batch; `done(r)` after rule r (its findings are out). */
  run(batch: RowBatch): void {
    this.idsOfBatch.clear();
    for (const group of this.groups) this.groupJudged(group, batch);
    // Rules on the row API read texts too: a column with a dictionary gives them its decoded values.
    for (const column of this.textColumns) this.ids(column, batch);
    for (const plan of this.others) {
      if (plan.columns === null) this.rowByRow(plan.instance, batch);
      else this.judged(plan, plan.columns, batch);
    }
  }

  /** A column's one-column rules over the batch: rows with a CLEAN value are only counted. */
  private groupJudged(group: ColumnGroup, batch: RowBatch): void {
    const ids = this.ids(group.column, batch);
    if (ids === null) {
      for (const plan of group.plans) this.rowByRow(plan.instance, batch, group.column);
      return;
    }
    const before = this.before;
    const plans = group.plans;
    const column = group.column;
    let skipped = 0;
    for (let i = 0; i < batch.length; i++) {
      const id = ids[i]!;
      if (id >= 0) {
        if (id >= group.states.length) {
          const grown = new Uint8Array(Math.max(id + 1, group.states.length * 2));
          grown.set(group.states);
          group.states = grown;
        }
        if (group.states[id] === CLEAN) {
          skipped++;
          continue;
        }
      }
      before(batch, i);
      let clean = true;
      for (let p = 0; p < plans.length; p++) {
        const { instance, verdicts } = plans[p]!;
        if (id < 0) {
          // A value past a full dictionary (names at national scale): the byte fast path first.
          if (passesCell(instance, batch, i, column)) instance.evaluated++;
          else instance.row(batch.source(i));
          continue;
        }
        instance.rowJudged(batch.source(i), verdicts, id);
        if ((verdicts as Verdict[])[id] !== NO_FINDINGS) clean = false;
      }
      if (id >= 0) group.states[id] = clean ? CLEAN : DIRTY;
    }
    for (const { instance } of plans) instance.evaluated += skipped;
  }

  private ids(column: number, batch: RowBatch): Int32Array | null {
    let ids = this.idsOfBatch.get(column);
    if (ids === undefined) {
      const dictionary = this.dictionaries.get(column)!;
      ids = dictionary.idsOf(batch);
      this.idsOfBatch.set(column, ids);
      if (ids && batch instanceof ByteBatch) batch.useTexts(column, ids, dictionary);
    }
    return ids;
  }

  private rowByRow(instance: RuleInstance, batch: RowBatch, column = -1): void {
    const before = this.before;
    const passes = instance.hooks.passes;
    if (passes && column >= 0 && batch instanceof ByteBatch) {
      // The check's byte fast path: most cells pass on their bytes and are never decoded.
      const { kinds, starts, ends, first, widths } = batch.cellArrays();
      const bytes = batch.bytes;
      const raw = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
      for (let i = 0; i < batch.length; i++) {
        if (column < widths[i]!) {
          const c = first[i]! + column;
          if ((kinds[c]! & ~NON_ASCII) === 0 && passes(raw, starts[c]!, ends[c]!)) {
            instance.evaluated++;
            continue;
          }
        }
        before(batch, i);
        instance.row(batch.source(i));
      }
      return;
    }
    for (let i = 0; i < batch.length; i++) {
      before(batch, i);
      instance.row(batch.source(i));
    }
  }

  private judged(plan: Plan, columns: number[], batch: RowBatch): void {
    const { instance, verdicts } = plan;
    const before = this.before;
    if (columns.length === 1) {
      const ids = this.ids(columns[0]!, batch);
      if (ids === null) return this.rowByRow(instance, batch, columns[0]!);
      const known = verdicts as Verdict[];
      for (let i = 0; i < batch.length; i++) {
        const id = ids[i]!;
        // Most rows: a value already judged, without findings; only its count is kept.
        if (id >= 0 && known[id] === NO_FINDINGS) {
          instance.evaluated++;
          continue;
        }
        if (id < 0 && passesCell(instance, batch, i, columns[0]!)) {
          instance.evaluated++;
          continue;
        }
        before(batch, i);
        if (id < 0) instance.row(batch.source(i));
        else instance.rowJudged(batch.source(i), verdicts, id);
      }
      return;
    }
    const idLists: (Int32Array | null)[] = [];
    for (const column of columns) {
      if (column < 0) idLists.push(null);
      else {
        const ids = this.ids(column, batch);
        if (ids === null) return this.rowByRow(instance, batch);
        idLists.push(ids);
      }
    }
    const map = verdicts as VerdictTable;
    rows: for (let i = 0; i < batch.length; i++) {
      let key = 0;
      let scale = 1;
      for (let k = 0; k < idLists.length; k++) {
        const ids = idLists[k];
        if (ids) {
          const id = ids[i]!;
          if (id < 0) {
            before(batch, i);
            instance.row(batch.source(i));
            continue rows;
          }
          key += id * scale;
        }
        scale *= ID_BITS;
      }
      if (map.get(key) === NO_FINDINGS) {
        instance.evaluated++;
        continue;
      }
      before(batch, i);
      instance.rowJudged(batch.source(i), verdicts, key);
    }
  }
}

/** Whether the rule's byte fast path passes the cell of row i in `column` (a plain cell of a byte batch only). */
function passesCell(instance: RuleInstance, batch: RowBatch, i: number, column: number): boolean {
  const passes = instance.hooks.passes;
  if (!passes || !(batch instanceof ByteBatch) || (batch.cellShape(i, column) & ~NON_ASCII) !== 0) return false;
  return column >= batch.width(i) ? passes(batch.bytes, 0, 0) : passes(batch.bytes, batch.cellStart(i, column), batch.cellEnd(i, column));
}
