// npm run bench:cpu-profile [-- ROWS] (default 1,000,000): where the time of the full `vn-population`
// pack goes, per row, on one thread, and the physical floor beside it. Runs `dqc check FILE --threads 1`
// through the CLI (built dist/, as users run it) once plainly and once under `node --cpu-prof`, and
// charges each sample of the profile to the innermost frame that owns the work: a check type
// (src/checks/<type>, with the helpers it calls in src/vn, src/shared, src/dedupe and V8 built-ins),
// the input reader (src/input), the per-column dictionaries (src/engine/column-dictionary), the rest of
// the engine, the report, GC. Samples before the reader's first sample are start-up (node, modules,
// pack); after its last, the report and exit. The floor: reading the file, dqc's byte scan alone
// (`fast-csv`), DuckDB's six SQL checks (2 threads, its reference setting), from bench/measure.ts.
// A sampling profile (1 ms) on a shared machine: the shares are what to read, not the last digit.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { populationFile } from './generate.js';

const AS_OF = '2026-11-01';
const rows = Number(process.argv[2] ?? 1_000_000);
if (!Number.isInteger(rows) || rows < 1) throw new Error('usage: cpu-profile.ts [ROWS]');
const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'bin', 'dqc.js');
const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** The folder under dist/ of a frame, with the check type's file name for src/checks. */
function distPath(url: string): string | null {
  const at = url.indexOf('/dist/');
  return at < 0 || !url.startsWith(`file://${root}`) ? null : url.slice(at + '/dist/'.length);
}

/**
 * Who a frame's work is charged to; null lets it pass up to its caller (helpers, built-ins, node
 * internals), so that a check's text decoding or Vietnamese model lookups count as that check's.
 */
function owner(frame: CallFrame): string | null {
  const path = distPath(frame.url);
  if (path === null) return null;
  if (path.startsWith('checks/support/')) return null;
  if (path.startsWith('checks/')) return `check ${path.slice('checks/'.length).replace(/\.js$/, '')}`;
  if (path.startsWith('input/')) return 'input: read, scan, decode (src/input)';
  if (path === 'engine/column-dictionary.js') return 'dictionaries (src/engine/column-dictionary.ts)';
  if (path.startsWith('engine/')) return 'engine: batches, rule dispatch, findings (src/engine, other)';
  if (path.startsWith('report/')) return 'report (src/report)';
  if (path.startsWith('vn/') || path.startsWith('shared/') || path.startsWith('dedupe/')) return null;
  return `other dqc (src/${path.split('/')[0]})`;
}

function aggregate(profiles: CpuProfile[]) {
  const total = new Map<string, number>();
  const selfByFunction = new Map<string, number>();
  let sampled = 0;
  for (const profile of profiles) {
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const ownerOf = new Map<number, string>();
    const resolve = (id: number): string => {
      const known = ownerOf.get(id);
      if (known !== undefined) return known;
      const node = byId.get(id)!;
      const name = node.callFrame.functionName;
      let result: string;
      if (name === '(garbage collector)') result = 'GC';
      else if (name === '(idle)') result = 'idle (waiting for the disk or a thread)';
      else if (name === '(program)') result = 'V8 / native, not attributed (program)';
      else if (name === '(root)') result = 'node internals, module loading, streams';
      else {
        const own = owner(node.callFrame);
        const up = parent.get(id);
        result = own ?? (up === undefined ? 'node internals, module loading, streams' : resolve(up));
      }
      ownerOf.set(id, result);
      return result;
    };
    // Whether a node has the input reader on its stack: marks the reading span.
    const readingOf = new Map<number, boolean>();
    const reading = (id: number): boolean => {
      const known = readingOf.get(id);
      if (known !== undefined) return known;
      const node = byId.get(id)!;
      const up = parent.get(id);
      const result = distPath(node.callFrame.url)?.startsWith('input/') === true || (up !== undefined && reading(up));
      readingOf.set(id, result);
      return result;
    };
    // A sample's time is the gap to the next sample (the last one runs to the profile's end).
    const times = profile.samples.map((_, i) => (i + 1 < profile.samples.length ? profile.timeDeltas[i + 1]! : 0));
    let at = profile.startTime;
    const stamps = profile.timeDeltas.map((d) => (at += d));
    if (times.length > 0) times[times.length - 1] = Math.max(0, profile.endTime - stamps.at(-1)!);
    const firstRead = profile.samples.findIndex((id) => reading(id));
    const lastRead = profile.samples.findLastIndex((id) => reading(id));
    profile.samples.forEach((id, i) => {
      const us = times[i]!;
      sampled += us;
      let where = resolve(id);
      if (firstRead < 0 || i < firstRead) where = 'start-up: node, modules, pack (before the first read)';
      else if (i > lastRead && !where.startsWith('idle')) where = `after the last read: ${where}`;
      total.set(where, (total.get(where) ?? 0) + us);
      const f = byId.get(id)!.callFrame;
      const key = `${f.functionName || '(anonymous)'} ${distPath(f.url) ?? (f.url.replace(/^.*node_modules\//, '') || '')}${f.url ? `:${f.lineNumber + 1}` : ''}`;
      selfByFunction.set(key, (selfByFunction.get(key) ?? 0) + us);
    });
  }
  return { total, selfByFunction, sampled };
}

