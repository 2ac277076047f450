// One measurement in a fresh process, so peak RSS belongs to that step alone. Prints JSON.
import { parse } from 'csv-parse';
import { createReadStream, statSync } from 'node:fs';
import { check } from '../src/index.js';

const [mode, file, asOf] = process.argv.slice(2) as [string, string, string];
const started = process.hrtime.bigint();
let rows = 0;

if (mode === 'read') {
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) rows += (chunk as Buffer).length > 0 ? 0 : 0;
} else if (mode === 'csv-parse') {
  const parser = createReadStream(file, { highWaterMark: 1 << 20 }).pipe(parse({ relax_column_count: true }));
  for await (const _record of parser) rows++;
  rows--; // header
} else if (mode === 'dqc-full' || mode === 'dqc-cheap') {
  const packs = mode === 'dqc-full' ? ['vn-population'] : [new URL('./cheap-pack.json', import.meta.url).pathname];
  const report = await check([file], { packs, asOf, sample: 5 });
  rows = report.summary.rows;
} else {
  throw new Error(`unknown mode ${mode}`);
}

const ms = Number(process.hrtime.bigint() - started) / 1e6;
process.stdout.write(
  JSON.stringify({ mode, rows, ms, bytes: statSync(file).size, maxRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n',
);
