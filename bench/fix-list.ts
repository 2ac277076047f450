// npx tsx bench/fix-list.ts [rows=1000000] [check]: the cost of a fix list of one fix per row — dqc check
// with and without --fixes (the list is streamed: peak memory must not grow with it), then dqc fix
// applying it (`check`: the check steps only). Each step runs the built CLI (dist/) in a fresh process; time and peak RSS.
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const rows = Number(process.argv[2] ?? 1_000_000);
const checkOnly = process.argv[3] === 'check';
const here = dirname(fileURLToPath(import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'dqc-bench-fix-'));
const input = join(dir, 'names.csv');

// Every name has a trailing space: one `set` fix per row.
const out = createWriteStream(input);
out.write('so_dinh_danh,ho_ten,ghi_chu\n');
for (let i = 1; i <= rows; i++) {
  const line = `${String(i).padStart(12, '0')},Nguyễn Văn An ${i} ,ghi chú ${i % 97}\n`;
  if (!out.write(line)) await once(out, 'drain');
}
out.end();
await once(out, 'finish');

/** Runs the CLI in a child that reports its own peak RSS. */
function run(args: string[]): { seconds: number; maxRssMb: number } {
  const script = `
    const { main } = await import(${JSON.stringify(join(here, '..', 'dist', 'cli', 'main.js'))});
    const started = performance.now();
    const code = await main(${JSON.stringify(args)}, { stdout: () => {}, stderr: (t) => process.stderr.write(t) });
    console.log(JSON.stringify({ code, seconds: (performance.now() - started) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
  `;
  const text = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 1 << 24 });
  return JSON.parse(text.trim().split('\n').pop() as string);
}

const pack = join(here, 'fix-pack.json');
const mb = (path: string) => (statSync(path).size / 2 ** 20).toFixed(0);
const steps: [string, string[], string?][] = [
  ['dqc check (no fix list)', ['check', input, '--pack', pack, '-q', '--as-of', '2026-11-01']],
  ['dqc check --fixes fixes.jsonl', ['check', input, '--pack', pack, '-q', '--as-of', '2026-11-01', '--fixes', join(dir, 'fixes.jsonl')], 'fixes.jsonl'],
  ['dqc check --fixes fixes.csv', ['check', input, '--pack', pack, '-q', '--as-of', '2026-11-01', '--fixes', join(dir, 'fixes.csv')], 'fixes.csv'],
  ['dqc fix (JSONL list)', ['fix', input, '--fixes', join(dir, 'fixes.jsonl'), '-o', join(dir, 'out.csv'), '-q'], 'out.csv'],
  ['dqc fix (CSV list)', ['fix', input, '--fixes', join(dir, 'fixes.csv'), '-o', join(dir, 'out2.csv'), '-q'], 'out2.csv'],
];
console.log(`${rows} rows, one fix each; input ${mb(input)} MB; Node ${process.version}\n`);
console.log('| step | time | peak RSS | file |\n|---|---|---|---|');
for (const [name, args, produced] of checkOnly ? steps.slice(0, 3) : steps) {
  const m = run(args);
  console.log(`| ${name} | ${m.seconds.toFixed(1)} s | ${m.maxRssMb.toFixed(0)} MB | ${produced ? `${produced} ${mb(join(dir, produced))} MB` : ''} |`);
}
rmSync(dir, { recursive: true, force: true });
