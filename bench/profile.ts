// npx tsx bench/profile.ts [rows=1000000]: dqc profile against dqc check (full vn-population) on the
// same generated export, each in a fresh process: wall time, CPU time (user, which stays meaningful
// on a shared machine), peak RSS. The profile's memory must stay bounded as rows grow: run it at
// two sizes to see that.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { populationFile } from './generate.js';

const AS_OF = '2026-11-01';
const [first, file] = process.argv.slice(2);

if (first === '--child') {
  const mode = process.argv[4];
  const started = process.hrtime.bigint();
  const { resolvePacks } = await import('../src/pack/resolve.js');
  const pack = resolvePacks(['vn-population']);
  let rows: number;
  if (mode === 'profile') {
    const { runProfile } = await import('../src/profile/run.js');
    const { isoDay } = await import('../src/shared/dates.js');
    const profile = await runProfile({ inputs: [file as string], pack, top: 10, today: isoDay(AS_OF) as number });
    rows = profile.inputs[0]?.rows ?? 0;
  } else {
    const { check } = await import('../src/index.js');
    rows = (await check([file as string], { packs: ['vn-population'], asOf: AS_OF, sample: 5 })).summary.rows;
  }
  const usage = process.resourceUsage();
  process.stdout.write(
    `${JSON.stringify({ mode, rows, ms: Number(process.hrtime.bigint() - started) / 1e6, userMs: usage.userCPUTime / 1000, maxRssMb: usage.maxRSS / 1024 })}\n`,
  );
} else {
  const rows = Number(first ?? 1_000_000);
  const path = await populationFile(rows);
  const tsx = fileURLToPath(new URL('../node_modules/tsx/dist/cli.mjs', import.meta.url));
  console.log(`file: ${path}\n\n| step | wall (s) | CPU user (s) | rows/s (CPU) | peak RSS (MB) |\n|---|---|---|---|---|`);
  for (const mode of ['profile', 'check']) {
    const out = execFileSync(process.execPath, [tsx, fileURLToPath(import.meta.url), '--child', path, mode], { encoding: 'utf8' });
    const m = JSON.parse(out.trim().split('\n').pop() as string) as { ms: number; userMs: number; maxRssMb: number; rows: number };
    const label = mode === 'profile' ? 'dqc profile' : 'dqc check, full vn-population';
    console.log(
      `| ${label} | ${(m.ms / 1000).toFixed(1)} | ${(m.userMs / 1000).toFixed(1)} | ${Math.round(m.rows / (m.userMs / 1000)).toLocaleString('en-US')} | ${m.maxRssMb.toFixed(0)} |`,
    );
  }
}
