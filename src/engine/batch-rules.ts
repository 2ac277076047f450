import { ByteBatch, NON_ASCII, type RowBatch } from '../input/row-batch.js';
import { ColumnDictionary } from './column-dictionary.js';
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
  verdicts: Verdict[] | Map<number, Verdict>;
}

export class BatchRules {
  private readonly plans: Plan[];
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
      return { instance, columns, verdicts: columns?.length === 1 ? [] : new Map<number, Verdict>() };
    });
  }

  /** Runs every rule over the batch; `done(r)` after rule r (its findings are out). */
  run(batch: RowBatch): void {
    this.idsOfBatch.clear();
    for (const plan of this.plans) {
      if (plan.columns === null) this.rowByRow(plan.instance, batch);
      else this.judged(plan, plan.columns, batch);
    }
  }

  private ids(column: number, batch: RowBatch): Int32Array | null {
    let ids = this.idsOfBatch.get(column);
    if (ids === undefined) {
      ids = this.dictionaries.get(column)!.idsOf(batch);
      this.idsOfBatch.set(column, ids);
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
    rows: for (let i = 0; i < batch.length; i++) {
      before(batch, i);
      let key = 0;
      let scale = 1;
      for (let k = 0; k < idLists.length; k++) {
        const ids = idLists[k];
        if (ids) {
          const id = ids[i]!;
          if (id < 0) {
            instance.row(batch.source(i));
            continue rows;
          }
          key += id * scale;
        }
        scale *= ID_BITS;
      }
      const map = verdicts as Map<number, Verdict>;
      if (map.get(key) === NO_FINDINGS) {
        instance.evaluated++;
        continue;
      }
      instance.rowJudged(batch.source(i), verdicts, key);
    }
  }
}
