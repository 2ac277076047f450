// npx tsx bench/formats.ts [--rows 1000000] [--runs 3]: the full default pack through `dqc check`
// (built CLI, `npm run build` first) on the same N-row export as CSV, Parquet and an Excel workbook,
// side by side in one run: median wall time, rows/s and peak RSS of each. The Parquet file is
// written with hyparquet-writer (every column as text, row groups of 100,000 rows, snappy), the
// workbook with exceljs' streaming writer (text cells), both from the cached CSV, into bench/.cache.
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, renameSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { populationFile } from './generate.js';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '3' } } });
const rows = Number(values.rows);
const runs = Number(values.runs);
const root = join(import.meta.dirname, '..');

async function* records(csv: string): AsyncGenerator<string[]> {
  yield* createReadStream(csv).pipe(parse({ bom: true, relax_column_count: true })) as AsyncIterable<string[]>;
}

async function parquetOf(csv: string): Promise<string> {
  const path = csv.replace(/\.csv$/, '.parquet');
  if (existsSync(path)) return path;
  let header: string[] = [];
  const columns: (string | null)[][] = [];
  for await (const record of records(csv)) {
    if (header.length === 0) {
      header = record;
      header.forEach(() => columns.push([]));
      continue;
    }
    header.forEach((_, k) => columns[k]!.push(record[k] === '' || record[k] === undefined ? null : record[k]!));
  }
  const columnData = header.map((name, k) => ({ name, data: columns[k]!, type: 'STRING' as const }));
  writeFileSync(`${path}.partial`, new Uint8Array(parquetWriteBuffer({ columnData, rowGroupSize: 100_000 })));
  renameSync(`${path}.partial`, path);
  return path;
}

async function workbookOf(csv: string): Promise<string> {
  const path = csv.replace(/\.csv$/, '.xlsx');
  if (existsSync(path)) return path;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: `${path}.partial`, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet('Danh sách');
  for await (const record of records(csv)) sheet.addRow(record.map((cell) => (cell === '' ? null : cell))).commit();
  sheet.commit();
  await workbook.commit();
  renameSync(`${path}.partial`, path);
  return path;
}

/** One `dqc check` run: wall seconds and peak RSS (MB) from /usr/bin/time -v. */
function run(file: string): { seconds: number; rssMb: number; code: number | null } {
  const started = performance.now();
  const result = spawnSync('/usr/bin/time', ['-v', process.execPath, join(root, 'bin/dqc.js'), 'check', file, '--as-of', '2026-11-01', '--quiet', '--format', 'json', '-o', '/dev/null'], { encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr);
  return { seconds, rssMb: rss ? Number(rss[1]) / 1024 : NaN, code: result.status };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const csv = await populationFile(rows);
const files = { csv, parquet: await parquetOf(csv), xlsx: await workbookOf(csv) };
console.log(`${rows.toLocaleString('en-US')} rows, ${runs} runs each, interleaved; ${cpus().length} cores, load ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
const times: Record<string, { seconds: number[]; rss: number[] }> = {};
for (let r = 0; r < runs; r++) {
  for (const [format, file] of Object.entries(files)) {
    const m = run(file);
    if (m.code !== 0 && m.code !== 1) throw new Error(`${format}: dqc check exited ${m.code}`);
    (times[format] ??= { seconds: [], rss: [] }).seconds.push(m.seconds);
    times[format]!.rss.push(m.rssMb);
  }
}
console.log('| format | median s | rows/s | peak RSS MB (median) |\n|---|---|---|---|');
for (const [format, t] of Object.entries(times)) {
  const s = median(t.seconds);
  console.log(`| ${format} | ${s.toFixed(2)} | ${Math.round(rows / s).toLocaleString('en-US')} | ${Math.round(median(t.rss))} |`);
}
console.log(`load after: ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
