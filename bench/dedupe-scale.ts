// npx tsx bench/dedupe-scale.ts [--rows 10000000]: `dqc check` with `unique` on the ID and
// `same-person` (bench/dedupe-scale-pack.json) on a generated register of N rows with planted
// duplicates and look-alikes (fixtures/same-person.ts, streamed to bench/.cache; 10M rows ≈ 1.7 GB,
// generating them takes ~10 minutes). The check runs as `node bin/dqc.js` in a child process (run
// `npm run build` first): wall time and peak RSS come from `/usr/bin/time -v` when it exists, and
// always from a preload that prints process.resourceUsage().maxRSS as the process exits.
// The issue's target: 10M rows complete on a 2-core machine with peak memory under 3 GB. With
// `--pack bench/dedupe-pack.json`, the same-person rule alone (issue 16: ≤ 5 s at 1M, ≤ 60 s at 10M).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { AS_OF } from '../fixtures/generate.js';
import { SAME_PERSON_SEED, writeSamePersonFiles } from '../fixtures/same-person.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const CACHE_DIR = join(here, '.cache');
const PACK = join(here, 'dedupe-scale-pack.json');
const TIME = '/usr/bin/time';
// Printed by the child as it exits: its own peak RSS, whatever measures the parent has.
const PRELOAD =
  'data:text/javascript,process.on("exit",()=>process.stderr.write("maxrss-kb "+process.resourceUsage().maxRSS+"\\n"))';

function generatorVersion(): string {
  const hash = createHash('sha256');
  for (const file of ['generate.ts', 'same-person.ts']) hash.update(readFileSync(join(root, 'fixtures', file)));
  return hash.digest('hex').slice(0, 10);
}

/** The cached N-row register, generated (streaming) when missing. */
async function registerFile(rows: number): Promise<string> {
  const path = join(CACHE_DIR, `same-person-scale-${rows}-${generatorVersion()}.csv`);
  if (existsSync(path)) return path;
  mkdirSync(CACHE_DIR, { recursive: true });
  const started = performance.now();
  console.log(`generating ${rows.toLocaleString('en-US')} rows into ${path} …`);
  // A tenth of the people get 1–2 duplicates and a twentieth a look-alike: ~1.18 rows per person,
  // so `people = rows` always has enough; the stream is cut at `rows`.
  await writeSamePersonFiles(`${path}.partial`, null, {
    seed: SAME_PERSON_SEED,
    people: rows,
    asOf: AS_OF,
    maxRows: rows,
    onProgress(n) {
      if (n % 1_000_000 === 0) console.log(`  ${n.toLocaleString('en-US')} rows, ${((performance.now() - started) / 1000).toFixed(0)} s`);
    },
  });
  renameSync(`${path}.partial`, path);
  console.log(`generated in ${((performance.now() - started) / 1000).toFixed(0)} s: ${(statSync(path).size / 1e6).toFixed(0)} MB`);
  return path;
}

interface Measurement {
  exitCode: number | null;
  wallS: number;
  timeRssMb: number | null;
  selfRssMb: number | null;
  /** User + system CPU seconds of the child (all its threads), from /usr/bin/time. */
  cpuS: number | null;
  stderr: string;
}

/** Runs `node bin/dqc.js check …` in a child process and measures it. */
function runDqc(file: string, reportPath: string, pack: string): Promise<Measurement> {
  const nodeArgs = ['--import', PRELOAD, join(root, 'bin', 'dqc.js'), 'check', file, '--pack', pack];
  nodeArgs.push('--as-of', AS_OF, '--format', 'json', '--output', reportPath, '--quiet');
  const useTime = existsSync(TIME);
  const [command, args] = useTime ? [TIME, ['-v', process.execPath, ...nodeArgs]] : [process.execPath, nodeArgs];
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const wallS = (performance.now() - started) / 1000;
      const timeKb = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1];
      const selfKb = /maxrss-kb (\d+)/.exec(stderr)?.[1];
      const exit = /Exit status: (\d+)/.exec(stderr)?.[1];
      const user = /User time \(seconds\): ([\d.]+)/.exec(stderr)?.[1];
      const system = /System time \(seconds\): ([\d.]+)/.exec(stderr)?.[1];
      resolve({
        exitCode: exit !== undefined ? Number(exit) : code,
        wallS,
        timeRssMb: timeKb ? Number(timeKb) / 1024 : null,
        selfRssMb: selfKb ? Number(selfKb) / 1024 : null,
        cpuS: user !== undefined && system !== undefined ? Number(user) + Number(system) : null,
        stderr,
      });
    });
  });
}

// --pack bench/dedupe-pack.json: the same-person rule alone.
const { values } = parseArgs({ options: { rows: { type: 'string', default: '10000000' }, pack: { type: 'string', default: PACK } } });
const rows = Number(values.rows);
const pack = values.pack;
if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is missing: run `npm run build` first');
const file = await registerFile(rows);
const reportPath = join(CACHE_DIR, `scale-${rows}.report.json`);
console.log(`file: ${file} (${(statSync(file).size / 1e6).toFixed(0)} MB)`);
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
console.log(`running: node bin/dqc.js check <file> --pack ${pack} (report: ${reportPath}) …`);
// The machine may be shared: the load average says how much of it the run had.
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
const loadBefore = load();
const m = await runDqc(file, reportPath, pack);
const unexpected = m.stderr
  .split('\n')
  .filter((l) => l.trim() !== '' && !/^\s/.test(l) && !/^(maxrss-kb|Command being timed|Command exited with non-zero status 1$)/.test(l));
if (unexpected.length > 0) console.log(`child stderr:\n${unexpected.slice(0, 20).join('\n')}`);
// dqc exits 1 when the gate fails (duplicate IDs are errors); 2 and up is a failed run.
if (m.exitCode === null || m.exitCode > 1 || !existsSync(reportPath)) {
  console.log(`dqc failed: exit ${m.exitCode}\n${m.stderr.slice(-4000)}`);
  process.exitCode = 1;
} else {
  const report = JSON.parse(readFileSync(reportPath, 'utf8')) as {
    summary: { rows: number };
    durationMs: number;
    rules: { id: string; findings: number; failed: number; samples: { data?: Record<string, unknown> }[] }[];
  };
  console.log(`\nrows: ${report.summary.rows.toLocaleString('en-US')} (exit ${m.exitCode})`);
  for (const rule of report.rules) console.log(`  ${rule.id}: ${rule.findings.toLocaleString('en-US')} findings on ${rule.failed.toLocaleString('en-US')} rows`);
  const rss = m.timeRssMb ?? m.selfRssMb;
  console.log(`wall time: ${m.wallS.toFixed(1)} s (dqc's own durationMs ${(report.durationMs / 1000).toFixed(1)} s), ${Math.round(report.summary.rows / m.wallS).toLocaleString('en-US')} rows/s`);
  // CPU seconds stay comparable on a busy machine, where wall time does not.
  console.log(`CPU time: ${m.cpuS === null ? '?' : `${m.cpuS.toFixed(1)} s`}; load average (1, 5, 15 min): ${loadBefore} before, ${load()} after`);
  console.log(`peak RSS: ${rss === null ? '?' : `${rss.toFixed(0)} MB`} (/usr/bin/time: ${m.timeRssMb?.toFixed(0) ?? '—'} MB, process.resourceUsage: ${m.selfRssMb?.toFixed(0) ?? '—'} MB)`);
  console.log(`target (10M rows): peak RSS under 3 GB: ${rss !== null && rss < 3072 ? 'met' : 'NOT met'} at ${rows.toLocaleString('en-US')} rows`);
}