const file = await populationFile(rows);
const mb = statSync(file).size / 1e6;
execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
const dir = mkdtempSync(join(tmpdir(), 'dqc-cpu-profile-'));
const args = [cli, 'check', file, '--as-of', AS_OF, '--threads', '1', '--format', 'json', '-o', join(dir, 'report.json'), '-q'];
const wall = (argv: string[]) => {
  const t0 = process.hrtime.bigint();
  execFileSync(process.execPath, argv, { stdio: 'ignore' });
  return Number(process.hrtime.bigint() - t0) / 1000;
};
let plainUs: number;
let profiledUs: number;
let profiles: CpuProfile[];
try {
  plainUs = wall(args);
  profiledUs = wall(['--cpu-prof', '--cpu-prof-dir', join(dir, 'prof'), ...args]);
  profiles = readdirSync(join(dir, 'prof')).map((f) => JSON.parse(readFileSync(join(dir, 'prof', f), 'utf8')) as CpuProfile);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const perRow = (us: number) => (us / rows).toFixed(2);
const { total, selfByFunction, sampled } = aggregate(profiles);
console.log(`file: ${file} (${rows.toLocaleString('en-US')} rows, ${mb.toFixed(0)} MB); load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log(
  `\nfull \`vn-population\`, \`dqc check --threads 1\` (CLI): ${(plainUs / 1e6).toFixed(2)} s = ${perRow(plainUs)} µs/row; ` +
    `under --cpu-prof ${(profiledUs / 1e6).toFixed(2)} s (${profiles.length} profile${profiles.length === 1 ? '' : 's'}, ${(sampled / 1e6).toFixed(2)} s sampled)\n`,
);
// Start-up is a fixed cost: its µs/row only shrinks as the file grows, so the steady state is given apart.
const fixed = [...total].filter(([where]) => where.startsWith('start-up') || where.startsWith('after the last read')).reduce((sum, [, us]) => sum + us, 0);
console.log('| where the time goes (profiled run; start-up is every sample before the first read) | s | µs/row | share |\n|---|---|---|---|');
for (const [where, us] of [...total].sort((a, b) => b[1] - a[1])) {
  console.log(`| ${where} | ${(us / 1e6).toFixed(2)} | ${perRow(us)} | ${((100 * us) / sampled).toFixed(1)}% |`);
}
console.log(`| **reading and checking the rows (all but start-up and after the last read)** | ${((sampled - fixed) / 1e6).toFixed(2)} | ${perRow(sampled - fixed)} | ${((100 * (sampled - fixed)) / sampled).toFixed(1)}% |`);
console.log('\n| top functions, self time | µs/row | share |\n|---|---|---|');
for (const [fn, us] of [...selfByFunction].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
  console.log(`| \`${fn}\` | ${perRow(us)} | ${((100 * us) / sampled).toFixed(1)}% |`);
}

// The floor, each in a fresh process as `npm run bench` measures it (median of 3).
console.log('\n| physical floor, same file (median of 3) | s | µs/row |\n|---|---|---|');
const floors = { read: 'read the file', 'fast-csv': "dqc's byte scan alone (fast-csv)", duckdb: 'DuckDB, the six SQL checks, 2 threads' } as const;
for (const [mode, label] of Object.entries(floors)) {
  if (mode === 'duckdb') {
    try {
      statSync(join(root, 'bench', 'duckdb', 'node_modules', '@duckdb', 'node-api'));
    } catch {
      console.log(`| ${label} | – | – (run \`npm run bench -- --modes duckdb\` once to install it) |`);
      continue;
    }
  }
  const runs = Array.from({ length: 3 }, () => {
    const out = execFileSync(process.execPath, [tsx, join(root, 'bench', 'measure.ts'), mode, file, AS_OF], { encoding: 'utf8', maxBuffer: 1 << 26 });
    return (JSON.parse(out.trim().split('\n').pop() as string) as { ms: number }).ms;
  }).sort((a, b) => a - b);
  console.log(`| ${label} | ${(runs[1]! / 1000).toFixed(2)} | ${perRow(runs[1]! * 1000)} |`);
}
