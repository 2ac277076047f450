import { ProblemCollector } from '../input/problem-collector.js';
import { openInput, type ReadOptions } from '../input/open.js';
import type { TableReader } from '../input/reader.js';
import type { SourceStats } from '../input/source.js';
import { bindColumns } from './bind.js';
import type { ColumnDef } from './types.js';

/** How an input is read and bound: the pack's fields, `--column` overrides, the reading options. */
export interface BindSettings {
  columns: Record<string, ColumnDef>;
  /** `--column field=Header`: field → header. */
  overrides?: Record<string, string>;
  read?: ReadOptions;
}

/** An input opened, its header bound to the pack's fields, its problems collected as it is read. */
export interface BoundInput {
  path: string;
  reader: TableReader;
  /** Final once the reader has been read to its end. */
  stats: SourceStats;
  problems: ProblemCollector;
  /** Semantic field → column index in this file. */
  fieldIndex: Map<string, number>;
}

export interface OpenBoundOptions {
  /** False on a second reading: its problems were reported by the first. Default true. */
  collect?: boolean;
  /**
   * Report a header that binds no field, and a `--column` naming a header the file lacks: a run
   * would otherwise skip every rule quietly and pass the gate. Default true; `dqc profile`, which
   * binds by values too, says what it found instead.
   */
  requireBinding?: boolean;
}

/** The one way dqc opens an input and binds it to a pack: check, reconcile, profile and the fix list. */
export async function openBound(path: string, settings: BindSettings, options: OpenBoundOptions = {}): Promise<BoundInput> {
  const collect = options.collect ?? true;
  const problems = new ProblemCollector();
  const { reader, stats } = await openInput(path, settings.read ?? {}, collect ? problems.add : () => undefined);
  const overrides = settings.overrides ?? {};
  const fieldIndex = bindColumns(reader.header, settings.columns, overrides);
  if (collect && (options.requireBinding ?? true)) {
    for (const [field, header] of Object.entries(overrides)) {
      if (!fieldIndex.has(field)) problems.add({ code: 'header/override-missing', line: 1, row: null, column: header, data: { field, header } });
    }
    if (reader.header.length > 0 && fieldIndex.size === 0) {
      problems.add({ code: 'header/nothing-bound', line: 1, row: null, column: null, data: { columns: reader.header.slice(0, 10).join(', ') } });
    }
  }
  return { path, reader, stats, problems, fieldIndex };
}
