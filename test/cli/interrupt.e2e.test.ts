import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { dqc, ROOT, tempDir } from '../support/cli.js';

// Ctrl-C or a kill during a long run: the temp files of outputs not yet renamed into place (the fix
// list streamed beside its target, its spill file, `dqc fix`'s output and audit log) are removed,
// the target is not created, and the exit code says the run was stopped (128 + the signal).

const BIN = join(ROOT, 'bin', 'dqc.js');
const AS_OF = ['--as-of', '2026-11-01'];

/** The defects fixture repeated: long enough a run that a signal lands while the fix list is written. */
function bigInput(dir: string, copies: number): string {
  const [header, ...rows] = readFileSync(join(ROOT, 'fixtures/population-defects.csv'), 'utf8')
    .split('\n')
    .filter((line) => line.length > 0);
  const path = join(dir, 'big.csv');
  writeFileSync(path, [header, ...Array.from({ length: copies }, () => rows).flat()].join('\n') + '\n');
  return path;
}

/** Files in `dir` whose name starts with `.${target}.`: the temp files of that target. */
function tempsOf(dir: string, target: string): string[] {
  return readdirSync(dir).filter((name) => name.startsWith(`.${target}.`));
}

interface Stopped {
  code: number | null;
  signal: NodeJS.Signals | null;
  seen: string[];
  stderr: string;
}

/**
 * Starts dqc, waits (polling the folder) until a temp file of `target` has data in it, sends
 * `signal`, and resolves with how the process ended and which temp files were there before.
 */
async function interrupt(args: string[], dir: string, target: string, signal: NodeJS.Signals): Promise<Stopped> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env: { PATH: process.env.PATH ?? '', LANG: 'C', NO_COLOR: '1' } });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.resume();
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, sig) => resolve({ code, signal: sig })),
  );
  let exited = false;
  void ended.then(() => (exited = true));
  let seen: string[] = [];
  while (!exited) {
    seen = tempsOf(dir, target).filter((name) => statSync(join(dir, name), { throwIfNoEntry: false })?.size);
    if (seen.length > 0) break;
    await delay(10);
  }
  if (exited) throw new Error(`dqc ended before a temp file of ${target} had data; make the input longer. stderr: ${stderr}`);
  child.kill(signal);
  const end = await ended;
  return { ...end, seen, stderr };
}

describe('an interrupted run leaves no temp files (src/cli/signals.ts)', () => {
  let dir: string;
  let input: string;

  beforeAll(() => {
    dir = tempDir();
    input = bigInput(dir, 200);
  });

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('check --fixes stopped by %s: the fix list temp file is removed, exit %i', async (signal, code) => {
    const stopped = await interrupt(['check', input, ...AS_OF, '--fixes', 'out.csv', '-q', '--threads', '1'], dir, 'out.csv', signal);
    expect(stopped.seen[0]).toMatch(/^\.out\.csv\.[0-9a-f]{12}\.tmp$/);
    expect(tempsOf(dir, 'out.csv')).toEqual([]);
    expect(readdirSync(dir)).not.toContain('out.csv');
    expect({ code: stopped.code, signal: stopped.signal }, stopped.stderr).toEqual({ code, signal: null });
  });

  it('fix stopped by SIGINT: the output temp file is removed, exit 130', async () => {
    // The list of the 300-row fixture under the big file's name: it names rows of the first copy
    // only, and the rest of the file is copied as it is.
    const fixDir = tempDir();
    const big = join(fixDir, 'big.csv');
    writeFileSync(big, readFileSync(join(ROOT, 'fixtures/population-defects.csv')));
    const list = join(fixDir, 'fixes.jsonl');
    const made = dqc(['check', big, ...AS_OF, '--fixes', list, '-q']);
    expect(made.code, made.stderr).toBe(1);
    writeFileSync(big, readFileSync(input));
    const stopped = await interrupt(['fix', big, '--fixes', list, '-o', 'clean.csv'], fixDir, 'clean.csv', 'SIGINT');
    // The output, the dropped rows and the audit log (clean.csv.audit.jsonl …) and their temp files.
    expect(readdirSync(fixDir).filter((name) => name.startsWith('.clean.') || name.startsWith('clean.'))).toEqual([]);
    expect({ code: stopped.code, signal: stopped.signal }, stopped.stderr).toEqual({ code: 130, signal: null });
  });
});

