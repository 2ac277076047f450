import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';
import { STACK_LINE } from './support.js';

// Found while throwing hostile inputs at the CLI: `dqc check … | head` closes the pipe early, and
// the next write to stdout failed with EPIPE, which Node printed as an unhandled 'error' event with
// a stack trace. dqc now stops writing to that stream quietly (src/cli/main.ts).

function runIntoClosedPipe(): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'bin', 'dqc.js'), 'check', 'fixtures/population-defects.csv', '--format', 'json', '--quiet'],
      { cwd: ROOT, env: { PATH: process.env.PATH ?? '', LANG: 'C', NO_COLOR: '1' } },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Like `| head -c 0`: the reading end is closed before dqc writes its report.
    child.stdout.destroy();
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('dqc writing into a pipe closed early', () => {
  it('stops without a stack trace', async () => {
    const { stderr } = await runIntoClosedPipe();
    expect(stderr).not.toMatch(STACK_LINE);
    expect(stderr).not.toContain('EPIPE');
  });
});
