// npm run bench [-- --rows 1000000[,10000000] --runs 3 --modes read,csv-parse,...]: generates (and
// caches in bench/.cache, outside git) synthetic population exports, then measures each step in a
// fresh process on the same file, several runs, and prints the medians side by side with the
// ratios to the DuckDB SQL reference (and, with two sizes, how time grows from one to the other).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { populationFile } from './generate.js';

const STEPS = {
  read: 'read the file (floor)',
  'csv-parse': 'csv-parse alone (arrays, no checks)',
  'fast-csv': "dqc's CSV scanner alone (src/input/fast-csv.ts)",
  duckdb: 'DuckDB SQL: ID present/12 digits/unique, name & DOB present, freshness (2 threads)',
  'dqc-sql-checks': 'dqc check, the same 6 checks (`bench/sql-checks.pack.json`)',
  'dqc-cheap': 'dqc check, cheap row checks (`bench/cheap-pack.json`)',
  'dqc-full': 'dqc check, full `vn-population` (31 rules; threads: one per core)',
  'dqc-full-1-thread': 'dqc check, full `vn-population`, one thread (`--threads 1`)',
  'dqc-full-csv-parse': 'dqc check, full `vn-population`, csv-parse reader (`csvReader: "csv-parse"`, as `DQC_CSV_READER=csv-parse` on the command line)',
  'dqc-startup': 'dqc start-up: `node bin/dqc.js check fixtures/population-clean.csv --format json -o …` (200 rows, whole process)',
} as const;
type Mode = keyof typeof STEPS;

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '3' },
    modes: { type: 'string', default: Object.keys(STEPS).join(',') },
  },
});
const sizes = values.rows.split(',').map(Number);
const runs = Number(values.runs);
const modes = values.modes.split(',') as Mode[];
for (const mode of modes) if (!(mode in STEPS)) throw new Error(`unknown mode ${mode}; modes: ${Object.keys(STEPS).join(', ')}`);
const here = dirname(fileURLToPath(import.meta.url));
const AS_OF = '2026-11-01';

interface Measurement {
  mode: Mode;
  rows: number;
  ms: number;
  bytes: number;
  maxRssMb: number;
  detail?: Record<string, number>;
}

function measure(mode: Mode, file: string): Measurement {
  const tsx = join(here, '..', 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const out = execFileSync(process.execPath, [tsx, join(here, 'measure.ts'), mode, file, AS_OF], { encoding: 'utf8', maxBuffer: 1 << 26 });
  return JSON.parse(out.trim().split('\n').pop() as string) as Measurement;
}

/** The DuckDB reference is a package of its own (bench/duckdb), installed the first time it is needed. */
function ensureDuckdb(): void {
  const dir = join(here, 'duckdb');
  if (existsSync(join(dir, 'node_modules', '@duckdb', 'node-api'))) return;
  console.log('installing the DuckDB reference into bench/duckdb …');
  execFileSync('npm', ['install', '--prefix', dir, '--no-audit', '--no-fund', '--no-package-lock'], { stdio: 'inherit' });
}
if (modes.includes('duckdb' as Mode)) ensureDuckdb();
// The dqc modes run the built engine (dist/), as the CLI does.
if (modes.some((mode) => mode.startsWith('dqc-'))) execFileSync('npm', ['run', 'build'], { cwd: join(here, '..'), stdio: 'ignore' });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const int = (n: number) => Math.round(n).toLocaleString('en-US');

console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ` +
    `median of ${runs} runs; load average at start ${loadavg().map((l) => l.toFixed(1)).join(' ')}`,
);
// Start-up alone reads its own small fixture: no bench file is generated for it, whatever --rows.
const startupOnly = modes.every((mode) => mode === 'dqc-startup');
const medians = new Map<string, number>();
const tables: string[] = [];
for (const rows of sizes) {
  const file = startupOnly ? 'fixtures/population-clean.csv' : await populationFile(rows);
  console.log(`\n${startupOnly ? 'start-up' : `${int(rows)} rows`}: ${file}`);
  const results = new Map<Mode, { ms: number; rss: number; mb: number; detail?: Record<string, number> }>();
  for (const mode of modes) {
    // Start-up takes a fraction of a second and varies more from run to run: at least 7 runs.
    const all = Array.from({ length: mode === 'dqc-startup' ? Math.max(runs, 7) : runs }, () => measure(mode, file));
    const ms = median(all.map((r) => r.ms));
    results.set(mode, { ms, rss: median(all.map((r) => r.maxRssMb)), mb: all[0]!.bytes / 1e6, detail: all[0]!.detail });
    medians.set(`${mode}@${rows}`, ms);
    console.log(`  ${mode}: ${(ms / 1000).toFixed(2)} s (runs: ${all.map((r) => (r.ms / 1000).toFixed(2)).join(', ')})`);
  }
  const duck = results.get('duckdb')?.ms;
  const table = [
    startupOnly ? 'start-up' : `${int(rows)} rows (${([...results].find(([mode]) => mode !== 'dqc-startup')?.[1].mb ?? 0).toFixed(0)} MB)`,
    '',
    '| step | time (s) | rows/s | MB/s | peak RSS (MB) | × DuckDB time |',
    '|---|---|---|---|---|---|',
  ];
  for (const [mode, r] of results) {
    // Start-up reads a 200-row file, not this one: its time alone says something.
    if (mode === 'dqc-startup') {
      table.push(`| ${STEPS[mode]} | ${(r.ms / 1000).toFixed(2)} | – | – | – | – |`);
      continue;
    }
    const ratio = duck ? (r.ms / duck).toFixed(2) : '–';
    table.push(`| ${STEPS[mode]} | ${(r.ms / 1000).toFixed(2)} | ${int(rows / (r.ms / 1000))} | ${(r.mb / (r.ms / 1000)).toFixed(0)} | ${r.rss.toFixed(0)} | ${ratio} |`);
  }
  // Both sides of the SQL comparison, so a reader can see they looked at the same things.
  for (const mode of ['duckdb', 'dqc-sql-checks'] as const) {
    const detail = results.get(mode)?.detail;
    if (detail) table.push('', `${mode} counts: ${Object.entries(detail).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  }
  tables.push(table.join('\n'));
  if (startupOnly) break;
}
if (sizes.length > 1 && !startupOnly) {
  const [small, large] = [sizes[0] as number, sizes.at(-1) as number];
  const lines = [`time ${int(large)} / ${int(small)} rows (linear = ${large / small}):`];
  for (const mode of modes) {
    const a = medians.get(`${mode}@${small}`);
    const b = medians.get(`${mode}@${large}`);
    if (a && b) lines.push(`  ${mode}: ${(b / a).toFixed(2)}`);
  }
  tables.push(lines.join('\n'));
}
console.log(`\n${tables.join('\n\n')}`);
