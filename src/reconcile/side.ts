// One file of a reconcile run, opened and bound: where its key, compared fields and status are.

import { DqcError } from '../errors.js';
import type { ReadOptions } from '../input/open.js';
import { openBound, type BoundInput } from '../pack/bound-input.js';
import type { ResolvedPack } from '../pack/types.js';
import { COMPARED_FIELDS } from './fields.js';

/** A reconcile side's file: the input as opened and bound, and where its key, compared fields and status are. */
export interface BoundFile extends BoundInput {
  /** Column of the key; -1 only for a file without a header (an empty file). */
  key: number;
  /** Column of each compared field (COMPARED_FIELDS order), -1 when absent. */
  compared: number[];
  /** Column of the status field, -1 when absent. */
  status: number;
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
 * Opens and binds one file. Its problems are collected (not on a second reading, whose problems were
 * already reported). A file whose header binds no column to the key cannot be matched: exit code 2.
 */
export async function openSide(path: string, options: BindOptions, collect: boolean): Promise<BoundFile> {
  // As in `dqc check`: a --column naming a header the file lacks is reported, not ignored.
  const input = await openBound(path, { columns: options.pack.columns, overrides: options.overrides, read: options.read }, { collect });
  const { reader, fieldIndex } = input;
  const key = fieldIndex.get(options.keyField) ?? -1;
  if (key < 0 && reader.header.length > 0) {
    throw new DqcError(
      'DQC_KEY_NOT_BOUND',
      { file: path, field: options.keyField, columns: reader.header.slice(0, 10).join(', '), option: options.overrideOption },
      { file: path, line: 1 },
    );
  }
  return {
    ...input,
    key,
    compared: COMPARED_FIELDS.map((field) => fieldIndex.get(field) ?? -1),
    status: fieldIndex.get('status') ?? -1,
  };
}

/** The header of a column, or null. */
export function headerOf(file: BoundFile, index: number): string | null {
  return index >= 0 ? (file.reader.header[index] ?? null) : null;
}
