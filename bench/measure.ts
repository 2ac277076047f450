// One measurement in a fresh process, so peak RSS belongs to that step alone. Prints JSON.
// Modes: read, csv-parse, fast-csv (the parse floors), dqc-* (the check API on a pack), duckdb
// (the same checks as bench/sql-checks.pack.json, written as SQL: the reference a user would pick),
// dqc-startup (the whole CLI process on a 200-row fixture: start-up, not throughput).
import { parse } from 'csv-parse';
import { execFileSync } from 'node:child_process';
import { createReadStream, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { check as checkApi } from '../src/index.js';
import { CsvScanner, type FieldSink } from '../src/input/csv-scanner.js';

const [mode, benchFile, asOf] = process.argv.slice(2) as [string, string, string];
// Start-up is measured on the small clean fixture, whatever the bench file.
const file = mode === 'dqc-startup' ? fileURLToPath(new URL('../fixtures/population-clean.csv', import.meta.url)) : benchFile;
const started = process.hrtime.bigint();
/** The time of the step when it is not this process's own (dqc-startup). */
let stepMs: number | undefined;
let rows = 0;
let detail: unknown;
const packFile = (name: string) => new URL(`./${name}`, import.meta.url).pathname;
const PACKS: Record<string, string[]> = {
  'dqc-full': ['vn-population'],
  'dqc-full-1-thread': ['vn-population'],
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
  const threads = mode.endsWith('-1-thread') || mode === 'dqc-full-csv-parse' ? 1 : undefined;
  const csvReader = mode === 'dqc-full-csv-parse' ? 'csv-parse' : 'auto';
  const report = await check([file], { packs: PACKS[mode], asOf, sample: 5, threads, csvReader });
  rows = report.summary.rows;
  detail = Object.fromEntries(report.rules.filter((r) => r.status !== 'skipped').map((r) => [r.id, r.failed]));
} else if (mode === 'dqc-startup') {
  // As a user starts it: node, the CLI's modules, the shipped pack, 200 rows, a JSON report to a
  // file (and the console summary, to a pipe). Timed from outside, spawn to exit.
  const out = join(tmpdir(), `dqc-startup-${process.pid}.json`);
  const bin = fileURLToPath(new URL('../bin/dqc.js', import.meta.url));
  const spawned = process.hrtime.bigint();
  execFileSync(process.execPath, [bin, 'check', file, '--as-of', asOf, '--format', 'json', '-o', out], { stdio: ['ignore', 'pipe', 'inherit'] });
  stepMs = Number(process.hrtime.bigint() - spawned) / 1e6;
  rows = (JSON.parse(readFileSync(out, 'utf8')) as { summary: { rows: number } }).summary.rows;
  rmSync(out, { force: true });
} else if (mode === 'duckdb') {
  // bench/duckdb is its own package, installed by bench/run.ts; imported by URL so that the root
  // type check does not need it.
  const { runDuckdbChecks } = (await import(new URL('./duckdb/sql.ts', import.meta.url).href)) as {
    runDuckdbChecks: (file: string, asOf: string) => Promise<Record<string, number>>;
  };
  const counts = await runDuckdbChecks(file, asOf);
  detail = counts;
  rows = counts.rows ?? 0;
} else {
  throw new Error(`unknown mode ${mode}`);
}

const ms = stepMs ?? Number(process.hrtime.bigint() - started) / 1e6;
process.stdout.write(
  JSON.stringify({ mode, rows, ms, bytes: statSync(file).size, maxRssMb: process.resourceUsage().maxRSS / 1024, detail }) + '\n',
);
