// npm run bench [-- --rows 1000000 --runs 3]: generates (and caches) a population export, then
// measures each step in a fresh process, several runs, and prints the medians side by side.
import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { populationFile } from './generate.js';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '3' } } });
const rows = Number(values.rows);
const runs = Number(values.runs);
const here = dirname(fileURLToPath(import.meta.url));
const AS_OF = '2026-11-01';

interface Measurement {
  mode: string;
  rows: number;
  ms: number;
  bytes: number;
  maxRssMb: number;
}

function measure(mode: string, file: string): Measurement {
  const tsx = join(here, '..', 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const out = execFileSync(process.execPath, [tsx, join(here, 'measure.ts'), mode, file, AS_OF], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop() as string) as Measurement;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

const file = await populationFile(rows);
console.log(`file: ${file}`);
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; median of ${runs} runs\n`);
const steps = [
  ['read', 'read the file (floor)'],
  ['csv-parse', 'csv-parse alone'],
  ['dqc-cheap', 'dqc check, cheap row checks'],
  ['dqc-full', 'dqc check, full vn-population'],
] as const;
const table: string[] = ['| step | time (s) | rows/s | MB/s | peak RSS (MB) |', '|---|---|---|---|---|'];
for (const [mode, label] of steps) {
  const results = Array.from({ length: runs }, () => measure(mode, file));
  const ms = median(results.map((r) => r.ms));
  const rss = median(results.map((r) => r.maxRssMb));
  const mb = results[0]!.bytes / 1e6;
  table.push(
    `| ${label} | ${(ms / 1000).toFixed(2)} | ${Math.round(rows / (ms / 1000)).toLocaleString('en-US')} | ${(mb / (ms / 1000)).toFixed(0)} | ${rss.toFixed(0)} |`,
  );
  console.log(table.at(-1));
}
console.log(`\n${table.join('\n')}`);
