import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserPlan, INSTALL_COMMAND } from './support/browser.js';
import { ROOT, tempDir } from './support/cli.js';

// What `npm test` itself does to a machine: it leaves nothing in the temp folder, and on a machine
// without Chromium it passes, skipping the browser test with one line that names the command that
// installs it; under DQC_REQUIRE_BROWSER=1 (.ci/run) a missing browser fails the run instead.
// Each case runs vitest on one test file in a child process, with its own TMPDIR to look at.

const outside = tempDir('dqc-test-run-check-');

function vitest(file: string, env: Record<string, string>) {
  const tmp = mkdtempSync(join(outside, 'tmp-'));
  const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', file], {
    cwd: ROOT,
    // dist/ was built by this run's global setup; the child need not build it again.
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TMPDIR: tmp, NO_COLOR: '1', DQC_TEST_NO_BUILD: '1', ...env },
    encoding: 'utf8',
  });
  return { code: run.status, output: `${run.stdout}${run.stderr}`, left: readdirSync(tmp) };
}

describe('npm test on the machine it runs on', () => {
  it('removes the temp folders its tests make', () => {
    const run = vitest('test/shared/temp-files.test.ts', {});
    expect(run.code, run.output).toBe(0);
    expect(run.left).toEqual([]);
  }, 120_000);

  it('passes without Chromium, skipping the browser test with one line naming the install command', () => {
    const run = vitest('test/browser/html-report.test.ts', { DQC_CHROMIUM: join(outside, 'no-chromium-here') });
    expect(run.code, run.output).toBe(0);
    const lines = run.output.split('\n').filter((line) => line.includes('browser test skipped'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(INSTALL_COMMAND);
    expect(run.output).toMatch(/4 skipped/);
  }, 120_000);

  it('fails, not skips, without Chromium when the browser is required (.ci/run)', () => {
    const run = vitest('test/browser/html-report.test.ts', { DQC_CHROMIUM: join(outside, 'no-chromium-here'), DQC_REQUIRE_BROWSER: '1', DQC_SKIP_BROWSER: '1' });
    expect(run.code, run.output).toBe(1);
    expect(run.output).toContain(`cannot launch ${join(outside, 'no-chromium-here')}`);
  }, 120_000);
});

describe('browserPlan (test/support/browser.ts)', () => {
  const none = () => false;
  const all = () => true;
  it.each([
    ['a Chromium at the default path runs', {}, all, '/usr/bin/chromium', false],
    ['no Chromium skips', {}, none, '/usr/bin/chromium', true],
    ['DQC_CHROMIUM names the executable', { DQC_CHROMIUM: '/opt/chrome/chrome' }, all, '/opt/chrome/chrome', false],
    ['DQC_SKIP_BROWSER=1 skips', { DQC_SKIP_BROWSER: '1' }, all, '/usr/bin/chromium', true],
    ['DQC_REQUIRE_BROWSER=1 runs even without one (and so fails)', { DQC_REQUIRE_BROWSER: '1', DQC_SKIP_BROWSER: '1' }, none, '/usr/bin/chromium', false],
  ] as const)('%s', (_name, env, exists, executable, skipped) => {
    const plan = browserPlan(env, exists);
    expect(plan.executable).toBe(executable);
    expect(plan.skip !== null).toBe(skipped);
  });
});
