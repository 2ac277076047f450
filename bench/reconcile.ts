// npm run bench:reconcile -- [--reference 10000000] [--every 10]: `dqc reconcile` of an export of
// N/every rows against a generated reference extract of N rows (the issue's figure: 1M against 10M).
//
// Both files come from one streamed pass of `populationRows` (fixtures/generate.ts) into
// bench/.cache (outside git), cached by the generator's hash: every person goes to the reference
// (6 columns, ISO dates, as a database extract), every `every`-th person to the export (the 17
// population columns), about 5% of them with a planted difference (name without diacritics, date
// of birth a day off, one ID digit wrong, sex empty, death missing here). 10M reference rows ≈
// 0.9 GB, the 1M export ≈ 0.2 GB; generating them takes a few minutes.
//
// The run is `node bin/dqc.js reconcile …` in a child process (run `npm run build` first): wall
// time and peak RSS from `/usr/bin/time -v` when it exists, and always from a preload that prints
// process.resourceUsage().maxRSS as the process exits (see bench/dedupe-scale.ts).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { AS_OF, csvRecord, formatDmy, parseDmy, POPULATION_HEADERS, populationRows, STATUS_ACTIVE } from '../fixtures/generate.js';
import { REFERENCE_HEADERS } from '../fixtures/reconcile.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const CACHE_DIR = join(here, '.cache');
const SEED = 20_261_202;
const TIME = '/usr/bin/time';
const PRELOAD =
  'data:text/javascript,process.on("exit",()=>process.stderr.write("maxrss-kb "+process.resourceUsage().maxRSS+"\\n"))';

/** Bump when `generate` below changes what it writes (the fixture generators are hashed too). */
const GENERATOR_VERSION = '1';

function generatorVersion(): string {
  const hash = createHash('sha256').update(GENERATOR_VERSION);
  for (const file of ['fixtures/generate.ts', 'fixtures/reconcile.ts']) hash.update(readFileSync(join(root, file)));
  return hash.digest('hex').slice(0, 10);
}

const iso = (dmy: string): string => (dmy === '' ? '' : `${dmy.slice(6)}-${dmy.slice(3, 5)}-${dmy.slice(0, 2)}`);
const plain = (text: string): string => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');

