/**
 * Edit distance with adjacent transpositions (optimal string alignment): `colunm` is one step from
 * `column`, as a person would count a slip of two fingers.
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[rows - 1]![cols - 1]!;
}

/** Farther than this, a known name is not offered: two slips at most. */
const MAX_DISTANCE = 2;

/**
 * The known name a misspelt one was most likely meant to be: case is ignored, the nearest within
 * two edits wins (the first of the known names on a tie), and a name is never offered for one that
 * shares nothing with it (`x` is not a slip of `id`).
 */
export function didYouMean(given: string, known: Iterable<string>): string | undefined {
  const lower = given.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    if (name === given) continue;
    const distance = editDistance(lower, name.toLowerCase());
    if (distance > MAX_DISTANCE || distance >= Math.max(lower.length, 1)) continue;
    if (!best || distance < best.distance) best = { name, distance };
  }
  return best?.name;
}
