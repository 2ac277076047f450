// npx tsx bench/key-index.ts [N] (default 10,000,000): the duplicate-key table against a Set<string>.
// Inserts N distinct 12-digit IDs, then N/100 repeats of earlier ones, and prints ns per insert and
// the memory each structure holds. Also runs the `unique` check itself on the same IDs, row by row.
// Numbers vary ±15% between runs on a busy 2-core machine: run it twice.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import unique from '../src/checks/unique.js';
import { KeyIndex } from '../src/dedupe/key-index.js';
import { ArrayRow } from '../src/input/row.js';
import { RuleInstance } from '../src/engine/rule.js';

setFlagsFromString('--expose-gc');
const fullGc = runInNewContext('gc') as () => void;
/** A full GC, then a pause: V8 frees ArrayBuffer memory on a background sweeper. */
async function gc(): Promise<void> {
  fullGc();
  await new Promise((resolve) => setTimeout(resolve, 300));
  fullGc();
}

const n = Number(process.argv[2] ?? 10_000_000);
const repeats = Math.floor(n / 100);
const SET_LIMIT = 16_777_216; // V8's Set/Map entry limit
const MB = 2 ** 20;

/** i-th distinct 12-digit ID: a permutation of 10^11 … 10^12 − 1, so no two collide. */
function id(i: number): number {
  return 100_000_000_000 + ((i * 9973) % 900_000_000_000);
}

function ns(start: bigint, count: number): number {
  return Number(process.hrtime.bigint() - start) / count;
}

const results: Record<string, string | number>[] = [];

// KeyIndex, numeric keys, with 0 and 2 fingerprints (2 is what `unique` keeps on a one-column rule).
const ids = new Float64Array(n);
for (let i = 0; i < n; i++) ids[i] = id(i);

for (const fingerprints of [0, 2]) {
  await gc();
  const index = new KeyIndex({ fingerprints });
  const fp = new Uint32Array([1, 2]);
  let found = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) index.insertNumber(ids[i]!, i + 1, fp);
  for (let r = 0; r < repeats; r++) if (index.insertNumber(ids[r * 97]!, n + r + 1, fp) >= 0) found++;
  const perInsert = ns(start, n + repeats);
  if (found !== repeats || index.size !== n) throw new Error('KeyIndex lost a key');
  results.push({
    structure: `KeyIndex F=${fingerprints}`,
    'ns/insert': Math.round(perInsert),
    'MB held': Math.round(index.bytes / MB),
    'B/key': Math.round(index.bytes / n),
    slots: index.capacity,
  });
}

// Set<string> of the same IDs as text, as the old check kept them, up to V8's limit. The strings
// count: a reader allocates them anyway, but a Set keeps every one alive.
{
  const m = Math.min(n, SET_LIMIT - 1);
  await gc();
  const heap0 = process.memoryUsage().heapUsed;
  const texts = Array.from({ length: m }, (_, i) => String(id(i)));
  await gc();
  const heap1 = process.memoryUsage().heapUsed;
  const set = new Set<string>();
  let found = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < m; i++) set.add(texts[i]!);
  const reps = Math.floor(m / 100);
  for (let r = 0; r < reps; r++) if (set.has(texts[r * 97]!)) found++;
  const perInsert = ns(start, m + reps);
  await gc();
  const table = process.memoryUsage().heapUsed - heap1;
  const strings = heap1 - heap0 - 8 * m; // minus the array that points at them
  if (found !== reps || set.size !== m) throw new Error('Set lost a key');
  results.push({
    structure: `Set<string>${m < n ? ` (capped at ${m})` : ''}`,
    'ns/insert': Math.round(perInsert),
    'MB held': Math.round((table + strings) / MB),
    'B/key': Math.round((table + strings) / m),
    slots: `table ${Math.round(table / MB)} MB + strings ${Math.round(strings / MB)} MB`,
  });
}

// The `unique` check on one id_number column: numeric key, raw and normalised row fingerprints.
{
  let findings = 0;
  const rule = new RuleInstance(
    { id: 'id-unique', check: 'unique', columns: ['id_number'], options: { ignore_case: false }, severity: 'error', dimension: 'clean', pack: 'bench' },
    unique,
    { asOfDay: 0, columnFormats: new Map(), onFinding: () => findings++ },
  );
  rule.bind({ file: 'bench.csv', indexes: [0], headers: ['id_number'] });
  const cells = ['', 'Nguyễn Văn An', '15/06/1990', 'Nam', 'Kinh', 'Hà Nội'];
  const row = new ArrayRow(0, 0, cells) as ArrayRow & { row: number };
  // The ID strings are made before timing: a reader hands the check text it already decoded.
  const texts = Array.from({ length: n }, (_, i) => String(ids[i]));
  await gc();
  const before = process.memoryUsage();
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    cells[0] = texts[i]!;
    row.row = i + 1;
    rule.row(row);
  }
  for (let r = 0; r < repeats; r++) {
    cells[0] = texts[r * 97]!;
    row.row = n + r + 1;
    rule.row(row);
  }
  const perRow = ns(start, n + repeats);
  await gc();
  const after = process.memoryUsage();
  if (findings !== repeats) throw new Error(`unique found ${findings} of ${repeats} repeats`);
  results.push({
    structure: 'unique check, 6-cell rows',
    'ns/insert': Math.round(perRow),
    'MB held': Math.round((after.arrayBuffers - before.arrayBuffers) / MB),
    'B/key': Math.round((after.arrayBuffers - before.arrayBuffers) / n),
    slots: `${Math.round(perRow * (n + repeats) / 1e6)} ms in all`,
  });
  if (rule.evaluated !== n + repeats) throw new Error('rule lost rows');
}

console.log(`N = ${n.toLocaleString('en')} distinct 12-digit IDs + ${repeats.toLocaleString('en')} repeats; Node ${process.version}`);
console.table(results);
