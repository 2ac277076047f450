import type { AnyCheckType } from '../checks/define.js';
import { findCheckType } from '../checks/index.js';
import { readRange, type RangeEnd } from '../input/csv-range.js';
import type { ParquetGroups } from '../input/parquet-groups.js';
import type { ParquetRangeSpec, RangeSpec } from '../input/reader.js';
import { ByteBatch, type RowBatch } from '../input/row-batch.js';
import type { SourceRow } from '../input/row.js';
import type { Finding } from '../model.js';
import { rowFingerprints } from '../dedupe/row-fingerprint.js';
import { BatchRules } from './batch-rules.js';
import { RuleInstance } from './rule.js';
import type { PositionedFinding, RuleBinding, WorkerRunOptions } from './row-protocol.js';
import type { JudgedPiece } from './run.js';

/**
 * The value-only rules of a pack, judged apart from the run's own instances: what each thread of
 * a row-parallel run does with the batches it is given or the byte ranges it reads (row-worker.ts
 * in the workers, split-reading.ts on the main thread). Findings come out with their row position
 * in what was judged, their rule's index and their key, to be counted in file order by the run.
 */
export class ValueJudge {
  private found: PositionedFinding[] = [];
  private file = '';
  private keyIndex = -1;
  private row: SourceRow | null = null;
  private position = 0;
  private base = 0;
  private readonly instances = new Map<number, RuleInstance>();
  private rules: BatchRules | null = null;
  private range: RangeSpec | null = null;
  private groups: ParquetGroups | null = null;
  private parquet: ParquetRangeSpec | null = null;

  /** Whether a rule of the pack fingerprints whole rows: a Parquet group's rows then are, here. */
  private readonly printsWanted: boolean;

  constructor(options: WorkerRunOptions, rules: readonly number[]) {
    this.printsWanted = options.pack.rules.some((rule) => findCheckType(rule.check)?.meta.fingerprintsRows === true);
    const columnFormats = new Map<string, string>();
    for (const [field, column] of Object.entries(options.pack.columns)) if (column.format) columnFormats.set(field, column.format);
    for (const index of rules) {
      const rule = options.pack.rules[index]!;
      const onFinding = (finding: Finding): void => {
        const row = this.row;
        if (row !== null && finding.row === row.row && finding.file === this.file) finding.key = this.keyIndex < 0 ? '' : row.text(this.keyIndex);
        this.found.push([this.position, index, finding]);
      };
      this.instances.set(index, new RuleInstance(rule, findCheckType(rule.check) as AnyCheckType, { asOfDay: options.asOfDay, columnFormats, onFinding }));
    }
  }

  /** The batches that follow are of this file (and its ranges, when it is read by ranges). */
  bindFile(file: string, keyIndex: number, bindings: readonly RuleBinding[], range: RangeSpec | ParquetRangeSpec | null): void {
    this.file = file;
    this.keyIndex = keyIndex;
    const parquet = range && 'kind' in range && range.kind === 'parquet' ? range : null;
    this.range = parquet ? null : (range as RangeSpec | null);
    this.parquet = parquet;
    this.groups = null;
    const bound = bindings.map(({ rule, indexes, headers }) => {
      const instance = this.instances.get(rule)!;
      instance.bind({ file, indexes, headers });
      return { instance, indexes };
    });
    this.rules = new BatchRules(bound, (batch, i) => {
      this.row = batch.source(i);
      this.position = this.base + i + 1;
    });
  }

  /** The findings of a batch whose first row is at position base + 1. */
  judge(batch: RowBatch, base: number): PositionedFinding[] {
    this.base = base;
    this.found = [];
    this.rules!.run(batch);
    this.row = null;
    // The batch may be kept (a range read here waits for its turn) while the dictionaries go on.
    if (batch instanceof ByteBatch) batch.forgetTexts();
    return this.found;
  }

  /** Whether the bound file is read by row groups (judgeGroup) rather than byte ranges. */
  get readsGroups(): boolean {
    return this.parquet !== null;
  }

  /** Reads row group `group` of the bound Parquet file (input/parquet-groups.ts) and judges each batch as it is made. */
  async *judgeGroup(group: number): AsyncGenerator<JudgedPiece, RangeEnd> {
    // hyparquet is loaded only when a Parquet file is read.
    this.groups ??= new (await import('../input/parquet-groups.js')).ParquetGroups(this.parquet!);
    let rows = 0;
    // A Parquet row cannot be read again: the rules that fingerprint rows would hash each on the
    // main thread as it passes. Made here, from the texts as they are written.
    const pieces = this.groups.read(group, this.printsWanted ? rowFingerprints : undefined);
    for (let next = await pieces.next(); ; next = await pieces.next()) {
      if (next.done) return next.value;
      const { batch, offsets, problems } = next.value;
      const findings = this.judge(batch, rows);
      rows += batch.length;
      yield { batch, offsets, problems, findings };
    }
  }

  /**
   * Reads a byte range of the bound file (csv-range.ts readRange) and judges each batch as it is
   * read; rows, lines and positions count from 0 at `from`. `keep`: as readRange's.
   */
  *judgeRange(from: number, stops: readonly number[], keep = true): Generator<JudgedPiece, RangeEnd> {
    let rows = 0;
    const pieces = readRange(this.range!, from, stops, keep);
    for (let next = pieces.next(); ; next = pieces.next()) {
      if (next.done) return next.value;
      const { batch, offsets, problems } = next.value;
      const findings = this.judge(batch, rows);
      rows += batch.length;
      yield { batch, offsets, problems, findings };
    }
  }
}