/** Writes the pair, streaming; returns the planted differences by kind. */
async function generate(referencePath: string, localPath: string, people: number, every: number): Promise<Record<string, number>> {
  const open = (path: string) => {
    const out = createWriteStream(path);
    const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
    const end = () => new Promise<void>((r, j) => out.end((error?: Error | null) => (error ? j(error) : r())));
    return { write, end };
  };
  const ref = open(`${referencePath}.partial`);
  const local = open(`${localPath}.partial`);
  await ref.write(csvRecord(REFERENCE_HEADERS) + '\n');
  await local.write(csvRecord(POPULATION_HEADERS) + '\n');
  const planted: Record<string, number> = {};
  const plant = (kind: string) => void (planted[kind] = (planted[kind] ?? 0) + 1);
  let refBatch = '';
  let localBatch = '';
  let n = 0;
  const started = performance.now();
  for (const p of populationRows({ seed: SEED, count: people, asOf: AS_OF })) {
    n++;
    if (n % every === 0) {
      const row = { ...p };
      // ~5% of the export differs from the reference, one kind per row.
      switch (Math.floor(n / every) % 100) {
        case 1:
          row.ho_ten = plain(row.ho_ten);
          plant('name without diacritics');
          break;
        case 2:
          row.ngay_sinh = formatDmy((parseDmy(row.ngay_sinh) as number) + 1);
          plant('date of birth a day off');
          break;
        case 3:
          row.so_dinh_danh = row.so_dinh_danh.slice(0, 11) + String((Number(row.so_dinh_danh[11]) + 5) % 10);
          plant('one ID digit wrong');
          break;
        case 4:
          row.gioi_tinh = '';
          plant('sex empty');
          break;
        case 5:
          if (row.ngay_chet !== '') {
            row.ngay_chet = '';
            row.trang_thai = STATUS_ACTIVE;
            plant('death missing here');
          }
          break;
      }
      localBatch += csvRecord(POPULATION_HEADERS.map((h) => row[h])) + '\n';
    }
    refBatch += csvRecord([p.so_dinh_danh, p.ho_ten, iso(p.ngay_sinh), p.gioi_tinh, p.noi_dang_ky_khai_sinh, iso(p.ngay_chet)]) + '\n';
    if (n % 10_000 === 0) {
      await ref.write(refBatch);
      await local.write(localBatch);
      refBatch = '';
      localBatch = '';
    }
    if (n % 1_000_000 === 0) console.log(`  ${n.toLocaleString('en-US')} people, ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  await ref.write(refBatch);
  await local.write(localBatch);
  await ref.end();
  await local.end();
  renameSync(`${referencePath}.partial`, referencePath);
  renameSync(`${localPath}.partial`, localPath);
  return planted;
}

interface Measurement {
  exitCode: number | null;
  wallS: number;
  /** User + system CPU seconds (from /usr/bin/time): what the run cost, whatever else the machine did. */
  cpuS: number | null;
  timeRssMb: number | null;
  selfRssMb: number | null;
  stderr: string;
}

function runDqc(args: string[]): Promise<Measurement> {
  const nodeArgs = ['--import', PRELOAD, join(root, 'bin', 'dqc.js'), ...args];
  const useTime = existsSync(TIME);
  const [command, commandArgs] = useTime ? [TIME, ['-v', process.execPath, ...nodeArgs]] : [process.execPath, nodeArgs];
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, { stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const timeKb = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1];
      const selfKb = /maxrss-kb (\d+)/.exec(stderr)?.[1];
      const exit = /Exit status: (\d+)/.exec(stderr)?.[1];
      const user = /User time \(seconds\): ([\d.]+)/.exec(stderr)?.[1];
      const system = /System time \(seconds\): ([\d.]+)/.exec(stderr)?.[1];
      resolve({
        exitCode: exit !== undefined ? Number(exit) : code,
        wallS: (performance.now() - started) / 1000,
        cpuS: user !== undefined && system !== undefined ? Number(user) + Number(system) : null,
        timeRssMb: timeKb ? Number(timeKb) / 1024 : null,
        selfRssMb: selfKb ? Number(selfKb) / 1024 : null,
        stderr,
      });
    });
  });
}

const { values } = parseArgs({ options: { reference: { type: 'string', default: '10000000' }, every: { type: 'string', default: '10' } } });
const people = Number(values.reference);
const every = Number(values.every);
if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is missing: run `npm run build` first');
mkdirSync(CACHE_DIR, { recursive: true });
const version = generatorVersion();
const referencePath = join(CACHE_DIR, `reconcile-reference-${people}-${version}.csv`);
const localPath = join(CACHE_DIR, `reconcile-local-${people}-${every}-${version}.csv`);
if (!existsSync(referencePath) || !existsSync(localPath)) {
  console.log(`generating ${people.toLocaleString('en-US')} reference rows and every ${every}th as the export …`);
  const started = performance.now();
  const planted = await generate(referencePath, localPath, people, every);
  console.log(`generated in ${((performance.now() - started) / 1000).toFixed(0)} s; planted: ${JSON.stringify(planted)}`);
}
const reportPath = join(CACHE_DIR, `reconcile-${people}.report.json`);
const fixesPath = join(CACHE_DIR, `reconcile-${people}.fixes.csv`);
console.log(`reference: ${referencePath} (${(statSync(referencePath).size / 1e6).toFixed(0)} MB)`);
console.log(`export:    ${localPath} (${(statSync(localPath).size / 1e6).toFixed(0)} MB)`);
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
const m = await runDqc([
  'reconcile', localPath, '--reference', referencePath, '--as-of', AS_OF,
  '--format', 'json', '--output', reportPath, '--fixes', fixesPath, '--quiet',
]);
console.log(`load after: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
if (m.exitCode === null || m.exitCode > 1 || !existsSync(reportPath)) {
  console.log(`dqc failed: exit ${m.exitCode}\n${m.stderr.slice(-4000)}`);
  process.exitCode = 1;
} else {
  const report = JSON.parse(readFileSync(reportPath, 'utf8')) as {
    inputs: { rows: number }[];
    durationMs: number;
    rules: { id: string; findings: number; failed: number; evaluated: number }[];
  };
  const rows = report.inputs.reduce((n, i) => n + i.rows, 0);
  console.log(`\nrows: export ${report.inputs[0]?.rows.toLocaleString('en-US')}, reference ${report.inputs[1]?.rows.toLocaleString('en-US')} (exit ${m.exitCode})`);
  for (const rule of report.rules) console.log(`  ${rule.id}: ${rule.findings.toLocaleString('en-US')} findings on ${rule.failed.toLocaleString('en-US')} of ${rule.evaluated.toLocaleString('en-US')}`);
  const rss = m.timeRssMb ?? m.selfRssMb;
  if (m.cpuS !== null) console.log(`CPU time: ${m.cpuS.toFixed(1)} s (user + system), ${Math.round(rows / m.cpuS).toLocaleString('en-US')} rows per CPU second`);
  console.log(`wall time: ${m.wallS.toFixed(1)} s (dqc's own durationMs ${(report.durationMs / 1000).toFixed(1)} s), ${Math.round(rows / m.wallS).toLocaleString('en-US')} rows/s over both files`);
  console.log(`peak RSS: ${rss === null ? '?' : `${rss.toFixed(0)} MB`} (/usr/bin/time: ${m.timeRssMb?.toFixed(0) ?? '—'} MB, process.resourceUsage: ${m.selfRssMb?.toFixed(0) ?? '—'} MB)`);
}
