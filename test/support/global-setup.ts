import { execFileSync } from 'node:child_process';

// End-to-end tests spawn bin/dqc.js, which runs dist/: build it first so they never test stale code.
// DQC_TEST_NO_BUILD=1 skips the build for a quick run of unit tests that never spawn the CLI.
export default function setup(): void {
  if (process.env.DQC_TEST_NO_BUILD === '1') return;
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
}
