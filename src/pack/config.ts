// A project's own configuration: a pack named dqc.config.json (or .yaml, .yml) in the directory
// dqc runs in, usually written by `dqc init --from <file>`. It is an ordinary pack (same schema,
// `extends` a shipped pack, adds header aliases and rules), used when no --pack is given, so that
// `dqc check export.csv` in that directory binds the export's own headers. Only the current
// directory is looked at, not its parents: a config found far away would silently change what a
// check means.

import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The names a config may have, in the order they are looked for (the first one found is used). */
export const CONFIG_FILE_NAMES = ['dqc.config.json', 'dqc.config.yaml', 'dqc.config.yml'] as const;

/** The shipped pack used when there is neither --pack nor a config. */
export const DEFAULT_PACK = 'vn-population';

/** The config file of a directory, or null. */
export function findConfig(dir: string = process.cwd()): string | null {
  for (const name of CONFIG_FILE_NAMES) {
    const path = join(dir, name);
    if (existsSync(path)) return path;
  }
  return null;
}

/** The packs a command uses: the ones given with --pack, else the directory's config, else the default pack. */
export function packRefs(given: readonly string[] | undefined, dir: string = process.cwd()): string[] {
  if (given && given.length > 0) return [...given];
  const config = findConfig(dir);
  return config ? [config] : [DEFAULT_PACK];
}
