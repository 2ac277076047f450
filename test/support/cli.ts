import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'dqc.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real executable, as a user or a CI job would, with a neutral locale unless told. */
export function dqc(args: string[], options: { env?: Record<string, string>; cwd?: string } = {}): CliResult {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', LANG: 'C', NO_COLOR: '1', ...options.env };
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs dqc with --format json and parses the report from stdout. */
export function dqcJson(args: string[], options: { env?: Record<string, string>; cwd?: string } = {}) {
  const result = dqc([...args, '--format', 'json', '--quiet'], options);
  let report: Record<string, unknown> & { [key: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any
  try {
    report = JSON.parse(result.stdout);
  } catch {
    throw new Error(`not JSON (exit ${result.code}): ${result.stdout.slice(0, 300)} ${result.stderr.slice(0, 500)}`);
  }
  return { ...result, report };
}

const made: string[] = [];

/** A fresh folder under the system's temp folder, removed after the test file (test/support/temp-cleanup.ts). */
export function tempDir(prefix = 'dqc-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes every folder tempDir made in this test file. */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
