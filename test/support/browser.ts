import { existsSync } from 'node:fs';

// Which browser the HTML report's test drives, and whether it runs at all. A test run never installs
// one itself (that takes root, the network and minutes, and changes the machine): without one it
// skips, saying in one line the command that installs it, unless DQC_REQUIRE_BROWSER=1 (.ci/run)
// makes a missing or broken browser a failure.

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';
export const INSTALL_COMMAND = 'npm run browser:install';

export interface BrowserPlan {
  executable: string;
  /** Why the browser test is skipped, in one line; null when it runs (and must launch). */
  skip: string | null;
}

export function browserPlan(env: NodeJS.ProcessEnv, exists: (path: string) => boolean = existsSync): BrowserPlan {
  const executable = env.DQC_CHROMIUM || DEFAULT_CHROMIUM;
  if (env.DQC_REQUIRE_BROWSER === '1') return { executable, skip: null };
  if (env.DQC_SKIP_BROWSER === '1') return { executable, skip: 'browser test skipped: DQC_SKIP_BROWSER=1' };
  if (!exists(executable)) {
    return {
      executable,
      skip: `browser test skipped: no Chromium at ${executable}; \`${INSTALL_COMMAND}\` installs Debian's chromium (or set DQC_CHROMIUM to a Chromium or Chrome)`,
    };
  }
  return { executable, skip: null };
}
