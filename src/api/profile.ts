import { expandInputs, expandSheets } from '../input/expand.js';
import { DEFAULT_PACK } from '../pack/config.js';
import { resolvePacks } from '../pack/resolve.js';
import type { Profile } from '../profile/model.js';
import { runProfile } from '../profile/run.js';
import { badOptionValue } from '../errors.js';
import { speaking } from './language.js';
import {
  LIBRARY_NAMES,
  normalizeLang,
  normalizeReadOptions,
  underPackDialect,
  type OptionNames,
  type RawReadOptions,
  type ReadingOptions,
  type ReadSettings,
} from './options.js';

import { DEFAULT_TOP, MAX_TOP } from './profile-defaults.js';

export { DEFAULT_TOP, MAX_TOP };

/** Options of `profile()`: those of `dqc profile`, by their library names. */
export interface ProfileOptions extends ReadingOptions {
  /** The packs whose fields columns are matched to (default vn-population). */
  packs?: string[];
  /** Most frequent values listed per column (default 10, at most 1,000). */
  top?: number;
}

export interface ProfileSettings extends ReadSettings {
  top: number;
}

/** `--top` and the reading options, checked in the order of the command line. */
export function normalizeProfileOptions(raw: RawReadOptions & { top?: unknown }, names: OptionNames = LIBRARY_NAMES): ProfileSettings {
  const top = raw.top ?? DEFAULT_TOP;
  const given = typeof top === 'number' ? String(top) : top;
  if (typeof given !== 'string' || !/^\d+$/.test(given) || Number(given) > MAX_TOP) throw badOptionValue(names.top, String(given), `0 … ${MAX_TOP}`);
  return { top: Number(given), ...normalizeReadOptions(raw, names) };
}

/** dqc profile: packs resolved, inputs expanded, one streaming pass over each. */
export async function profileWith(
  patterns: readonly string[],
  request: { packs: string[]; settings: ProfileSettings; onProgress?: (rows: number) => void },
): Promise<Profile> {
  const pack = resolvePacks(request.packs);
  const inputs = await expandSheets(await expandInputs(patterns), request.settings.read.sheet);
  const dialect = underPackDialect(request.settings.read.dialect, pack.dialect);
  return runProfile({
    inputs,
    pack,
    top: request.settings.top,
    today: request.settings.asOfDay,
    read: dialect ? { ...request.settings.read, dialect } : request.settings.read,
    onProgress: request.onProgress,
  });
}

/** Profiles files (paths or globs): per column its type, fill, distinct values, shapes and what it holds. */
export async function profile(inputs: string[], options: ProfileOptions = {}): Promise<Profile> {
  const lang = normalizeLang(options.lang);
  return speaking(lang, async () =>
    profileWith(inputs, { packs: options.packs ?? [DEFAULT_PACK], settings: normalizeProfileOptions(options), onProgress: options.onProgress }),
  );
}
