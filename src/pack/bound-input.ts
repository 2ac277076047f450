import { ProblemCollector } from '../input/problem-collector.js';
import { openInput, type ReadOptions } from '../input/open.js';
import type { ProblemCode, ProblemSink, ProblemSummary } from '../input/problems.js';
import type { ColumnHint, TableReader } from '../input/reader.js';
import type { SourceStats } from '../input/source.js';
import type { Severity } from '../model.js';
import { bindColumns } from './bind.js';
import type { ColumnDef, StructureSettings } from './types.js';

/** How an input is read and bound: the pack's fields, `--column` overrides, the reading options. */
export interface BindSettings {
  columns: Record<string, ColumnDef>;
  /** `--column field=Header`: field → header. */
  overrides?: Record<string, string>;
  read?: ReadOptions;
  /**
   * The packs' `structure`: report columns that bind no field and fields that no column binds, at
   * these severities. Absent: neither is reported (a reference extract of reconcile, a profile).
   */
  structure?: Required<StructureSettings>;
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

/** Problems whose severity a pack sets: the collector's summaries say the pack's severity. */
class PackedProblems extends ProblemCollector {
  constructor(private readonly severities: Partial<Record<ProblemCode, Severity>>) {
    super();
  }

  override summaries(): ProblemSummary[] {
    return super.summaries().map((summary) => {
      const severity = this.severities[summary.code];
      return severity === undefined ? summary : { ...summary, severity };
    });
  }
}

/** How many of a field's names a missing-column problem lists. */
const NAMES_SHOWN = 5;

/** The one way dqc opens an input and binds it to a pack: check, reconcile, profile and the fix list. */
export async function openBound(path: string, settings: BindSettings, options: OpenBoundOptions = {}): Promise<BoundInput> {
  const collect = options.collect ?? true;
  const structure = settings.structure;
  const problems = new PackedProblems(
    structure ? { 'header/unknown-column': severityOf(structure.unknown_columns), 'header/missing-column': severityOf(structure.missing_columns) } : {},
  );
  // Columns the reader had to name (blank or repeated headers) are reported as such already.
  const named = new Set<string>();
  const sink: ProblemSink = (problem) => {
    if ((problem.code === 'header/blank' || problem.code === 'header/duplicate') && problem.column !== null) named.add(problem.column);
    problems.add(problem);
  };
  const overrides = settings.overrides ?? {};
  // A workbook's header is the first row that binds the pack's fields (banner rows above it).
  const headerScore = (cells: readonly string[]) => bindColumns(cells, settings.columns, overrides).size;
  const { reader, stats } = await openInput(path, { ...settings.read, headerScore }, collect ? sink : () => undefined);
  const fieldIndex = bindColumns(reader.header, settings.columns, overrides);
  // A reader of typed cells writes a date cell in the form the pack declares for its field.
  if (reader.setColumnHints) {
    const hints: (ColumnHint | undefined)[] = reader.header.map(() => undefined);
    for (const [field, index] of fieldIndex) {
      const column = settings.columns[field];
      if (column) hints[index] = { ...(column.type && { type: column.type }), ...(column.format && { format: column.format }) };
    }
    reader.setColumnHints(hints);
  }
  if (collect && (options.requireBinding ?? true)) {
    for (const [field, header] of Object.entries(overrides)) {
      if (!fieldIndex.has(field)) problems.add({ code: 'header/override-missing', line: 1, row: null, column: header, data: { field, header } });
    }
    // A pack of no fields (the shipped `structure`) checks a file's structure only: it binds
    // nothing and speaks of no column.
    const declared = Object.keys(settings.columns).length > 0;
    if (declared && reader.header.length > 0 && fieldIndex.size === 0) {
      problems.add({ code: 'header/nothing-bound', line: 1, row: null, column: null, data: { columns: reader.header.slice(0, 10).join(', ') } });
    } else if (structure && declared && reader.header.length > 0) {
      if (structure.unknown_columns !== 'off') {
        const boundIndexes = new Set(fieldIndex.values());
        reader.header.forEach((name, i) => {
          if (boundIndexes.has(i) || named.has(name)) return;
          problems.add({ code: 'header/unknown-column', line: 1, row: null, column: name, data: { name, position: i + 1 } });
        });
      }
      if (structure.missing_columns !== 'off') {
        for (const [field, column] of Object.entries(settings.columns)) {
          // A --column that names a missing header is reported as that.
          if (fieldIndex.has(field) || overrides[field] !== undefined) continue;
          const all = [field, ...(column.aliases ?? []).filter((alias) => alias !== field)];
          const names = all.slice(0, NAMES_SHOWN).join(', ') + (all.length > NAMES_SHOWN ? ', …' : '');
          problems.add({ code: 'header/missing-column', line: 1, row: null, column: null, data: { field, names } });
        }
      }
    }
  }
  return { path, reader, stats, problems, fieldIndex };
}

function severityOf(setting: StructureSettings['unknown_columns']): Severity | undefined {
  return setting === undefined || setting === 'off' ? undefined : setting;
}
