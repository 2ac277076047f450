// One file of a reconcile run, opened and bound: where its key, compared fields and status are.

import { ProblemCollector } from '../input/problem-collector.js';
import { DqcError } from '../errors.js';
import { boundHeaders, readFacts } from '../input/facts.js';
import { openInput, type ReadOptions } from '../input/open.js';
import type { ProblemSink } from '../input/problems.js';
import type { TableReader } from '../input/reader.js';
import type { SourceStats } from '../input/source.js';
import { bindColumns } from '../pack/bind.js';
import type { ResolvedPack } from '../pack/types.js';
import type { InputResult } from '../report/model.js';
import { COMPARED_FIELDS } from './fields.js';

export interface BoundFile {
  path: string;
  reader: TableReader;
  stats: SourceStats;
  problems: ProblemCollector;
  /** Column of the key; -1 only for a file without a header (an empty file). */
  key: number;
  /** Column of each compared field (COMPARED_FIELDS order), -1 when absent. */
  compared: number[];
  /** Column of the status field, -1 when absent. */
  status: number;
  /** Semantic field → column, for the report. */
  fieldIndex: Map<string, number>;
}

export interface BindOptions {
  pack: ResolvedPack;
  keyField: string;
  overrides: Record<string, string>;
  /** The option that binds columns of this file, for the error message. */
  overrideOption: '--column' | '--reference-column';
  read: ReadOptions;
}

/**
 * Opens and binds one file. Problems go to `sink` (null: a second reading, whose problems were
 * already reported). A file whose header binds no column to the key cannot be matched: exit code 2.
 */
export async function openBound(path: string, options: BindOptions, collect: boolean): Promise<BoundFile> {
  const problems = new ProblemCollector();
  const sink: ProblemSink = collect ? problems.add : () => undefined;
  const { reader, stats } = await openInput(path, options.read, sink);
  const fieldIndex = bindColumns(reader.header, options.pack.columns, options.overrides);
  if (collect) {
    // As in `dqc check`: a --column naming a header the file lacks is reported, not ignored.
    for (const [field, header] of Object.entries(options.overrides)) {
      if (!fieldIndex.has(field)) sink({ code: 'header/override-missing', line: 1, row: null, column: header, data: { field, header } });
    }
  }
  const key = fieldIndex.get(options.keyField) ?? -1;
  if (key < 0 && reader.header.length > 0) {
    throw new DqcError(
      'DQC_KEY_NOT_BOUND',
      { file: path, field: options.keyField, columns: reader.header.slice(0, 10).join(', '), option: options.overrideOption },
      { file: path, line: 1 },
    );
  }
  return {
    path,
    reader,
    stats,
    problems,
    key,
    compared: COMPARED_FIELDS.map((field) => fieldIndex.get(field) ?? -1),
    status: fieldIndex.get('status') ?? -1,
    fieldIndex,
  };
}

/** The report's view of a file once it has been read. */
export function inputResult(file: BoundFile): InputResult {
  const { reader, stats } = file;
  return {
    ...readFacts(file.path, reader, stats),
    columns: [...reader.header],
    bound: boundHeaders(file.fieldIndex, reader.header),
    problems: file.problems.summaries(),
  };
}

/** The header of a column, or null. */
export function headerOf(file: BoundFile, index: number): string | null {
  return index >= 0 ? (file.reader.header[index] ?? null) : null;
}
