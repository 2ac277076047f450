// One measurement in a fresh process, so peak RSS belongs to that step alone. Prints JSON.
// Modes: read, csv-parse, fast-csv (the parse floors), dqc-* (the check API on a pack), duckdb
// (the same checks as bench/sql-checks.pack.json, written as SQL: the reference a user would pick),
// startup (the whole CLI as a user runs it, on the given small file), unique-100m (bench/unique-keys.ts;
// the "file" argument is the key count). The last two time a child process, whose peak RSS is its own.
import { parse } from 'csv-parse';
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { check as checkApi } from '../src/index.js';
import { CsvScanner, type FieldSink } from '../src/input/csv-scanner.js';

const [mode, file, asOf] = process.argv.slice(2) as [string, string, string];
const started = process.hrtime.bigint();
let rows = 0;
let detail: unknown;
/** Set by the modes that measure a child process: its own peak RSS, and the time it reports. */
let childRssMb: number | undefined;
let childMs: number | undefined;
const packFile = (name: string) => new URL(`./${name}`, import.meta.url).pathname;
const PACKS: Record<string, string[]> = {
  'dqc-full': ['vn-population'],
  'dqc-full-1-thread': ['vn-population'],
  'dqc-full-4-threads': ['vn-population'],
  'dqc-full-csv-parse': ['vn-population'],
  'dqc-cheap': [packFile('cheap-pack.json')],
  'dqc-sql-checks': [packFile('sql-checks.pack.json')],
};

if (mode === 'read') {
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) rows += (chunk as Buffer).length > 0 ? 0 : 0;
} else if (mode === 'csv-parse') {
  const parser = createReadStream(file, { highWaterMark: 1 << 20 }).pipe(parse({ relax_column_count: true }));
  for await (const _record of parser) rows++;
  rows--; // header
} else if (mode === 'fast-csv') {
  const scanner = new CsvScanner(','.charCodeAt(0), 16 << 20);
  const sink: FieldSink = { begin() {}, record: () => void rows++, skipped() {} };
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) scanner.pushFields(chunk as Buffer, sink);
  scanner.endFields(sink);
  rows--; // header
} else if (PACKS[mode]) {
  // The built engine (bench/run.ts builds first), as the CLI runs it: its worker threads start
  // from dist/ as users' do, not through tsx.
  const { check } = (await import(new URL('../dist/index.js', import.meta.url).href)) as { check: typeof checkApi };
  const threads = mode.endsWith('-1-thread') || mode === 'dqc-full-csv-parse' ? 1 : mode.endsWith('-4-threads') ? 4 : undefined;
  const csvReader = mode === 'dqc-full-csv-parse' ? 'csv-parse' : 'auto';
  const report = await check([file], { packs: PACKS[mode], asOf, sample: 5, threads, csvReader });
  rows = report.summary.rows;
  detail = Object.fromEntries(report.rules.filter((r) => r.status !== 'skipped').map((r) => [r.id, r.failed]));
} else if (mode === 'duckdb') {
  // bench/duckdb is its own package, installed by bench/run.ts; imported by URL so that the root
  // type check does not need it.
  const { runDuckdbChecks } = (await import(new URL('./duckdb/sql.ts', import.meta.url).href)) as {
    runDuckdbChecks: (file: string, asOf: string) => Promise<Record<string, number>>;
  };
  const counts = await runDuckdbChecks(file, asOf);
  detail = counts;
  rows = counts.rows ?? 0;
} else if (mode === 'startup') {
  // The whole process, as a user starts it: node, module loading, pack, a tiny file, the report.
  // GNU time, when there is one, gives the child's peak RSS (Node cannot see a child's rusage);
  // its own fork costs well under a millisecond of the figure.
  const dir = mkdtempSync(join(tmpdir(), 'dqc-startup-'));
  try {
    const cli = new URL('../bin/dqc.js', import.meta.url).pathname;
    const args = [cli, 'check', file, '--format', 'json', '-o', join(dir, 'report.json')];
    const gnuTime = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-f', '%M', '-o', join(dir, 'rss')] : [];
    const [command, ...rest] = [...gnuTime, process.execPath, ...args] as [string, ...string[]];
    const t0 = process.hrtime.bigint();
    const child = spawnSync(command, rest, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    childMs = Number(process.hrtime.bigint() - t0) / 1e6;
    if (child.status !== 0) throw new Error(`dqc check exited with ${child.status}: ${child.stderr}`);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { summary: { rows: number } };
    rows = report.summary.rows;
    if (gnuTime.length > 0) childRssMb = Number(readFileSync(join(dir, 'rss'), 'utf8').trim().split('\n').pop()) / 1024;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
} else if (mode === 'unique-100m') {
  const tsx = new URL('../node_modules/tsx/dist/cli.mjs', import.meta.url).pathname;
  const script = new URL('./unique-keys.ts', import.meta.url).pathname;
  const child = spawnSync(process.execPath, [tsx, script, file], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (child.status !== 0) throw new Error(`unique-keys.ts exited with ${child.status}: ${child.stderr}`);
  const out = JSON.parse(child.stdout.trim().split('\n').pop() as string) as Record<string, number>;
  rows = out.keys as number;
  // The keys' own time (add + finish), not tsx's start-up.
  childMs = ((out.addSeconds as number) + (out.finishSeconds as number)) * 1000;
  childRssMb = out.peakRssMB;
  detail = { repeats: out.repeats, spilledPartitions: out.spilledPartitions, tablesPeakMB: out.tablesPeakMB };
} else {
  throw new Error(`unknown mode ${mode}`);
}

const ms = childMs ?? Number(process.hrtime.bigint() - started) / 1e6;
const bytes = mode === 'unique-100m' ? 0 : statSync(file).size;
// A child whose peak RSS could not be read reports none rather than this process's.
const maxRssMb = mode === 'startup' || mode === 'unique-100m' ? (childRssMb ?? null) : process.resourceUsage().maxRSS / 1024;
process.stdout.write(JSON.stringify({ mode, rows, ms, bytes, maxRssMb, detail }) + '\n');
