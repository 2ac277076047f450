import { existsSync, readdirSync } from 'node:fs';
import { dirname, extname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DqcError } from '../errors.js';

/** rules/ of the installed package: two levels up from src/pack or dist/pack. */
export const SHIPPED_RULES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'rules');

const PACK_EXTENSIONS = ['.json', '.yaml', '.yml'];

export function shippedPackNames(): string[] {
  return readdirSync(SHIPPED_RULES_DIR)
    .filter((file) => PACK_EXTENSIONS.includes(extname(file)) && !file.includes('.schema.'))
    .map((file) => file.slice(0, -extname(file).length))
    .sort();
}

function looksLikePath(ref: string): boolean {
  return ref.includes('/') || ref.includes('\\') || PACK_EXTENSIONS.includes(extname(ref).toLowerCase());
}

/** A pack reference is a path (relative to the pack or directory that names it) or a shipped pack name. */
export function locatePack(ref: string, fromDir: string): string {
  if (looksLikePath(ref)) {
    const path = isAbsolute(ref) ? ref : resolve(fromDir, ref);
    if (existsSync(path)) return path;
  } else {
    for (const ext of PACK_EXTENSIONS) {
      const path = resolve(SHIPPED_RULES_DIR, ref + ext);
      if (existsSync(path)) return path;
    }
  }
  throw new DqcError('DQC_PACK_NOT_FOUND', { pack: ref, shipped: shippedPackNames().join(', ') });
}
