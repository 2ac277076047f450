// npm run bench [-- --rows 1000000[,10000000] --runs 5 --modes read,csv-parse,... --keys 100000000]:
// generates (and caches in bench/.cache, outside git, streaming) synthetic population exports, then
// measures each step in a fresh process on the same file, several runs, and prints the medians side
// by side with the ratios to the DuckDB SQL reference (and, with two sizes, how time grows from one
// to the other). Two modes need no bench file and are measured once whatever --rows says: `startup`
// (the CLI on the 200-row fixture) and `unique-100m` (--keys synthetic IDs through `unique`'s
// repeat finder; off by default: about a minute a run). Under the tables, each target of issue 15
// with this run's figure and whether it was met. The 10M target needs both sizes, e.g.
// `npm run bench -- --rows 1000000,10000000 --runs 1 --modes duckdb,dqc-sql-checks,dqc-full` (the 10M
// file is 2.4 GB, generated once, streaming); the 100M keys: `--modes unique-100m` (`--keys` to change N).
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
  'dqc-full': 'dqc check, full `vn-population` (threads: one per core)',
  'dqc-full-1-thread': 'dqc check, full `vn-population`, one thread (`--threads 1`)',
  'dqc-full-4-threads': 'dqc check, full `vn-population`, four threads (`--threads 4`)',
  'dqc-full-csv-parse': 'dqc check, full `vn-population`, csv-parse reader (`csvReader: "csv-parse"`, as `DQC_CSV_READER=csv-parse` on the command line)',
  startup: 'start-up: the whole `dqc check fixtures/population-clean.csv --format json -o …` process (200 rows)',
  'unique-100m': 'synthetic 12-digit IDs through `unique`\'s repeat finder (`bench/unique-keys.ts`, no file)',
} as const;
type Mode = keyof typeof STEPS;
/** Modes that do not read the bench file: measured once, whatever the sizes. */
const FILELESS: readonly Mode[] = ['startup', 'unique-100m'];
/** Off unless asked for: a run of 100M keys takes about a minute. */
const NOT_BY_DEFAULT: readonly Mode[] = ['unique-100m'];
const STARTUP_FILE = fileURLToPath(new URL('../fixtures/population-clean.csv', import.meta.url));

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '5' },
    modes: { type: 'string', default: (Object.keys(STEPS) as Mode[]).filter((m) => !NOT_BY_DEFAULT.includes(m)).join(',') },
    keys: { type: 'string', default: '100000000' },
  },
});
const sizes = values.rows.split(',').map(Number);
const runs = Number(values.runs);
const keys = Number(values.keys);
const modes = values.modes.split(',') as Mode[];
for (const mode of modes) if (!(mode in STEPS)) throw new Error(`unknown mode ${mode}; modes: ${Object.keys(STEPS).join(', ')}`);
if (!sizes.every((n) => Number.isInteger(n) && n > 0) || !(runs >= 1) || !(Number.isInteger(keys) && keys > 0)) {
  throw new Error('--rows, --runs and --keys take positive whole numbers');
}
const fileModes = modes.filter((m) => !FILELESS.includes(m));
const filelessModes = modes.filter((m) => FILELESS.includes(m));
const here = dirname(fileURLToPath(import.meta.url));
const AS_OF = '2026-11-01';

