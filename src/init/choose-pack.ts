// Which pack a config extends: the one the user names, else the shipped pack that binds the most
// columns of the profiled file (vn-population first on a tie), else none when no shipped pack binds
// any column (a config of new fields only).

import { extname, relative, resolve, sep } from 'node:path';
import { DEFAULT_PACK } from '../pack/config.js';
import { shippedPackNames } from '../pack/locate.js';
import { resolvePacks } from '../pack/resolve.js';
import type { InputProfile } from '../profile/model.js';
import { rebindInput } from '../profile/run.js';
import type { Base } from './plan.js';

const PACK_EXTENSIONS = ['.json', '.yaml', '.yml'];

/** A path as a config writes it: relative to the config's directory, with forward slashes. */
export function relativeRef(fromDir: string, target: string): string {
  const rel = relative(fromDir, target).split(sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

function looksLikePath(ref: string): boolean {
  return ref.includes('/') || ref.includes('\\') || PACK_EXTENSIONS.includes(extname(ref).toLowerCase());
}

export interface Choice {
  base: Base | null;
  /** The profile with its columns bound to the chosen pack's fields. */
  input: InputProfile | null;
}

/** `given` is --pack as typed (a name, or a path from the current directory); `configDir` is where the config goes. */
export function choosePack(input: InputProfile | null, given: string | undefined, configDir: string): Choice {
  if (given !== undefined) {
    const pack = resolvePacks([given]);
    const ref = looksLikePath(given) ? relativeRef(configDir, resolve(given)) : given;
    return { base: { ref, pack }, input: input && rebindInput(input, pack) };
  }
  if (!input) return { base: { ref: DEFAULT_PACK, pack: resolvePacks([DEFAULT_PACK]) }, input };
  const names = shippedPackNames();
  const ordered = [DEFAULT_PACK, ...names.filter((n) => n !== DEFAULT_PACK)].filter((n) => names.includes(n));
  let best: (Choice & { bound: number }) | null = null;
  for (const name of ordered) {
    const pack = resolvePacks([name]);
    const rebound = rebindInput(input, pack);
    const bound = rebound.columns.filter((c) => c.field !== null).length;
    if (bound > 0 && (!best || bound > best.bound)) best = { base: { ref: name, pack }, input: rebound, bound };
  }
  if (best) return { base: best.base, input: best.input };
  return { base: null, input: rebindInput(input, { packs: [], columns: {}, rules: [], thresholds: {} }) };
}
