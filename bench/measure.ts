// One measurement in a fresh process, so peak RSS belongs to that step alone. Prints JSON.
// Modes: read, csv-parse, fast-csv (the parse floors), dqc-* (the check API on a pack), duckdb
// (the same checks as bench/sql-checks.pack.json, written as SQL: the reference a user would pick).
import { parse } from 'csv-parse';
import { createReadStream, statSync } from 'node:fs';
import type { check as checkApi } from '../src/index.js';
import { CsvScanner, type FieldSink } from '../src/input/csv-scanner.js';

const [mode, file, asOf] = process.argv.slice(2) as [string, string, string];
const started = process.hrtime.bigint();
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

const ms = Number(process.hrtime.bigint() - started) / 1e6;
process.stdout.write(
  JSON.stringify({ mode, rows, ms, bytes: statSync(file).size, maxRssMb: process.resourceUsage().maxRSS / 1024, detail }) + '\n',
);
