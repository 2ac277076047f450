import type { InputProblem } from '../input/problems.js';
import type { JudgedPiece } from './run.js';

// Where the batches and problems of a range (a CSV file's byte range, a Parquet file's row group)
// stand in the file: their rows and lines counted from the range's start, moved by what came before.

/** A range's batch numbered in the file: rows and lines by what came before the range. */
export function renumbered(piece: JudgedPiece, rows: number, lines: number): JudgedPiece {
  piece.batch.renumber(rows, lines);
  for (const found of piece.findings) {
    found[0] += rows;
    const finding = found[2];
    if (finding.row !== null) finding.row += rows;
    if (finding.line !== null) finding.line += lines;
  }
  return { ...piece, problems: piece.problems.map((problem) => moved(problem, rows, lines)) };
}

export function moved(problem: InputProblem, rows: number, lines: number): InputProblem {
  const line = problem.data.line;
  return {
    ...problem,
    line: problem.line === null ? null : problem.line + lines,
    row: problem.row === null ? null : problem.row + rows,
    data: typeof line === 'number' ? { ...problem.data, line: line + lines } : problem.data,
  };
}