interface Measurement {
  mode: Mode;
  rows: number;
  ms: number;
  bytes: number;
  maxRssMb: number | null;
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
if (modes.includes('duckdb')) ensureDuckdb();
// The dqc modes and the start-up run the built engine (dist/), as the CLI does.
if (modes.some((mode) => mode.startsWith('dqc-') || mode === 'startup')) {
  execFileSync('npm', ['run', 'build'], { cwd: join(here, '..'), stdio: 'ignore' });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const seconds = (ms: number) => (ms / 1000).toFixed(2);
const mb = (n: number | null | undefined) => (n === null || n === undefined ? '–' : n.toFixed(0));

interface Result {
  ms: number;
  rss: number | null;
  mb: number;
  rows: number;
  detail?: Record<string, number>;
}

function measureMedian(mode: Mode, file: string): Result {
  const all = Array.from({ length: runs }, () => measure(mode, file));
  const ms = median(all.map((r) => r.ms));
  const rsses = all.map((r) => r.maxRssMb).filter((r): r is number => r !== null);
  console.log(`  ${mode}: ${seconds(ms)} s (runs: ${all.map((r) => seconds(r.ms)).join(', ')})`);
  return { ms, rss: rsses.length > 0 ? median(rsses) : null, mb: all[0]!.bytes / 1e6, rows: all[0]!.rows, detail: all[0]!.detail };
}

console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ` +
    `median of ${runs} runs; load average at start ${loadavg().map((l) => l.toFixed(1)).join(' ')}`,
);
const bySize = new Map<number, Map<Mode, Result>>();
const tables: string[] = [];
for (const rows of fileModes.length > 0 ? sizes : []) {
  const file = await populationFile(rows);
  console.log(`\n${int(rows)} rows: ${file}`);
  const results = new Map<Mode, Result>();
  for (const mode of fileModes) results.set(mode, measureMedian(mode, file));
  bySize.set(rows, results);
  const duck = results.get('duckdb')?.ms;
  const table = [
    `${int(rows)} rows (${(results.values().next().value?.mb ?? 0).toFixed(0)} MB)`,
    '',
    '| step | time (s) | rows/s | MB/s | peak RSS (MB) | × DuckDB time |',
    '|---|---|---|---|---|---|',
  ];
  for (const [mode, r] of results) {
    const ratio = duck ? (r.ms / duck).toFixed(2) : '–';
    table.push(`| ${STEPS[mode]} | ${seconds(r.ms)} | ${int(rows / (r.ms / 1000))} | ${(r.mb / (r.ms / 1000)).toFixed(0)} | ${mb(r.rss)} | ${ratio} |`);
  }
  // Both sides of the SQL comparison, so a reader can see they looked at the same things.
  for (const mode of ['duckdb', 'dqc-sql-checks'] as const) {
    const detail = results.get(mode)?.detail;
    if (detail) table.push('', `${mode} counts: ${Object.entries(detail).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  }
  tables.push(table.join('\n'));
}

const fileless = new Map<Mode, Result>();
if (filelessModes.length > 0) {
  console.log('\nwithout the bench file:');
  for (const mode of filelessModes) fileless.set(mode, measureMedian(mode, mode === 'startup' ? STARTUP_FILE : String(keys)));
  const table = ['Without the bench file', '', '| step | time (s) | rows or keys | per second | peak RSS (MB) |', '|---|---|---|---|---|'];
  for (const [mode, r] of fileless) {
    const label = mode === 'unique-100m' ? `${int(r.rows)} ${STEPS[mode]}` : STEPS[mode];
    // Rows per second of a 200-row start-up would only restate its time.
    const rate = mode === 'startup' ? '–' : int(r.rows / (r.ms / 1000));
    table.push(`| ${label} | ${seconds(r.ms)} | ${int(r.rows)} | ${rate} | ${mb(r.rss)} |`);
  }
  const detail = fileless.get('unique-100m')?.detail;
  if (detail) table.push('', `unique-100m: ${Object.entries(detail).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  tables.push(table.join('\n'));
}

const [small, large] = [sizes[0] as number, sizes.at(-1) as number];
if (sizes.length > 1 && fileModes.length > 0) {
  const lines = [`time ${int(large)} / ${int(small)} rows (linear = ${large / small}):`];
  for (const mode of fileModes) {
    const a = bySize.get(small)?.get(mode)?.ms;
    const b = bySize.get(large)?.get(mode)?.ms;
    if (a && b) lines.push(`  ${mode}: ${(b / a).toFixed(2)}`);
  }
  tables.push(lines.join('\n'));
}

tables.push(targetLines().join('\n'));
console.log(`\n${tables.join('\n\n')}`);

/**
 * Issue 15's targets, each with this run's median and "met" or by how much it was missed. The
 * speed targets are on the 1M-row file; another size is said. 1 GB / 2 GB are read as GiB, the unit
 * of the peak RSS column.
 */
function targetLines(): string[] {
  const out = ['Targets (issue 15), from the medians above:'];
  const main = sizes.includes(1_000_000) ? 1_000_000 : small;
  const onMain = main === 1_000_000 ? '' : ` (on ${int(main)} rows; the target is on 1,000,000)`;
  const notRun = (mode: Mode, extra = '') => `not run (needs mode ${mode}${extra})`;
  const line = (target: string, figure: string) => out.push(`- ${target}: ${figure}`);

  for (const [mode, target, floor] of [
    ['dqc-full', 'full `vn-population`, default threads ≥ 500,000 rows/s', 500_000],
    ['dqc-full-1-thread', 'full `vn-population`, `--threads 1` ≥ 300,000 rows/s', 300_000],
  ] as const) {
    const r = bySize.get(main)?.get(mode);
    if (!r) {
      line(target, notRun(mode));
      continue;
    }
    const rate = main / (r.ms / 1000);
    const verdict = rate >= floor ? 'met' : `missed by ${int(floor - rate)} rows/s (${(floor / rate).toFixed(2)}× short)`;
    line(target, `${int(rate)} rows/s (${seconds(r.ms)} s)${onMain} — ${verdict}`);
  }

  {
    const target = 'the six SQL checks, dqc-sql-checks / duckdb time ≤ 1.0';
    const [dqc, duck] = [bySize.get(main)?.get('dqc-sql-checks'), bySize.get(main)?.get('duckdb')];
    if (!dqc || !duck) line(target, notRun(!dqc ? 'dqc-sql-checks' : 'duckdb'));
    else {
      const ratio = dqc.ms / duck.ms;
      const verdict = ratio <= 1 ? 'met' : `missed by ${(ratio - 1).toFixed(2)} (dqc takes ${ratio.toFixed(2)}× DuckDB's time)`;
      line(target, `${ratio.toFixed(2)} (${seconds(dqc.ms)} s vs ${seconds(duck.ms)} s)${onMain} — ${verdict}`);
    }
  }

  // Growth and memory at scale: the full pack (it holds `unique` on the ID), and the six checks too when run.
  const scaleModes = (['dqc-full', 'dqc-sql-checks'] as const).filter((m) => fileModes.includes(m));
  const twoSizes = sizes.length > 1;
  const growthTarget = `time ${int(large)} rows = ${large / small} × ${int(small)} rows ± 15%`;
  if (!twoSizes || scaleModes.length === 0) {
    line('10M time = 10 × 1M ± 15%', `not run (needs --rows 1000000,10000000 and mode dqc-full)`);
    line('10M peak RSS ≤ 1 GiB with `unique`', `not run (needs --rows 1000000,10000000 and mode dqc-full)`);
  } else {
    for (const mode of scaleModes) {
      const [a, b] = [bySize.get(small)!.get(mode)!, bySize.get(large)!.get(mode)!];
      const growth = b.ms / a.ms;
      const linear = large / small;
      const [low, high] = [linear * 0.85, linear * 1.15];
      const verdict =
        growth >= low && growth <= high
          ? 'met'
          : `missed by ×${(growth > high ? growth - high : low - growth).toFixed(2)} (allowed ×${low.toFixed(2)} … ×${high.toFixed(2)})`;
      line(`${growthTarget} (${mode})`, `×${growth.toFixed(2)} (${seconds(a.ms)} s → ${seconds(b.ms)} s) — ${verdict}`);
    }
    for (const mode of scaleModes) {
      const rss = bySize.get(large)!.get(mode)!.rss;
      const verdict = rss === null ? 'not measured' : rss <= 1024 ? 'met' : `missed by ${int(rss - 1024)} MB`;
      line(`peak RSS on ${int(large)} rows ≤ 1 GiB with \`unique\` (${mode})`, `${mb(rss)} MB — ${verdict}`);
    }
  }

  {
    const r = fileless.get('unique-100m');
    const target = '100M synthetic 12-digit keys through `unique` ≤ 2 GiB peak RSS';
    if (!r) line(target, notRun('unique-100m', ', off by default: --modes …,unique-100m'));
    else {
      const scale = r.rows === 100_000_000 ? '' : ` (on ${int(r.rows)} keys, not 100M)`;
      const verdict = r.rss === null ? 'not measured' : r.rss <= 2048 ? 'met' : `missed by ${int(r.rss - 2048)} MB`;
      line(target, `${mb(r.rss)} MB, ${seconds(r.ms)} s${scale} — ${verdict}`);
    }
  }

  {
    const r = fileless.get('startup');
    const target = 'start-up on a tiny file ≤ 0.3 s';
    if (!r) line(target, notRun('startup'));
    else line(target, `${seconds(r.ms)} s (${int(r.rows)} rows) — ${r.ms <= 300 ? 'met' : `missed by ${seconds(r.ms - 300)} s`}`);
  }
  return out;
}
