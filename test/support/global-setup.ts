import { execFileSync } from 'node:child_process';

// End-to-end tests spawn bin/dqc.js, which runs dist/: build it first so they never test stale code.
export default function setup(): void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
}
