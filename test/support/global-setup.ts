import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// End-to-end tests spawn bin/dqc.js, which runs dist/: build it first so they never test stale code.
// DQC_TEST_NO_BUILD=1 skips the build for a quick run of unit tests that never spawn the CLI.
//
// The whole run gets one temp folder of its own (TMPDIR, which the test workers inherit and
// os.tmpdir() reads): whatever a test, a library or a browser leaves in it goes at the end, so
// `npm test` leaves nothing in /tmp even when a test file forgets to clean up or fails half-way.
export default function setup(): () => void {
  const runDir = mkdtempSync(join(tmpdir(), 'dqc-test-run-'));
  process.env.TMPDIR = runDir;
  if (process.env.DQC_TEST_NO_BUILD !== '1') {
    execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
    // The rest of `npm run build`: the schema validators compiled ahead of time (src/pack/validators.ts).
    execFileSync(process.execPath, ['--input-type=module', '-e', "await (await import('./dist/pack/validators-build.js')).writeValidatorsModule()"], { stdio: 'inherit' });
  }
  return () => rmSync(runDir, { recursive: true, force: true });
}
